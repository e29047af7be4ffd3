import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { abortedError, classifyError, timeoutError } from './errors';
import { exchangeConfirm } from './x224-exchange';
import { handshakeStream } from './main-tls';
import { encodeNegotiateMessage, parseChallengeMessage, type NtlmInfo } from './ntlm';
import { firstAnswerStep, runStep } from './run-step';
import { connectTcp } from './tcp';
import { closeInBackground, closeTls, openTls, type TlsSession } from './tls';
import { derElementLength, encodeTsRequest, parseTsRequest } from './tsrequest';
import type { NetError, NetResult, StepOptions } from './types';
import { PROTOCOL, protocolName } from './x224';

/** The CHALLENGE's facts, and its NegotiateFlags (which say whether the server answers for a domain or for itself). */
export type NtlmInfoResult = NetResult<{ readonly info: NtlmInfo; readonly flags: number; readonly tsRequestVersion: number | null }>;

/** What the probe asks for: CredSSP, with TLS as CredSSP's subset [MS-RDPBCGR 2.2.1.1.1]. */
const NTLM_REQUEST = PROTOCOL.SSL | PROTOCOL.HYBRID;

const protocolError = (message: string, cause?: string): NetError => ({ kind: 'protocol', message, ...(cause !== undefined && { cause }) });

/** Sends one TSRequest and reads the server's, whatever TCP does to the bytes. */
function exchangeTsRequest(tls: TLSSocket, request: Buffer, options: StepOptions): Promise<NetResult<{ readonly reply: Buffer }>> {
  let buffered = Buffer.alloc(0);
  return runStep<NetResult<{ readonly reply: Buffer }>>(
    options,
    {
      timeout: () => ({ ok: false, error: timeoutError(`The server sent no complete NTLM CHALLENGE within ${options.timeoutMs} ms.`, options.timeoutMs) }),
      aborted: () => ({ ok: false, error: abortedError() }),
    },
    (finish) => {
      const onData = (chunk: Buffer): void => {
        buffered = Buffer.concat([buffered, chunk]);
        const length = derElementLength(buffered);
        if (length === 'need-more') return;
        if (typeof length === 'object') return finish({ ok: false, error: protocolError(`The CredSSP reply is not a TSRequest: ${length.problem}.`) });
        finish({ ok: true, reply: buffered.subarray(0, length) });
      };
      const onEnd = (): void =>
        finish({ ok: false, error: protocolError(`The server closed the connection after ${buffered.length} bytes, before a complete TSRequest.`, 'closed') });
      const onError = (error: Error): void => finish({ ok: false, error: classifyError(error, 'read') });
      tls.on('data', onData);
      tls.once('end', onEnd);
      tls.once('close', onEnd);
      tls.once('error', onError);
      tls.write(request);
      return () => {
        tls.off('data', onData);
        tls.off('end', onEnd);
        tls.off('close', onEnd);
        tls.off('error', onError);
      };
    },
  );
}

/**
 * Whether the server ended the NTLM question, not this machine: it closed or reset the connection (EPIPE is a write
 * to a connection the peer closed, classified as a reset), or sent bytes that are no TSRequest or CHALLENGE (`protocol`:
 * closed, no-token, not DER, not a CHALLENGE_MESSAGE). A local socket error or a late answer says nothing of the server.
 */
export function serverEndedNtlm(error: NetError): boolean {
  return error.kind === 'protocol' || error.kind === 'reset';
}

/** On a CredSSP connection after the TLS handshake: send an NTLM NEGOTIATE in a TSRequest, read the CHALLENGE's facts. */
export async function askNtlmChallenge(tls: TLSSocket, options: StepOptions): Promise<NtlmInfoResult> {
  const exchanged = await exchangeTsRequest(tls, encodeTsRequest(encodeNegotiateMessage()), options);
  if (!exchanged.ok) return exchanged;
  const reply = parseTsRequest(exchanged.reply);
  if (!reply.ok) return { ok: false, error: protocolError(`The CredSSP reply is not a valid TSRequest: ${reply.problem}.`) };
  if (reply.negoToken === null) {
    const status = reply.errorCode === null ? '' : ` (error 0x${reply.errorCode.toString(16).toUpperCase().padStart(8, '0')})`;
    return { ok: false, error: protocolError(`The server answered the NTLM NEGOTIATE without a token${status}.`, 'no-token') };
  }
  const challenge = parseChallengeMessage(reply.negoToken);
  if (!challenge.ok) return { ok: false, error: protocolError(`The server's NTLM reply is not a CHALLENGE_MESSAGE: ${challenge.problem}.`) };
  return { ok: true, info: challenge.info, flags: challenge.flags, tsRequestVersion: reply.version };
}

/**
 * Ends the main connection: asks for the CHALLENGE on it first when `ask` (it negotiated CredSSP), waiting at most
 * FIRST_ANSWER_WAIT_MS for it, then closes politely in the background.
 */
export async function askThenClose(socket: Socket, session: TlsSession, ask: boolean, options: () => StepOptions): Promise<NtlmInfoResult | undefined> {
  if (!session.ok) return undefined;
  try {
    return ask ? await askNtlmChallenge(session.tls, firstAnswerStep(options())) : undefined;
  } finally {
    closeInBackground(session, socket, 250);
  }
}

/**
 * nmap's rdp-ntlm-info without nmap, on a connection of its own: negotiate CredSSP, complete TLS, send an NTLM NEGOTIATE in a TSRequest
 * and read the CHALLENGE's target info. No AUTHENTICATE is sent, so the server sees no logon attempt.
 */
export async function readNtlmInfo(address: string, port: number, host: string, options: StepOptions): Promise<NtlmInfoResult> {
  const tcp = await connectTcp(address, port, options);
  if (!tcp.ok) return tcp;
  const confirm = await exchangeConfirm(tcp.socket, NTLM_REQUEST, options);
  if (!confirm.ok) {
    tcp.socket.destroy();
    return confirm;
  }
  const c = confirm.confirm;
  if (c.kind !== 'response' || (c.selectedProtocol !== PROTOCOL.HYBRID && c.selectedProtocol !== PROTOCOL.HYBRID_EX)) {
    tcp.socket.destroy();
    const answer = c.kind === 'response' ? `selected ${protocolName(c.selectedProtocol)}` : c.kind === 'failure' ? `answered ${c.name}` : 'answered without negotiation data';
    return { ok: false, error: protocolError(`The server ${answer} when asked for CredSSP alone.`) };
  }
  const session = await openTls(handshakeStream(tcp.socket, confirm.after), host, options);
  if (!session.ok) return session;
  try {
    return await askNtlmChallenge(session.tls, options);
  } finally {
    await closeTls(session.tls, 250);
    tcp.socket.destroy();
  }
}
