import type { Socket } from 'node:net';
import { describeServerPdu } from './after-confirm';
import { abortedError } from './errors';
import { exchangePdu } from './pdu-exchange';
import { clientDataBlocks, encodeConferenceCreateRequest, ENCRYPTION_METHOD, OFFERED_METHODS, parseConferenceCreateResponse, serverSecurity } from './gcc-conference';
import { mcsResultName, encodeConnectInitial, parseConnectResponse } from './mcs-connect';
import { exchangeConfirm, type ValidConfirm } from './x224-exchange';
import { connectTcp } from './tcp';
import { TpktReader } from './tpkt';
import type { NetError, StandardSecurity, StepOptions } from './types';
import { PROTOCOL } from './x224';

/** Encryption method names for people and JSON [MS-RDPBCGR 2.2.1.4.3, 5.3.2]. */
export const ENCRYPTION_METHOD_NAMES: Readonly<Record<number, string>> = {
  [ENCRYPTION_METHOD.NONE]: 'none',
  [ENCRYPTION_METHOD.BIT40]: '40-bit RC4',
  [ENCRYPTION_METHOD.BIT56]: '56-bit RC4',
  [ENCRYPTION_METHOD.BIT128]: '128-bit RC4',
  [ENCRYPTION_METHOD.FIPS]: 'FIPS',
};

/** Encryption levels [MS-RDPBCGR 2.2.1.4.3, 5.3.1]: what the server's "Encryption Level" setting is. */
export const ENCRYPTION_LEVEL = { NONE: 0, LOW: 1, CLIENT_COMPATIBLE: 2, HIGH: 3, FIPS: 4 } as const;
export const ENCRYPTION_LEVEL_NAMES: Readonly<Record<number, string>> = {
  [ENCRYPTION_LEVEL.NONE]: 'none',
  [ENCRYPTION_LEVEL.LOW]: 'low',
  [ENCRYPTION_LEVEL.CLIENT_COMPATIBLE]: 'client-compatible',
  [ENCRYPTION_LEVEL.HIGH]: 'high',
  [ENCRYPTION_LEVEL.FIPS]: 'fips',
};

const hex = (n: number): string => `0x${n.toString(16).toUpperCase().padStart(8, '0')}`;

/** The JSON form of the two values; unknown ones keep their number so nothing is hidden. */
export function describeStandardSecurity(method: number, level: number): StandardSecurity {
  return {
    encryptionMethod: ENCRYPTION_METHOD_NAMES[method] ?? `unknown (${hex(method)})`,
    encryptionLevel: ENCRYPTION_LEVEL_NAMES[level] ?? `unknown (${level})`,
  };
}

/** The Connect Response with Server Security Data can carry a certificate chain: allow a whole TPKT packet. */
const RESPONSE_MIN_LENGTH = 8;
const RESPONSE_MAX_LENGTH = 0xffff;

/**
 * Why the Connect Response gave no encryption: the server ended the exchange (closed or reset the connection, sent a
 * disconnect, refused the Connect Initial), sent what no client can read as a Connect Response, sent nothing within the
 * step's time, or the check was cancelled.
 */
export type SecurityFailure = 'ended' | 'malformed' | 'timeout' | 'aborted';

export type SecurityReading =
  | { readonly ok: true; readonly method: number; readonly level: number }
  | { readonly ok: false; readonly failure: SecurityFailure; readonly error: NetError };

function failed(failure: SecurityFailure, kind: NetError['kind'], message: string, cause?: string): SecurityReading {
  return { ok: false, failure, error: { kind, message, ...(cause !== undefined && { cause }) } };
}

/**
 * Sends the MCS Connect Initial on a socket whose Confirm selected Standard RDP Security and reads the
 * encryption method and level from the Connect Response [MS-RDPBCGR 1.3.1.1 Basic Settings Exchange].
 * Nothing further: no Erect Domain, no Security Exchange, no credentials. `initial`: bytes that came with the
 * Confirm, read as the start of the answer (a server that gives up at once sends its Ultimatum right behind the
 * Confirm), so the verdict does not depend on how TCP cut them.
 */
