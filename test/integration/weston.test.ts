import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkHost, TrustStore, type HostCheckResult } from '../../src/core/net/index';
import { generateCertificates, opensslDerSerial, opensslFingerprint, type CertCase } from './lab/certs';
import { missingBinaries } from './lab/processes';
import { generateRdp4Key, WestonServer } from './lab/weston';
import { XfreerdpClient } from './lab/xfreerdp';

const missing = missingBinaries(['weston', 'openssl']);
const skip = missing.length > 0 && `not installed: ${missing.join(', ')} (CI installs them; see .ci/run)`;
const noXfreerdp = missingBinaries(['xfreerdp', 'Xvfb']).length > 0 && 'xfreerdp or Xvfb is not installed';

/** FreeRDP's names (gcc.c) of the methods standardSecurity names. */
const FREERDP_METHOD: Readonly<Record<string, string>> = { none: 'NONE', '40-bit RC4': '40BIT', '56-bit RC4': '56BIT', '128-bit RC4': '128BIT', FIPS: 'FIPS' };

describe('weston RDP backend on 127.0.0.1 (real server, FreeRDP 2 as a server library)', { skip }, () => {
  let dir: string;
  let valid: CertCase;
  let store: TrustStore;
  /** With an RDP4 key (--rdp4-key) and without one. */
  let withKey: WestonServer;
  let withoutKey: WestonServer;
  let client: XfreerdpClient | undefined;
  const results = new Map<WestonServer, Promise<HostCheckResult>>();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-weston-'));
    const generated = generateCertificates(dir, ['valid']);
    valid = generated.cases.valid!;
    store = new TrustStore([new X509Certificate(generated.caPem)]);
    [withKey, withoutKey] = await Promise.all([
      WestonServer.start(dir, { cert: valid.cert, key: valid.key, rdp4Key: generateRdp4Key(dir) }),
      WestonServer.start(dir, { cert: valid.cert, key: valid.key }),
    ]);
    if (!noXfreerdp) client = await XfreerdpClient.start(dir);
  });
  after(async () => {
    await Promise.all([withKey?.stop(), withoutKey?.stop(), client?.stop()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** One check per server, shared by the tests that read it; weston's first answers can take a second on a busy machine. */
  function check(server: WestonServer): Promise<HostCheckResult> {
    if (!results.has(server)) results.set(server, checkHost({ target: `127.0.0.1:${server.port}`, host: '127.0.0.1', port: server.port }, { timeoutMs: 10_000, store }));
    return results.get(server)!;
  }

  it('negotiation: TLS selected, Standard RDP Security accepted, no NLA — as xfreerdp /sec:tls, /sec:rdp and /sec:nla find', async (t) => {
    const r = await check(withKey);
    const n = r.negotiation!;
    assert.deepEqual(
      { selected: n.selected, rdp: n.rdp, ssl: n.ssl, hybrid: n.hybrid, nlaRequired: n.nlaRequired },
      { selected: 'SSL', rdp: true, ssl: true, hybrid: false, nlaRequired: false },
      JSON.stringify(n),
    );
    assert.equal(n.flags?.extendedClientData, true);
    if (!client) return t.skip(noXfreerdp as string);
    const [tls, rdp, nla] = [await client.run(withKey.port, 'tls'), await client.run(withKey.port, 'rdp'), await client.run(withKey.port, 'nla')];
    assert.equal(tls.negotiated, 'TLS', tls.output.slice(-2000));
    assert.equal(rdp.negotiated, 'RDP', rdp.output.slice(-2000));
    assert.notEqual(nla.negotiated, 'NLA', 'weston does not do CredSSP');
  });

  it('TLS and certificate: the certificate it was given, as openssl fingerprints it, trusted through the test CA', async () => {
    const r = await check(withKey);
    assert.ok(r.tls && r.certificate, `${JSON.stringify(r.findings)} ${JSON.stringify(r.timings)}`);
    assert.match(r.tls.protocol, /^TLSv1\.[23]$/);
    const c = r.certificate!;
    assert.equal(c.sha256, opensslFingerprint(valid.cert, 'sha256'));
    assert.equal(c.sha1, opensslFingerprint(valid.cert, 'sha1'));
    assert.equal(c.serialNumber, opensslDerSerial(valid.cert));
    assert.deepEqual([c.subject, c.trusted, c.nameMatches], ['CN=localhost', true, true]);
    assert.deepEqual(r.chain.map((x) => x.sha256), [c.sha256]);
  });

  it('Standard RDP Security with the RDP4 key: method and level none over loopback (NET014 warning with the caveat), and xfreerdp reads method NONE', async (t) => {
    const r = await check(withKey);
    assert.deepEqual(r.standardSecurity, { encryptionMethod: 'none', encryptionLevel: 'none' });
    // FreeRDP's server code (weston's RDP backend uses it) turns encryption off for a peer on this machine only.
    assert.deepEqual(r.findings.map((f) => `${f.ruleId} ${f.severity}`).sort(), ['NET011 warning', 'NET014 warning']);
    assert.match(r.findings.find((f) => f.ruleId === 'NET014')!.message, /ran over loopback: FreeRDP-based servers/);
    if (!client) return t.skip(noXfreerdp as string);
    const x = await client.run(withKey.port, 'rdp');
    assert.equal(x.rdpEncryptionMethod, FREERDP_METHOD[r.standardSecurity!.encryptionMethod], x.output.slice(-2000));
  });

  it('an RSA-PSS certificate: weston ends every connection after the handshake, and NET028 names the key as the cause — xfreerdp fails there too', async (t) => {
    // FreeRDP 2's server side takes its own certificate's public key once the handshake is done (tls.c tls_do_handshake
    // with clientMode FALSE) and cannot export an RSA-PSS key: weston ends the connection without a word in its log.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa-pss', '-pkeyopt', 'rsa_keygen_bits:2048', '-nodes', '-keyout', 'pss.key', '-out', 'pss.pem', '-subj', '/CN=localhost', '-days', '30'], { cwd: dir, stdio: 'ignore' });
    const pss = await WestonServer.start(dir, { cert: join(dir, 'pss.pem'), key: join(dir, 'pss.key') });
    try {
      const r = await checkHost({ target: `127.0.0.1:${pss.port}`, host: '127.0.0.1', port: pss.port }, { timeoutMs: 10_000, store });
      const net028 = r.findings.filter((f) => f.ruleId === 'NET028');
      assert.deepEqual(net028.map((f) => f.severity), ['error'], JSON.stringify(r.findings));
      assert.match(net028[0]!.message, /^The server completed the TLS handshake after selecting TLS, then closed the connection instead of answering/);
      assert.match(net028[0]!.message, /The certificate has an RSA-PSS key, which FreeRDP cannot use for CredSSP's binding to the certificate: a server built on FreeRDP \(weston's RDP backend, for one\) checks its own certificate so/);
      if (!client) return t.skip(noXfreerdp as string);
      const x = await client.run(pss.port, 'tls');
      assert.match(x.output, /ERRCONNECT_TLS_CONNECT_FAILED/, x.output.slice(-2000));
    } finally {
      await pss.stop();
    }
  });

  it('without an RDP4 key weston still accepts Standard RDP Security, unencrypted — and xfreerdp agrees', async (t) => {
    const r = await check(withoutKey);
    assert.equal(r.negotiation?.rdp, true);
    assert.deepEqual(r.standardSecurity, { encryptionMethod: 'none', encryptionLevel: 'none' });
    if (!client) return t.skip(noXfreerdp as string);
    const x = await client.run(withoutKey.port, 'rdp');
    assert.equal(x.negotiated, 'RDP', x.output.slice(-2000));
    assert.equal(x.rdpEncryptionMethod, FREERDP_METHOD[r.standardSecurity!.encryptionMethod], x.output.slice(-2000));
  });
});
