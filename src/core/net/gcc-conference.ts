/**
 * The GCC Conference Create Request/Response of the Basic Settings Exchange [MS-RDPBCGR 2.2.1.3, 2.2.1.4],
 * PER-encoded per T.124 as MS-RDPBCGR 4.1.3/4.1.4 show it. Only what a probe needs: client core,
 * security and network data out; the server's data blocks back.
 */

/** User Data Header types [MS-RDPBCGR 2.2.1.3.1]. */
export const DATA_BLOCK = {
  CS_CORE: 0xc001,
  CS_SECURITY: 0xc002,
  CS_NET: 0xc003,
  SC_CORE: 0x0c01,
  SC_SECURITY: 0x0c02,
  SC_NET: 0x0c03,
} as const;

/** encryptionMethods flags of TS_UD_CS_SEC [MS-RDPBCGR 2.2.1.3.3]; the same values name the method the server selects. */
export const ENCRYPTION_METHOD = { NONE: 0x0, BIT40: 0x1, BIT128: 0x2, BIT56: 0x8, FIPS: 0x10 } as const;

/** What the probe offers: every method, so the server's own choice shows [MS-RDPBCGR 5.3.2]. */
export const OFFERED_METHODS = ENCRYPTION_METHOD.BIT40 | ENCRYPTION_METHOD.BIT56 | ENCRYPTION_METHOD.BIT128 | ENCRYPTION_METHOD.FIPS;

/** T.124 (02/98) object identifier {0 0 20 124 0 1}, PER-encoded with its length [MS-RDPBCGR 4.1.3]. */
const T124_OID = [0x05, 0x00, 0x14, 0x7c, 0x00, 0x01];
/** H.221 non-standard keys: "Duca" client to server, "McDn" server to client [MS-RDPBCGR 2.2.1.3, 2.2.1.4]. */
const H221_CLIENT_KEY = Buffer.from('Duca', 'latin1');
const H221_SERVER_KEY = Buffer.from('McDn', 'latin1');

/** TS_UD_CS_CORE field values [MS-RDPBCGR 2.2.1.3.2], as FreeRDP and mstsc send them for a plain 8-bpp-capable client. */
const CORE = {
  version: 0x00080004, // RDP 5.0 and later
  desktopWidth: 1024,
  desktopHeight: 768,
  colorDepth: 0xca01, // RNS_UD_COLOR_8BPP
  sasSequence: 0xaa03, // RNS_UD_SAS_DEL
  keyboardLayout: 0x409,
  clientBuild: 2600,
  clientName: 'rdp-doctor',
  keyboardType: 4,
  keyboardSubType: 0,
  keyboardFunctionKey: 12,
  postBeta2ColorDepth: 0xca01,
  clientProductId: 1,
  highColorDepth: 24,
  supportedColorDepths: 0x0007, // 24, 16 and 15 bpp
  earlyCapabilityFlags: 0x0001, // RNS_UD_CS_SUPPORT_ERRINFO_PDU
} as const;

function block(type: number, body: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16LE(type, 0);
  header.writeUInt16LE(body.length + 4, 2);
  return Buffer.concat([header, body]);
}

function utf16Field(text: string, bytes: number): Buffer {
  const out = Buffer.alloc(bytes);
  out.write(text.slice(0, bytes / 2 - 1), 'utf16le');
  return out;
}

/** TS_UD_CS_CORE up to serverSelectedProtocol (216 bytes with its header, as in MS-RDPBCGR 4.1.3). */
function clientCore(serverSelectedProtocol: number): Buffer {
  const b = Buffer.alloc(212);
  let o = 0;
  o = b.writeUInt32LE(CORE.version, o);
  o = b.writeUInt16LE(CORE.desktopWidth, o);
  o = b.writeUInt16LE(CORE.desktopHeight, o);
  o = b.writeUInt16LE(CORE.colorDepth, o);
  o = b.writeUInt16LE(CORE.sasSequence, o);
  o = b.writeUInt32LE(CORE.keyboardLayout, o);
  o = b.writeUInt32LE(CORE.clientBuild, o);
  o += utf16Field(CORE.clientName, 32).copy(b, o);
  o = b.writeUInt32LE(CORE.keyboardType, o);
  o = b.writeUInt32LE(CORE.keyboardSubType, o);
  o = b.writeUInt32LE(CORE.keyboardFunctionKey, o);
  o += 64; // imeFileName: empty
  o = b.writeUInt16LE(CORE.postBeta2ColorDepth, o);
  o = b.writeUInt16LE(CORE.clientProductId, o);
  o = b.writeUInt32LE(0, o); // serialNumber
  o = b.writeUInt16LE(CORE.highColorDepth, o);
  o = b.writeUInt16LE(CORE.supportedColorDepths, o);
  o = b.writeUInt16LE(CORE.earlyCapabilityFlags, o);
  o += 64; // clientDigProductId: empty
  o += 2; // connectionType 0 (not valid without its flag), pad1octet
  b.writeUInt32LE(serverSelectedProtocol >>> 0, o);
  return block(DATA_BLOCK.CS_CORE, b);
}

/** The client data blocks: core, security (methods offered), network (no channels). */
export function clientDataBlocks(options: { readonly serverSelectedProtocol: number; readonly encryptionMethods: number }): Buffer {
  const security = Buffer.alloc(8);
  security.writeUInt32LE(options.encryptionMethods >>> 0, 0); // extEncryptionMethods stays 0: French-locale clients only
  const network = Buffer.alloc(4); // channelCount 0
  return Buffer.concat([clientCore(options.serverSelectedProtocol), block(DATA_BLOCK.CS_SECURITY, security), block(DATA_BLOCK.CS_NET, network)]);
}

