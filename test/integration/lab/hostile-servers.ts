import type { Socket } from 'node:net';
import { confirm, LocalServer, onConnectionRequest } from './local-server';

/** Peers that misbehave on purpose; each must end in a classified finding, never a hang or a crash. */
export type Hostility =
  | 'silent'
  | 'garbage'
  | 'drip-65535'
  | 'instant-close'
  | 'junk-after-tls-selected'
  | 'reset'
  | 'flood'
  | 'flood-after-confirm'
  | 'tls-record-with-confirm'
  | 'wrong-length'
  | 'short-length'
  | 'truncated-confirm'
  | 'slow-valid-confirm'
  | 'silent-tls'
  | 'rdp-close-after-connect-initial'
  | 'rdp-reset-after-connect-initial'
  | 'rdp-silent-after-connect-initial'
  | 'rdp-ultimatum-with-confirm'
  | 'ssl-not-allowed-to-all'
  | 'mask-0x3-to-all';

const SELECT_SSL = confirm({ selected: 0x1 });
/** PROTOCOL_RDP with EXTENDED_CLIENT_DATA_SUPPORTED, as xrdp `security_layer=rdp` answers every request. */
const SELECT_RDP = confirm({ selected: 0x0, flags: 0x1 });
/** TPKT + X.224 Data + MCS Disconnect Provider Ultimatum (rn-user-requested), what xrdp sends when it cannot read rsakeys.ini. */
const ULTIMATUM = Buffer.from('0300000902f0802180', 'hex');

/** A whole TLS handshake record of 1,500 bytes, its body no valid message. */
export const GARBAGE_RECORD = Buffer.concat([Buffer.from([0x16, 0x03, 0x03, 0x05, 0xdc]), Buffer.alloc(1500, 0x41)]);

/** Selects Standard RDP Security for every request, then `then` on the client's next bytes (the MCS Connect Initial). */
const selectRdp = (then: (s: Socket) => void) => (s: Socket): void =>
  onConnectionRequest(s, () => {
    s.write(SELECT_RDP);
    s.once('data', () => then(s));
  });

const BEHAVIOUR: Readonly<Record<Hostility, (socket: Socket, server: LocalServer) => void>> = {
  silent: () => undefined,
  garbage: (s) => s.once('data', () => s.write('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n')),
  'drip-65535': (s, server) =>
    s.once('data', () => {
      s.write(Buffer.from([0x03, 0x00, 0xff, 0xff]));
      const t = server.every(50, () => (s.destroyed ? server.stopTimer(t) : s.write(Buffer.from([0x00]))));
    }),
  'instant-close': (s) => s.end(),
  'junk-after-tls-selected': (s) =>
    s.once('data', () => {
      s.write(SELECT_SSL);
      s.once('data', () => s.write(Buffer.alloc(300, 0x41)));
    }),
  reset: (s) => s.resetAndDestroy(),
  flood: (s) => {
    const chunk = Buffer.alloc(64 * 1024, 0x5a);
    const pump = (): void => {
      while (!s.destroyed && s.write(chunk));
    };
    s.on('drain', pump);
    pump();
  },
  'flood-after-confirm': (s) =>
    s.once('data', () => {
      const chunk = Buffer.alloc(64 * 1024, 0x17);
      s.write(SELECT_SSL);
      const pump = (): void => {
        while (!s.destroyed && s.write(chunk));
      };
      s.on('drain', pump);
      pump();
    }),
  // Selects TLS and, in the same write, sends a whole TLS handshake record unasked.
  'tls-record-with-confirm': (s) => onConnectionRequest(s, () => s.write(Buffer.concat([SELECT_SSL, GARBAGE_RECORD]))),
  // TPKT says 19 bytes, the X.224 length indicator says 6.
  'wrong-length': (s) => s.once('data', () => s.write(Buffer.from('03000013' + '06d00000123400' + '0200080001000000', 'hex'))),
  'short-length': (s) => s.once('data', () => s.write(Buffer.from('03000005ff', 'hex'))),
  // TPKT announces 19 bytes; 15 arrive, then nothing.
  'truncated-confirm': (s) => s.once('data', () => s.write(SELECT_SSL.subarray(0, 15))),
  // A valid Confirm one byte at a time: buffering must cope.
  'slow-valid-confirm': (s, server) =>
    s.once('data', () => {
      const reply = confirm({ selected: 0x0 });
      let i = 0;
      const t = server.every(5, () => {
        if (s.destroyed || i >= reply.length) return server.stopTimer(t);
        s.write(reply.subarray(i, ++i));
      });
    }),
  // Selects TLS, then never answers the ClientHello.
  'silent-tls': (s) => s.once('data', () => s.write(SELECT_SSL)),
  'rdp-close-after-connect-initial': selectRdp((s) => s.end()),
  'rdp-reset-after-connect-initial': selectRdp((s) => s.resetAndDestroy()),
  'rdp-silent-after-connect-initial': selectRdp(() => undefined),
  // xrdp run as a user who cannot read /etc/xrdp/rsakeys.ini: the Ultimatum right behind the Confirm, then the close.
  'rdp-ultimatum-with-confirm': (s) => onConnectionRequest(s, () => s.end(Buffer.concat([SELECT_RDP, ULTIMATUM]))),
  // SSL_NOT_ALLOWED_BY_SERVER ("Standard RDP Security only") to every request, a Standard-RDP-only one too: nothing is usable.
  'ssl-not-allowed-to-all': (s) => onConnectionRequest(s, () => s.end(confirm({ failure: 0x2 }))),
  // RDP_NEG_RSP with selectedProtocol 0x3 (TLS and CredSSP at once, no protocol MS-RDPBCGR defines) to every request.
  'mask-0x3-to-all': (s) => onConnectionRequest(s, () => s.end(confirm({ selected: 0x3 }))),
};

export function startHostileServer(kind: Hostility): Promise<LocalServer> {
  return new LocalServer((socket, server) => BEHAVIOUR[kind](socket, server)).listen();
}
