/** NTLM messages a credential-less probe sends and reads [MS-NLMP 2.2.1.1, 2.2.1.2, 2.2.2.1]. */

const SIGNATURE = Buffer.from('NTLMSSP\0', 'latin1');
const NEGOTIATE = 1;
const CHALLENGE = 2;
/** A CHALLENGE_MESSAGE's fixed part up to TargetInfoFields; Version follows when NEGOTIATE_VERSION is set. */
const CHALLENGE_FIXED = 48;
/** Nothing a server sends comes near it; larger input is refused before parsing. */
const MAX_CHALLENGE_BYTES = 64 * 1024;
/** FILETIME counts 100 ns intervals since 1601-01-01 UTC [MS-DTYP 2.3.3]. */
const FILETIME_EPOCH_OFFSET_MS = 11_644_473_600_000n;

/** NegotiateFlags bits [MS-NLMP 2.2.2.5]. */
export const NTLM_FLAG = {
  UNICODE: 0x00000001,
  OEM: 0x00000002,
  REQUEST_TARGET: 0x00000004,
  SIGN: 0x00000010,
  SEAL: 0x00000020,
  LM_KEY: 0x00000080,
  NTLM: 0x00000200,
  ALWAYS_SIGN: 0x00008000,
  /** TargetName is a domain name. */
  TARGET_TYPE_DOMAIN: 0x00010000,
  /** TargetName is a server name. */
  TARGET_TYPE_SERVER: 0x00020000,
  EXTENDED_SESSIONSECURITY: 0x00080000,
  TARGET_INFO: 0x00800000,
  VERSION: 0x02000000,
  KEY_128: 0x20000000,
  KEY_EXCH: 0x40000000,
  KEY_56: 0x80000000,
} as const;

/** What mstsc-like clients (and nmap's rdp-ntlm-info) ask for: 0xE20882B7. */
export const PROBE_NEGOTIATE_FLAGS =
  (NTLM_FLAG.UNICODE | NTLM_FLAG.OEM | NTLM_FLAG.REQUEST_TARGET | NTLM_FLAG.SIGN | NTLM_FLAG.SEAL | NTLM_FLAG.LM_KEY | NTLM_FLAG.NTLM | NTLM_FLAG.ALWAYS_SIGN |
    NTLM_FLAG.EXTENDED_SESSIONSECURITY | NTLM_FLAG.VERSION | NTLM_FLAG.KEY_128 | NTLM_FLAG.KEY_EXCH | NTLM_FLAG.KEY_56) >>> 0;

/** AV_PAIR AvIds [MS-NLMP 2.2.2.1]. */
export const AV_ID = { EOL: 0, NB_COMPUTER: 1, NB_DOMAIN: 2, DNS_COMPUTER: 3, DNS_DOMAIN: 4, DNS_TREE: 5, FLAGS: 6, TIMESTAMP: 7 } as const;

/** The facts a CHALLENGE_MESSAGE gives away (SPEC §2 `ntlm`); null where the server sent none. */
export interface NtlmInfo {
  readonly netbiosComputer: string | null;
  readonly netbiosDomain: string | null;
  readonly dnsComputer: string | null;
  readonly dnsDomain: string | null;
  readonly dnsTree: string | null;
  /** `major.minor.build`, e.g. 10.0.17763. */
  readonly productVersion: string | null;
  /** ISO 8601, from MsvAvTimestamp; null when absent or zero (no clock reading). */
  readonly serverTime: string | null;
}

export type ChallengeParse = { readonly ok: true; readonly info: NtlmInfo; readonly flags: number } | { readonly ok: false; readonly problem: string };

/** The VERSION structure [MS-NLMP 2.2.2.10]: major, minor, build, 3 reserved bytes, NTLMRevisionCurrent 0x0F. */
function version(major: number, minor: number, build: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeUInt8(major, 0);
  out.writeUInt8(minor, 1);
  out.writeUInt16LE(build, 2);
  out.writeUInt8(0x0f, 7);
  return out;
}

/** A NEGOTIATE_MESSAGE without domain or workstation (40 bytes): all it asks is the CHALLENGE. */
export function encodeNegotiateMessage(flags = PROBE_NEGOTIATE_FLAGS, ver: readonly [number, number, number] = [6, 1, 7601]): Buffer {
  const out = Buffer.alloc(40);
  SIGNATURE.copy(out, 0);
  out.writeUInt32LE(NEGOTIATE, 8);
  out.writeUInt32LE(flags >>> 0, 12);
  // DomainNameFields and WorkstationFields: empty, offsets at the end of the message.
  out.writeUInt32LE(40, 20);
  out.writeUInt32LE(40, 28);
  version(ver[0], ver[1], ver[2]).copy(out, 32);
  return out;
}

