// Generated `.rdp` files as bytes, for the round-trip properties of the fixes (fix-roundtrip.test.ts): each line
// written in the file's encoding with its own line ending, and a splitter that reads any output back into lines.
import fc from 'fast-check';

export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le' | 'utf-16be';

/** A line of a generated file: `inert` lines can have no fix (no colon: never a property), so a fix must keep them as they are. */
export interface GenLine {
  readonly text: string;
  /** Raw bytes written after the text in an 8-bit file (invalid UTF-8), none in UTF-16. */
  readonly raw?: readonly number[];
  readonly eol: '\r\n' | '\n' | '\r' | '';
  readonly inert: boolean;
}

export interface GenFile {
  readonly encoding: FileEncoding;
  readonly lines: readonly GenLine[];
  /** A stray last byte after UTF-16 text (an odd byte count). */
  readonly oddByte: boolean;
}

/** The distinctive secrets the generated files save: none may reach a report. */
export const SECRETS = ['Hunter2-s3cret', 'Cl3arText-s3cret', 'Gw-s3cret-pw', '01000000D08C9DDF0115D1118C7A00C04FC297EB0123456789ABCDEF'];

/** Lines with a fix (unattended or to review), and lines with odd blanks around the colons. */
const PROPERTY_LINES = [
  'full address:s:rdsh01.example.invalid',
  'full address:s:127.0.0.12',
  '  full address:s:rdsh01.example.invalid',
  'authentication level:i:0',
  'authentication level :i:0',
  'authentication level: i:0',
  '\tauthentication level:i:0',
  'negotiate security layer:i:0',
  'enablecredsspsupport:i:0',
  'session bpp:i:32',
  'session bpp:i:32',
  'screen mode id:i: 2',
  'screen mode id:i:02',
  'desktopwidth:s:1024',
  'desktopwidht:s:1920',
  'displayconnectionbar:i:1',
  'gatewayhostname:s:gw.example.invalid',
  'gatewayusagemethod:i:1',
  `password 51:b:${SECRETS[3]}`,
  `password:s:${SECRETS[0]}`,
  `ClearTextPassword:s:${SECRETS[1]}`,
  ` clear password:s:${SECRETS[1]}`,
  `gatewaypassword:s:${SECRETS[2]}`,
  `pasword 51:b:${SECRETS[3]}`,
  'username:s:CONTOSO\\ana',
];

/** Characters a hostile file carries: NUL, lone surrogates, a BOM mid-file, bidi, a separator, Latin-1 and beyond. */
const HOSTILE_UNIT = fc.constantFrom('\0', '\uD800', '\uDC00', '\uFEFF', '\u202E', '\u2028', '\u00E9', '\u00FF', '\u20AC', '\uD83D\uDE00', 'a', ' ', '\t', 'Z', '$', "'", '`');

const hostileText = fc.string({ unit: HOSTILE_UNIT, maxLength: 12 });

/** An inert line: text without a colon or a line break (and so never a property line), sometimes very long. */
const inertText = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => s.replace(/[:\r\n]/g, '')) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((n) => 'x'.repeat(n)) },
);

/** A property line whose value carries hostile characters (a user name, a gateway, an unknown name). */
const hostileProperty = fc.tuple(fc.constantFrom('username:s:', 'gatewayhostname:s:', 'full address:s:', 'weird name:s:', 'session bpp:i:'), hostileText).map(([head, tail]) => head + tail);

const lineEnding = fc.constantFrom<'\r\n' | '\n' | '\r'>('\r\n', '\n', '\r');

function genLine(allowRaw: boolean): fc.Arbitrary<GenLine> {
  const raw = allowRaw ? fc.option(fc.constantFrom([0xff], [0xc3, 0x28], [0x80], [0xe9]), { nil: undefined }) : fc.constant(undefined);
  return fc.oneof(
    fc.record({ text: inertText, raw, eol: lineEnding, inert: fc.constant(true) }),
    fc.record({ text: fc.constantFrom(...PROPERTY_LINES), raw: fc.constant(undefined), eol: lineEnding, inert: fc.constant(false) }),
    fc.record({ text: hostileProperty, raw: fc.constant(undefined), eol: lineEnding, inert: fc.constant(false) }),
  ).map((l) => (l.raw === undefined ? { text: l.text, eol: l.eol, inert: l.inert } : l));
}

