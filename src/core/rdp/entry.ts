import type { Eol, Span } from '../text/line-index';
import { rememberCleanLine, slotKeyId } from './names';
import { findProperty } from './properties/index';
import type { PropertyInfo } from './property-types';
import type { RdpEntry, RdpLine } from './parse';

// A property line as the parser makes it (parse.ts), and what reads it without making its parts.

export function typeLetter(c: number): string | undefined {
  return c === 115 ? 's' : c === 105 ? 'i' : c === 98 ? 'b' : undefined;
}

/**
 * An entry whose name, type and value spans are made when asked for: most entries are never asked, and a file
 * of 50 lines is 150 objects fewer to allocate (issue 16). It is also its own line (`kind` 'property', `entry`
 * itself): one object a property line, not two. It holds only what cannot be read again from the text: the type
 * letter (just before `colon`), the line break (just after `end`) and where the name starts and ends are read
 * back when asked. It also holds its name's slot and whether its line was clean (names.ts): 12 fields.
 *
 * Every field is declared with `declare` and set once, in the constructor, in one order: a class field (or a
 * `#private` one) would make V8 define each field in a separate initializer before the constructor sets it again,
 * twice the work for each of the ~50 entries of every file, most of them run before V8 has optimized anything.
 */
export class Entry implements RdpEntry, RdpLine {
  declare readonly line: number;
  /** The name as written (the key itself when that is the text: most names need no trimming or lower-casing). */
  declare readonly rawName: string;
  declare readonly key: string;
  /** Where the line starts and ends (without its line break). */
  declare readonly start: number;
  declare readonly end: number;
  /** The colon after the type letter (the second colon); the name ends two characters before it. */
  declare readonly colon: number;
  /** The slot of its remembered name (names.ts), or -1. */
  declare readonly slot: number;
  /** Whether the per-entry rules found this very line (name, type letter, value) clean before (names.ts). */
  declare readonly clean: boolean;
  /** The document's text: the value is sliced from it when asked for (most values never are: issue 16). */
  declare private readonly source: string;
  /** The value, once asked for. */
  declare private sliced: string | undefined;
  /** The property the key names (null: none): known at parse time for a name met before, else looked up once. */
  declare private property: PropertyInfo | null | undefined;
  /** The line's span, made the first time it is asked for (most lines are only asked where they start). */
  declare private madeSpan: Span | undefined;

  constructor(line: number, rawName: string, key: string, text: string, start: number, end: number, colon: number, property: PropertyInfo | null | undefined, slot: number, clean: boolean) {
    this.line = line;
    this.rawName = rawName;
    this.key = key;
    this.start = start;
    this.end = end;
    this.colon = colon;
    this.slot = slot;
    this.clean = clean;
    this.source = text;
    this.sliced = undefined;
    this.property = property;
    this.madeSpan = undefined;
  }

  get kind(): 'property' {
    return 'property';
  }

  get type(): string {
    return typeLetter(this.source.charCodeAt(this.colon - 1))!;
  }

  get eol(): string {
    return lineBreakAt(this.source, this.end);
  }

  get value(): string {
    return (this.sliced ??= this.source.slice(this.colon + 1, this.end));
  }

  /** The value as a plain decimal number, read in place (see `plainDecimal`). */
  plainDecimalValue(): number {
    return this.sliced === undefined ? plainDecimal(this.source, this.colon + 1, this.end) : plainDecimal(this.sliced, 0, this.sliced.length);
  }

  propertyInfo(): PropertyInfo | undefined {
    if (this.property === undefined) this.property = findProperty(this.key) ?? null;
    return this.property ?? undefined;
  }

  /**
   * The key's number in the property table (`knownKeyId`), or -1: a key whose property is known to be none (a name
   * the parser remembered for the first time, not in the table) needs no lookup.
   */
  keyId(): number {
    return this.property === null ? -1 : slotKeyId(this.slot, this.key);
  }

  get entry(): RdpEntry {
    return this;
  }

  get span(): Span {
    return (this.madeSpan ??= { start: this.start, end: this.end });
  }

  get nameSpan(): Span {
    const raw = this.rawName;
    const start = this.start + (raw.length - raw.trimStart().length);
    return { start, end: this.start + raw.trimEnd().length };
  }

  get typeSpan(): Span {
    return { start: this.colon - 1, end: this.colon };
  }

  get valueSpan(): Span {
    return { start: this.colon + 1, end: this.end };
  }
}

/** The line break that starts at `end`, the end of a line of `text` ('' at the end of the text). */
export function lineBreakAt(text: string, end: number): Eol | '' {
  if (end === text.length) return '';
  const c = text.charCodeAt(end);
  return c === 10 ? '\n' : text.charCodeAt(end + 1) === 10 ? '\r\n' : '\r';
}

/**
 * The characters from `start` to `end` as a number when they are plain decimal as clients write them (1 to 9
 * digits, no leading zero but "0"), else -1.
 */
export function plainDecimal(text: string, start: number, end: number): number {
  const length = end - start;
  if (length <= 0 || length > 9 || (length > 1 && text.charCodeAt(start) === 48)) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** An entry's value as a plain decimal number (`plainDecimal`), read without slicing it when it was never asked for. */
export function plainDecimalValue(entry: RdpEntry): number {
  return entry instanceof Entry ? entry.plainDecimalValue() : plainDecimal(entry.value, 0, entry.value.length);
}

/** The property an entry's key names, looked up once per entry (an entry of a name met before knows it already). */
export function propertyOf(entry: RdpEntry): PropertyInfo | undefined {
  return entry instanceof Entry ? entry.propertyInfo() : findProperty(entry.key);
}

/** Remembers that the per-entry rules, every one of them, found nothing wrong with this entry's line. */
export function rememberClean(entry: RdpEntry): void {
  if (entry instanceof Entry && entry.slot >= 0) rememberCleanLine(entry.slot, entry.key, entry.type.charCodeAt(0), entry.value);
}

/** Where a line starts, without making its span (a property line makes it only when asked). */
export function lineStart(line: RdpLine): number {
  return line instanceof Entry ? line.start : line.span.start;
}

/** Where a line ends, without its line break and without making its span. */
export function lineEnd(line: RdpLine): number {
  return line instanceof Entry ? line.end : line.span.end;
}
