/** NUL characters in a text, counted without allocating (a 60 MB file of NULs is not split into an array). */
function countNul(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\0'); at >= 0; at = text.indexOf('\0', at + 1)) count++;
  return count;
}

/** Byte-level encodings RDP Doctor reads and writes back unchanged. `latin1` stands for ANSI files that are not valid UTF-8. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1';

export interface DecodedText {
  /** The text without its byte order mark. */
  readonly text: string;
  readonly encoding: Encoding;
  readonly bom: boolean;
  /** NUL characters in the decoded text (a UTF-16 file read as 8-bit, or corruption). */
  readonly nul: boolean;
  /** The bytes look like binary data rather than text. */
  readonly binary: boolean;
  /** A UTF-16 file had an odd number of bytes: its lone last byte was dropped, as FreeRDP drops it (`decodeBytes`). */
  readonly oddByte?: boolean;
}

const BOM_UTF8 = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Guesses BOM-less UTF-16 from where the zero bytes fall in the first KiB. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length & ~1, 1024);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return 'utf-16be';
  return undefined;
}

function swapBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length & ~1);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  return out;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le');

const SURROGATE = /[\uD800-\uDFFF]/;

/** Whether a string holds no unpaired surrogate (`isWellFormed` where the runtime has it). */
function wellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !SURROGATE.test(text);
}

/** From this size on, UTF-16 text whose characters all fit in one byte is decoded into a one-byte string. */
const NARROW_MIN_BYTES = 256 * 1024;

/** Whether typed arrays hold this machine's numbers little-endian (x64 and arm64: yes), as the word checks below assume. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Whether every UTF-16LE code unit of `bytes` (even length, even offset) is below U+0100: its high byte is 0. Read four
 * units at a time, as two 32-bit words whose high-byte lanes must be clear (a little-endian machine: the caller checks).
 */
function allLatin1(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  let from = 0;
  // A Uint32Array starts on a multiple of 4 bytes; a BOM's subarray starts at 2: its first unit is checked alone.
  if ((bytes.byteOffset & 3) === 2) {
    if (bytes[1] !== 0) return false;
    from = 2;
  }
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + from, (bytes.length - from) >> 2);
  const end = words.length;
  const unrolled = end & ~3;
  let i = 0;
  for (; i < unrolled; i += 4) if (((words[i]! | words[i + 1]! | words[i + 2]! | words[i + 3]!) & 0xff00ff00) !== 0) return false;
  for (; i < end; i++) if ((words[i]! & 0xff00ff00) !== 0) return false;
  // A last unit that fills half a word.
  return ((bytes.length - from) & 2) === 0 || bytes[bytes.length - 1] === 0;
}

/**
 * Large UTF-16LE text of Latin-1 characters only (most exports, whatever their size) as a one-byte string: half the
 * memory of Buffer's two-byte copy, and every later scan (regexes, indexOf, the XML checks) reads half the bytes.
 * Undefined when a character does not fit (then the caller decodes as usual).
 */
function narrowUtf16le(bytes: Uint8Array): string | undefined {
  const length = bytes.length >> 1;
  // One check and one copy, no transcoder: ICU's transcode took 150 ms for a 20 MB report, and its output had to be
  // checked again for the '?' it writes for a character it cannot convert (issue 16).
  if (LITTLE_ENDIAN && (bytes.byteOffset & 1) === 0) {
    // Four units at a time, then each unit's low byte copied by the typed array's own conversion (`set` from a
    // Uint16Array keeps the low 8 bits): a byte-by-byte loop in JavaScript took 460 million instructions for the
    // bench's 20 MB report, most of them before V8 had optimized the loop; these take 80 (session 25).
    if (!allLatin1(bytes)) return undefined;
    const narrow = Buffer.allocUnsafe(length);
    narrow.set(new Uint16Array(bytes.buffer, bytes.byteOffset, length));
    return narrow.toString('latin1');
  }
  // Each code unit's low byte, as long as every high byte is 0 (a character above U+00FF, a BOM or a surrogate stops it).
  const narrow = Buffer.allocUnsafe(length);
  for (let i = 0, j = 0; i < length; i++, j += 2) {
    if (bytes[j + 1] !== 0) return undefined;
    narrow[i] = bytes[j]!;
  }
  return narrow.toString('latin1');
}

/**
 * UTF-16LE as `TextDecoder` decodes it (an unpaired surrogate or an odd last byte becomes U+FFFD, a leading BOM is
 * dropped), through Buffer's copy of the code units when that gives the same string: several times faster on large files.
 */
