/**
 * The MCS Connect Initial / Connect Response PDUs [MS-RDPBCGR 2.2.1.3, 2.2.1.4]: T.125 BER around the
 * GCC user data, inside an X.224 Data TPDU [X.224 13.7] inside TPKT [T.123 8]. A fixed encoder for
 * exactly this PDU and a reader that checks every length; not a general BER parser.
 */

const TPKT_VERSION = 0x03;
/** X.224 Data TPDU header: LI 2, DT code 0xF0, EOT set [MS-RDPBCGR 2.2.1.3 x224Data]. */
const X224_DATA = [0x02, 0xf0, 0x80];
/** BER identifiers of Connect-Initial [APPLICATION 101] and Connect-Response [APPLICATION 102] [T.125 7, MS-RDPBCGR 4.1.3/4.1.4]. */
const CONNECT_INITIAL = [0x7f, 0x65];
const CONNECT_RESPONSE = [0x7f, 0x66];
const BER = { BOOLEAN: 0x01, INTEGER: 0x02, OCTET_STRING: 0x04, ENUMERATED: 0x0a, SEQUENCE: 0x30 } as const;

/** DomainParameters as MS-RDPBCGR 4.1.3 sends them: target, minimum, maximum [T.125 7, MS-RDPBCGR 2.2.1.3]. */
const DOMAIN_PARAMETERS: readonly (readonly number[])[] = [
  // maxChannelIds, maxUserIds, maxTokenIds, numPriorities, minThroughput, maxHeight, maxMCSPDUsize, protocolVersion
  [34, 2, 0, 1, 0, 1, 0xffff, 2],
  [1, 1, 1, 1, 0, 1, 0x420, 2],
  [0xffff, 0xfc17, 0xffff, 1, 0, 1, 0xffff, 2],
];

/** MCS Result values [T.125 7, Result ENUMERATED]: rt-successful is 0. */
const MCS_RESULTS = [
  'rt-successful', 'rt-domain-merging', 'rt-domain-not-hierarchical', 'rt-no-such-channel', 'rt-no-such-domain',
  'rt-no-such-user', 'rt-not-admitted', 'rt-other-user-id', 'rt-parameters-unacceptable', 'rt-token-not-available',
  'rt-token-not-possessed', 'rt-too-many-channels', 'rt-too-many-tokens', 'rt-too-many-users', 'rt-unspecified-failure',
  'rt-user-rejected',
] as const;

export function mcsResultName(result: number): string {
  return MCS_RESULTS[result] ?? `result ${result}`;
}

/** A BER length (X.690 8.1.3): short form below 128, else long form in one or two bytes. */
function berLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  if (n < 0x100) return Buffer.from([0x81, n]);
  return Buffer.from([0x82, n >> 8, n & 0xff]);
}

function tlv(tag: readonly number[] | number, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from(typeof tag === 'number' ? [tag] : tag), berLength(value.length), value]);
}

/** An INTEGER in as few bytes as hold it, unsigned, as MS-RDPBCGR 4.1.3 writes them (65535 is `02 02 ff ff`). */
function berInteger(n: number): Buffer {
  const bytes: number[] = [];
  do {
    bytes.unshift(n & 0xff);
    n >>>= 8;
  } while (n > 0);
  return tlv(BER.INTEGER, Buffer.from(bytes));
}

/** The whole Connect Initial packet: TPKT, X.224 Data, Connect-Initial with the GCC request as userData. */
export function encodeConnectInitial(gccConferenceCreateRequest: Buffer): Buffer {
  const body = Buffer.concat([
    tlv(BER.OCTET_STRING, Buffer.from([0x01])), // callingDomainSelector
    tlv(BER.OCTET_STRING, Buffer.from([0x01])), // calledDomainSelector
    tlv(BER.BOOLEAN, Buffer.from([0xff])), // upwardFlag TRUE
    ...DOMAIN_PARAMETERS.map((p) => tlv(BER.SEQUENCE, Buffer.concat(p.map(berInteger)))),
    tlv(BER.OCTET_STRING, gccConferenceCreateRequest),
  ]);
  const mcs = tlv(CONNECT_INITIAL, body);
  const header = Buffer.from([TPKT_VERSION, 0, 0, 0, ...X224_DATA]);
  header.writeUInt16BE(header.length + mcs.length, 2);
  return Buffer.concat([header, mcs]);
}

export type ConnectResponse =
  | { readonly kind: 'response'; readonly result: number; readonly userData: Buffer }
  /** An X.224 Data TPDU whose MCS PDU is not a Connect-Response (a Disconnect Provider Ultimatum, for one). */
  | { readonly kind: 'other-mcs'; readonly firstByte: number }
  | { readonly kind: 'invalid'; readonly problem: string };

/** A BER TLV at `offset`: where its value starts and ends, or null when the bytes do not hold it. */
function readTlv(buf: Buffer, offset: number, tag: readonly number[]): { start: number; end: number } | null {
  for (let i = 0; i < tag.length; i++) if (buf[offset + i] !== tag[i]) return null;
  let o = offset + tag.length;
  const first = buf[o];
  if (first === undefined) return null;
  let length = first;
  o++;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n < 1 || n > 2 || o + n > buf.length) return null;
    length = n === 1 ? buf[o]! : buf.readUInt16BE(o);
    o += n;
  }
  return o + length <= buf.length ? { start: o, end: o + length } : null;
}

/** Reads one complete TPKT packet that should hold the MCS Connect Response. Never throws. */
export function parseConnectResponse(packet: Buffer): ConnectResponse {
  const invalid = (problem: string): ConnectResponse => ({ kind: 'invalid', problem });
  if (packet.length < 7 || packet[0] !== TPKT_VERSION || packet.readUInt16BE(2) !== packet.length) return invalid('the reply is not one whole TPKT packet');
  if (packet[4] !== X224_DATA[0] || packet[5] !== X224_DATA[1]) return invalid(`the reply is not an X.224 Data TPDU (0x${packet[5]!.toString(16)})`);
  const o = 7;
  if (packet[o] !== CONNECT_RESPONSE[0] || packet[o + 1] !== CONNECT_RESPONSE[1]) return { kind: 'other-mcs', firstByte: packet[o] ?? -1 };
  const outer = readTlv(packet, o, CONNECT_RESPONSE);
  if (!outer) return invalid('the Connect-Response is longer than the packet');
  const body = packet.subarray(0, outer.end);
  const result = readTlv(body, outer.start, [BER.ENUMERATED]);
  if (!result || result.end - result.start !== 1) return invalid('the Connect-Response has no one-byte result');
  const connectId = readTlv(body, result.end, [BER.INTEGER]);
  if (!connectId) return invalid('the Connect-Response has no calledConnectId');
  const parameters = readTlv(body, connectId.end, [BER.SEQUENCE]);
  if (!parameters) return invalid('the Connect-Response has no domainParameters');
  const userData = readTlv(body, parameters.end, [BER.OCTET_STRING]);
  if (!userData) return invalid('the Connect-Response has no userData');
  return { kind: 'response', result: body[result.start]!, userData: body.subarray(userData.start, userData.end) };
}
