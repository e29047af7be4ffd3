// The main TLS handshake of `check`, asked once more on a new connection when the server dropped it, as the capped
// handshakes are (tls-versions.ts `askAgainIfDropped`): one drop alone must not make a listener that accepts TLS fail.
// The first runs TLS on the socket's own handle (a JavaScript stream under TLS cost up to a sixth of a check's CPU); the
// second goes through the gate, which names what the server sent where OpenSSL only failed to read it as TLS.
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { NET028_MESSAGES as M } from '../rules/net/net028-tls-handshake-failed';
import { afterConfirmGate } from './after-confirm-gate';
import type { AfterConfirm } from './after-confirm';
import { nativeError, nativeVerdict, RECEIVED_ALERT, takeBuffered } from './after-confirm-native';
import { quotedCause } from './errors';
import { selectionProblem } from './negotiation-summary';
import { connectTcp } from './tcp';
import { openTls, type TlsSession } from './tls';
import type { NetError, StepOptions } from './types';
import { startsTls } from './x224';
import { exchangeConfirm } from './x224-exchange';

/** The main handshake that decides: its connection (the NTLM question or the Connect Initial rides it) and what followed the Confirm. */
export interface MainTls {
  readonly socket: Socket;
  /** What followed the Confirm; undefined while undecided, or when TLS on the socket's handle could not tell. */
  readonly gate: { readonly verdict: AfterConfirm | undefined };
  readonly session: TlsSession;
  /** The first connection was dropped and this is the second's answer. */
  readonly askedTwice: boolean;
  /** How the first connection's handshake was dropped, when it was asked twice. */
  readonly firstError?: NetError;
}

/** Local refusals: this client could not make the handshake at all, which says nothing about the server. */
const LOCAL_TLS_PROBLEM = /NO_PROTOCOLS_AVAILABLE|NO_CIPHERS_AVAILABLE|no protocols available|no ciphers available/i;
/**
 * internal_error: "An internal error unrelated to the peer or the correctness of the protocol (such as a memory
 * allocation failure) makes it impossible to continue" [RFC 8446 §6.2, RFC 5246 §7.2.2]: not an answer to what the
 * client offered, unlike protocol_version, handshake_failure or insufficient_security.
 */
const INTERNAL_ERROR_ALERT = /INTERNAL_ERROR|internal error/i;
/**
 * A whole handshake message OpenSSL refuses for its length (ERR_SSL_EXCESSIVE_MESSAGE_SIZE: over 100 KiB of
 * certificates, SSL_MAX_CERT_LIST_DEFAULT, or a smaller limit for other messages; ssl/statem/statem_clnt.c
 * ossl_statem_client_max_message_size): the server sends it on every connection, so it is not a drop.
 */
const OVERSIZED_MESSAGE = /EXCESSIVE_MESSAGE_SIZE|excessive message size/i;

/** Whether a failed handshake ended on a server handshake message longer than OpenSSL accepts. */
export function oversizedHandshakeMessage(error: NetError): boolean {
  return error.kind === 'tls-error' && OVERSIZED_MESSAGE.test(`${error.cause ?? ''} ${error.message}`);
}

/** NET028's message for a failed main handshake (`selected`: the protocol's label): no answer in time, a message too long, or the error. */
export function mainTlsFailureMessage(selected: string, error: NetError, unanswered: boolean): string {
  const cause = quotedCause(error);
  if (unanswered) return M.NET028Timeout(selected, cause);
  return oversizedHandshakeMessage(error) ? M.NET028OversizedMessage(selected, cause) : M.NET028(selected, cause);
}

/**
 * Whether a failed main handshake was dropped rather than refused: the connection closed or reset before the handshake
 * finished (before any TLS record too), an internal_error alert, or TLS records this client could not read (a bad
 * record, a wrong version in a record header: what a server garbling its output sends). A refusal is the server's own
 * alert about the offer (protocol_version, handshake_failure, …); a disconnect PDU or other RDP bytes instead of TLS
 * are the server's deliberate answer; a timeout or a cancellation asks nothing more; a local problem is not the server's;
 * a message too long for OpenSSL comes again on every connection.
 */
export function droppedMainHandshake(error: NetError, after: AfterConfirm | undefined): boolean {
  if (after && after.kind !== 'tls') return after.kind === 'closed';
  if (error.kind === 'timeout' || error.kind === 'aborted') return false;
  const text = `${error.cause ?? ''} ${error.message}`;
  if (LOCAL_TLS_PROBLEM.test(text) || oversizedHandshakeMessage(error)) return false;
  if (error.kind === 'reset' || error.kind === 'closed' || error.cause === 'closed') return true;
  if (RECEIVED_ALERT.test(text)) return INTERNAL_ERROR_ALERT.test(text);
  return error.kind === 'tls-error';
}

