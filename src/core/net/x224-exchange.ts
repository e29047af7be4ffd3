import type { Socket } from 'node:net';
import { abortedError } from './errors';
import { exchangePdu } from './pdu-exchange';
import { connectionsAlongside, endpointAnswered } from './endpoint-slots';
import { connectTcp } from './tcp';
import { TpktReader } from './tpkt';
import type { NetError, NetResult, StepOptions } from './types';
import { NET004_MESSAGES } from '../rules/net/net004-not-rdp';
import { CONFIRM_MAX_LENGTH, CONFIRM_MIN_LENGTH, encodeConnectionRequest, parseConnectionConfirm, type ConnectionConfirm } from './x224';

export type ValidConfirm = Exclude<ConnectionConfirm, { kind: 'invalid' }>;

export type ExchangeResult = NetResult<{
  readonly confirm: ValidConfirm;
  /** Every byte that arrived with an RDP_NEG_RSP or legacy Confirm, for the caller to judge (at most the read that completed it). */
  readonly after: Buffer;
}>;

function notRdp(message: string, cause?: string): NetError {
  return { kind: 'protocol', message, ...(cause !== undefined && { cause }) };
}

/**
 * Sends one Connection Request on a connected socket and reads the Confirm. Afterwards the socket is
 * paused with no listener of ours left on it, ready for TLS. Bytes after the Confirm are returned for the
 * caller to judge: after TLS or CredSSP the AfterConfirmGate, after Standard RDP Security the reader of the
 * MCS Connect Response (`readServerSecurity`).
 */
export function exchangeConfirm(socket: Socket, requestedProtocols: number, options: StepOptions): Promise<ExchangeResult> {
  return exchangeConfirmPdu(socket, requestedProtocols, options).finally(() => endpointAnswered(socket));
}

function exchangeConfirmPdu(socket: Socket, requestedProtocols: number, options: StepOptions): Promise<ExchangeResult> {
  return exchangePdu<ExchangeResult>(
    socket,
    {
      request: encodeConnectionRequest(requestedProtocols),
      // All the bytes after it are kept, not a cap's worth: TLS must get its records whole, or it waits for the bytes cut
      // off until the timeout. The reader stops at the Confirm's 19 bytes, so that is never more than one read.
      reader: new TpktReader(CONFIRM_MIN_LENGTH, CONFIRM_MAX_LENGTH, 'a Connection Confirm', Number.POSITIVE_INFINITY),
      pauseAfter: true,
      answered: (answer) => {
        if (answer.state === 'invalid') return { ok: false, error: notRdp(`The reply is not an X.224 Connection Confirm: ${answer.problem}.`) };
        const confirm = parseConnectionConfirm(answer.packet);
        if (confirm.kind === 'invalid') return { ok: false, error: notRdp(`The reply is not a valid X.224 Connection Confirm: ${confirm.problem}.`) };
        // What follows is the caller's to judge, whatever TCP put in this segment: the start of TLS, or, under Standard
        // RDP Security, of the server's next packet (a Disconnect Provider Ultimatum from a server that gives up at once).
        return { ok: true, confirm, after: confirm.kind === 'failure' ? Buffer.alloc(0) : Buffer.from(answer.rest) };
      },
      timedOut: (received) => ({
        ok: false,
        error: notRdp(
          received === 0
            ? silence(socket, options.timeoutMs)
            : `The server sent ${received} bytes but no complete Connection Confirm within ${options.timeoutMs} ms.`,
          'timeout',
        ),
      }),
      closed: (received) => ({
        ok: false,
        error: notRdp(
          received === 0
            ? 'The server closed the connection without answering the Connection Request.'
            : `The server closed the connection after ${received} bytes, before a complete Connection Confirm.`,
          'closed',
        ),
      }),
      failed: (e) => ({ ok: false, error: e.kind === 'reset' ? notRdp('The server reset the connection instead of answering the Connection Request.', e.cause) : e }),
      aborted: () => ({ ok: false, error: abortedError() }),
    },
    options,
  );
}

/** No Confirm at all: the server's fault only when none of this process's other connections to it could have stalled it. */
function silence(socket: Socket, timeoutMs: number): string {
  const others = connectionsAlongside(socket);
  return others > 0 ? NET004_MESSAGES.NET004SilentAlongside(timeoutMs, others) : NET004_MESSAGES.NET004Silent(timeoutMs, socket.remotePort ?? 3389);
}

/** One short connection that asks one question: connect, exchange the Confirm, close. */
export async function askOnce(address: string, port: number, requestedProtocols: number, options: StepOptions): Promise<ExchangeResult> {
  const tcp = await connectTcp(address, port, options);
  if (!tcp.ok) return tcp;
  try {
    return await exchangeConfirm(tcp.socket, requestedProtocols, options);
  } finally {
    tcp.socket.destroy();
  }
}
