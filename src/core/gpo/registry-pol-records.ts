import type { RegType } from './model';
import { regTypeOf } from './registry-path';
import { asBuffer, u32 } from './reg-data';

/** One `[key;value;type;size;data]` record of a Registry.pol file, as stored. */
export interface PolRecord {
  /** 1-based record number. */
  readonly number: number;
  /** Byte offset of the record's `[`. */
  readonly byteOffset: number;
  readonly key: string;
  readonly valueName: string;
  readonly typeNumber: number;
  readonly type: RegType | undefined;
  /** The data is `bytes[dataStart, dataEnd)` of the file (no copy per record); the record ends 2 bytes later, after its `]`. */
  readonly dataStart: number;
  readonly dataEnd: number;
}

/** The bytes of a record, from its `[` to after its `]` (a UTF-16LE character, 2 bytes: MS-GPREG 2.2.1). */
export function recordLength(r: PolRecord): number {
  return r.dataEnd + 2 - r.byteOffset;
}

/** Why reading stopped early: a clear message at the byte offset where the file goes wrong. */
export interface PolDamage {
  readonly record: number;
  readonly byteOffset: number;
  readonly message: string;
}

export interface PolRecords {
  readonly version: number | undefined;
  /** The records, unless a visitor took them one at a time. */
  readonly records: readonly PolRecord[];
  readonly count: number;
  readonly damage?: PolDamage;
}

export const POL_SIGNATURE = [0x50, 0x52, 0x65, 0x67]; // "PReg"

export function hasPolSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && POL_SIGNATURE.every((b, i) => bytes[i] === b);
}

const OPEN = 0x5b; // [
const SEMI = 0x3b; // ;
const CLOSE = 0x5d; // ]

/** Thrown inside the record loop only, and always caught there. */
class Damage extends Error {
  constructor(readonly at: number, readonly reason: string) {
    super(reason);
  }
}

function charName(bytes: Uint8Array, at: number): string {
  if (at + 1 >= bytes.length) return 'the end of the file';
  const code = bytes[at]! | (bytes[at + 1]! << 8);
  return code >= 0x20 && code < 0x7f ? `"${String.fromCharCode(code)}"` : `0x${code.toString(16).padStart(4, '0')}`;
}

/**
 * Reads the separator `char` at `at`. `showFound` false: the message does not name what is there instead, which may be
 * a byte of the record's data (a password, when the data size is short: session 15 review).
 */
function expect(bytes: Uint8Array, at: number, char: number, what: string, showFound = true): number {
  if (at + 1 >= bytes.length) throw new Damage(at, `the file ends before the "${String.fromCharCode(char)}" ${what} (it is truncated)`);
  if (bytes[at] !== char || bytes[at + 1] !== 0) {
    throw new Damage(at, `expected "${String.fromCharCode(char)}" ${what}${showFound ? `, found ${charName(bytes, at)}` : ' where the data size says the data ends (the size or the record is damaged)'}`);
  }
  return at + 2;
}

/** The end of a NUL-terminated UTF-16LE string at `at`; never splits on ";" since names may contain it. */
function stringEnd(bytes: Uint8Array, at: number, what: string): number {
  let end = at;
  while (end + 1 < bytes.length && (bytes[end] !== 0 || bytes[end + 1] !== 0)) end += 2;
  if (end + 1 >= bytes.length) throw new Damage(at, `the file ends inside the ${what} (it is truncated)`);
  return end;
}

function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (bytes[a + i] !== bytes[b + i]) return false;
  return true;
}

function uint32(bytes: Uint8Array, at: number, what: string): number {
  if (at + 4 > bytes.length) throw new Damage(at, `the file ends inside the ${what} (it is truncated)`);
  return u32(bytes, at);
}

/**
 * Splits a Registry.pol (PReg v1, MS-GPREG 2.2.1) into records, or hands each to `visit` (so a file of
 * 100,000 records is not held twice). Never throws: damage ends the list with a message.
 */
export function readPolRecords(bytes: Uint8Array, visit?: (record: PolRecord) => void): PolRecords {
  if (!hasPolSignature(bytes)) return { version: undefined, records: [], count: 0, damage: { record: 0, byteOffset: 0, message: 'The file does not start with the Registry.pol signature "PReg".' } };
  if (bytes.length < 8) return { version: undefined, records: [], count: 0, damage: { record: 0, byteOffset: 4, message: 'The file ends inside the version number after "PReg" (it is truncated).' } };
  const version = u32(bytes, 4);
  const buffer = asBuffer(bytes);
  const records: PolRecord[] = [];
  const take = visit ?? ((r: PolRecord) => void records.push(r));
  let count = 0;
  let pos = 8;
  // Records of one key usually follow each other: reuse the decoded key while its bytes repeat.
  let lastKey = '';
  let lastKeyStart = -1;
  let lastKeyLength = -1;
  while (pos < bytes.length) {
    const start = pos;
    const number = count + 1;
    try {
      pos = expect(bytes, pos, OPEN, 'that opens a record');
      const keyEnd = stringEnd(bytes, pos, 'key name');
      const keyLength = keyEnd - pos;
      if (keyLength !== lastKeyLength || !sameBytes(bytes, pos, lastKeyStart, keyLength)) {
        lastKey = buffer.toString('utf16le', pos, keyEnd);
        lastKeyStart = pos;
        lastKeyLength = keyLength;
      }
      const key = lastKey;
      pos = expect(bytes, keyEnd + 2, SEMI, 'after the key name');
      const nameEnd = stringEnd(bytes, pos, 'value name');
      const valueName = buffer.toString('utf16le', pos, nameEnd);
      pos = expect(bytes, nameEnd + 2, SEMI, 'after the value name');
      const typeNumber = uint32(bytes, pos, 'value type');
      pos = expect(bytes, pos + 4, SEMI, 'after the value type');
      const size = uint32(bytes, pos, 'data size');
      pos = expect(bytes, pos + 4, SEMI, 'after the data size');
      if (size > bytes.length - pos) throw new Damage(pos, `the data size is ${size} bytes but only ${bytes.length - pos} remain (the file is truncated or the size is corrupt)`);
      const dataStart = pos;
      pos = expect(bytes, pos + size, CLOSE, 'that closes the record', false);
      count = number;
      take({ number, byteOffset: start, key, valueName, typeNumber, type: regTypeOf(typeNumber), dataStart, dataEnd: dataStart + size });
    } catch (error) {
      if (!(error instanceof Damage)) throw error;
      return {
        version,
        records,
        count,
        damage: { record: number, byteOffset: error.at, message: `Record ${number} (from byte ${start}) is damaged at byte ${error.at}: ${error.reason}. The rest of the file is not read.` },
      };
    }
  }
  return { version, records, count };
}
