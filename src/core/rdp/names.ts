import type { PropertyInfo } from './property-types';
import { knownKeyId, knownKeyName, knownKeyProperty } from './properties/index';
import { detached } from '../text/detach';

// The names the parser met before (rdp/parse.ts), shared by every text it parses.

/** Names longer than this are sliced per line, never remembered. */
const MAX_REMEMBERED_NAME = 64;
const NAME_SLOTS = 1024;
/**
 * Names met before, by a hash of their characters: a name seen again (in this file or an earlier one) is the
 * same string rather than a new slice per line, so nothing is allocated for it and its hash, cached in the
 * string, makes every later map lookup by key cheap (issue 16). Each is a copy, never a slice that would keep
 * a whole file's text alive.
 */
const rememberedNames: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS).fill(undefined);
/** The property each remembered name names (null: none), so an entry of a remembered name needs no lookup of it. */
const rememberedProperties: (PropertyInfo | null)[] = new Array<PropertyInfo | null>(NAME_SLOTS).fill(null);
/** Each remembered name's number in the property table (`knownKeyId`; -1: none), so a file's key index needs no lookup either. */
const rememberedKeyIds: number[] = new Array<number>(NAME_SLOTS).fill(-1);

/** Whether the remembered name in `slot` is the one at `start` (of `length` characters). */
function remembers(slot: number, text: string, start: number, length: number): boolean {
  const known = rememberedNames[slot];
  return known !== undefined && known.length === length && text.startsWith(known, start);
}

/** The slot of the remembered name at `start` (ending at `end`; `hash` is of its characters), or -1. */
export function rememberedSlot(text: string, start: number, end: number, hash: number): number {
  const length = end - start;
  if (length > MAX_REMEMBERED_NAME) return -1;
  const slot = nameSlot(hash);
  if (remembers(slot, text, start, length)) return slot;
  if (remembers(slot ^ 1, text, start, length)) return slot ^ 1;
  return -1;
}

function nameSlot(hash: number): number {
  const mixed = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  return (mixed ^ (mixed >>> 16)) & (NAME_SLOTS - 1);
}

/**
 * `text.slice(start, end)`, or the same name remembered from an earlier line; `hash` is of its characters.
 * Each name has two slots to sit in (`slot` and its neighbour), so two names whose hashes meet both stay.
 */
export function nameAt(text: string, start: number, end: number, hash: number): string {
  if (end - start > MAX_REMEMBERED_NAME) return text.slice(start, end);
  const found = rememberedSlot(text, start, end, hash);
  return rememberedNames[found >= 0 ? found : rememberName(text, start, end, hash)]!;
}

/**
 * Remembers the plain name (trimmed, lower case as written) from `start` to `end`, which `rememberedSlot` found in
 * neither of its slots (the parser has just asked: it is not asked again), and returns its slot; -1, and nothing
 * remembered, for a name longer than `MAX_REMEMBERED_NAME`. One lookup in the property table gives the table's own
 * string, the property and its number: a file of 176,000 distinct unknown names made four (and two lower-cased copies)
 * per line.
 */
export function rememberName(text: string, start: number, end: number, hash: number): number {
  if (end - start > MAX_REMEMBERED_NAME) return -1;
  const slot = nameSlot(hash);
  const other = slot ^ 1;
  const sliced = text.slice(start, end);
  const id = knownKeyId(sliced);
  // A known name is the property table's own string; any other a flat copy: a slice of 13 characters or more points
  // into, and keeps, the whole text; a shorter one is a copy already (V8's SlicedString::kMinLength, src/objects/string.h).
  const name = id >= 0 ? knownKeyName(id) : sliced.length < 13 ? sliced : detached(sliced);
  const into = rememberedNames[slot] === undefined || rememberedNames[other] !== undefined ? slot : other;
  rememberedNames[into] = name;
  rememberedProperties[into] = id >= 0 ? knownKeyProperty(id) : null;
  rememberedKeyIds[into] = id;
  cleanValues[into] = undefined;
  return into;
}

/** The name remembered in `slot` (a slot `rememberedSlot` found). */
export function rememberedName(slot: number): string {
  return rememberedNames[slot]!;
}

/** `knownKeyId(key)`, read from `slot` while the name remembered there is still `key` (a slot may take another name). */
export function slotKeyId(slot: number, key: string): number {
  return slot >= 0 && rememberedNames[slot] === key ? rememberedKeyIds[slot]! : knownKeyId(key);
}

