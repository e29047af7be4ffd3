import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { HostCheckResult } from '../../src/core/net/index';

/** The CLI's JSON report (check-command.ts `toJson`). */
interface CheckReport {
  readonly hosts: readonly HostCheckResult[];
}
import { generateCertificates, opensslFingerprint, type CertCase } from './lab/certs';
import { CLI } from './lab/cli-json';
import { GrdServer } from './lab/grd';
import { missingBinaries } from './lab/processes';
import { XfreerdpClient } from './lab/xfreerdp';

// gnome-remote-desktop 43 in a network namespace of its own (lab/grd.ts says why and what it answers); the check runs
// in that namespace through nsenter, as the CLI a user runs.
const missing = missingBinaries(['/usr/libexec/gnome-remote-desktop-daemon', 'grdctl', 'dbus-run-session', 'unshare', 'nsenter', 'ip', '/usr/bin/python3', 'openssl']);
const skip = missing.length > 0 && `not installed: ${missing.join(', ')} (CI installs gnome-remote-desktop; see .ci/run)`;
const noXfreerdp = missingBinaries(['xfreerdp', 'Xvfb']).length > 0 && 'xfreerdp or Xvfb is not installed';

const USER = 'rdpdoctor';
const PASSWORD = 'Lab-only-9x!';

describe('gnome-remote-desktop 43 in its own network namespace (real server, FreeRDP 2 as a server library)', { skip }, () => {
  let dir: string;
  let valid: CertCase;
  let caPath: string;
  let withUser: GrdServer;
  let withoutUser: GrdServer;
  let client: XfreerdpClient | undefined;
  const reports = new Map<GrdServer, Promise<{ code: number | null; report: CheckReport; text: string }>>();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-grd-'));
    const generated = generateCertificates(dir, ['valid']);
    valid = generated.cases.valid!;
    caPath = generated.caPath;
    [withUser, withoutUser] = await Promise.all([
      GrdServer.start(dir, { cert: valid.cert, key: valid.key, credentials: { user: USER, password: PASSWORD } }),
      GrdServer.start(dir, { cert: valid.cert, key: valid.key }),
    ]);
    if (!noXfreerdp) client = await XfreerdpClient.start(dir);
  });
  after(async () => {
    await Promise.all([withUser?.stop(), withoutUser?.stop(), client?.stop()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** One CLI check per server (JSON), shared by the tests that read it; the daemon is asked little (lab/grd.ts). */
  function check(server: GrdServer): Promise<{ code: number | null; report: CheckReport; text: string }> {
    if (!reports.has(server)) {
      const args = [process.execPath, CLI, 'check', `127.0.0.1:${GrdServer.PORT}`, '--format', 'json', '--timeout', '10000', '--ca', caPath];
      reports.set(
        server,
        server.run(args).then(({ code, stdout, stderr }) => {
          try {
            return { code, report: JSON.parse(stdout) as CheckReport, text: `${stdout}\n${stderr}`.slice(0, 4000) };
          } catch {
            throw new Error(`not JSON (exit ${code}): ${stdout.slice(0, 2000)} ${stderr.slice(0, 2000)} ${server.readLog().slice(-2000)}`);
          }
        }),
      );
    }
    return reports.get(server)!;
  }
  const host = async (server: GrdServer): Promise<HostCheckResult> => (await check(server)).report.hosts[0]!;

  it('negotiation: CredSSP only, NLA required (HYBRID_REQUIRED_BY_SERVER for every request without CredSSP), as its source sets it and xfreerdp finds', async (t) => {
    const { code } = await check(withUser);
    const r = await host(withUser);
    const n = r.negotiation!;
    assert.deepEqual(
      { selected: n.selected, rdp: n.rdp, ssl: n.ssl, hybrid: n.hybrid, hybridEx: n.hybridEx, rdstls: n.rdstls, nlaRequired: n.nlaRequired, failures: n.failures },
      {
        selected: 'HYBRID',
        ...{ rdp: false, ssl: false, hybrid: true, hybridEx: false, rdstls: false, nlaRequired: true },
        failures: { rdp: 'HYBRID_REQUIRED_BY_SERVER', ssl: 'HYBRID_REQUIRED_BY_SERVER', rdstls: 'HYBRID_REQUIRED_BY_SERVER' },
      },
      JSON.stringify(n),
    );
    assert.equal(r.steps.negotiation.status, 'ok');
    assert.match(r.steps.negotiation.detail, /NLA required/);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'NET010').map((f) => f.severity), ['info']);
    assert.equal(code, 0, JSON.stringify(r.findings));
    if (!client) return t.skip(noXfreerdp as string);
    const via = (argv: string[]) => withUser.command(argv);
    const nla = await client.run(GrdServer.PORT, 'nla', { user: USER, password: PASSWORD, via });
    assert.match(nla.output, /Authentication only, exit status 0/, nla.output.slice(-2000));
    for (const sec of ['tls', 'rdp'] as const) {
      const x = await client.run(GrdServer.PORT, sec, { via });
      assert.match(x.output, /Protocol Security Negotiation Failure/i, x.output.slice(-2000));
    }
  });

  it('TLS: 1.2 and 1.3 accepted, 1.0 and 1.1 refused (no NET028 or NET029 error or warning); the certificate it was given, trusted through the test CA', async () => {
    const r = await host(withUser);
    assert.deepEqual(r.tls?.accepted, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true }, JSON.stringify(r.tls));
    // An info NET028 says a handshake was dropped once and completed on a second connection, which grd does now and then.
    assert.deepEqual(r.findings.filter((f) => (f.ruleId === 'NET028' || f.ruleId === 'NET029') && f.severity !== 'info'), [], JSON.stringify(r.findings));
    const c = r.certificate!;
    assert.equal(c.sha256, opensslFingerprint(valid.cert, 'sha256'));
    assert.deepEqual([c.subject, c.trusted, c.nameMatches], ['CN=localhost', true, true]);
    assert.equal(r.steps.tls.status, 'ok');
  });

  it('NTLM under CredSSP: a CHALLENGE with FreeRDP version 6.1.7601, read without sending any credential', async () => {
    const r = await host(withUser);
    assert.equal(r.ntlm?.productVersion, '6.1.7601', JSON.stringify(r.ntlm));
    const { text } = await check(withUser);
    assert.ok(!text.includes(PASSWORD));
    assert.ok(!withUser.readLog().includes(PASSWORD), 'the daemon logged no password the check could have sent');
  });

  it('without credentials it drops every connection before the Confirm: NET004 error, nothing past TCP, exit code 1', async () => {
    const { code } = await check(withoutUser);
    const r = await host(withoutUser);
    assert.equal(code, 1);
    assert.equal(r.steps.tcp.status, 'ok');
    assert.equal(r.steps.negotiation.status, 'error');
    const net004 = r.findings.filter((f) => f.ruleId === 'NET004');
    assert.deepEqual(net004.map((f) => f.severity), ['error'], JSON.stringify(r.findings));
    // A reset when the Connection Request was already in its receive buffer as it closed, else a plain close.
    assert.match(net004[0]!.message, /(reset|closed) the connection (instead of|without) answering the Connection Request/);
    assert.match(withoutUser.readLog(), /Credentials are not set, denying client/);
  });
});