export function readServerSecurity(socket: Socket, serverSelectedProtocol: number, options: StepOptions, initial?: Buffer): Promise<SecurityReading> {
  const gcc = encodeConferenceCreateRequest(clientDataBlocks({ serverSelectedProtocol, encryptionMethods: OFFERED_METHODS }));
  return exchangePdu<SecurityReading>(
    socket,
    {
      request: encodeConnectInitial(gcc),
      reader: new TpktReader(RESPONSE_MIN_LENGTH, RESPONSE_MAX_LENGTH, 'an MCS Connect Response'),
      resume: true,
      ...(initial && { initial }),
      answered: (answer) =>
        answer.state === 'invalid' ? failed('malformed', 'protocol', `The reply is not an MCS Connect Response: ${answer.problem}.`) : interpret(answer.packet),
      timedOut: (received) =>
        failed('timeout', 'timeout', `The server sent ${received === 0 ? 'no' : 'no complete'} MCS Connect Response within ${options.timeoutMs} ms.`, 'timeout'),
      closed: (received) =>
        failed('ended', 'closed', `The server closed the connection ${received === 0 ? 'without answering' : 'in the middle of'} the MCS Connect Initial.`, 'closed'),
      failed: (error) =>
        error.kind === 'reset'
          ? failed('ended', 'reset', 'The server reset the connection instead of answering the MCS Connect Initial.', error.cause)
          : { ok: false, failure: 'ended', error },
      aborted: () => ({ ok: false, failure: 'aborted', error: abortedError() }),
    },
    options,
  );
}

function interpret(packet: Buffer): SecurityReading {
  const response = parseConnectResponse(packet);
  if (response.kind !== 'response') {
    // A Disconnect Provider Ultimatum or an X.224 Disconnect Request is the server giving up (xrdp that cannot read its RSA keys).
    const pdu = describeServerPdu(packet);
    if (pdu.kind === 'disconnect') return failed('ended', 'protocol', `The server sent ${pdu.pdu} instead of an MCS Connect Response.`);
    if (response.kind === 'invalid') return failed('malformed', 'protocol', `The reply is not a valid MCS Connect Response: ${response.problem}.`);
    return failed('malformed', 'protocol', `The server answered the MCS Connect Initial with another MCS PDU (first byte 0x${response.firstByte.toString(16)}).`);
  }
  if (response.result !== 0) return failed('ended', 'protocol', `The server refused the MCS Connect Initial with ${mcsResultName(response.result)}.`);
  const gcc = parseConferenceCreateResponse(response.userData);
  if (!gcc.ok) return failed('malformed', 'protocol', `The MCS Connect Response is malformed: ${gcc.problem}.`);
  const security = serverSecurity(gcc.blocks);
  if ('problem' in security) return failed('malformed', 'protocol', `The MCS Connect Response is incomplete: ${security.problem}.`);
  return { ok: true, ...security };
}

/** One connection that asks for Standard RDP Security alone and, if the server selects it, reads its encryption. */
export interface StandardSecurityProbe {
  /** The Confirm to the request of PROTOCOL_RDP, for the negotiation summary (null when none arrived). */
  readonly confirm: ValidConfirm | null;
  /** Null when the server did not select Standard RDP Security. */
  readonly reading: SecurityReading | null;
}

/** Whether a Confirm leaves the connection on Standard RDP Security: PROTOCOL_RDP selected, or no negotiation data at all. */
export function selectsStandardSecurity(confirm: ValidConfirm): boolean {
  return confirm.kind === 'legacy' || (confirm.kind === 'response' && confirm.selectedProtocol === PROTOCOL.RDP);
}

export async function probeStandardSecurity(address: string, port: number, options: () => StepOptions): Promise<StandardSecurityProbe> {
  const tcp = await connectTcp(address, port, options());
  if (!tcp.ok) return { confirm: null, reading: null };
  try {
    const answer = await exchangeConfirm(tcp.socket, PROTOCOL.RDP, options());
    if (!answer.ok) return { confirm: null, reading: null };
    if (!selectsStandardSecurity(answer.confirm)) return { confirm: answer.confirm, reading: null };
    return { confirm: answer.confirm, reading: await readServerSecurity(tcp.socket, PROTOCOL.RDP, options(), answer.after) };
  } finally {
    tcp.socket.destroy();
  }
}