/** FILETIME (100 ns since 1601) as an ISO date; null past the year 9999, which no clock reads. */
export function filetimeToIso(low: number, high: number): string | null {
  const ms = ((BigInt(high >>> 0) << 32n) | BigInt(low >>> 0)) / 10_000n - FILETIME_EPOCH_OFFSET_MS;
  const date = new Date(Number(ms));
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999 ? null : date.toISOString();
}

/** Strings in the payload are UTF-16LE; C0 controls stay in (text output escapes them later). */
const utf16 = (bytes: Buffer): string => bytes.toString('utf16le');

/** Reads the AV_PAIR list; each pair is bounds-checked, MsvAvEOL ends it. */
function readAvPairs(info: Buffer): { ok: true; pairs: Map<number, Buffer> } | { ok: false; problem: string } {
  const pairs = new Map<number, Buffer>();
  let at = 0;
  while (at + 4 <= info.length) {
    const id = info.readUInt16LE(at);
    const length = info.readUInt16LE(at + 2);
    if (id === AV_ID.EOL) return { ok: true, pairs };
    if (at + 4 + length > info.length) return { ok: false, problem: `the target info pair ${id} announces ${length} bytes past the end` };
    if (!pairs.has(id)) pairs.set(id, info.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return { ok: false, problem: 'the target info has no MsvAvEOL terminator' };
}

/** Parses a CHALLENGE_MESSAGE; never throws, every offset and length is checked against the bytes there. */
export function parseChallengeMessage(message: Uint8Array): ChallengeParse {
  const buf = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  if (buf.length > MAX_CHALLENGE_BYTES) return { ok: false, problem: `the message is ${buf.length} bytes long` };
  if (buf.length < CHALLENGE_FIXED) return { ok: false, problem: `the message is only ${buf.length} bytes long` };
  if (!buf.subarray(0, 8).equals(SIGNATURE)) return { ok: false, problem: 'the message does not start with the NTLMSSP signature' };
  const type = buf.readUInt32LE(8);
  if (type !== CHALLENGE) return { ok: false, problem: `the message type is ${type}, not CHALLENGE (2)` };
  const flags = buf.readUInt32LE(20);
  const infoLength = buf.readUInt16LE(40);
  const infoOffset = buf.readUInt32LE(44);
  let pairs = new Map<number, Buffer>();
  if (infoLength > 0) {
    if (infoOffset + infoLength > buf.length) return { ok: false, problem: `the target info (${infoLength} bytes at ${infoOffset}) runs past the end` };
    const read = readAvPairs(buf.subarray(infoOffset, infoOffset + infoLength));
    if (!read.ok) return read;
    pairs = read.pairs;
  }
  // The Version field is there when NEGOTIATE_VERSION is set and the payload starts after it.
  const hasVersion = (flags & NTLM_FLAG.VERSION) !== 0 && buf.length >= CHALLENGE_FIXED + 8 && (infoLength === 0 || infoOffset >= CHALLENGE_FIXED + 8);
  const text = (id: number): string | null => {
    const value = pairs.get(id);
    return value && value.length > 0 ? utf16(value) : null;
  };
  // MsvAvTimestamp is "the server local time" [MS-NLMP 2.2.2.1]: a zero FILETIME (1601-01-01) is no clock reading, so no time.
  const stamp = pairs.get(AV_ID.TIMESTAMP);
  const unset = stamp?.length === 8 && stamp.readBigUInt64LE(0) === 0n;
  return {
    ok: true,
    flags,
    info: {
      netbiosComputer: text(AV_ID.NB_COMPUTER),
      netbiosDomain: text(AV_ID.NB_DOMAIN),
      dnsComputer: text(AV_ID.DNS_COMPUTER),
      dnsDomain: text(AV_ID.DNS_DOMAIN),
      dnsTree: text(AV_ID.DNS_TREE),
      productVersion: hasVersion ? `${buf[48]}.${buf[49]}.${buf.readUInt16LE(50)}` : null,
      serverTime: stamp?.length === 8 && !unset ? filetimeToIso(stamp.readUInt32LE(0), stamp.readUInt32LE(4)) : null,
    },
  };
}
