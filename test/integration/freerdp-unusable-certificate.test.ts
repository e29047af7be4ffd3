// xrdp 0.10.1 serves an Ed25519 (or RSA-PSS key) certificate over TLS without complaint and OpenSSL completes the handshake, so the check
// passed it (session 26), yet xfreerdp 2.11.7 and 3.30.0 end every connection to it with ERRCONNECT_TLS_CONNECT_FAILED
// ("unable to retrieve bindings", "failed to return the server public key"). A fake TLS listener stands in for xrdp here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkHost } from '../../src/core/net/index';
import { startFakeRdpServer } from './lab/fake-rdp-server';
import type { LocalServer } from './lab/local-server';
import { missingBinaries } from './lab/processes';

const skip = missingBinaries(['openssl']).length > 0 && 'openssl is needed to make the certificates';
const NAME = 'rdsh01.contoso.test';

describe('listener certificates FreeRDP-based clients cannot use (EdDSA, RSA-PSS keys)', { skip }, () => {
  let dir: string;
  const servers: LocalServer[] = [];
  const openssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  const material = (name: string): { cert: Buffer; key: Buffer } => ({ cert: readFileSync(join(dir, `${name}.pem`)), key: readFileSync(join(dir, `${name}.key`)) });
  const check = async (m: { cert: Buffer; key: Buffer }) => {
    const server = await startFakeRdpServer({ mode: 'tls', ...m });
    servers.push(server);
    return checkHost({ target: NAME, host: '127.0.0.1', port: server.port, name: NAME }, { timeoutMs: 3000, ntlmInfo: false });
  };
  const net028 = (r: Awaited<ReturnType<typeof check>>) => r.findings.filter((f) => f.ruleId === 'NET028');

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-eddsa-'));
    writeFileSync(join(dir, 'leaf.ext'), `subjectAltName=DNS:${NAME}\nextendedKeyUsage=serverAuth\n`);
    const self = (name: string, algorithm: string): void =>
      openssl('req', '-x509', '-newkey', algorithm, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-subj', `/CN=${NAME}`, '-days', '30', '-addext', `subjectAltName=DNS:${NAME}`);
    self('ed25519', 'ed25519');
    self('ed448', 'ed448');
    self('rsa-ca', 'rsa:2048');
    // An Ed25519 key under an RSA signature, and an RSA key under an Ed25519 signature: each alone fails FreeRDP.
    const issue = (name: string, algorithm: string, ca: string): void => {
      openssl('req', '-new', '-newkey', algorithm, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${NAME}`);
      openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-set_serial', '2', '-out', `${name}.pem`, '-days', '30', '-extfile', 'leaf.ext');
    };
    issue('ed-key', 'ed25519', 'rsa-ca');
    issue('ed-signature', 'rsa:2048', 'ed25519');
    // A key under the RSASSA-PSS OID (FreeRDP cannot export it), and an ordinary RSA key under a PSS signature (it can).
    openssl('req', '-x509', '-newkey', 'rsa-pss', '-pkeyopt', 'rsa_keygen_bits:2048', '-nodes', '-keyout', 'pss-key.key', '-out', 'pss-key.pem', '-subj', `/CN=${NAME}`, '-days', '30', '-addext', `subjectAltName=DNS:${NAME}`);
    openssl('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'pss-signature.key', '-out', 'pss-signature.csr', '-subj', `/CN=${NAME}`);
    openssl('x509', '-req', '-in', 'pss-signature.csr', '-CA', 'rsa-ca.pem', '-CAkey', 'rsa-ca.key', '-set_serial', '3', '-out', 'pss-signature.pem', '-days', '30', '-sigopt', 'rsa_padding_mode:pss', '-extfile', 'leaf.ext');
    // An Ed25519 root over an RSA intermediate (signed with Ed25519) over an RSA leaf signed with RSA: FreeRDP binds to
    // the leaf alone (libfreerdp/crypto/tls.c tls_get_certificate: SSL_get_peer_certificate; certificate.c
    // freerdp_certificate_get_signature_alg and _get_hash read cert->x509, the leaf), so the chain's EdDSA is no matter.
    writeFileSync(join(dir, 'ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
    openssl('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'rsa-inter.key', '-out', 'rsa-inter.csr', '-subj', '/CN=RSA intermediate');
    openssl('x509', '-req', '-in', 'rsa-inter.csr', '-CA', 'ed25519.pem', '-CAkey', 'ed25519.key', '-set_serial', '4', '-out', 'rsa-inter.pem', '-days', '30', '-extfile', 'ca.ext');
    openssl('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'under-ed-ca.key', '-out', 'under-ed-ca.csr', '-subj', `/CN=${NAME}`);
    openssl('x509', '-req', '-in', 'under-ed-ca.csr', '-CA', 'rsa-inter.pem', '-CAkey', 'rsa-inter.key', '-set_serial', '5', '-out', 'under-ed-ca.leaf.pem', '-days', '30', '-extfile', 'leaf.ext');
    writeFileSync(join(dir, 'under-ed-ca.pem'), Buffer.concat([readFileSync(join(dir, 'under-ed-ca.leaf.pem')), readFileSync(join(dir, 'rsa-inter.pem'))]));
  });
  after(async () => {
    for (const s of servers) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, what] of [
    ['ed25519', 'has an Ed25519 key and is signed with Ed25519'],
    ['ed448', 'has an Ed448 key and is signed with Ed448'],
    ['ed-key', 'has an Ed25519 key'],
    ['ed-signature', 'is signed with Ed25519'],
    ['pss-key', 'has an RSA-PSS key'],
  ] as const) {
    it(`${name}: a NET028 error naming what FreeRDP cannot use; the handshake itself still counts`, async () => {
      const r = await check(material(name));
      assert.ok(r.tls, 'OpenSSL completes the handshake');
      assert.equal(r.negotiation?.ssl, true, 'TLS is accepted: OpenSSL-based clients other than FreeRDP get through');
      const found = net028(r);
      assert.equal(found.length, 1, JSON.stringify(r.findings));
      assert.equal(found[0]!.severity, 'error');
      assert.match(found[0]!.message, /^FreeRDP-based clients \(xfreerdp, Remmina; FreeRDP 2\.11 and 3\) end the connection right after the TLS handshake with ERRCONNECT_TLS_CONNECT_FAILED: the certificate (.+), which FreeRDP cannot use/);
      assert.equal(/the certificate (.+), which/.exec(found[0]!.message)![1], what);
    });
  }

  for (const name of ['rsa-ca', 'pss-signature', 'under-ed-ca']) {
    it(`${name}: an RSA key, no NET028`, async () => {
      const r = await check(material(name));
      assert.deepEqual(net028(r), []);
      if (name === 'under-ed-ca') assert.deepEqual(r.chain.map((c) => c.signatureAlgorithm), ['sha256WithRSAEncryption', 'Ed25519'], JSON.stringify(r.chain));
    });
  }
});
