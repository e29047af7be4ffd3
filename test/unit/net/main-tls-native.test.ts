// The main handshake runs TLS on the socket's own handle, where JavaScript never sees the server's bytes; what the
// AfterConfirmGate sees must still be said. Each hostile answer on 127.0.0.1 gets, through openMainTls, the verdict
// and error the gate alone gives it on a connection of its own.
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import forge from 'node-forge';
import { openGated, openMainTls, type MainTls } from '../../../src/core/net/main-tls';
import { MAIN_REQUEST } from '../../../src/core/net/negotiation-summary';
import { connectTcp } from '../../../src/core/net/tcp';
import { exchangeConfirm } from '../../../src/core/net/x224-exchange';
import { confirm, onConnectionRequest } from '../../integration/lab/local-server';
import { makeCert } from './cert-fixtures';

const SSL = 0x1;
const OPTIONS = { timeoutMs: 3000 };
/** TPKT + X.224 Data + MCS Disconnect Provider Ultimatum (rn-user-requested), as xrdp 0.9.21 sends it. */
const ULTIMATUM = Buffer.from('0300000902f0802180', 'hex');
/** TPKT + X.224 Disconnect Request [X.224 §13.5]. */
const DISCONNECT_REQUEST = Buffer.from('0300000b06800000000000', 'hex');
/** A fatal handshake_failure alert in a TLS 1.2 record [RFC 5246 §7.2]. */
const HANDSHAKE_FAILURE = Buffer.from('15030300020228', 'hex');

/** What a listener does once it has sent a Confirm that selects TLS: `hello` is called with the ClientHello's first segment. */
type Answer = { readonly early?: (s: Socket) => void; readonly hello?: (s: Socket, first: Buffer) => void };

const ANSWERS: Readonly<Record<string, Answer>> = {
  'an Ultimatum after the ClientHello, split after its first byte': {
    hello: (s) => s.write(ULTIMATUM.subarray(0, 1), () => s.end(ULTIMATUM.subarray(1))),
  },
  'an X.224 Disconnect Request after the ClientHello': { hello: (s) => s.end(DISCONNECT_REQUEST) },
  'an HTTP answer to the ClientHello': { hello: (s) => s.end('HTTP/1.1 400 Bad Request\r\n\r\n') },
  'the first byte of a TLS record header, then a FIN': { hello: (s) => s.end(Buffer.from([0x16])) },
  'a TPKT header cut short, then a FIN': { hello: (s) => s.end(ULTIMATUM.subarray(0, 3)) },
  'a FIN after the ClientHello': { hello: (s) => s.end() },
  'a reset after the ClientHello': { hello: (s) => s.resetAndDestroy() },
  'a handshake_failure alert': { hello: (s) => s.end(HANDSHAKE_FAILURE) },
  'a FIN right after the Confirm': { early: (s) => s.end() },
  'an Ultimatum in a segment of its own right after the Confirm': { early: (s) => setImmediate(() => s.end(ULTIMATUM)) },
};

describe('the main handshake on the socket handle: the gate\'s verdicts kept', () => {
  const fixture = makeCert({ cn: 'localhost' });
  const servers: Server[] = [];
  let tlsServer: TlsServer;
  before(() => {
    tlsServer = createTlsServer({ cert: fixture.pem, key: forge.pki.privateKeyToPem(fixture.key) }, (s) => s.on('error', () => undefined).resume());
  });
  after(() => servers.forEach((s) => s.close()));

  /** A listener that answers as `answer` says; `once`: it stops listening at its first connection (the next is refused). */
  async function listen(answer: Answer | 'tls', once = false): Promise<number> {
    const server = createServer({ allowHalfOpen: true }, (socket) => {
      if (once) server.close();
      socket.on('error', () => undefined);
      onConnectionRequest(socket, () => {
        socket.write(confirm({ selected: SSL }));
        if (answer === 'tls') return void tlsServer.emit('connection', socket);
        answer.early?.(socket);
        if (answer.hello) socket.once('data', (first: Buffer) => answer.hello!(socket, first));
      });
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return (server.address() as { port: number }).port;
  }

  /** One negotiated connection to `port`: its socket and the bytes that came with the Confirm. */
  async function negotiated(port: number): Promise<{ socket: Socket; after: Buffer }> {
    const tcp = await connectTcp('127.0.0.1', port, OPTIONS);
    assert.ok(tcp.ok);
    const exchanged = await exchangeConfirm(tcp.socket, MAIN_REQUEST, OPTIONS);
    assert.ok(exchanged.ok);
    return { socket: tcp.socket, after: exchanged.after };
  }

  async function mainTls(port: number): Promise<MainTls> {
    const target = { address: '127.0.0.1', port, host: '127.0.0.1', requested: MAIN_REQUEST, selected: SSL };
    const main = await openMainTls(await negotiated(port), target, () => OPTIONS);
    if (main.session.ok) main.session.tls.destroy();
    main.socket.destroy();
    return main;
  }

  async function gated(port: number): Promise<MainTls> {
    const { socket, after: early } = await negotiated(port);
    const main = await openGated(socket, early, '127.0.0.1', OPTIONS);
    socket.destroy();
    return main;
  }

  for (const [name, answer] of Object.entries(ANSWERS)) {
    it(`${name}: the gate's verdict and error`, async () => {
      const port = await listen(answer);
      const seen = await gated(port);
      const main = await mainTls(port);
      assert.ok(!seen.session.ok && !main.session.ok);
      assert.ok(seen.gate.verdict, 'the gate decided');
      assert.deepEqual(main.gate.verdict, seen.gate.verdict);
      assert.deepEqual(main.session.error, seen.session.error);
      // A close before any byte is a drop, asked once more (main-tls.ts); any other answer is the server's own.
      const dropped = seen.gate.verdict.kind === 'closed';
      assert.equal(main.askedTwice, dropped);
      if (dropped) assert.deepEqual(main.firstError, seen.session.error);
    });
  }

  for (const name of ['a FIN after the ClientHello', 'a reset after the ClientHello']) {
    it(`${name}, and no second connection to ask: the first handshake's own verdict is the gate's`, async () => {
      const seen = await gated(await listen(ANSWERS[name]!));
      const main = await mainTls(await listen(ANSWERS[name]!, true));
      assert.equal(main.askedTwice, false);
      assert.deepEqual(main.gate.verdict, seen.gate.verdict);
      assert.deepEqual(main.session, seen.session);
    });
  }

  it('a TLS listener: the handshake completes on the socket handle, not through the gate\'s JavaScript stream', async () => {
    const port = await listen('tls');
    const main = await mainTls(port);
    assert.ok(main.session.ok, JSON.stringify(main.session));
    assert.deepEqual(main.gate.verdict, { kind: 'tls' });
    assert.equal(main.session.chain[0]?.equals(fixture.der), true);
    assert.equal(main.gate instanceof Duplex, false);
    assert.equal(main.askedTwice, false);
  });
});
