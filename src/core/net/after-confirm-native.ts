// What the main handshake can tell of what followed the Confirm when its TLS runs on the socket's own handle. There
// OpenSSL reads the server's bytes and JavaScript never sees them (Node's TLSWrap sits on the TCP handle), unlike the
// AfterConfirmGate's JavaScript stream, which cost an eighth to a sixth of the CPU of a check. What the outcome and the byte count
// settle is said here; what they leave open (bytes OpenSSL could not read as TLS) is looked at by the gate on the
// connection asked next (main-tls.ts).
import type { Socket } from 'node:net';
import type { AfterConfirm } from './after-confirm';
import { notTls } from './after-confirm-gate';
import { classifyError } from './errors';
import type { NetError } from './types';

/** A reset or refused write the socket itself reported (libuv names the call: "read ECONNRESET"), not TLS's own words for a FIN. */
const SOCKET_RESET = /^ECONNRESET: (?:read|write) ECONNRESET$/;
/** An alert the server sent (OpenSSL names a received alert SSLV3_ALERT_… or TLSV1_ALERT_…, "… alert …"). */
export const RECEIVED_ALERT = /ALERT_|\balert\b/i;

/**
 * Bytes the socket read after the Confirm and holds unread (a segment that came after the Confirm's own, before TLS
 * starts). Taken out, so the gate judges them, as it judges the bytes that came with the Confirm: TLS on the handle
 * would be handed them unseen.
 */
export function takeBuffered(socket: Socket): Buffer[] {
  const chunks: Buffer[] = [];
  for (let chunk: Buffer | null; socket.readableLength > 0 && (chunk = socket.read() as Buffer | null) !== null; ) chunks.push(chunk);
  return chunks;
}

/**
 * What followed the Confirm, from a failed handshake on the handle and the bytes the server sent after the Confirm
 * (`received`): a close or reset with none is the gate's `closed`; a TLS alert from the server means its first bytes
 * were a TLS record. Anything else with bytes is not known (undefined), as is a timeout or a local problem.
 */
export function nativeVerdict(error: NetError, received: number): AfterConfirm | undefined {
  if (received > 0) return RECEIVED_ALERT.test(`${error.cause ?? ''} ${error.message}`) ? { kind: 'tls' } : undefined;
  if (error.kind !== 'reset' && error.kind !== 'closed' && error.cause !== 'closed') return undefined;
  return { kind: 'closed', how: SOCKET_RESET.test(error.cause ?? '') ? 'reset' : 'closed' };
}

/**
 * The error the gate's handshake reports for the same end, so that what the check quotes does not depend on where TLS
 * ran: the socket's own error (a reset, a refused write) is the same either way; a FIN is the gate's "not TLS: closed".
 */
export function nativeError(error: NetError, verdict: AfterConfirm | undefined): NetError {
  if (verdict?.kind !== 'closed' || verdict.how === 'reset' || /^E[A-Z]+: (?:read|write) E[A-Z]+$/.test(error.cause ?? '')) return error;
  return classifyError(notTls('closed'), 'tls');
}