/** The property the name remembered in `slot` names (null: none). */
export function rememberedProperty(slot: number): PropertyInfo | null {
  return rememberedProperties[slot]!;
}

/** Values longer than this are never remembered as clean (an address or a path is short; a blob is not). */
const MAX_CLEAN_VALUE = 128;
/**
 * The last line of each remembered name, by its type letter and value, that the per-entry rules found nothing wrong
 * with (rules/engine.ts): the same line again, in this file or a later one, needs no rule run. The per-entry rules
 * read only an entry's own name, type letter and value, so their verdict on that line is the same wherever it
 * is (issue 16: most lines of a folder of files are the same lines).
 */
const cleanValues: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS).fill(undefined);
const cleanTypes: number[] = new Array<number>(NAME_SLOTS).fill(0);

/** Whether the name in `slot`, with the type letter `type` (its character code) and the value from `start` to `end`, is a line the per-entry rules found clean. */
export function isCleanLine(slot: number, type: number, text: string, start: number, end: number): boolean {
  const value = cleanValues[slot];
  return value !== undefined && cleanTypes[slot] === type && value.length === end - start && text.startsWith(value, start);
}

/** Remembers a line the per-entry rules found clean: `name` in `slot` (unless the slot has another name by now). */
export function rememberCleanLine(slot: number, name: string, type: number, value: string): void {
  if (rememberedNames[slot] !== name || value.length > MAX_CLEAN_VALUE) return;
  cleanValues[slot] = detached(value);
  cleanTypes[slot] = type;
}

/**
 * A copy of a string in one block of its own characters (V8's sequential string), as `detached` makes none (its
 * result is a slice of a copy): a known line is compared with a slice of every later text of the layout, and two
 * sequential strings compare in a builtin where a slice goes through the runtime (a 10,000-file lint compares
 * 470,000 lines; ~20% of that time). JSON's round trip makes a new flat string of any string (~0.6 µs a line).
 */
