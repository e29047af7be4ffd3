import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkHost, type HostCheckResult } from '../../src/core/net/index';
import { generateCertificates, type CertCase } from './lab/certs';
import { missingBinaries } from './lab/processes';
import { XfreerdpClient } from './lab/xfreerdp';
import { canRunAsNobody, XrdpServer, type XrdpSetup } from './lab/xrdp';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const missing = missingBinaries(['xrdp', 'openssl', 'setpriv']);
const skip = missing.length > 0 ? `not installed: ${missing.join(', ')} (CI installs them; see .ci/run)` : !canRunAsNobody() && 'running xrdp as nobody takes root';
const noXfreerdp = missingBinaries(['xfreerdp', 'Xvfb']).length > 0 && 'xfreerdp or Xvfb is not installed';
/** What the check says of a server that gives up on Standard RDP Security, however the Ultimatum and the close reach it. */
const GAVE_UP = /^The server selected Standard RDP Security but could not go on with it, so no client can connect with it\. The server (sent an MCS Disconnect Provider Ultimatum with reason rn-user-requested instead of an MCS Connect Response|closed the connection|reset the connection)/;

describe('xrdp run as nobody: it cannot read /etc/xrdp/rsakeys.ini (real server, Standard RDP Security fails)', { skip }, () => {
  let dir: string;
  let valid: CertCase;
  let xrdp: XrdpServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-xrdp-nobody-'));
    valid = generateCertificates(dir, ['valid']).cases.valid!;
    // nobody reads the ini, the certificate and the key, and writes the log.
    chmodSync(dir, 0o777);
    for (const f of [valid.cert, valid.key]) chmodSync(f, 0o644);
    xrdp = await XrdpServer.start(dir, { securityLayer: 'rdp', cert: valid.cert, key: valid.key }, true);
  });
  after(async () => {
    await xrdp?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function check(setup: Partial<XrdpSetup> = {}): Promise<HostCheckResult> {
    xrdp.configure({ securityLayer: 'rdp', cert: valid.cert, key: valid.key, ...setup });
    return checkHost({ target: `127.0.0.1:${xrdp.port}`, host: '127.0.0.1', port: xrdp.port }, { timeoutMs: 3000 });
  }

  it('security_layer=rdp: Standard RDP Security not usable, a NET013 error, nothing accepted, every time', async () => {
    // xrdp sends the Ultimatum right behind the Confirm: in its segment or the next, before or after the Connect Initial.
    for (let i = 0; i < 5; i++) {
      const r = await check();
      const n = r.negotiation!;
      assert.deepEqual([n.selected, n.rdp, n.ssl, n.hybrid, n.hybridEx, n.rdstls, n.nlaRequired], ['RDP', false, false, false, false, false, null], JSON.stringify(r.findings));
      assert.equal(r.standardSecurity, null);
      assert.deepEqual(r.findings.map((f) => [f.ruleId, f.severity]), [['NET012', 'warning'], ['NET013', 'error']]);
      assert.match(r.findings[1]!.message, GAVE_UP);
      assert.match(r.steps.negotiation.detail, /^Selected Standard RDP Security, but it cannot be used\./);
    }
  });

  it('security_layer=negotiate: TLS still works, Standard RDP Security does not, NET011 names TLS only', async () => {
    const r = await check({ securityLayer: 'negotiate' });
    assert.equal(r.negotiation?.selected, 'SSL');
    assert.ok(r.tls, JSON.stringify(r.findings));
    assert.deepEqual([r.negotiation?.rdp, r.negotiation?.ssl, r.negotiation?.nlaRequired], [false, true, false]);
    assert.equal(r.standardSecurity, null);
    assert.match(r.findings.find((f) => f.ruleId === 'NET013')?.message ?? '', GAVE_UP);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'NET011').map((f) => f.message), ['The server accepts TLS without Network Level Authentication.']);
  });

  it('the CLI exits 1 and its JSON says rdp false, standardSecurity null', { skip: !existsSync(CLI) && 'dist/cli.js is not built' }, async () => {
    xrdp.configure({ securityLayer: 'rdp', cert: valid.cert, key: valid.key });
    const child = spawn(process.execPath, [CLI, 'check', `127.0.0.1:${xrdp.port}`, '--format', 'json', '--timeout', '3000']);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    assert.equal(code, 1, out);
    const host = JSON.parse(out).hosts[0];
    assert.deepEqual([host.negotiation.rdp, host.standardSecurity], [false, null]);
  });

  it('xfreerdp /sec:rdp fails against it too (the referee)', { skip: noXfreerdp }, async () => {
    xrdp.configure({ securityLayer: 'rdp', cert: valid.cert, key: valid.key });
    const client = await XfreerdpClient.start(dir);
    try {
      const x = await client.run(xrdp.port, 'rdp');
      assert.match(x.output, /mcs_recv_connect_response failure/, x.output.slice(-2000));
      assert.match(x.output, /Authentication only, exit status 1/, x.output.slice(-2000));
    } finally {
      await client.stop();
    }
  });
});