/** A whole file: 0–12 lines, mixed line endings, a last line with or without one. */
export function genFile(): fc.Arbitrary<GenFile> {
  return fc.constantFrom<FileEncoding>('utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'utf-16le', 'utf-16be').chain((encoding) => {
    const eightBit = encoding.startsWith('utf-8');
    return fc.record({
      encoding: fc.constant(encoding),
      lines: fc.array(genLine(eightBit), { maxLength: 12 }),
      lastEol: fc.boolean(),
      oddByte: eightBit ? fc.constant(false) : fc.boolean(),
    }).map(({ lines: drawn, lastEol, oddByte }) => {
      // CR then an empty line ending in LF would read as one CRLF.
      const lines = drawn.map((l, i) => (i > 0 && drawn[i - 1]!.eol === '\r' && l.text === '' && !l.raw && l.eol === '\n' ? { ...l, eol: '\r\n' as const } : l));
      const last = lines[lines.length - 1];
      // An empty last line without a line break is no line at all.
      const out = last && !lastEol && (last.text !== '' || last.raw) ? [...lines.slice(0, -1), { ...last, eol: '' as const }] : lines;
      return { encoding, lines: out, oddByte };
    });
  });
}

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return bigEndian ? le.swap16() : le;
}

const BOMS: Readonly<Record<FileEncoding, readonly number[]>> = {
  'utf-8': [],
  'utf-8-bom': [0xef, 0xbb, 0xbf],
  'utf-16le-bom': [0xff, 0xfe],
  'utf-16be-bom': [0xfe, 0xff],
  'utf-16le': [],
  'utf-16be': [],
};

export function bomLength(encoding: FileEncoding): number {
  return BOMS[encoding].length;
}

/** The file's bytes: BOM, then each line's text (and raw bytes) and line ending in the encoding. */
export function fileBytes(file: GenFile): Buffer {
  const parts: Buffer[] = [Buffer.from(BOMS[file.encoding])];
  for (const line of file.lines) {
    const text = line.text + line.eol;
    if (file.encoding.startsWith('utf-16')) parts.push(utf16(text, file.encoding.startsWith('utf-16be')));
    else parts.push(Buffer.from(line.text, 'utf8'), Buffer.from(line.raw ?? []), Buffer.from(line.eol, 'latin1'));
  }
  if (file.oddByte) parts.push(Buffer.from([0x41]));
  return Buffer.concat(parts);
}

export interface ByteLine {
  readonly content: Buffer;
  readonly eol: Buffer;
}

/** Splits bytes into lines at CR, LF and CRLF code units (after `skip` bytes of BOM); a stray odd last byte is its own tail. */
export function splitLines(bytes: Buffer, encoding: FileEncoding): { lines: ByteLine[]; tail: Buffer } {
  const unit = encoding.startsWith('utf-16') ? 2 : 1;
  const skip = BOMS[encoding].length;
  const end = skip + Math.floor((bytes.length - skip) / unit) * unit;
  const at = (i: number): number => (unit === 1 ? bytes[i]! : encoding.startsWith('utf-16be') ? bytes.readUInt16BE(i) : bytes.readUInt16LE(i));
  const lines: ByteLine[] = [];
  let start = skip;
  for (let i = skip; i < end; i += unit) {
    const c = at(i);
    if (c !== 10 && c !== 13) continue;
    const crlf = c === 13 && i + unit < end && at(i + unit) === 10;
    const eolEnd = i + unit * (crlf ? 2 : 1);
    lines.push({ content: bytes.subarray(start, i), eol: bytes.subarray(i, eolEnd) });
    start = eolEnd;
    i = eolEnd - unit;
  }
  if (start < end) lines.push({ content: bytes.subarray(start, end), eol: Buffer.alloc(0) });
  return { lines, tail: bytes.subarray(end) };
}

/** A CRLF in UTF-16 (four bytes) or in an 8-bit encoding. */
function isCrlf(eol: Buffer): boolean {
  return eol.length === 4 || eol.toString('latin1') === '\r\n';
}

/**
 * Whether `after` can come from `before` by fixes: each line kept byte for byte, deleted (a property line only), or
 * changed within the line (a property line only) with its line ending kept; inert lines never change.
 */
export function explainsByFixes(before: readonly ByteLine[], inert: readonly boolean[], after: readonly ByteLine[]): boolean {
  const memo = new Map<number, boolean>();
  const can = (i: number, j: number): boolean => {
    const key = i * 10_000 + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let ok: boolean;
    if (i === before.length) ok = j === after.length;
    else {
      const b = before[i]!;
      const a = after[j];
      const same = a !== undefined && a.content.equals(b.content) && a.eol.equals(b.eol);
      // A removed line between a lone CR and an empty LF line stays as an empty CRLF line (parse.ts, removeLine).
      const changed = !inert[i] && a !== undefined && (a.eol.equals(b.eol) || (a.content.length === 0 && isCrlf(a.eol)));
      ok = (same && can(i + 1, j + 1)) || (!inert[i] && can(i + 1, j)) || (changed && can(i + 1, j + 1));
    }
    memo.set(key, ok);
    return ok;
  };
  return can(0, 0);
}
