import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { TLSSocket, type TlsOptions } from 'node:tls';
import { encodeTsRequest } from '../../../src/core/net/tsrequest';
import { XRDP_TLS } from '../../unit/net/mcs-fixtures';
import { filetimeOf, windowsChallenge } from '../../unit/net/ntlm-fixtures';
import { answerConnectInitial, confirm, LocalServer, onConnectionRequest } from './local-server';

/** How a fake listener answers, after the tables in test-lab.md. */
export type FakeMode = 'tls' | 'negotiate' | 'rdp' | 'nla';

export interface FakeOptions {
  readonly mode: FakeMode;
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
  /** RDP_NEG_RSP flags to send (restricted admin 0x08, Remote Credential Guard 0x10 …). */
  readonly flags?: number;
  /** TLS settings over the defaults (TLS 1.2 and later): versions, `secureOptions`, ciphers. */
  readonly tls?: Pick<TlsOptions, 'minVersion' | 'maxVersion' | 'secureOptions' | 'ciphers'>;
  /** After a TLS selection's handshake: answer the MCS Connect Initial (the default), or fail as `AfterTls` says. */
  readonly afterTls?: AfterTls;
  /**
   * Called with each ClientHello's first segment; true resets that connection instead of answering it (as
   * gnome-remote-desktop 43 now and then does to one of several connections that arrive together), an alert's name
   * answers it with that fatal alert and a FIN.
   */
  readonly resetClientHello?: (hello: Buffer) => boolean | HelloAlert;
  /**
   * How a request for RDS AAD Auth alone (the Entra ID sign-in, 0x10) is answered: selected (then TLS, as for any
   * selection that starts it), refused with a failure code, or the connection dropped without a Confirm. As `mode`
   * says when absent.
   */
  readonly rdsaad?: 'select' | 'drop' | { readonly failure: number };
}

/**
 * What a TLS selection's listener does once its handshake is done: answer the client's MCS Connect Initial as real
 * listeners do ('connect-response'), answer it only after `lateMs`, never answer it and keep the connection open
 * ('silent'), or drop the client at once: FIN ('close'), RST ('reset'), or an MCS Disconnect Provider Ultimatum and FIN
 * ('ultimatum').
 */
export type AfterTls = 'connect-response' | 'silent' | 'close' | 'reset' | 'ultimatum' | { readonly lateMs: number };

const SSL = 0x1;
const HYBRID = 0x2;
const RDSAAD = 0x10;
const SSL_REQUIRED_BY_SERVER = 0x1;
/** TPKT + X.224 Data + MCS Disconnect Provider Ultimatum (rn-user-requested). */
const ULTIMATUM = Buffer.from('0300000902f0802180', 'hex');
const HYBRID_REQUIRED_BY_SERVER = 0x5;

function answer(options: FakeOptions, requested: number, flags: number): { selected: number; flags: number } | { failure: number } {
  const aad = requested === RDSAAD ? options.rdsaad : undefined;
  if (aad === 'select') return { selected: RDSAAD, flags };
  if (typeof aad === 'object') return aad;
  switch (options.mode) {
    case 'rdp':
      return { selected: 0, flags };
    case 'negotiate':
      return { selected: requested & SSL ? SSL : 0, flags };
    case 'tls':
      return requested & SSL ? { selected: SSL, flags } : { failure: SSL_REQUIRED_BY_SERVER };
    case 'nla':
      return requested & HYBRID ? { selected: HYBRID, flags } : { failure: HYBRID_REQUIRED_BY_SERVER };
  }
}

/** A fast, well-behaved listener: X.224 negotiation and the TLS handshake; under CredSSP an NTLM CHALLENGE for the NEGOTIATE, nothing after. */
export function startFakeRdpServer(options: FakeOptions): Promise<LocalServer> {
  return new LocalServer((socket: Socket, server: LocalServer) => {
    onConnectionRequest(socket, (requested) => {
      if (requested === RDSAAD && options.rdsaad === 'drop') return void socket.destroy();
      const reply = answer(options, requested, options.flags ?? 0);
      socket.write(confirm(reply));
      if ('failure' in reply) return void socket.end();
      if (reply.selected === 0) return answerConnectInitial(socket);
      if (options.resetClientHello) return void socket.once('data', (hello: Buffer) => refuseHello(socket, options.resetClientHello!(hello)) || serveTls(socket, replayed(socket, hello), options, reply.selected, server));
      serveTls(socket, socket, options, reply.selected, server);
    });
  }).listen();
}

/** Fatal alerts a fake listener can answer a ClientHello with, by AlertDescription [RFC 8446 §6, RFC 5246 §7.2]. */
const ALERTS = { 'internal-error': 80, 'handshake-failure': 40, 'protocol-version': 70 } as const;
export type HelloAlert = keyof typeof ALERTS;

/** Ends a connection as `how` says (a reset, or a fatal alert in a TLS 1.2 record and a FIN); false: answer it. */
function refuseHello(socket: Socket, how: boolean | HelloAlert): boolean {
  if (how === false) return false;
  if (how === true) socket.resetAndDestroy();
  else socket.end(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, ALERTS[how]]));
  return true;
}

/** The socket as a stream that yields `first` (already read from it) before the rest. */
function replayed(socket: Socket, first: Buffer): Duplex {
  const stream = new Duplex({ read() {}, write: (chunk, _encoding, done) => void socket.write(chunk, done), final: (done) => void socket.end(done) });
  stream.push(first);
  socket.on('data', (more: Buffer) => stream.push(more));
  socket.on('end', () => stream.push(null));
  socket.on('close', () => stream.destroy());
  return stream;
}

function serveTls(socket: Socket, stream: Socket | Duplex, options: FakeOptions, selected: number, server: LocalServer): void {
  const tls = new TLSSocket(stream as Socket, { isServer: true, cert: options.cert, key: options.key, minVersion: 'TLSv1.2', ...options.tls });
  tls.on('error', () => socket.destroy());
  tls.on('end', () => tls.end());
  if (selected === HYBRID) tls.once('data', () => tls.write(encodeTsRequest(windowsChallenge({ dns: 'localhost', timestamp: filetimeOf(new Date()) }))));
  else afterHandshake(socket, tls, options.afterTls ?? 'connect-response', server);
}

function afterHandshake(socket: Socket, tls: TLSSocket, after: AfterTls, server: LocalServer): void {
  if (after === 'connect-response') return void tls.once('data', () => tls.write(XRDP_TLS));
  if (after === 'silent') return;
  if (typeof after === 'object') return void tls.once('data', () => server.later(after.lateMs, () => tls.write(XRDP_TLS)));
  tls.once('secure', () => {
    if (after === 'close') socket.end();
    else if (after === 'reset') socket.resetAndDestroy();
    else tls.end(ULTIMATUM);
  });
}
