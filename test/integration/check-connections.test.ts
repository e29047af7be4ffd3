import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { checkHost } from '../../src/core/net/index';
import { generateCertificates } from './lab/certs';
import { confirm, LocalServer, onConnectionRequest } from './lab/local-server';

const TIMEOUT_MS = 3000;
const SSL = 0x1;
const RDSTLS_QUESTION = 0x5;
const MAIN_REQUEST = 0xb;
const SSL_REQUIRED_BY_SERVER = 0x1;
const SSL_NOT_ALLOWED_BY_SERVER = 0x2;

type Answer = { selected: number } | { failure: number };

/** One connection as the server saw it: what was asked, and the TLS version a handshake on it ended with (null: none completed). */
interface Seen {
  readonly requested: number;
  tls: string | null;
}

/** A listener that selects TLS by `answer`, serves TLS from `minVersion` up, and records every connection. */
async function recordingServer(material: { cert: Buffer; key: Buffer }, answer: (requested: number) => Answer, minVersion: 'TLSv1' | 'TLSv1.2'): Promise<{ server: LocalServer; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = await new LocalServer((socket: Socket) => {
    onConnectionRequest(socket, (requested) => {
      const record: Seen = { requested, tls: null };
      seen.push(record);
      const reply = answer(requested);
      socket.write(confirm(reply));
      if ('failure' in reply) return void socket.end();
      const tls = new TLSSocket(socket, { isServer: true, ...material, minVersion, ...(minVersion === 'TLSv1' && { ciphers: 'DEFAULT:@SECLEVEL=0' }) });
      tls.on('secure', () => (record.tls = tls.getProtocol()));
      tls.on('error', () => socket.destroy());
      tls.on('end', () => tls.end());
    });
  }).listen();
  return { server, seen };
}

/** A server with TLS required: TLS for any request that offers it, SSL_REQUIRED_BY_SERVER otherwise. */
const tlsRequired = (requested: number): Answer => (requested & SSL ? { selected: SSL } : { failure: SSL_REQUIRED_BY_SERVER });

const sorted = (seen: readonly Seen[]): number[] => seen.map((s) => s.requested).sort((a, b) => a - b);

describe('which connections a check opens (recording servers on 127.0.0.1)', () => {
  let dir: string;
  let material: { cert: Buffer; key: Buffer };
  const servers: LocalServer[] = [];
  const start = async (answer: (requested: number) => Answer, minVersion: 'TLSv1' | 'TLSv1.2'): Promise<{ server: LocalServer; seen: Seen[] }> => {
    const started = await recordingServer(material, answer, minVersion);
    servers.push(started.server);
    return started;
  };
  const check = (port: number) => checkHost({ target: `127.0.0.1:${port}`, host: '127.0.0.1', port }, { timeoutMs: TIMEOUT_MS, ntlmInfo: false });

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-connections-'));
    const ec = generateCertificates(dir, ['ec']).cases.ec!;
    material = { cert: readFileSync(ec.cert), key: readFileSync(ec.key) };
  });
  after(async () => {
    for (const s of servers) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a TLS server: the legacy-TLS handshake rides the RDSTLS question, then TLS 1.2 alone (1.3 was chosen), four connections in all', async () => {
    const { server, seen } = await start(tlsRequired, 'TLSv1.2');
    const r = await check(server.port);
    assert.deepEqual(sorted(seen), [0x0, RDSTLS_QUESTION, MAIN_REQUEST, MAIN_REQUEST]);
    assert.equal(server.connections, 4);
    assert.equal(r.negotiation?.rdstls, false);
    assert.equal(r.negotiation?.rdp, false);
    assert.deepEqual(r.negotiation?.failures, { rdp: 'SSL_REQUIRED_BY_SERVER' });
    assert.deepEqual(r.tls?.accepted, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    // The main connection handshook at 1.3; the RDSTLS question's handshake offered 1.0–1.1 only and was refused; the last offered 1.2 alone.
    assert.deepEqual(seen.filter((s) => s.tls).map((s) => [s.requested, s.tls]), [[MAIN_REQUEST, 'TLSv1.3'], [MAIN_REQUEST, 'TLSv1.2']]);
    assert.ok(r.certificate, JSON.stringify(r.findings));
  });

  it('legacy TLS accepted: found on the RDSTLS question\'s connection, then TLS 1.2 asked alone', async () => {
    const { server, seen } = await start(tlsRequired, 'TLSv1');
    const r = await check(server.port);
    assert.deepEqual(r.tls?.accepted, { TLSv1: null, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': true });
    assert.equal(r.negotiation?.rdstls, false);
    assert.deepEqual(sorted(seen), [0x0, RDSTLS_QUESTION, MAIN_REQUEST, MAIN_REQUEST]);
    assert.deepEqual(seen.filter((s) => s.requested === RDSTLS_QUESTION).map((s) => s.tls), ['TLSv1.1']);
    assert.ok(r.findings.some((f) => f.ruleId === 'NET029' && f.severity === 'warning'), JSON.stringify(r.findings));
  });

  it('an RDSTLS question answered without TLS: the legacy handshake gets a connection of its own, the answer is kept', async () => {
    const { server, seen } = await start((requested) => (requested === RDSTLS_QUESTION ? { failure: SSL_NOT_ALLOWED_BY_SERVER } : tlsRequired(requested)), 'TLSv1.2');
    const r = await check(server.port);
    assert.deepEqual(sorted(seen), [0x0, RDSTLS_QUESTION, MAIN_REQUEST, MAIN_REQUEST, MAIN_REQUEST]);
    assert.equal(r.negotiation?.rdstls, false);
    assert.equal(r.negotiation?.failures.rdstls, 'SSL_NOT_ALLOWED_BY_SERVER');
    assert.deepEqual(r.tls?.accepted, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
  });

  it('checks in one process share TLS contexts, yet every handshake is a full one with the certificate', async () => {
    const { server } = await start(tlsRequired, 'TLSv1.2');
    const results = await Promise.all([check(server.port), check(server.port), check(server.port)]);
    const first = results[0]!.certificate?.sha256;
    assert.ok(first);
    for (const r of results) {
      assert.equal(r.certificate?.sha256, first);
      assert.equal(r.chain.length, 1);
      assert.deepEqual(r.findings.filter((f) => f.severity === 'error'), []);
    }
  });
});
