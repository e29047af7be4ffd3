// A review: a server that answered the Standard-RDP-only question by selecting TLS got NET005 ("clients drop the
// connection"), yet the ladder said "Not determined (no answer): Standard RDP Security" and JSON `rdp: null`. The server
// answered; by MS-RDPBCGR 3.3.5.3.2 it must select a requested protocol or PROTOCOL_RDP, so what it left unusable is false.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { checkHost } from '../../src/core/net/index';
import { generateCertificates } from './lab/certs';
import { CLI, cliJson } from './lab/cli-json';
import { startHostileServer } from './lab/hostile-servers';
import { confirm, LocalServer, onConnectionRequest } from './lab/local-server';

const TIMEOUT_MS = 3000;
const SSL = 0x1;
const HYBRID = 0x2;
const HYBRID_EX = 0x8;
const HYBRID_REQUIRED_BY_SERVER = 0x5;

type Answer = { selected: number } | { failure: number };

/** Answers each request by `answer`, and completes TLS after a selection that starts it (then waits for the client to close). */
function answeringServer(material: { cert: Buffer; key: Buffer }, answer: (requested: number) => Answer): Promise<LocalServer> {
  return new LocalServer((socket: Socket) =>
    onConnectionRequest(socket, (requested) => {
      const reply = answer(requested);
      socket.write(confirm(reply));
      if ('failure' in reply) return void socket.end();
      const tls = new TLSSocket(socket, { isServer: true, ...material });
      tls.on('error', () => socket.destroy());
      tls.on('end', () => tls.end());
    }),
  ).listen();
}

describe('answers no client follows, from servers on 127.0.0.1', () => {
  let dir: string;
  let material: { cert: Buffer; key: Buffer };
  const servers: LocalServer[] = [];
  const start = async (answer: (requested: number) => Answer): Promise<LocalServer> => {
    const server = await answeringServer(material, answer);
    servers.push(server);
    return server;
  };
  const check = (port: number) => checkHost({ target: `127.0.0.1:${port}`, host: '127.0.0.1', port }, { timeoutMs: TIMEOUT_MS, ntlmInfo: false });

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-unusable-'));
    const ec = generateCertificates(dir, ['ec']).cases.ec!;
    material = { cert: readFileSync(ec.cert), key: readFileSync(ec.key) };
  });
  after(async () => {
    for (const s of servers) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('TLS selected for every request, the Standard-RDP-only one too: rdp false, and the ladder says what was answered', async () => {
    const server = await start(() => ({ selected: SSL }));
    const r = await check(server.port);
    assert.deepEqual([r.negotiation?.rdp, r.negotiation?.ssl, r.negotiation?.nlaRequired], [false, true, false]);
    assert.deepEqual([r.negotiation?.unusable, r.negotiation?.failures], [{ rdp: 'SSL' }, {}]);
    assert.match(r.findings.find((f) => f.ruleId === 'NET005')!.message, /selected TLS \(0x00000001\) although the client requested only Standard RDP Security/);
    assert.match(r.steps.negotiation.detail, / Unusable: Standard RDP Security \(the server selected TLS, which no client follows\)\./);
    assert.doesNotMatch(r.steps.negotiation.detail, /no answer/);
  });

  it('HYBRID_EX selected for a request of TLS and CredSSP: CredSSP without early user authorization is unusable', async () => {
    const server = await start((requested) => (requested & (HYBRID | HYBRID_EX) || requested & 0x4 ? { selected: HYBRID_EX } : { failure: HYBRID_REQUIRED_BY_SERVER }));
    const r = await check(server.port);
    const n = r.negotiation!;
    assert.deepEqual([n.rdp, n.ssl, n.hybrid, n.hybridEx, n.rdstls, n.nlaRequired], [false, false, false, true, false, true]);
    assert.deepEqual(n.unusable, { hybrid: 'HYBRID_EX', rdstls: 'HYBRID_EX' });
    assert.match(r.steps.negotiation.detail, /Unusable: CredSSP, RDSTLS \(the server selected CredSSP with early user authorization, which no client follows\)\./);
    assert.doesNotMatch(r.steps.negotiation.detail, /no answer/);
  });

  it('the undefined mask 0x3 to every request: every protocol unusable, nlaRequired null; JSON keeps SPEC §3 and adds `unusable`', { skip: !existsSync(CLI) && 'dist/cli.js is not built (npm run build)' }, async () => {
    const server = await startHostileServer('mask-0x3-to-all');
    servers.push(server);
    const r = await check(server.port);
    assert.equal(server.connections, 5, 'every question was still asked');
    const n = r.negotiation!;
    assert.deepEqual([n.rdp, n.ssl, n.hybrid, n.hybridEx, n.rdstls, n.nlaRequired], [false, false, false, false, false, null]);
    assert.equal(r.steps.negotiation.detail, 'Selected 0x3. Unusable: Standard RDP Security, TLS, CredSSP, CredSSP with early user authorization, RDSTLS (the server selected 0x3, which no client follows).');
    const [host] = (await cliJson<{ hosts: { negotiation: Record<string, unknown> }[] }>(['check', `127.0.0.1:${server.port}`, '--format', 'json'])).hosts;
    const { rdp, ssl, hybrid, hybridEx, rdstls, nlaRequired, failures, unusable } = host!.negotiation;
    assert.deepEqual({ rdp, ssl, hybrid, hybridEx, rdstls, nlaRequired, failures, unusable }, {
      rdp: false, ssl: false, hybrid: false, hybridEx: false, rdstls: false, nlaRequired: null, failures: {}, unusable: { rdp: '0x3', ssl: '0x3', hybrid: '0x3', hybridEx: '0x3', rdstls: '0x3' },
    });
  });
});
