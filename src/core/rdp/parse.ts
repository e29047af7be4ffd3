import type { Eol, Span } from '../text/line-index';
import { groupDigits } from '../text/group-digits';
import { FIRST_LINE, MAX_RUN_LINES, isCleanLine, type KnownRun, knownLineAt, knownRunAt, rememberedName, rememberName, rememberedProperty, rememberedSlot, rememberLineAfter, rememberRunAfter } from './names';
import { EntryIndex, lastEntry } from './entry-index';
import { Entry, lineBreakAt, typeLetter } from './entry';
import type { PropertyInfo } from './property-types';

export { lineEnd, lineStart, plainDecimal, plainDecimalValue, propertyOf, rememberClean } from './entry';

/** One `name:type:value` line, with the exact span of each part. */
export interface RdpEntry {
  /** Zero-based line number. */
  readonly line: number;
  /** The name as written (may carry surrounding blanks). */
  readonly rawName: string;
  /** The name trimmed and lower-cased: how clients compare names. */
  readonly key: string;
  readonly type: string;
  /** Everything after the second colon, as written. */
  readonly value: string;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly typeSpan: Span;
  readonly valueSpan: Span;
}

export type RdpLineKind = 'property' | 'blank' | 'malformed';

export interface RdpLine {
  readonly line: number;
  readonly kind: RdpLineKind;
  /** The line's content, without its line break. */
  readonly span: Span;
  /** The line break that ends it ('' on the last line). */
  readonly eol: string;
  readonly entry?: RdpEntry;
  /** Why a malformed line could not be read. */
  readonly problem?: string;
}

export interface RdpDocument {
  readonly text: string;
  readonly lines: readonly RdpLine[];
  readonly entries: readonly RdpEntry[];
  /** Entries by key, in file order. */
  readonly byKey: ReadonlyMap<string, readonly RdpEntry[]>;
  /** The dominant line break, used for inserted lines. */
  readonly eol: Eol;
  readonly mixedEol: boolean;
  /**
   * Where reading stopped, when the text has more than `MAX_RDP_LINES` lines: the lines from this offset on are
   * not read (a hostile file of millions of blank lines would take gigabytes of line objects).
   */
  readonly readUpTo?: number;
  /**
   * The entries the per-entry rules have not found clean before (names.ts), in file order: the engine runs those
   * rules on these alone. Every entry when absent.
   */
  readonly unchecked?: readonly RdpEntry[];
}

/**
 * The lines of an `.rdp` text read at most. Clients' files have a few dozen; a text of more is damaged or not an
 * `.rdp` file, and a 64 MB file of line breaks would otherwise need ~7 GB of line objects (issue 13, hostile input).
 */
export const MAX_RDP_LINES = 1_000_000;

/** Why the rest of a text was not read, for a reader problem at `readUpTo`. */
export const READ_UP_TO_MESSAGE = `RDP Doctor reads the first ${groupDigits(MAX_RDP_LINES)} lines of an .rdp file (clients' files have a few dozen): the rest of this one is not read or checked.`;

/**
 * Whether a character of a name leaves it unchanged by `trim().toLowerCase()`: not an upper-case or non-ASCII
 * letter, not a control character, and a space only inside the name (not first, not before the colon, not
 * beside another blank). Conservative: a name it rejects is simply trimmed and lower-cased.
 */
function plainNameChar(text: string, c: number, i: number, start: number): boolean {
  if (c > 127 || (c >= 65 && c <= 90) || c < 32) return false;
  if (c !== 32) return true;
  const next = text.charCodeAt(i + 1);
  return i !== start && next !== 58 && next > 32;
}

