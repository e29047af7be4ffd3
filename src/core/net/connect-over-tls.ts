import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { NET028, NET028_MESSAGES as M } from '../rules/net/net028-tls-handshake-failed';
import { describeServerPdu } from './after-confirm';
import { clientDataBlocks, encodeConferenceCreateRequest, OFFERED_METHODS } from './gcc-conference';
import { encodeConnectInitial, parseConnectResponse } from './mcs-connect';
import { quotedCause } from './errors';
import { exchangePdu } from './pdu-exchange';
import { firstAnswerStep } from './run-step';
import { closeInBackground, type TlsSession } from './tls';
import { TpktReader } from './tpkt';
import type { NetFinding, StepOptions } from './types';
import { PROTOCOL } from './x224';

/**
 * What a server that selected TLS did with the client's first PDU over it, the MCS Connect Initial [MS-RDPBCGR
 * 1.3.1.1, 2.2.1.3]: answered with a Connect Response (TLS carries RDP), ended the connection (close, reset, TLS alert,
 * disconnect PDU), answered with something else, sent nothing in time, or the check was cancelled.
 */
export type ConnectOverTls =
  | { readonly kind: 'answered' }
  /** `how` completes "then … instead of answering": "reset the connection", "sent an MCS Disconnect Provider Ultimatum …". */
  | { readonly kind: 'ended'; readonly how: string }
  /** `what` completes "answered … with": the PDU or the problem with the bytes. */
  | { readonly kind: 'unexpected'; readonly what: string }
  /** Nothing, or no whole packet, within `waitedMs`: not known whether the TLS layer carries RDP. */
  | { readonly kind: 'unanswered'; readonly message: string; readonly waitedMs: number }
  | { readonly kind: 'aborted' };

/** The smallest reply that says anything: a Disconnect Provider Ultimatum is 9 bytes, a Connect Response more. */
const REPLY_MIN = 7;
const REPLY_MAX = 0xffff;

const TLS_ALERT = /ALERT|alert/;

/**
 * Sends the Connect Initial (serverSelectedProtocol = PROTOCOL_SSL, as a client that followed the selection sends it)
 * on the TLS connection and reads one TPKT packet back. A Connect Response of any result counts as answered: the TLS
 * layer carried RDP both ways. No Erect Domain, no credentials.
 */
export function sendConnectInitialOverTls(tls: TLSSocket, step: StepOptions): Promise<ConnectOverTls> {
  const options = firstAnswerStep(step);
  const gcc = encodeConferenceCreateRequest(clientDataBlocks({ serverSelectedProtocol: PROTOCOL.SSL, encryptionMethods: OFFERED_METHODS }));
  return exchangePdu<ConnectOverTls>(
    tls,
    {
      request: encodeConnectInitial(gcc),
      reader: new TpktReader(REPLY_MIN, REPLY_MAX, 'an MCS Connect Response'),
      resume: true,
      answered: (answer) => (answer.state === 'invalid' ? { kind: 'unexpected', what: `bytes that are not an RDP packet (${answer.problem})` } : interpret(answer.packet)),
      timedOut: (received) => ({
        kind: 'unanswered',
        message: `The server sent ${received === 0 ? 'no' : 'no complete'} MCS Connect Response within ${options.timeoutMs} ms.`,
        waitedMs: options.timeoutMs,
      }),
      closed: (received) => ({ kind: 'ended', how: received === 0 ? 'closed the connection' : `closed the connection after ${received} bytes of its answer` }),
      failed: (error) => {
        if (error.kind === 'reset') return { kind: 'ended', how: 'reset the connection' };
        const cause = quotedCause(error);
        return { kind: 'ended', how: TLS_ALERT.test(cause) ? `sent a TLS alert (${cause})` : `ended the connection (${cause})` };
      },
      aborted: () => ({ kind: 'aborted' }),
    },
    options,
  );
}

function interpret(packet: Buffer): ConnectOverTls {
  const response = parseConnectResponse(packet);
  if (response.kind === 'response') return { kind: 'answered' };
  const pdu = describeServerPdu(packet);
  if (pdu.kind === 'disconnect') return { kind: 'ended', how: `sent ${pdu.pdu}` };
  if (response.kind === 'invalid') return { kind: 'unexpected', what: `an invalid MCS Connect Response (${response.problem})` };
  return { kind: 'unexpected', what: pdu.kind === 'rdp-pdu' ? pdu.pdu : `an invalid packet (${pdu.kind === 'not-tls' ? pdu.problem : 'unknown'})` };
}

/** Ends the main connection of a TLS selection: sends the Connect Initial on it first, then closes politely in the background. */
export async function connectThenClose(socket: Socket, session: TlsSession, options: () => StepOptions): Promise<ConnectOverTls | undefined> {
  if (!session.ok) return undefined;
  try {
    return await sendConnectInitialOverTls(session.tls, options());
  } finally {
    closeInBackground(session, socket, 250);
  }
}

/** NET028 when no client gets past the TLS layer; nothing when it carried RDP, or when the answer is not known (late, cancelled). */
export function connectOverTlsFinding(result: ConnectOverTls, selected: string): NetFinding | undefined {
  if (result.kind === 'ended') return { ruleId: NET028.id, severity: NET028.defaultSeverity, message: M.NET028Dropped(selected, result.how) };
  if (result.kind === 'unexpected') return { ruleId: NET028.id, severity: NET028.defaultSeverity, message: M.NET028Unexpected(selected, result.what) };
  return undefined;
}