/** What the server sent after the Confirm before TLS started: the bytes that came with it (`after`) and any the socket holds unread. */
function earlyBytes(socket: Socket, after: Buffer): Buffer {
  return Buffer.concat([after, ...takeBuffered(socket)]);
}

/**
 * The main handshake on the negotiated socket (`after`: the bytes that came with the Confirm): on the socket's own
 * handle, unless the server has sent something already, which the gate judges (and all that follows) in JavaScript.
 */
function openMain(socket: Socket, after: Buffer, host: string, options: StepOptions): Promise<MainTls> {
  const early = earlyBytes(socket, after);
  return early.length > 0 ? openGated(socket, early, host, options) : openNative(socket, host, options);
}

/**
 * Where another handshake after a Confirm runs (a capped one, a CredSSP one of its own): on the socket's own handle, or through the gate when the
 * server has sent bytes already, which start its TLS, as for a client that reads no more than the Confirm's TPKT length
 * and runs TLS on the same buffered stream (FreeRDP transport.c transport_default_read_pdu, transport_default_connect_tls).
 * On the handle alone, TLS never got the bytes read with the Confirm: it waited for a record that had come, until its timeout.
 */
export function handshakeStream(socket: Socket, after: Buffer): Duplex {
  const early = earlyBytes(socket, after);
  return early.length > 0 ? afterConfirmGate(socket, early) : socket;
}

/** The main handshake through the gate, which sees every byte the server sends before TLS does. */
export function openGated(socket: Socket, after: Buffer, host: string, options: StepOptions): Promise<MainTls> {
  const gate = afterConfirmGate(socket, after);
  return openTls(gate, host, options).then((session) => ({ socket, gate, session, askedTwice: false }));
}

/** The main handshake on the socket's own handle: what followed the Confirm is read from its outcome (after-confirm-native.ts). */
async function openNative(socket: Socket, host: string, options: StepOptions): Promise<MainTls> {
  const before = socket.bytesRead;
  const session = await openTls(socket, host, options);
  if (session.ok) return { socket, gate: { verdict: { kind: 'tls' } }, session, askedTwice: false };
  const verdict = nativeVerdict(session.error, socket.bytesRead - before);
  return { socket, gate: { verdict }, session: { ok: false, error: nativeError(session.error, verdict) }, askedTwice: false };
}

/** A verdict that is the server's deliberate answer instead of TLS: a disconnect PDU, other RDP bytes, bytes that are not TLS. */
function answeredOtherwise(verdict: AfterConfirm | undefined): boolean {
  return verdict !== undefined && verdict.kind !== 'tls' && verdict.kind !== 'closed';
}

/**
 * The main handshake, and when the server dropped it (`droppedMainHandshake`), the same question once more on a new
 * connection with its own X.224 negotiation (`requested`): its answer decides, unless it learned nothing (no TCP, a
 * Confirm that does not select `selected` again, a handshake with no answer in time), when the first stands. A listener
 * that refuses TLS by resetting (Windows without a usable certificate) drops the second too; gnome-remote-desktop 43,
 * which now and then resets or garbles one of several connections that arrive together, answers it. Asked only after a
 * drop, so a listener that answers costs nothing more, and one that drops every connection costs one connection more.
 */
export async function openMainTls(
  first: { readonly socket: Socket; readonly after: Buffer },
  target: { readonly address: string; readonly port: number; readonly host: string; readonly requested: number; readonly selected: number },
  step: () => StepOptions,
): Promise<MainTls> {
  const opened = await openMain(first.socket, first.after, target.host, step());
  if (opened.session.ok || !droppedMainHandshake(opened.session.error, opened.gate.verdict)) return opened;
  const tcp = await connectTcp(target.address, target.port, step());
  if (!tcp.ok) return opened;
  const exchanged = await exchangeConfirm(tcp.socket, target.requested, step());
  const confirm = exchanged.ok ? exchanged.confirm : undefined;
  if (
    !exchanged.ok ||
    confirm?.kind !== 'response' ||
    confirm.selectedProtocol !== target.selected ||
    !startsTls(confirm.selectedProtocol) ||
    selectionProblem(target.requested, confirm.selectedProtocol) !== null
  ) {
    tcp.socket.destroy();
    return opened;
  }
  // Through the gate: when the first handshake ran on the handle and the server sent bytes OpenSSL could not read, this
  // one says what they were.
  const again = await openGated(tcp.socket, exchanged.after, target.host, step());
  if (!again.session.ok && again.session.error.kind === 'timeout') return opened;
  // Bytes the first could not read, then a deliberate answer other than TLS: that answer, as the gate would have
  // given it on the first connection (a listener that answers so does so every time; after-confirm.test.ts).
  if (opened.gate.verdict === undefined && answeredOtherwise(again.gate.verdict)) return again;
  return { ...again, askedTwice: true, firstError: opened.session.error };
}
