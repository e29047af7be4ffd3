import { NEG_FAILURE_CODES } from '../knowledge/error-codes/neg-failure';

/** requestedProtocols / selectedProtocol bits [MS-RDPBCGR 2.2.1.1.1]. */
export const PROTOCOL = { RDP: 0x0, SSL: 0x1, HYBRID: 0x2, RDSTLS: 0x4, HYBRID_EX: 0x8, RDSAAD: 0x10 } as const;

/** RDP_NEG_RSP flags [MS-RDPBCGR 2.2.1.2.1]. */
export const NEG_RSP_FLAG = {
  EXTENDED_CLIENT_DATA_SUPPORTED: 0x01,
  DYNVC_GFX_PROTOCOL_SUPPORTED: 0x02,
  RESTRICTED_ADMIN_MODE_SUPPORTED: 0x08,
  REDIRECTED_AUTHENTICATION_MODE_SUPPORTED: 0x10,
} as const;

const TPKT_VERSION = 0x03;
const X224_CR = 0xe0;
const X224_CC = 0xd0;
const TYPE_RDP_NEG_REQ = 0x01;
const TYPE_RDP_NEG_RSP = 0x02;
const TYPE_RDP_NEG_FAILURE = 0x03;
/** A Confirm is 11 bytes, or 19 with negotiation data. */
export const CONFIRM_MIN_LENGTH = 11;
export const CONFIRM_MAX_LENGTH = 19;

export type ConnectionConfirm =
  | { readonly kind: 'response'; readonly flags: number; readonly selectedProtocol: number }
  | { readonly kind: 'failure'; readonly failureCode: number; readonly name: string }
  | { readonly kind: 'legacy' }
  | { readonly kind: 'invalid'; readonly problem: string };

export interface ConnectionRequestOptions {
  /** `Cookie: mstshash=…` identifier; a probe sends none or a neutral one. */
  readonly cookie?: string;
  /** RDP_NEG_REQ flags (restricted admin, redirected authentication). */
  readonly flags?: number;
}

/** The X.224 Connection Request with an RDP_NEG_REQ [MS-RDPBCGR 2.2.1.1]. */
export function encodeConnectionRequest(requestedProtocols: number, options: ConnectionRequestOptions = {}): Buffer {
  const cookie = options.cookie !== undefined ? Buffer.from(`Cookie: mstshash=${options.cookie.replace(/[\r\n]/g, '')}\r\n`, 'latin1') : Buffer.alloc(0);
  const total = 4 + 7 + cookie.length + 8;
  const out = Buffer.alloc(total);
  out.writeUInt8(TPKT_VERSION, 0);
  out.writeUInt16BE(total, 2);
  out.writeUInt8(total - 5, 4); // LI: the bytes after itself
  out.writeUInt8(X224_CR, 5);
  cookie.copy(out, 11);
  const neg = 11 + cookie.length;
  out.writeUInt8(TYPE_RDP_NEG_REQ, neg);
  out.writeUInt8((options.flags ?? 0) & 0xff, neg + 1);
  out.writeUInt16LE(8, neg + 2);
  out.writeUInt32LE(requestedProtocols >>> 0, neg + 4);
  return out;
}

export function failureName(code: number): string {
  return NEG_FAILURE_CODES.find((c) => c.code === code)?.name ?? `UNKNOWN_FAILURE_0x${code.toString(16).toUpperCase()}`;
}

const hex = (n: number): string => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Reads one complete TPKT packet holding the Connection Confirm. Never throws: every length field
 * is checked against the bytes that are actually there.
 */
export function parseConnectionConfirm(packet: Uint8Array): ConnectionConfirm {
  const buf = Buffer.from(packet.buffer, packet.byteOffset, packet.byteLength);
  if (buf.length < 4) return { kind: 'invalid', problem: `the reply is only ${buf.length} bytes long` };
  if (buf[0] !== TPKT_VERSION) return { kind: 'invalid', problem: `the reply starts with ${hex(buf[0]!)}, not a TPKT header` };
  if (buf[1] !== 0) return { kind: 'invalid', problem: `the TPKT reserved byte is ${hex(buf[1]!)}` };
  const length = buf.readUInt16BE(2);
  if (length !== buf.length) return { kind: 'invalid', problem: `the TPKT header announces ${length} bytes but ${buf.length} arrived` };
  if (length < CONFIRM_MIN_LENGTH) return { kind: 'invalid', problem: `the TPKT length ${length} is too short for a Connection Confirm` };
  const li = buf[4]!;
  if (li + 5 !== length) return { kind: 'invalid', problem: `the X.224 length indicator ${li} does not fit the TPKT length ${length}` };
  if ((buf[5]! & 0xf0) !== X224_CC) return { kind: 'invalid', problem: `the X.224 code is ${hex(buf[5]!)}, not a Connection Confirm` };
  if (length === CONFIRM_MIN_LENGTH) return { kind: 'legacy' };
  if (length !== CONFIRM_MAX_LENGTH) return { kind: 'invalid', problem: `a Connection Confirm of ${length} bytes is neither 11 nor 19` };
  const type = buf[11]!;
  const flags = buf[12]!;
  const negLength = buf.readUInt16LE(13);
  if (negLength !== 8) return { kind: 'invalid', problem: `the negotiation data length is ${negLength}, not 8` };
  const value = buf.readUInt32LE(15);
  if (type === TYPE_RDP_NEG_RSP) return { kind: 'response', flags, selectedProtocol: value };
  if (type === TYPE_RDP_NEG_FAILURE) return { kind: 'failure', failureCode: value, name: failureName(value) };
  return { kind: 'invalid', problem: `the negotiation data type is ${hex(type)}` };
}

/** The short name of one selectedProtocol value. */
export function protocolName(selected: number): string {
  switch (selected) {
    case PROTOCOL.RDP: return 'RDP';
    case PROTOCOL.SSL: return 'SSL';
    case PROTOCOL.HYBRID: return 'HYBRID';
    case PROTOCOL.RDSTLS: return 'RDSTLS';
    case PROTOCOL.HYBRID_EX: return 'HYBRID_EX';
    case PROTOCOL.RDSAAD: return 'RDSAAD';
    default: return `0x${selected.toString(16).toUpperCase()}`;
  }
}

/** Whether MS-RDPBCGR 2.2.1.2.1 defines the value as a selectedProtocol (one protocol, not a mask). */
export function isDefinedProtocol(selected: number): boolean {
  return (Object.values(PROTOCOL) as number[]).includes(selected);
}

/** Whether a selected protocol continues with a TLS handshake on the same socket. */
export function startsTls(selected: number): boolean {
  return selected === PROTOCOL.SSL || selected === PROTOCOL.HYBRID || selected === PROTOCOL.HYBRID_EX || selected === PROTOCOL.RDSTLS || selected === PROTOCOL.RDSAAD;
}
