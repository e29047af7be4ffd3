import type { PropertyInfo } from './property-types';
import { findProperty, knownKeyId, knownPropertyKey } from './properties/index';
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
  const length = end - start;
  if (length > MAX_REMEMBERED_NAME) return text.slice(start, end);
  const slot = nameSlot(hash);
  if (remembers(slot, text, start, length)) return rememberedNames[slot]!;
  const other = slot ^ 1;
  if (remembers(other, text, start, length)) return rememberedNames[other]!;
  // A known name is the property table's own string; any other a flat copy (a slice of 13 characters or more
  // would point into, and keep, the whole text).
  const sliced = text.slice(start, end);
  const name = knownPropertyKey(sliced) ?? detached(sliced);
  const into = rememberedNames[slot] === undefined || rememberedNames[other] !== undefined ? slot : other;
  rememberedNames[into] = name;
  rememberedProperties[into] = findProperty(name) ?? null;
  rememberedKeyIds[into] = knownKeyId(name);
  cleanValues[into] = undefined;
  return name;
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

/**
 * The line remembered after the name in slot `after` (or `FIRST_LINE`), when the text at `start` is that line whole:
 * the same characters, then a line break or the end of the text, and its name still in its slot.
 */
export function knownLineAt(after: number, text: string, start: number): KnownLine | undefined {
  const known = nextLines[after];
  if (known === undefined) return undefined;
  const end = start + known.text.length;
  if (end > text.length) return undefined;
  if (end < text.length) {
    const c = text.charCodeAt(end);
    if (c !== 10 && c !== 13) return undefined;
  }
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
