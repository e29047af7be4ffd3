// Which TLS versions a listener accepts, against Node TLS servers with chosen versions (a session 16 review: a server
// with TLS 1.0 and 1.2 on and 1.1 off was reported as refusing TLS 1.0).
import assert from 'node:assert/strict';
import { constants } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkHost } from '../../src/core/net/index';
import { handshake } from '../../src/core/net/tls';
import { connectTcp } from '../../src/core/net/tcp';
import { probeTlsVersions } from '../../src/core/net/tls-versions';
import { exchangeConfirm } from '../../src/core/net/x224-exchange';
import { generateCertificates } from './lab/certs';
import { startFakeRdpServer } from './lab/fake-rdp-server';
import type { LocalServer } from './lab/local-server';
import { missingBinaries } from './lab/processes';

const skip = missingBinaries(['openssl']).length > 0 && 'openssl is needed to make the certificates';

describe('TLS versions a listener accepts', { skip }, () => {
  let dir: string;
  let material: { cert: Buffer; key: Buffer };
  const servers: LocalServer[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-tls-versions-'));
    const valid = generateCertificates(dir, ['valid']).cases.valid!;
    material = { cert: readFileSync(valid.cert), key: readFileSync(valid.key) };
  });
  after(async () => {
    for (const s of servers) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function accepted(tls: Parameters<typeof startFakeRdpServer>[0]['tls']) {
    const server = await startFakeRdpServer({ mode: 'tls', ...material, tls });
    servers.push(server);
    const r = await checkHost({ target: `127.0.0.1:${server.port}`, host: '127.0.0.1', port: server.port }, { timeoutMs: 3000 });
    return { versions: r.tls?.accepted, net029: r.findings.find((f) => f.ruleId === 'NET029'), result: r };
  }

  it('TLS 1.0 and 1.2 on, 1.1 off: TLS 1.0 accepted (the server marks the downgrade), NET029', async () => {
    // OpenSSL's client ends a handshake capped at 1.1 when the server picks 1.0 and sets RFC 8446's downgrade marker.
    const { versions, net029 } = await accepted({ minVersion: 'TLSv1', maxVersion: 'TLSv1.2', secureOptions: constants.SSL_OP_NO_TLSv1_1, ciphers: 'DEFAULT:@SECLEVEL=0' });
    assert.deepEqual(versions, { TLSv1: true, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': false });
    assert.match(net029?.message ?? '', /TLS 1\.0/);
  });

  it('TLS 1.0 to 1.2 on: TLS 1.1 accepted, TLS 1.0 not determined (one capped handshake learns the highest)', async () => {
    const { versions, net029 } = await accepted({ minVersion: 'TLSv1', maxVersion: 'TLSv1.2', ciphers: 'DEFAULT:@SECLEVEL=0' });
    assert.deepEqual(versions, { TLSv1: null, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': false });
    assert.ok(net029);
  });

  it('TLS 1.2 and 1.3 only: both legacy versions refused, TLS 1.2 asked alone and accepted, no finding', async () => {
    const { versions, net029, result } = await accepted({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' });
    assert.deepEqual(versions, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    assert.equal(net029, undefined);
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'NET028'), []);
  });

  it('TLS 1.3 only: TLS 1.2 refused, a NET028 warning on the TLS step (clients without TLS 1.3 cannot connect)', async () => {
    const { versions, net029, result } = await accepted({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' });
    assert.deepEqual(versions, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': true });
    assert.equal(net029, undefined);
    const net028 = result.findings.filter((f) => f.ruleId === 'NET028');
    assert.deepEqual(net028.map((f) => f.severity), ['warning'], JSON.stringify(result.findings));
    assert.match(net028[0]!.message, /only TLS 1\.3.*Windows 10, Windows Server 2019 and older/);
    assert.equal(result.steps.tls.status, 'warning');
    assert.equal(result.tls?.protocol, 'TLSv1.3');
    assert.ok(result.certificate, 'the certificate is still read from the TLS 1.3 handshake');
  });

  it('a capped handshake reset once, as gnome-remote-desktop 43 resets one of several connections now and then, is asked again: TLS 1.2 accepted, no NET028', async () => {
    let resets = 0;
    const server = await startFakeRdpServer({ mode: 'tls', ...material, resetClientHello: (hello) => cappedAtTls12(hello) && resets++ === 0 });
    servers.push(server);
    const r = await checkHost({ target: `127.0.0.1:${server.port}`, host: '127.0.0.1', port: server.port }, { timeoutMs: 3000 });
    assert.deepEqual(r.tls?.accepted, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'NET028'), []);
    assert.equal(resets, 2, 'the TLS 1.2 handshake was reset once and asked again');
  });

  it('a listener that resets every handshake capped at TLS 1.2 (as Schannel refuses a version) still refuses TLS 1.2: NET028', async () => {
    const server = await startFakeRdpServer({ mode: 'tls', ...material, resetClientHello: cappedAtTls12 });
    servers.push(server);
    const r = await checkHost({ target: `127.0.0.1:${server.port}`, host: '127.0.0.1', port: server.port }, { timeoutMs: 3000 });
    assert.deepEqual(r.tls?.accepted, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': true });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'NET028').map((f) => f.severity), ['warning']);
  });

  it('the capped handshakes do not wait for the main connection when none was dropped (a review: a silent server cost them the timeout)', { timeout: 20_000 }, async () => {
    const server = await startFakeRdpServer({ mode: 'tls', ...material });
    servers.push(server);
    const options = () => ({ timeoutMs: 3000 });
    const tcp = await connectTcp('127.0.0.1', server.port, options());
    assert.ok(tcp.ok);
    const confirmed = await exchangeConfirm(tcp.socket, 0x3, options());
    assert.ok(confirmed.ok);
    const main = handshake(tcp.socket, '127.0.0.1', { ...options(), chain: false, closeGraceMs: 0 });
    // Whether the main connection survived its handshake is never known here: only a dropped capped handshake needs it.
    const never = new Promise<boolean>(() => {});
    const probe = await probeTlsVersions('127.0.0.1', server.port, '127.0.0.1', 0x3, main, options, undefined, never);
    assert.deepEqual(probe.accepted, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    tcp.socket.destroy();
  });
});

/** Whether a ClientHello (TLS record, first segment) offers TLS 1.2 at most: version 0x0303 and no supported_versions extension. */
function cappedAtTls12(hello: Buffer): boolean {
  if (hello[0] !== 0x16 || hello[5] !== 0x01 || hello.readUInt16BE(9) !== 0x0303) return false;
  let i = 9 + 2 + 32;
  i += 1 + hello[i]!; // session id
  i += 2 + hello.readUInt16BE(i); // cipher suites
  i += 1 + hello[i]!; // compression methods
  const end = i + 2 + hello.readUInt16BE(i);
  for (i += 2; i + 4 <= end; i += 4 + hello.readUInt16BE(i + 2)) if (hello.readUInt16BE(i) === 0x002b) return false;
  return true;
}