function sequential(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Where the lines that follow no remembered name (a file's first line) are remembered, after the names' slots. */
export const FIRST_LINE = NAME_SLOTS;

/**
 * A line met before, whole, that the per-entry rules found clean (and so find clean wherever it is again: they read
 * only the line): its text, its name's slot, and where its second colon sits in it.
 */
export interface KnownLine {
  readonly text: string;
  readonly slot: number;
  readonly name: string;
  /** The second colon's offset in the line. */
  readonly second: number;
  /** Whether `text` is a sequential string yet (`sequential`): made so the first time the line is met again. */
  readonly flat: boolean;
}

/**
 * The clean line that last followed a line of each remembered name (and a file's first line, at `FIRST_LINE`): files
 * a tool writes list their properties in one order, so the line after "screen mode id:i:2" is, file after file, the
 * same line again. One comparison of the whole line then replaces looking for its line break, hashing its name and
 * comparing its name and value (issue 16). Bounded: one line per slot.
 */
const nextLines: (KnownLine | undefined)[] = new Array<KnownLine | undefined>(NAME_SLOTS + 1).fill(undefined);

/** Whether a line of `text` can end at `end`: the end of the text, or a line break there. */
function lineEndsAt(text: string, end: number): boolean {
  if (end === text.length) return true;
  if (end > text.length) return false;
  const c = text.charCodeAt(end);
  return c === 10 || c === 13;
}

/**
 * The line remembered after the name in slot `after` (or `FIRST_LINE`), when the text at `start` is that line whole:
 * the same characters, then a line break or the end of the text, and its name still in its slot.
 */
export function knownLineAt(after: number, text: string, start: number): KnownLine | undefined {
  const known = nextLines[after];
  if (known === undefined) return undefined;
  const end = start + known.text.length;
  if (!lineEndsAt(text, end)) return undefined;
  // Compared as a slice: string equality compares the characters in one block, ~30% faster here than startsWith.
  if (rememberedNames[known.slot] !== known.name || text.slice(start, end) !== known.text) return undefined;
  // Met again: worth a sequential copy. A line met once (the one after a line of a different address in every file)
  // is never copied twice.
  return known.flat ? known : (nextLines[after] = { ...known, text: sequential(known.text), flat: true });
}

/**
 * Remembers the clean line from `start` to `end` (its name in `slot`, its second colon at `second`) as the one after
 * the name in slot `after` (or `FIRST_LINE`).
 */
export function rememberLineAfter(after: number, slot: number, text: string, start: number, end: number, second: number): void {
  // At most 195 characters: a remembered name (64), its type and colons, a remembered clean value (128).
  nextLines[after] = { text: detached(text.slice(start, end)), slot, name: rememberedNames[slot]!, second: second - start, flat: false };
}

/** A line of a `KnownRun`: where it starts in the run's text, its length, its name's slot and its second colon. */
interface RunLine {
  readonly offset: number;
  readonly length: number;
  readonly slot: number;
  readonly name: string;
  /** The second colon's offset in the line. */
  readonly second: number;
}

/**
 * Clean lines met one after another in an earlier text (each as a `KnownLine` is), with the line breaks between
 * them: the text of the run, without the last line's break, and how many breaks of each kind it holds.
 */
export interface KnownRun {
  readonly text: string;
  readonly lines: readonly RunLine[];
  readonly crlf: number;
  readonly lf: number;
  readonly cr: number;
}

/** The longest run remembered: a file of clean lines is remembered in runs of at most this many lines. */
export const MAX_RUN_LINES = 256;

/**
 * The run of clean lines that last followed a line of each remembered name (and a file's first line, at
 * `FIRST_LINE`). The lines between two lines that differ from file to file (a host, a user name) are, in files a
 * tool writes, the same lines in the same order: one comparison of the run's text then replaces one per line
 * (issue 16). Bounded: one run per slot, of at most `MAX_RUN_LINES` lines, `MAX_RUN_CHARS` characters in all.
 */
const nextRuns: (KnownRun | undefined)[] = new Array<KnownRun | undefined>(NAME_SLOTS + 1).fill(undefined);

/**
 * At most this many characters in all runs together (about 1 MB with their lines' records): past it, every run is
 * forgotten and remembered anew. The editor's extension host keeps them as long as it runs.
 */
export const MAX_RUN_CHARS = 256 * 1024;
let runChars = 0;

/** How many characters the runs hold now (the tests check the bound). */
export function runMemoryChars(): number {
  return runChars;
}

/**
 * The run remembered after the name in slot `after` (or `FIRST_LINE`), when the text at `start` holds it whole: the
 * same characters (so the same lines and line breaks), then a line break or the end of the text, and each of its
 * names still in its slot.
 */
export function knownRunAt(after: number, text: string, start: number): KnownRun | undefined {
  const run = nextRuns[after];
  if (run === undefined) return undefined;
  const end = start + run.text.length;
  if (!lineEndsAt(text, end)) return undefined;
  const lines = run.lines;
  for (let i = 0; i < lines.length; i++) if (rememberedNames[lines[i]!.slot] !== lines[i]!.name) return undefined;
  // Compared as a slice, as a known line is (knownLineAt): startsWith was ten times slower on 1,200 characters.
  return text.slice(start, end) === run.text ? run : undefined;
}

/** What a run remembers of each of its lines (an `Entry` of rdp/entry.ts). */
export interface RunEntry {
  readonly start: number;
  readonly end: number;
  /** The second colon. */
  readonly colon: number;
  readonly slot: number;
  /** The name as written: a clean line's remembered name. */
  readonly rawName: string;
}

/**
 * Remembers `entries`, clean lines of `text` one after another, as the run after the name in slot `after` (or
 * `FIRST_LINE`). Each line keeps its own name: a slot taken over since (by the line that ended the run, or by a later
 * text) makes `knownRunAt` pass the run over.
 */
export function rememberRunAfter(after: number, text: string, entries: readonly RunEntry[]): void {
  const count = entries.length;
  const from = entries[0]!.start;
  const lines: RunLine[] = [];
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < count; i++) {
    const e = entries[i]!;
    lines.push({ offset: e.start - from, length: e.end - e.start, slot: e.slot, name: e.rawName, second: e.colon - e.start });
    if (i === count - 1) break;
    // The line break between this line and the next: CRLF, LF or CR.
    if (entries[i + 1]!.start - e.end === 2) crlf++;
    else if (text.charCodeAt(e.end) === 10) lf++;
    else cr++;
  }
  const runText = sequential(text.slice(from, entries[count - 1]!.end));
  runChars -= nextRuns[after]?.text.length ?? 0;
  if (runChars + runText.length > MAX_RUN_CHARS) {
    nextRuns.fill(undefined);
    runChars = 0;
  }
  runChars += runText.length;
  nextRuns[after] = { text: runText, lines, crlf, lf, cr };
}
