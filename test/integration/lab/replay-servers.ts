import type { Socket } from 'node:net';
import { answerConnectInitial, confirm, LocalServer, onConnectionRequest } from './local-server';

/**
 * Servers that replay what a listener sends when it selects TLS and then cannot start it (xrdp with an
 * unusable certificate, key or cipher list sends the Confirm, then an MCS Disconnect Provider Ultimatum,
 * then closes), cut into TCP segments in every way that matters; and servers selecting what was not asked.
 */
export type Replay =
  | 'ultimatum-one-segment'
  | 'ultimatum-two-segments'
  | 'ultimatum-after-client-hello'
  | 'ultimatum-byte-by-byte'
  | 'close-after-confirm'
  | 'reset-after-client-hello'
  | 'nla-then-close'
  | 'selects-0x80'
  | 'selects-0x80-then-ultimatum'
  | 'selects-unrequested-rdstls';

/** TPKT + X.224 Data + MCS Disconnect Provider Ultimatum (rn-user-requested), as xrdp 0.9.21 sends it. */
export const ULTIMATUM = Buffer.from('0300000902f0802180', 'hex');
const SSL = 0x1;
const HYBRID = 0x2;
const RDSTLS = 0x4;
const HYBRID_REQUIRED_BY_SERVER = 0x5;
const MAIN_REQUEST = 0x0b;

type Behaviour = (socket: Socket, requested: number, server: LocalServer) => void;

/** Like xrdp `negotiate`: TLS when it is offered, else Standard RDP Security; `broken` runs after a TLS selection. */
const negotiate = (broken: Behaviour): Behaviour => (s, requested, server) => {
  if (!(requested & SSL)) {
    s.write(confirm({ selected: 0, flags: 1 }));
    return answerConnectInitial(s);
  }
  broken(s, requested, server);
};

const BEHAVIOUR: Readonly<Record<Replay, Behaviour>> = {
  'ultimatum-one-segment': negotiate((s) => s.end(Buffer.concat([confirm({ selected: SSL, flags: 1 }), ULTIMATUM]))),
  'ultimatum-two-segments': negotiate((s, _r, server) => {
    s.write(confirm({ selected: SSL, flags: 1 }));
    server.later(30, () => s.end(ULTIMATUM));
  }),
  // The Ultimatum lands on the TLS layer as the answer to the ClientHello.
  'ultimatum-after-client-hello': negotiate((s) => {
    s.write(confirm({ selected: SSL, flags: 1 }));
    s.once('data', () => s.end(ULTIMATUM));
  }),
  'ultimatum-byte-by-byte': negotiate((s, _r, server) => {
    s.write(confirm({ selected: SSL, flags: 1 }));
    let i = 0;
    const t = server.every(5, () => {
      if (s.destroyed) return server.stopTimer(t);
      if (i === ULTIMATUM.length) {
        server.stopTimer(t);
        return void s.end();
      }
      s.write(ULTIMATUM.subarray(i, ++i));
    });
  }),
  'close-after-confirm': negotiate((s) => s.end(confirm({ selected: SSL, flags: 1 }))),
  'reset-after-client-hello': negotiate((s) => {
    s.write(confirm({ selected: SSL, flags: 1 }));
    s.once('data', () => s.resetAndDestroy());
  }),
  // Like an NLA-only listener (HYBRID_REQUIRED_BY_SERVER otherwise) that closes after selecting CredSSP.
  'nla-then-close': (s, requested) =>
    requested & HYBRID ? s.end(confirm({ selected: HYBRID })) : s.end(confirm({ failure: HYBRID_REQUIRED_BY_SERVER })),
  'selects-0x80': (s) => s.write(confirm({ selected: 0x80 })),
  'selects-0x80-then-ultimatum': (s) => s.end(Buffer.concat([confirm({ selected: 0x80 }), ULTIMATUM])),
  'selects-unrequested-rdstls': (s, requested) => {
    const selected = requested === MAIN_REQUEST ? RDSTLS : requested & SSL ? SSL : 0;
    s.write(confirm({ selected }));
    if (selected === 0) answerConnectInitial(s);
  },
};

/**
 * A replay server, and how many bytes clients sent after a Connection Request that did not ask for Standard
 * RDP Security alone (a ClientHello, say; the MCS Connect Initial that reads Standard RDP Security's encryption is not counted).
 */
export class ReplayServer {
  afterRequest = 0;
  private constructor(readonly server: LocalServer) {}

  get port(): number {
    return this.server.port;
  }

  static async start(kind: Replay): Promise<ReplayServer> {
    let replay: ReplayServer | undefined;
    const server = new LocalServer((socket, local) => {
      socket.setNoDelay(true);
      onConnectionRequest(socket, (requested) => {
        if (requested !== 0) socket.on('data', (more: Buffer) => (replay!.afterRequest += more.length));
        BEHAVIOUR[kind](socket, requested, local);
      });
    });
    replay = new ReplayServer(await server.listen());
    return replay;
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
