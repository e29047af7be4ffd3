// The main TLS handshake of `check` asked once more when the server dropped it (gnome-remote-desktop 43 now and then
// resets one of several connections that arrive together, or answers with an internal_error alert), and not when it
// refused it: a listener that resets every handshake (Windows without a usable certificate) still gets NET028.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkHost } from '../../src/core/net/index';
import { generateCertificates } from './lab/certs';
import { startFakeRdpServer, type HelloAlert } from './lab/fake-rdp-server';
import type { LocalServer } from './lab/local-server';
import { missingBinaries } from './lab/processes';

const skip = missingBinaries(['openssl']).length > 0 && 'openssl is needed to make the certificates';

describe('the main TLS handshake, dropped once or always', { skip }, () => {
  let dir: string;
  let material: { cert: Buffer; key: Buffer };
  const servers: LocalServer[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-main-tls-'));
    const valid = generateCertificates(dir, ['valid']).cases.valid!;
    material = { cert: readFileSync(valid.cert), key: readFileSync(valid.key) };
  });
  after(async () => {
    for (const s of servers) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A check of a listener that ends the first `times` main handshakes (those offering TLS 1.3) as `how` says. */
  async function check(how: true | HelloAlert, times: number, mode: 'tls' | 'nla' = 'tls', timeoutMs = 3000) {
    let mains = 0;
    const server = await startFakeRdpServer({ mode, ...material, resetClientHello: (hello) => offersTls13(hello) && mains++ < times && how });
    servers.push(server);
    const r = await checkHost({ target: `127.0.0.1:${server.port}`, host: '127.0.0.1', port: server.port }, { timeoutMs });
    return { r, mains, net028: r.findings.filter((f) => f.ruleId === 'NET028') };
  }

  it('reset once (before any TLS record): asked again on a new connection, TLS accepted, NET028 only as info that the first was dropped', async () => {
    const { r, mains, net028 } = await check(true, 1);
    assert.deepEqual(net028.map((f) => f.severity), ['info'], JSON.stringify(r.findings));
    assert.match(net028[0]!.message, /^The server selected TLS but dropped the first TLS handshake \(.+\); the same handshake on a second connection completed\. .*fail now and then/);
    assert.equal(mains, 2, 'the main handshake was asked twice');
    assert.equal(r.tls?.protocol, 'TLSv1.3');
    assert.deepEqual(r.tls?.accepted, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    assert.equal(r.steps.tls.status, 'ok');
    assert.equal(r.negotiation?.ssl, true);
    assert.ok(r.certificate, 'the certificate is read from the second handshake');
    assert.equal(r.connectInitialUnanswered, undefined, 'the Connect Initial rides the second connection');
  });

  it('an internal_error alert once (RFC 8446 §6.2: not about the offer): asked again, NET028 only as info', async () => {
    const { r, mains, net028 } = await check('internal-error', 1);
    assert.deepEqual(net028.map((f) => f.severity), ['info'], JSON.stringify(r.findings));
    assert.match(net028[0]!.message, /INTERNAL_ERROR|internal error/i);
    assert.equal(mains, 2);
    assert.equal(r.tls?.protocol, 'TLSv1.3');
  });

  it('under CredSSP, reset once: the NTLM question rides the second connection', async () => {
    const { r, mains, net028 } = await check(true, 1, 'nla');
    assert.deepEqual(net028.map((f) => f.severity), ['info'], JSON.stringify(r.findings));
    assert.equal(mains, 2);
    assert.ok(r.ntlm, 'the NTLM CHALLENGE was read on the second connection');
  });

  it('reset always (as Windows does without a usable certificate): NET028 after the second try, and one connection more, not more', async () => {
    // A step timeout of ten minutes: only an answer that did not wait for it can say "reset" here (no clock is read).
    const { r, mains, net028 } = await check(true, 100, 'tls', 600_000);
    assert.deepEqual(net028.map((f) => f.severity), ['error'], JSON.stringify(r.findings));
    assert.match(net028[0]!.message, /reset the connection without a TLS record.*asked twice/);
    assert.equal(mains, 2);
    assert.equal(r.steps.tls.status, 'error');
    assert.equal(r.negotiation?.ssl, false);
    assert.doesNotMatch(JSON.stringify(r.findings), /within|timed? ?out/i, 'no step waited for its timeout');
  });

  it('a handshake_failure alert (a refusal of the offer) is not asked again: NET028 at once', async () => {
    const { r, mains, net028 } = await check('handshake-failure', 100);
    assert.deepEqual(net028.map((f) => f.severity), ['error'], JSON.stringify(r.findings));
    assert.match(net028[0]!.message, /HANDSHAKE_FAILURE/);
    assert.doesNotMatch(net028[0]!.message, /asked twice/);
    assert.equal(mains, 1);
  });
});

/** Whether a ClientHello (TLS record, first segment) offers TLS 1.3: it has a supported_versions extension (RFC 8446 §4.2.1). */
function offersTls13(hello: Buffer): boolean {
  if (hello[0] !== 0x16 || hello[5] !== 0x01) return false;
  let i = 9 + 2 + 32;
  i += 1 + hello[i]!; // session id
  i += 2 + hello.readUInt16BE(i); // cipher suites
  i += 1 + hello[i]!; // compression methods
  const end = i + 2 + hello.readUInt16BE(i);
  for (i += 2; i + 4 <= end; i += 4 + hello.readUInt16BE(i + 2)) if (hello.readUInt16BE(i) === 0x002b) return true;
  return false;
}
