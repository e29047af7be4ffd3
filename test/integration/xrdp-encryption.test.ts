import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkHost, type HostCheckResult } from '../../src/core/net/index';
import { generateCertificates, type CertCase } from './lab/certs';
import { nmapRdpEncryption } from './lab/nmap';
import { missingBinaries } from './lab/processes';
import { XfreerdpClient } from './lab/xfreerdp';
import { cliJson } from './lab/cli-json';
import { XrdpServer, type XrdpSetup } from './lab/xrdp';

const missing = missingBinaries(['xrdp', 'openssl']);
const skip = missing.length > 0 && `not installed: ${missing.join(', ')} (CI installs them; see .ci/run)`;
const noNmap = missingBinaries(['nmap']).length > 0 && 'nmap is not installed';
const noXfreerdp = missingBinaries(['xfreerdp', 'Xvfb']).length > 0 && 'xfreerdp or Xvfb is not installed';

/** How nmap's rdp-enum-encryption and FreeRDP name what standardSecurity names. */
const NMAP_LEVEL: Readonly<Record<string, string>> = { low: 'Low', 'client-compatible': 'Client Compatible', high: 'High', fips: 'FIPS Compliant' };
const NMAP_METHOD: Readonly<Record<string, string>> = { '40-bit RC4': '40-bit RC4', '56-bit RC4': '56-bit RC4', '128-bit RC4': '128-bit RC4', FIPS: 'FIPS 140-1' };

describe('xrdp crypt_level under Standard RDP Security (real server, NET014)', { skip }, () => {
  let dir: string;
  let valid: CertCase;
  let xrdp: XrdpServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-xrdp-enc-'));
    valid = generateCertificates(dir, ['valid']).cases.valid!;
    xrdp = await XrdpServer.start(dir, { securityLayer: 'rdp', cert: valid.cert, key: valid.key });
  });
  after(async () => {
    await xrdp?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function check(setup: Partial<XrdpSetup>): Promise<HostCheckResult> {
    xrdp.configure({ securityLayer: 'rdp', cert: valid.cert, key: valid.key, ...setup });
    return checkHost({ target: `127.0.0.1:${xrdp.port}`, host: '127.0.0.1', port: xrdp.port }, { timeoutMs: 3000 });
  }
  const net014 = (r: HostCheckResult) => r.findings.filter((f) => f.ruleId === 'NET014');

  const levels: readonly [NonNullable<XrdpSetup['cryptLevel']>, string, string, 'warning' | 'info' | null][] = [
    ['low', 'low', '40-bit RC4', 'warning'],
    ['medium', 'client-compatible', '40-bit RC4', 'warning'],
    ['high', 'high', '128-bit RC4', null],
    ['fips', 'fips', 'FIPS', 'info'],
  ];
  for (const [cryptLevel, level, method, severity] of levels) {
    it(`crypt_level=${cryptLevel}: level ${level}, ${method}, ${severity ?? 'no NET014'}`, async () => {
      const r = await check({ cryptLevel });
      assert.deepEqual(r.standardSecurity, { encryptionMethod: method, encryptionLevel: level }, JSON.stringify(r.findings));
      assert.deepEqual(net014(r).map((f) => f.severity), severity ? [severity] : []);
      assert.ok(r.findings.some((f) => f.ruleId === 'NET012'));
    });
  }

  it('check c.rdp with authentication level 1: XRF003 from the check (the client refuses Standard RDP Security), an error', async () => {
    xrdp.configure({ securityLayer: 'rdp', cert: valid.cert, key: valid.key });
    const file = join(dir, 'strict.rdp');
    writeFileSync(file, `full address:s:127.0.0.1:${xrdp.port}\r\nauthentication level:i:1\r\n`);
    const { hosts } = await cliJson<{ hosts: { findings: { ruleId: string; severity: string; message: string }[] }[] }>(['check', file, '--format', 'json']);
    const xrf = hosts[0]!.findings.filter((f) => f.ruleId === 'XRF003');
    assert.deepEqual(xrf.map((f) => f.severity), ['error'], JSON.stringify(hosts[0]!.findings));
    assert.match(xrf[0]!.message, /found that the server selected Standard RDP Security although the check offered TLS and CredSSP\)/);
    // A file whose client offers no CredSSP: the same verdict, and the message does not say this client offered it.
    writeFileSync(file, `full address:s:127.0.0.1:${xrdp.port}\r\nenablecredsspsupport:i:0\r\nauthentication level:i:1\r\n`);
    const again = await cliJson<{ hosts: { findings: { ruleId: string; severity: string; message: string }[] }[] }>(['check', file, '--format', 'json']);
    const without = again.hosts[0]!.findings.filter((f) => f.ruleId === 'XRF003');
    assert.deepEqual(without.map((f) => f.severity), ['error'], JSON.stringify(again.hosts[0]!.findings));
    assert.match(without[0]!.message, /selected Standard RDP Security although the check offered TLS and CredSSP, more than this file's client offers\)/);
    assert.doesNotMatch(without[0]!.message, /the client offered/);
  });

  it('agrees with nmap rdp-enum-encryption on the level and the method, for every crypt_level', { skip: noNmap }, async () => {
    for (const cryptLevel of ['low', 'medium', 'high', 'fips'] as const) {
      const r = await check({ cryptLevel });
      const nmap = await nmapRdpEncryption(xrdp.port);
      const ours = r.standardSecurity!;
      assert.equal(nmap.level, NMAP_LEVEL[ours.encryptionLevel], `${cryptLevel}: ${nmap.output}`);
      assert.ok(nmap.methods.includes(NMAP_METHOD[ours.encryptionMethod]!), `${cryptLevel}: ${ours.encryptionMethod} not in ${nmap.methods.join(', ')}`);
    }
  });

  it('crypt_level=none: nothing is encrypted, NET014 says so with the loopback caveat, and xfreerdp /sec:rdp reads method NONE too', async (t) => {
    const r = await check({ cryptLevel: 'none' });
    assert.deepEqual(r.standardSecurity, { encryptionMethod: 'none', encryptionLevel: 'none' });
    // Over loopback a warning: FreeRDP-based servers turn encryption off for a local client only (nego.c).
    assert.deepEqual(net014(r).map((f) => f.severity), ['warning']);
    assert.match(net014(r)[0]!.message, /encrypted nothing for this check .* ran over loopback/);
    if (noXfreerdp) return t.skip(noXfreerdp);
    const client = await XfreerdpClient.start(dir);
    try {
      const x = await client.run(xrdp.port, 'rdp');
      assert.equal(x.negotiated, 'RDP', x.output.slice(-2000));
      assert.equal(x.rdpEncryptionMethod, 'NONE', x.output.slice(-2000));
    } finally {
      await client.stop();
    }
  });

  it('security_layer=negotiate: TLS is selected, and the follow-up that asks for Standard RDP Security alone still reads its encryption', async () => {
    const r = await check({ securityLayer: 'negotiate', cryptLevel: 'low' });
    assert.equal(r.negotiation?.selected, 'SSL');
    assert.ok(r.tls, 'the TLS handshake ran too');
    assert.deepEqual(r.standardSecurity, { encryptionMethod: '40-bit RC4', encryptionLevel: 'low' });
    assert.deepEqual(net014(r).map((f) => f.severity), ['warning']);
  });

  it('security_layer=tls: Standard RDP Security refused, standardSecurity null, no NET014', async () => {
    const r = await check({ securityLayer: 'tls', cryptLevel: 'low' });
    assert.equal(r.negotiation?.rdp, false);
    assert.equal(r.standardSecurity, null);
    assert.deepEqual(net014(r), []);
  });
});