function parseLine(text: string, line: number, start: number, end: number, eol: string): RdpLine {
  // The name, up to the first colon: whether it needs trimming or lower-casing (most names need neither, and
  // then the key is the name itself), and a hash of its characters to find it among the names met before.
  let hash = 0;
  let first = start;
  for (; first < end; first++) {
    const c = text.charCodeAt(first);
    if (c === 58 /* : */) break;
    hash = (Math.imul(hash, 31) + c) | 0;
  }
  // A name met before is plain (only plain names are remembered); any other is looked at character by character.
  const knownSlot = first < end ? rememberedSlot(text, start, first, hash) : -1;
  const known = knownSlot < 0 ? undefined : rememberedName(knownSlot);
  let plainName = known !== undefined;
  if (!plainName) {
    plainName = true;
    for (let i = start; i < first; i++) {
      if (!plainNameChar(text, text.charCodeAt(i), i, start)) {
        plainName = false;
        break;
      }
    }
  }
  if (first === end) {
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9) return { line, kind: 'malformed', span: { start, end }, eol, problem: 'it has no "name:type:value" form' };
    }
    return { line, kind: 'blank', span: { start, end }, eol };
  }
  // The second colon: right after a one-letter type on any readable line.
  let second = first + 2;
  if (second >= end || text.charCodeAt(second) !== 58) {
    second = first + 1;
    while (second < end && text.charCodeAt(second) !== 58) second++;
    if (second === end) return { line, kind: 'malformed', span: { start, end }, eol, problem: 'it has no "name:type:value" form' };
  }
  // A plain name met for the first time is remembered now (its slot was looked at above), with its property: the
  // entry needs no lookup of it later. Its entry still has no slot: a line met for the first time is not clean.
  let rawName: string;
  let property: PropertyInfo | null | undefined;
  if (known !== undefined) {
    rawName = known;
    property = rememberedProperty(knownSlot);
  } else {
    const into = plainName ? rememberName(text, start, first, hash) : -1;
    rawName = into < 0 ? text.slice(start, first) : rememberedName(into);
    property = into < 0 ? undefined : rememberedProperty(into);
  }
  const key = plainName ? rawName : rawName.trim().toLowerCase();
  if (key === '') return { line, kind: 'malformed', span: { start, end }, eol, problem: 'the property name is empty' };
  // The type letter as a constant string: no slice per line.
  const type = second === first + 2 ? typeLetter(text.charCodeAt(first + 1)) : undefined;
  if (type === undefined) {
    return { line, kind: 'malformed', span: { start, end }, eol, problem: 'the type between the colons must be s, i or b' };
  }
  const clean = knownSlot >= 0 && isCleanLine(knownSlot, text.charCodeAt(first + 1), text, second + 1, end);
  return new Entry(line, rawName, key, text, start, end, second, property, knownSlot, clean);
}

/**
 * The clean lines read one by one since the last line that was not one (or a run), to be remembered as a run
 * (names.ts) after the name in slot `runAfter`: shared by every parse, each of which runs to its end before the next.
 */
const runEntries: Entry[] = [];
let runAfter = -1;

/** Remembers the clean lines read one by one, if there are two or more, as a run; starts a new one. */
function endRun(text: string): void {
  if (runEntries.length === 0) return;
  if (runEntries.length > 1) rememberRunAfter(runAfter, text, runEntries);
  runEntries.length = 0;
}

/**
 * Adds the lines of a run found at `start` (line number `line`) but its last one to `lines` (and `split`), and returns
 * the last one's entry: added by the caller, as any line is.
 */
function addRun(run: KnownRun, text: string, start: number, line: number, lines: RdpLine[], split: RdpEntry[] | undefined): Entry {
  const runLines = run.lines;
  const last = runLines.length - 1;
  for (let i = 0; i < last; i++) {
    const r = runLines[i]!;
    const at = start + r.offset;
    const entry = new Entry(line + i, r.name, r.name, text, at, at + r.length, at + r.second, rememberedProperty(r.slot), r.slot, true);
    lines.push(entry);
    split?.push(entry);
  }
  const r = runLines[last]!;
  const at = start + r.offset;
  return new Entry(line + last, r.name, r.name, text, at, at + r.length, at + r.second, rememberedProperty(r.slot), r.slot, true);
}

/**
 * Clean lines read one by one after a remembered name (the name in slot `before`) are remembered as a run, for the next
 * file of the layout: `parsed` is added to the run being read, or ends it.
 */
function addToRun(parsed: RdpLine, before: number, text: string): void {
  if (parsed instanceof Entry && parsed.clean && parsed.slot >= 0 && (runEntries.length > 0 || before >= 0)) {
    if (runEntries.length === 0) runAfter = before;
    runEntries.push(parsed);
    if (runEntries.length === MAX_RUN_LINES) endRun(text);
  } else endRun(text);
}

