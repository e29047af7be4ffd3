// Every certificate a listener sends reaches the trust check (a session 21 review: a cross-signed CA sent with its
// untrusted twin first was untrusted, since Node's getPeerCertificate(true) links one issuer per certificate).
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkHost } from '../../src/core/net/index';
import { TrustStore } from '../../src/core/net/trust-store';
import type { HostCheckResult } from '../../src/core/net/types';
import { generateCrossAndLongChains, type ListenerCase } from './lab/cert-chains';
import { startFakeRdpServer } from './lab/fake-rdp-server';
import type { LocalServer } from './lab/local-server';
import { missingBinaries } from './lab/processes';

const skip = missingBinaries(['openssl']).length > 0 && 'openssl is needed to make the certificates';
const VERSIONS = ['TLSv1.2', 'TLSv1.3'] as const;

describe('the certificates a listener sends, every one of them, in the order sent', { skip }, () => {
  let dir: string;
  let made: ReturnType<typeof generateCrossAndLongChains>;
  const servers: LocalServer[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-sent-chain-'));
    made = generateCrossAndLongChains(dir, 11);
  });
  after(async () => {
    for (const s of servers) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Only the given roots are trusted: no bundled or system root can stand in. */
  const storeOf = (...roots: string[]): TrustStore => new TrustStore(roots.map((r) => new X509Certificate(readFileSync(r))), false, () => []);
  const subjects = (pemFile: string): string[] =>
    readFileSync(pemFile, 'utf8').match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g)!.map((pem) => new X509Certificate(pem).subject.replace(/\n/g, ', '));

  async function check(listener: ListenerCase, version: (typeof VERSIONS)[number], store: TrustStore): Promise<HostCheckResult> {
    const server = await startFakeRdpServer({ mode: 'tls', cert: readFileSync(listener.cert), key: readFileSync(listener.key), tls: { minVersion: 'TLSv1.2', maxVersion: version } });
    servers.push(server);
    const r = await checkHost({ target: `localhost:${server.port}`, host: '127.0.0.1', port: server.port, name: 'localhost' }, { timeoutMs: 3000, store });
    assert.equal(r.tls?.protocol, version);
    return r;
  }
  const net022 = (r: HostCheckResult): string | undefined => r.findings.find((f) => f.ruleId === 'NET022')?.message;

  for (const version of VERSIONS) {
    it(`${version}: a cross-signed CA sent with its untrusted twin first reaches the trusted root`, async () => {
      const r = await check(made.crossUntrustedFirst, version, storeOf(made.roots.a));
      assert.equal(net022(r), undefined);
      assert.equal(r.certificate?.trusted, true);
      assert.deepEqual(r.chain.map((c) => `${c.subject} <- ${c.issuer}`), [
        'CN=localhost <- CN=RDP Doctor Cross CA',
        'CN=RDP Doctor Cross CA <- CN=RDP Doctor Root B',
        'CN=RDP Doctor Cross CA <- CN=RDP Doctor Root A',
      ]);
    });

    it(`${version}: either root does, whichever order the server sends the two`, async () => {
      for (const listener of [made.crossUntrustedFirst, made.crossTrustedFirst]) {
        for (const root of [made.roots.a, made.roots.b]) assert.equal((await check(listener, version, storeOf(root))).certificate?.trusted, true);
      }
    });

    it(`${version}: a chain longer than the search follows is said to be longer, not missing`, async () => {
      const r = await check(made.long, version, storeOf(made.longRoot));
      assert.equal(r.chain.length, 12, 'the leaf and its 11 CAs, all shown');
      assert.deepEqual(r.chain.map((c) => c.subject), subjects(made.long.cert));
      assert.equal(
        net022(r),
        'The certificate "CN=localhost" does not chain to a trusted root: the chain is longer than 10 certificates, and RDP Doctor follows it no further than CN=RDP Doctor CA 3 (the server did send its issuer CN=RDP Doctor CA 2).',
      );
    });
  }
});