/** A PER length determinant (X.691 10.9): one byte below 128, else two with the top bit set. */
function perLength(n: number): Buffer {
  return n < 0x80 ? Buffer.from([n]) : Buffer.from([0x80 | (n >> 8), n & 0xff]);
}

/** ConnectData carrying a ConferenceCreateRequest with one H.221 "Duca" user data set [T.124 8.7, MS-RDPBCGR 2.2.1.3]. */
export function encodeConferenceCreateRequest(userData: Buffer): Buffer {
  const request = Buffer.concat([
    Buffer.from([
      0x00, // ConnectGCCPDU choice: conferenceCreateRequest
      0x08, // optional fields present: userData only
      0x00, 0x10, // conferenceName numeric "1": length 1 - 1, digit 1 in 4 bits
      0x00, // locked, listed and conductible FALSE, terminationMethod automatic: one byte (FreeRDP writes it as padding)
      0x01, // one UserData set
      0xc0, // value present, key choice h221NonStandard
      0x00, // H.221 key length 4 - 4
    ]),
    H221_CLIENT_KEY,
    perLength(userData.length),
    userData,
  ]);
  return Buffer.concat([Buffer.from([0x00]), Buffer.from(T124_OID), perLength(request.length), request]);
}

export interface ServerDataBlock {
  readonly type: number;
  readonly body: Buffer;
}

export type ConferenceResponse =
  | { readonly ok: true; readonly result: number; readonly blocks: readonly ServerDataBlock[] }
  | { readonly ok: false; readonly problem: string };

/** A cursor that never reads past the end: every read says whether the bytes were there. */
class Cursor {
  offset = 0;
  constructor(private readonly buf: Buffer) {}
  get left(): number {
    return this.buf.length - this.offset;
  }
  bytes(n: number): Buffer | null {
    if (n < 0 || this.left < n) return null;
    const out = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
  byte(): number | null {
    return this.bytes(1)?.[0] ?? null;
  }
  perLength(): number | null {
    const first = this.byte();
    if (first === null || (first & 0x80) === 0) return first;
    const second = this.byte();
    return second === null ? null : ((first & 0x3f) << 8) | second;
  }
}

/**
 * Reads ConnectData holding a ConferenceCreateResponse [T.124 8.7, MS-RDPBCGR 2.2.1.4] down to the
 * server data blocks. Never throws: each length is checked against the bytes present.
 */
export function parseConferenceCreateResponse(data: Buffer): ConferenceResponse {
  const c = new Cursor(data);
  const fail = (problem: string): ConferenceResponse => ({ ok: false, problem });
  if (c.byte() !== 0x00) return fail('the GCC ConnectData does not start with the T.124 object key');
  const oid = c.bytes(T124_OID.length);
  if (!oid || !oid.equals(Buffer.from(T124_OID))) return fail('the GCC ConnectData names another protocol than T.124');
  const pduLength = c.perLength();
  if (pduLength === null || pduLength > c.left) return fail('the GCC connectPDU is longer than the data that arrived');
  const choice = c.byte();
  if (choice === null || (choice & 0xfc) !== 0x14) return fail(`the GCC PDU is not a ConferenceCreateResponse (choice 0x${(choice ?? 0).toString(16)})`);
  if (!c.bytes(2)) return fail('the ConferenceCreateResponse ends in its nodeID');
  const tagLength = c.byte();
  if (tagLength === null || !c.bytes(tagLength)) return fail('the ConferenceCreateResponse ends in its tag');
  const result = c.byte();
  if (result === null) return fail('the ConferenceCreateResponse ends before its result');
  if (c.byte() === null) return fail('the ConferenceCreateResponse has no user data set');
  if (c.byte() === null) return fail('the ConferenceCreateResponse ends in its user data');
  const keyLength = c.byte();
  const key = keyLength === null ? null : c.bytes(keyLength + 4);
  if (!key || !key.equals(H221_SERVER_KEY)) return fail('the server user data does not carry the "McDn" H.221 key');
  const length = c.perLength();
  if (length === null || length > c.left) return fail('the server data blocks are longer than the data that arrived');
  const blocks = readBlocks(c.bytes(length)!);
  return 'problem' in blocks ? fail(blocks.problem) : { ok: true, result, blocks };
}

function readBlocks(data: Buffer): ServerDataBlock[] | { problem: string } {
  const blocks: ServerDataBlock[] = [];
  let o = 0;
  while (o + 4 <= data.length) {
    const type = data.readUInt16LE(o);
    const length = data.readUInt16LE(o + 2);
    if (length < 4 || o + length > data.length) return { problem: `the server data block 0x${type.toString(16)} announces ${length} bytes, outside the data` };
    blocks.push({ type, body: data.subarray(o + 4, o + length) });
    o += length;
  }
  return blocks;
}

/** encryptionMethod and encryptionLevel of TS_UD_SC_SEC1 [MS-RDPBCGR 2.2.1.4.3], or why they cannot be read. */
export function serverSecurity(blocks: readonly ServerDataBlock[]): { readonly method: number; readonly level: number } | { readonly problem: string } {
  const sec = blocks.find((b) => b.type === DATA_BLOCK.SC_SECURITY);
  if (!sec) return { problem: 'the server sent no Server Security Data' };
  if (sec.body.length < 8) return { problem: `the Server Security Data has ${sec.body.length + 4} bytes, fewer than 12` };
  return { method: sec.body.readUInt32LE(0), level: sec.body.readUInt32LE(4) };
}