/** Parses an `.rdp` text. Never throws: lines it cannot read become `malformed` lines. */
export function parseRdp(text: string): RdpDocument {
  const lines: RdpLine[] = [];
  // The entries, once a line is not a property line; until then they are the lines themselves (an entry is its own
  // line): one list, not two, for the usual file.
  let split: RdpEntry[] | undefined;
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  const length = text.length;
  // The next LF and CR at or after `start` (-1: none left), each searched again only once passed.
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  let start = 0;
  let readUpTo: number | undefined;
  // The slot of the previous line's name (FIRST_LINE before the first line; -1 after a line of no remembered name).
  let after = FIRST_LINE;
  const unchecked: RdpEntry[] = [];
  if (runEntries.length > 0) runEntries.length = 0;
  for (let line = 0; ; line++) {
    if (line === MAX_RDP_LINES) {
      // A text of exactly that many lines, its last one ended by a line break, has nothing more to not read.
      if (start < length) readUpTo = start;
      break;
    }
    // The clean lines that followed the previous line's name before, one after another, whole: one comparison for
    // all of them. All but the last are added here; the last is added below, as any line is.
    const run = after < 0 ? undefined : knownRunAt(after, text, start);
    let parsed: RdpLine;
    let end: number;
    let eol: Eol | '';
    if (run !== undefined && line + run.lines.length <= MAX_RDP_LINES) {
      endRun(text);
      const entry = addRun(run, text, start, line, lines, split);
      crlf += run.crlf;
      lf += run.lf;
      cr += run.cr;
      line = entry.line;
      end = entry.end;
      eol = lineBreakAt(text, end);
      parsed = entry;
      after = entry.slot;
    } else {
      const before = after;
      // The clean line that followed the previous line's name before, whole: its end and its parts are known.
      const known = after < 0 ? undefined : knownLineAt(after, text, start);
      if (known !== undefined) {
        end = start + known.text.length;
        eol = lineBreakAt(text, end);
        parsed = new Entry(line, known.name, known.name, text, start, end, start + known.second, rememberedProperty(known.slot), known.slot, true);
        after = known.slot;
      } else {
        if (nextLf >= 0 && nextLf < start) nextLf = text.indexOf('\n', start);
        if (nextCr >= 0 && nextCr < start) nextCr = text.indexOf('\r', start);
        end = nextCr < 0 ? (nextLf < 0 ? length : nextLf) : nextLf < 0 || nextCr < nextLf ? nextCr : nextLf;
        if (end === length && start === end && line > 0) break;
        eol = end === length ? '' : end === nextLf ? '\n' : nextLf === end + 1 ? '\r\n' : '\r';
        parsed = parseLine(text, line, start, end, eol);
        if (parsed instanceof Entry && parsed.slot >= 0) {
          // A clean line is remembered as the one after the line before it, for the next file of the same layout.
          if (parsed.clean && after >= 0) rememberLineAfter(after, parsed.slot, text, start, end, parsed.colon);
          after = parsed.slot;
        } else after = -1;
      }
      addToRun(parsed, before, text);
    }
    lines.push(parsed);
    if (parsed instanceof Entry) {
      split?.push(parsed);
      if (!parsed.clean) unchecked.push(parsed);
    } else split ??= lines.slice(0, line) as Entry[];
    if (eol === '') break;
    if (eol === '\r\n') crlf++;
    else if (eol === '\n') lf++;
    else cr++;
    start = end + eol.length;
  }
  endRun(text);
  // The most frequent line break (CRLF, then LF, then CR on a tie); CRLF when there is none.
  const kinds = (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  const eol: Eol = crlf >= lf && crlf >= cr ? '\r\n' : lf >= cr ? '\n' : '\r';
  const entries = split ?? (lines as Entry[]);
  const doc = { text, lines, entries, byKey: new EntryIndex(entries), eol, mixedEol: kinds > 1, unchecked };
  return readUpTo === undefined ? doc : { ...doc, readUpTo };
}

/** Whether an `.rdp` text carries a signature: any edit to a signed line invalidates it. */
export function isSignedRdp(text: string): boolean {
  return /^[ \t]*signature[ \t]*:/im.test(text);
}

/** The entry a client uses when a name repeats: the last one, as FreeRDP does. */
export function effectiveEntry(doc: RdpDocument, key: string): RdpEntry | undefined {
  // The key index asked directly: one call fewer per lookup, some thirty a file (issue 16).
  const byKey = doc.byKey;
  return byKey instanceof EntryIndex ? byKey.last(key) : lastEntry(byKey, key);
}