function decodeUtf16le(bytes: Uint8Array): string {
  if (bytes.length % 2 === 0) {
    const narrow = bytes.length >= NARROW_MIN_BYTES ? narrowUtf16le(bytes) : undefined;
    if (narrow !== undefined) return narrow;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
    if (text.charCodeAt(0) !== 0xfeff && wellFormed(text)) return text;
  }
  return utf16le.decode(bytes);
}

function decodeAs(bytes: Uint8Array, encoding: Encoding): string {
  switch (encoding) {
    case 'utf-16le':
      return decodeUtf16le(bytes);
    case 'utf-16be':
      return decodeUtf16le(swapBytes(bytes));
    case 'latin1':
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    case 'utf-8':
      return utf8Fatal.decode(bytes);
  }
}

/** Share of characters that are control characters other than tab, CR, LF and NUL. */
function controlRatio(text: string): number {
  const sample = Math.min(text.length, 4096);
  if (sample === 0) return 0;
  let control = 0;
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 0) || c === 0xfffd) control++;
  }
  return control / sample;
}

/** Decodes file bytes, detecting the encoding from the BOM and, failing that, from the bytes themselves. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  let encoding: Encoding;
  let bom = false;
  let body = bytes;
  if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    bom = true;
    body = bytes.subarray(2);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    bom = true;
    body = bytes.subarray(2);
  } else if (startsWith(bytes, BOM_UTF8)) {
    encoding = 'utf-8';
    bom = true;
    body = bytes.subarray(3);
  } else {
    encoding = sniffUtf16(bytes) ?? 'utf-8';
  }
  // A lone last byte is no UTF-16 character: FreeRDP converts size / 2 - 1 characters after the BOM (charlen in
  // freerdp_client_parse_rdp_file_buffer_ex, client/common/file.c), so it drops the byte rather than read a line of it.
  const oddByte = encoding.startsWith('utf-16') && body.length % 2 === 1;
  if (oddByte) body = body.subarray(0, body.length - 1);
  let text: string;
  try {
    text = decodeAs(body, encoding);
  } catch {
    encoding = 'latin1';
    text = decodeAs(body, encoding);
  }
  return decodedText(text, encoding, bom, oddByte);
}

/** The decoded text and what its characters say of the file (NULs, binary data). */
function decodedText(text: string, encoding: Encoding, bom: boolean, oddByte: boolean): DecodedText {
  const nul = text.includes('\0');
  const zeros = nul ? countNul(text) : 0;
  const binary = controlRatio(text) > 0.05 || zeros > text.length * 0.1;
  return { text, encoding, bom, nul, binary, oddByte };
}

/** Whether `bytes` start with UTF-16LE's byte-order mark (a file `decodeBytes` reads as UTF-16LE with a BOM). */
export function hasUtf16leBom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]);
}

/**
 * Copies the low bytes of UTF-16LE code units (`units`: even length, even offset) into `target` at `at`, when every
 * unit is below U+0100 (`allLatin1`); false, with `target` partly written, when one is not. One step of reading a large
 * file straight into the one-byte text `decodeBytes` would make of it (`read-file.ts`), on a little-endian machine only.
 */
export function narrowUnitsInto(target: Buffer, at: number, units: Uint8Array): boolean {
  if (!LITTLE_ENDIAN || (units.byteOffset & 1) !== 0 || !allLatin1(units)) return false;
  target.set(new Uint16Array(units.buffer, units.byteOffset, units.length >> 1), at);
  return true;
}

/**
 * What `decodeBytes` gives for a UTF-16LE file with a BOM whose characters all fit in one byte, from those characters
 * as bytes (`narrowUnitsInto`), and whether a lone last byte was dropped.
 */
export function decodedFromNarrowUtf16le(narrow: Buffer, oddByte: boolean): DecodedText {
  return decodedText(narrow.toString('latin1'), 'utf-16le', true, oddByte);
}

/** Encodes text back into the bytes of the given encoding, with a BOM when the original had one. */
export function encodeText(text: string, encoding: Encoding, bom: boolean): Buffer {
  switch (encoding) {
    case 'utf-16le': {
      const body = Buffer.from(text, 'utf16le');
      return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
    }
    case 'utf-16be': {
      const body = Buffer.from(swapBytes(Buffer.from(text, 'utf16le')));
      return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), body]) : body;
    }
    case 'latin1':
      return Buffer.from(text, 'latin1');
    case 'utf-8': {
      const body = Buffer.from(text, 'utf8');
      return bom ? Buffer.concat([Buffer.from(BOM_UTF8), body]) : body;
    }
  }
}

/** How the encoding is named to a person. */
export function describeEncoding(encoding: Encoding, bom: boolean): string {
  const name = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', latin1: 'ANSI (Latin-1)' }[encoding];
  return bom ? `${name} with BOM` : name;
}
