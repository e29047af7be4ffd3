import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { checkHost, TrustStore, type HostCheckResult } from '../../src/core/net/index';
import { generateCertificates, opensslDerSerial, type CertCase } from './lab/certs';
import { missingBinaries } from './lab/processes';
import { xfreerdpTls } from './lab/xfreerdp';
import { XrdpServer, type XrdpSetup } from './lab/xrdp';

const missing = missingBinaries(['xrdp', 'openssl']);
const skip = missing.length > 0 && `not installed: ${missing.join(', ')} (CI installs them; see .ci/run)`;

describe('xrdp on 127.0.0.1 (real server)', { skip }, () => {
  let dir: string;
  let cases: Record<string, CertCase>;
  let store: TrustStore;
  let caPath: string;
  let xrdp: XrdpServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-xrdp-'));
    const generated = generateCertificates(dir);
    cases = generated.cases;
    caPath = generated.caPath;
    store = new TrustStore([new X509Certificate(generated.caPem)]);
    xrdp = await XrdpServer.start(dir, { securityLayer: 'tls', cert: cases.valid!.cert, key: cases.valid!.key });
  });
  after(async () => {
    await xrdp?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Switches the one xrdp to a case (it re-reads its ini per connection) and checks it. */
  async function check(setup: Partial<XrdpSetup> & { case?: string }, target = '127.0.0.1'): Promise<HostCheckResult> {
    const c = cases[setup.case ?? 'valid']!;
    xrdp.configure({ securityLayer: 'tls', cert: c.cert, key: c.key, legacy: c.legacy, ...setup });
    return checkHost({ target: `${target}:${xrdp.port}`, host: target, port: xrdp.port }, { timeoutMs: 3000, store });
  }
  const ids = (r: HostCheckResult): string[] => r.findings.map((f) => f.ruleId).sort();
  /** `openssl verify -purpose sslserver`, the check FreeRDP 3.29 and later make of a server certificate (x509_utils_verify). */
  const opensslServerPurpose = (name: string): string => {
    const r = spawnSync('openssl', ['verify', '-purpose', 'sslserver', '-CAfile', caPath, cases[name]!.cert], { encoding: 'utf8' });
    return `${r.stdout}${r.stderr}`;
  };

  it('security_layer=tls with a valid certificate: TLS only, every certificate field as openssl reads it', async () => {
    const r = await check({});
    assert.deepEqual(
      { ...r.negotiation, flags: undefined, connections: undefined },
      { rdp: false, ssl: true, hybrid: false, hybridEx: false, rdstls: false, nlaRequired: false, failures: { rdp: 'SSL_REQUIRED_BY_SERVER' }, unusable: {}, selected: 'SSL', legacy: false, flags: undefined, connections: undefined },
    );
    assert.match(r.tls!.protocol, /^TLSv1\.[23]$/);
    const c = r.certificate!;
    assert.equal(c.sha1, cases.valid!.sha1);
    assert.equal(c.sha256, cases.valid!.sha256);
    assert.equal(c.subject, 'CN=localhost');
    assert.equal(c.issuer, 'CN=RDP Doctor Test CA');
    assert.deepEqual(c.dnsNames, ['localhost']);
    assert.deepEqual(c.ipAddresses, ['127.0.0.1']);
    assert.deepEqual(c.extendedKeyUsage, ['1.3.6.1.5.5.7.3.1']);
    assert.equal(c.keyAlgorithm, 'RSA');
    assert.equal(c.keyBits, 2048);
    assert.equal(c.signatureAlgorithm, 'sha256WithRSAEncryption');
    assert.equal(c.selfSigned, false);
    assert.equal(c.trusted, true);
    assert.equal(c.nameMatches, true);
    const x = new X509Certificate(require('node:fs').readFileSync(cases.valid!.cert));
    assert.equal(c.serialNumber, opensslDerSerial(cases.valid!.cert));
    assert.equal(new Date(c.notAfter).getTime(), new Date(x.validTo).getTime());
    assert.deepEqual(ids(r), ['NET011']);
    assert.deepEqual(Object.values(r.steps).map((s) => s.status), ['ok', 'ok', 'warning', 'ok', 'ok']);
  });

  it('security_layer=negotiate: TLS selected, Standard RDP Security also accepted', async () => {
    const r = await check({ securityLayer: 'negotiate' });
    assert.equal(r.negotiation!.selected, 'SSL');
    assert.equal(r.negotiation!.rdp, true);
    assert.equal(r.negotiation!.ssl, true);
    assert.equal(r.negotiation!.hybrid, false, 'xrdp answers CredSSP requests by selecting another protocol');
    assert.deepEqual(ids(r), ['NET011']);
    assert.match(r.findings[0]!.message, /accepts TLS and Standard RDP Security without Network Level Authentication/);
  });

  it('security_layer=rdp: Standard RDP Security only, no TLS', async () => {
    const r = await check({ securityLayer: 'rdp' });
    assert.equal(r.negotiation!.selected, 'RDP');
    assert.deepEqual([r.negotiation!.rdp, r.negotiation!.ssl, r.negotiation!.hybrid], [true, false, false]);
    assert.equal(r.tls, null);
    assert.equal(r.certificate, null);
    assert.deepEqual(ids(r), ['NET011', 'NET012']);
  });

  const certificateCases: readonly [string, string[], (r: HostCheckResult) => void][] = [
    ['expired', ['NET011', 'NET020'], (r) => assert.equal(r.certificate!.notAfter, '2021-01-01T00:00:00.000Z')],
    ['not-yet-valid', ['NET011', 'NET021'], (r) => assert.equal(r.certificate!.notBefore, '2099-01-01T00:00:00.000Z')],
    ['expiring-soon', ['NET011', 'NET027'], (r) => assert.match(r.findings.find((f) => f.ruleId === 'NET027')!.message, /in (9|10) days/)],
    ['self-signed', ['NET011', 'NET022'], (r) => {
      assert.equal(r.certificate!.selfSigned, true);
      assert.match(r.findings.find((f) => f.ruleId === 'NET022')!.message, /self-signed/);
    }],
    ['wrong-name', ['NET011', 'NET022', 'NET023'], (r) => assert.equal(r.findings.find((f) => f.ruleId === 'NET023')!.message, 'The certificate does not match "127.0.0.1"; it names wrong.example.test.')],
    ['client-auth', ['NET011', 'NET024'], (r) => assert.deepEqual(r.certificate!.extendedKeyUsage, ['1.3.6.1.5.5.7.3.2'])],
    ['rdp-auth', ['NET011', 'NET024'], (r) => {
      assert.deepEqual(r.certificate!.extendedKeyUsage, ['1.3.6.1.4.1.311.54.1.2']);
      assert.equal(r.certificate!.trusted, true, 'trust is judged without Node’s EKU verdict');
      // Fit for Windows, so only a note: FreeRDP 3.29+ verifies with OpenSSL's server purpose alone, and OpenSSL refuses it.
      const note = r.findings.find((f) => f.ruleId === 'NET024')!;
      assert.equal(note.severity, 'info');
      assert.match(note.message, /FreeRDP 3\.29 on .*unsuitable certificate purpose/);
      assert.match(opensslServerPurpose('rdp-auth'), /unsuitable certificate purpose/);
      assert.match(opensslServerPurpose('valid'), /: OK/);
    }],
    ['no-eku', ['NET011'], (r) => assert.deepEqual(r.certificate!.extendedKeyUsage, [])],
    ['rsa1024', ['NET011', 'NET025'], (r) => assert.equal(r.certificate!.keyBits, 1024)],
    ['sha1', ['NET011', 'NET026'], (r) => assert.equal(r.certificate!.signatureAlgorithm, 'sha1WithRSAEncryption')],
    ['ec', ['NET011'], (r) => assert.deepEqual([r.certificate!.keyAlgorithm, r.certificate!.keyBits], ['EC', 256])],
  ];
  for (const [name, expected, extra] of certificateCases) {
    it(`certificate case ${name}: ${expected.join(', ')}`, async () => {
      const r = await check({ case: name });
      assert.deepEqual(ids(r), expected, JSON.stringify(r.findings));
      assert.equal(r.certificate!.sha1, cases[name]!.sha1);
      assert.equal(r.certificate!.sha256, cases[name]!.sha256);
      extra(r);
    });
  }

  it('a server limited to TLS 1.0 is reported, not hidden by a failed handshake', async () => {
    const r = await check({ sslProtocols: 'TLSv1', legacy: true });
    assert.equal(r.tls?.protocol, 'TLSv1', JSON.stringify(r.findings));
    assert.deepEqual(ids(r), ['NET011', 'NET029']);
    assert.deepEqual(r.tls?.accepted, { TLSv1: true, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': false });
    assert.equal(r.findings.find((f) => f.ruleId === 'NET029')!.severity, 'error');
  });

  /** What `sslscan --rdp` (an independent tool with its own X.224 negotiation) says of each version. */
  function sslscanVersions(): Record<string, boolean> {
    const out = execFileSync('sslscan', ['--rdp', '--no-colour', '--no-ciphersuites', '--no-compression', '--no-fallback', '--no-groups', '--no-heartbleed', '--no-renegotiation', '--no-check-certificate', `127.0.0.1:${xrdp.port}`], { encoding: 'utf8', timeout: 60_000 });
    const names: Record<string, string> = { 'TLSv1.0': 'TLSv1', 'TLSv1.1': 'TLSv1.1', 'TLSv1.2': 'TLSv1.2', 'TLSv1.3': 'TLSv1.3' };
    return Object.fromEntries([...out.matchAll(/^(TLSv1\.[0-3])\s+(enabled|disabled)/gm)].map((m) => [names[m[1]!]!, m[2] === 'enabled']));
  }
  /** Every version we determined agrees with sslscan; the ones we left open are null. */
  function agreesWithSslscan(r: HostCheckResult): void {
    const theirs = sslscanVersions();
    assert.equal(Object.keys(theirs).length, 4, JSON.stringify(theirs));
    for (const [version, accepted] of Object.entries(r.tls!.accepted!)) if (accepted !== null) assert.equal(accepted, theirs[version], `${version}: ours ${accepted}, sslscan ${theirs[version]}`);
  }
  const sslscanSkip = missingBinaries(['sslscan']).length > 0 && 'sslscan not installed';

  it('ssl_protocols=TLSv1, TLSv1.1: NET029 error naming TLS 1.1, as sslscan sees it', { skip: sslscanSkip }, async () => {
    const r = await check({ sslProtocols: 'TLSv1, TLSv1.1', legacy: true });
    assert.equal(r.tls?.protocol, 'TLSv1.1');
    assert.deepEqual(r.tls?.accepted, { TLSv1: null, 'TLSv1.1': true, 'TLSv1.2': false, 'TLSv1.3': false });
    const f = r.findings.find((x) => x.ruleId === 'NET029')!;
    assert.equal(f.severity, 'error');
    assert.match(f.message, /only the legacy TLS 1\.1:/);
    agreesWithSslscan(r);
  });

  it('ssl_protocols=TLSv1 … TLSv1.3: TLS 1.3 negotiated, NET029 warning all the same, as sslscan sees it', { skip: sslscanSkip }, async () => {
    const r = await check({ sslProtocols: 'TLSv1, TLSv1.1, TLSv1.2, TLSv1.3', legacy: true });
    assert.equal(r.tls?.protocol, 'TLSv1.3');
    assert.deepEqual(r.tls?.accepted, { TLSv1: null, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': true });
    const f = r.findings.find((x) => x.ruleId === 'NET029')!;
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /legacy TLS 1\.1 besides TLS 1\.2 and TLS 1\.3/);
    assert.ok(r.timings.tlsVersionsMs !== undefined);
    agreesWithSslscan(r);
  });

  it('ssl_protocols=TLSv1.2, TLSv1.3 (even with legacy ciphers allowed): no NET029, 1.0 and 1.1 refused, as sslscan sees it', { skip: sslscanSkip }, async () => {
    const r = await check({ legacy: true });
    // TLS 1.2 is asked alone whenever the main handshake lands on 1.3.
    assert.deepEqual(r.tls?.accepted, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    assert.ok(!ids(r).includes('NET029'));
    assert.ok(!ids(r).includes('NET028'));
    agreesWithSslscan(r);
  });

  it('ssl_protocols=TLSv1.3: TLS 1.2 refused, a NET028 warning (clients without TLS 1.3 cannot connect), as sslscan sees it', { skip: sslscanSkip }, async () => {
    const r = await check({ sslProtocols: 'TLSv1.3' });
    assert.equal(r.tls?.protocol, 'TLSv1.3');
    assert.deepEqual(r.tls?.accepted, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': true });
    const f = r.findings.filter((x) => x.ruleId === 'NET028');
    assert.deepEqual(f.map((x) => x.severity), ['warning'], JSON.stringify(r.findings));
    assert.match(f[0]!.message, /only TLS 1\.3/);
    assert.equal(r.steps.tls.status, 'warning');
    agreesWithSslscan(r);
  });

  it('an unreadable certificate: xrdp refuses TLS with SSL_CERT_NOT_ON_SERVER', async () => {
    const r = await check({ cert: join(dir, 'missing.pem'), key: join(dir, 'missing.key') });
    assert.equal(r.negotiation!.failures.ssl, 'SSL_CERT_NOT_ON_SERVER', JSON.stringify(r.negotiation));
    assert.ok(ids(r).includes('NET013'), JSON.stringify(r.findings));
  });

  describe('tls_ciphers matching nothing: xrdp selects TLS, then sends an MCS Disconnect Provider Ultimatum and closes', () => {
    const ABORTED =
      'The server closed the connection after selecting TLS: it could not start TLS, most often because its certificate or private key could not be used, or because its TLS settings (protocols, ciphers) match nothing the client offers (it sent an MCS Disconnect Provider Ultimatum with reason rn-user-requested).';
    // OpenSSL refuses the cipher list itself ("no cipher match"), whatever the key.
    const broken = { tlsCiphers: 'NO-SUCH-CIPHER' };

    it('security_layer=tls: NET028 only; nothing is accepted, so nlaRequired is null and no NET011', async () => {
      const r = await check({ ...broken, securityLayer: 'tls' });
      assert.deepEqual(r.findings, [{ ruleId: 'NET028', severity: 'error', message: ABORTED }]);
      const n = r.negotiation!;
      assert.deepEqual([n.selected, n.rdp, n.ssl, n.hybrid, n.nlaRequired], ['SSL', false, false, false, null]);
      assert.equal(r.tls, null);
    });

    it('security_layer=negotiate: NET028, and NET011 names Standard RDP Security only', async () => {
      const r = await check({ ...broken, securityLayer: 'negotiate' });
      assert.deepEqual(ids(r), ['NET011', 'NET028']);
      assert.equal(r.findings.find((f) => f.ruleId === 'NET028')!.message, ABORTED);
      assert.equal(r.findings.find((f) => f.ruleId === 'NET011')!.message, 'The server accepts Standard RDP Security without Network Level Authentication.');
      assert.deepEqual([r.negotiation!.rdp, r.negotiation!.ssl, r.negotiation!.nlaRequired], [true, false, false]);
    });

    it('a private key that does not match the certificate gets the same verdict (xrdp logs "do not match")', async () => {
      const r = await check({ securityLayer: 'tls', key: cases['self-signed']!.key });
      assert.deepEqual(r.findings, [{ ruleId: 'NET028', severity: 'error', message: ABORTED }]);
      // Never "✓ Negotiation  Selected TLS, but it cannot be used." (a live review): the step shares the TLS step's ✗.
      assert.match(r.steps.negotiation.detail, /^Selected TLS, but it cannot be used\./);
      assert.deepEqual([r.steps.negotiation.status, r.steps.tls.status], ['error', 'error']);
    });

    it('xfreerdp agrees: its TLS connect fails there, and succeeds once the cipher list is valid', { skip: missingBinaries(['xfreerdp', 'Xvfb']).length > 0 && 'xfreerdp or Xvfb missing' }, async () => {
      xrdp.configure({ securityLayer: 'tls', cert: cases.valid!.cert, key: cases.valid!.key, ...broken });
      assert.match(await xfreerdpTls(xrdp.port), /ERRCONNECT_TLS_CONNECT_FAILED/);
      xrdp.configure({ securityLayer: 'tls', cert: cases.valid!.cert, key: cases.valid!.key });
      assert.doesNotMatch(await xfreerdpTls(xrdp.port), /ERRCONNECT_TLS_CONNECT_FAILED/);
    });
  });

  it('by name: localhost resolves, the certificate matches it, and an address that refuses is skipped', async () => {
    const r = await check({}, 'localhost');
    assert.ok(r.addresses.includes('127.0.0.1'));
    assert.equal(r.certificate!.nameMatches, true);
    assert.deepEqual(ids(r), ['NET011']);
  });
});
