// A host name with non-ASCII letters goes on the wire in its Punycode form (A-labels): to the resolver, in the TLS
// server name, and in the certificate name match (RFC 6125 §6.4.2).
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';
import { describe, it } from 'node:test';
import forge from 'node-forge';
import { X509Certificate } from 'node:crypto';
import { analyzeCertificate } from '../../../src/core/net/certificate';
import { checkCertificate } from '../../../src/core/net/certificate-findings';
import { resolveHost, type Lookup } from '../../../src/core/net/dns';
import { TrustStore } from '../../../src/core/net/trust-store';
import { certificateMatchesName } from '../../../src/core/net/name-match';
import { handshake } from '../../../src/core/net/tls';
import { makeCert } from './cert-fixtures';

const STEP = { timeoutMs: 10_000 };

/** A resolver that answers 127.0.0.9 for every name and records the names asked: no lookup leaves the process. */
function recordingLookup(): { lookup: Lookup; calls: string[] } {
  const calls: string[] = [];
  const lookup: Lookup = (host, _options, callback) => {
    calls.push(host);
    setImmediate(() => callback(null, [{ address: '127.0.0.9' }]));
  };
  return { lookup, calls };
}

describe('internationalized host names in the live check', () => {
  it('the resolver is asked for the Punycode form', async () => {
    const { lookup, calls } = recordingLookup();
    const r = await resolveHost('BÜRO-PC', STEP, lookup);
    assert.deepEqual(r, { ok: true, addresses: ['127.0.0.9'] });
    assert.deepEqual(calls, ['xn--bro-pc-3ya']);
  });

  it('a name that is a special-use one in its Punycode form is answered as one (full-width "localhost")', async () => {
    const { lookup, calls } = recordingLookup();
    assert.deepEqual(await resolveHost('bücher.ｌｏｃａｌｈｏｓｔ', STEP, lookup), { ok: true, addresses: ['127.0.0.1', '::1'] });
    const invalid = await resolveHost('bücher.ｉｎｖａｌｉｄ', STEP, lookup);
    assert.equal(invalid.ok, false);
    assert.deepEqual(calls, []);
  });

  it('the TLS server name (SNI) is the Punycode form, not raw UTF-8 (RFC 6066 §3)', async () => {
    const fixture = makeCert({ cn: 'xn--bcher-kva.localhost', dns: ['xn--bcher-kva.localhost'] });
    const key = forge.pki.privateKeyToPem(fixture.key);
    let seen: string | undefined;
    const server = createServer(
      {
        cert: fixture.pem,
        key,
        // Called during the handshake, before the client's side completes.
        SNICallback: (name, done) => {
          seen = name;
          done(null, undefined);
        },
      },
      (socket: TLSSocket) => socket.end(),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const socket: Socket = connect(port, '127.0.0.1');
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      const r = await handshake(socket, 'bücher.localhost', { ...STEP, closeGraceMs: 0 });
      assert.equal(r.ok, true);
      socket.destroy();
      assert.equal(seen, 'xn--bcher-kva.localhost');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('the certificate name match compares the Punycode form with the certificate DNS names (NET023)', () => {
    const names = { commonNames: [], dnsNames: ['xn--bro-pc-3ya.corp.contoso.invalid'], ipAddresses: [] };
    assert.equal(certificateMatchesName(names, 'BÜRO-PC.corp.contoso.invalid'), true);
    assert.equal(certificateMatchesName(names, 'BURO-PC.corp.contoso.invalid'), false);
  });

  it('NET023 shows a non-ASCII name with its Punycode form, where a look-alike letter shows (a review: "pаypal.localhost" read as "paypal.localhost")', () => {
    const fixture = makeCert({ cn: 'paypal.localhost', dns: ['paypal.localhost'] });
    const analyzed = analyzeCertificate(fixture.der);
    assert.ok(analyzed.ok);
    const options = { store: new TrustStore([new X509Certificate(fixture.der)], false), now: new Date(), expiringSoonDays: 0 };
    const message = (name: string): string | undefined => checkCertificate(analyzed.facts, [fixture.der], { ...options, name }).findings.find((f) => f.ruleId === 'NET023')?.message;
    assert.equal(message('pаypal.localhost'), 'The certificate does not match "pаypal.localhost" (xn--pypal-4ve.localhost); it names paypal.localhost.');
    assert.equal(message('paypal2.localhost'), 'The certificate does not match "paypal2.localhost"; it names paypal.localhost.');
  });
});
