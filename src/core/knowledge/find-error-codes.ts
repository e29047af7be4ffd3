// Error codes in a line of text, left to right: in free text (a log, a note) the codes a table knows; in a text given
// to the explainer, every number it marks as a code, known or not.
import type { ErrorCodeFamily, ErrorCodeInfo } from './error-code-types';
import { parseErrorCode } from './error-codes/index';
import { CLIENT_CODE_WORD, CONTEXT_RE, CONTEXTS, EIGHT_HEX_DIGITS, GIVEN_CONTEXT_RE, GIVEN_CONTEXTS, GIVEN_NUMBER_RE, GIVEN_PAIR_GAP, HEX_LITERAL_RE, PAIR_GAP } from './code-patterns';
import { found, negativeCode } from './code-reading';
import { namedBeside, outside, spansOf, structuresBeside } from './text-numbers';

/** A known error code in a line of free text. */
export interface FoundErrorCode {
  /** The number as written (`0x904`, `2308`, `A06`). */
  readonly text: string;
  readonly value: number;
  /** Columns of the number in the line, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The family the context points to ("Extended error code" → `extended`), or the first known one. */
  readonly family: ErrorCodeFamily;
  /**
   * The family the words before the number name, when they name one: "Error code" names `disconnect` even when the
   * number is no OnDisconnected code (0x107, read in the family that has it), which is then said, not hidden.
   */
  readonly label?: ErrorCodeFamily;
  readonly entry: ErrorCodeInfo;
}

/** A number a text given to the explainer marks as a code, whether a table knows it or not. */
export interface GivenErrorCode {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** As `FoundErrorCode.label`; `extended` for a number right after an error code ("0x904 (0x7)", "2308 - 7"). */
  readonly label?: ErrorCodeFamily;
  /** The entry found for it, absent when no table knows the number in a family it can be read in. */
  readonly entry?: ErrorCodeInfo;
}

/** What a scan has so far: the codes found, and (given to the explainer) the numbers marked as codes that no table knows. */
interface Scanned {
  readonly found: FoundErrorCode[];
  readonly unknown: GivenErrorCode[];
}

/**
 * Whether a code is the "Error code" of a pair: labelled so ("Error code: 0x4", "Reason= 263"), or unlabelled and a
 * disconnect code or none known.
 */
export function isMainCode(c: Pick<GivenErrorCode, 'label' | 'entry'>): boolean {
  return c.label === 'disconnect' || (c.label === undefined && (c.entry === undefined || c.entry.family === 'disconnect'));
}

/** Records a number marked as a code that no table knows, when the text was given to the explainer. */
function addUnknown(scanned: Scanned, given: boolean, text: string, start: number, label: ErrorCodeFamily | undefined): GivenErrorCode | undefined {
  const value = parseErrorCode(text);
  if (!given || value === undefined || (value < 0 && !negativeCode(value, label))) return undefined;
  const code = { text, start, end: start + text.length, ...(label && { label }) };
  scanned.unknown.push(code);
  return code;
}

function taken(scanned: Scanned, start: number, end: number): boolean {
  return [...scanned.found, ...scanned.unknown].some((r) => start < r.end && r.start < end);
}

/** Numbers after a word that says they are codes; returns where each label for an extended code starts. */
function scanLabelled(line: string, given: boolean, scanned: Scanned): number[] {
  const contexts = given ? GIVEN_CONTEXTS : CONTEXTS;
  const extendedLabels: number[] = [];
  for (const m of line.matchAll(given ? GIVEN_CONTEXT_RE : CONTEXT_RE)) {
    const groups = m.groups!;
    const index = contexts.findIndex((_, i) => groups[`c${i}`] !== undefined);
    const num = groups.num!;
    const start = m.index + m[0].length - num.length;
    const family = contexts[index]?.family;
    if (family === 'extended') extendedLabels.push(m.index);
    const hit = found(num, start, { family, clientCode: CLIENT_CODE_WORD.test(groups[`c${index}`]!) && EIGHT_HEX_DIGITS.test(num), given });
    if (hit) scanned.found.push(hit);
    else addUnknown(scanned, given, num, start, family);
  }
  return extendedLabels;
}

/** Free text: a hex literal of a known code, and one right after a disconnect code as its extended code ("0x904 0x7"). */
function scanLiterals(line: string, scanned: Scanned): void {
  const literals = [...line.matchAll(HEX_LITERAL_RE)].filter((m) => !taken(scanned, m.index, m.index + m[0].length));
  for (const m of literals) {
    const before = scanned.found.filter((r) => r.end <= m.index).sort((a, b) => b.end - a.end)[0];
    const follows = before?.family === 'disconnect' && PAIR_GAP.test(line.slice(before.end, m.index));
    const hit = found(m[0], m.index, { family: follows ? 'extended' : undefined });
    if (hit) scanned.found.push(hit);
  }
}

/**
 * Given to the explainer, every number the text marks as a code counts, whatever its size or form, known or not: the
 * first thing typed ("2308 ext 7"), one right after an error code across a separator ("0x904 - 7", "0x3 and 0x107",
 * read as its extended code), one right before a label for an extended code ("2308 ext 7"), and a hex literal in a
 * text that names a code ("Error code: 0x904 0x7 0x8" is three codes, refused as three typed ones are, a review of
 * session 19). A number a label names as no code never counts ("Session 2", "thread 0x1c", "Windows 11"); others are
 * left for the explainer to refuse (`numbersIn`).
 */
function scanGivenNumbers(line: string, extendedLabels: readonly number[], scanned: Scanned): void {
  const labelled: (FoundErrorCode | GivenErrorCode)[] = [...scanned.found, ...scanned.unknown].sort((a, b) => a.start - b.start);
  const candidates = outside(outside(spansOf(line, GIVEN_NUMBER_RE), structuresBeside(line, labelled)), namedBeside(line, labelled));
  const numbers = outside(candidates, labelled);
  const firstAt = line.search(/[^\s([]/);
  // Walked left to right with the numbers: the labelled codes ended before each, the code read last, the next label.
  let ended = 0;
  let label = 0;
  let last: FoundErrorCode | GivenErrorCode | undefined;
  for (const { text, start, end } of numbers) {
    while (ended < labelled.length && labelled[ended]!.end <= start) ended++;
    const before = [labelled[ended - 1], last].filter((c) => c !== undefined).sort((a, b) => b.end - a.end)[0];
    while (label < extendedLabels.length && extendedLabels[label]! < end) label++;
    const follows = before !== undefined && isMainCode(before) && GIVEN_PAIR_GAP.test(line.slice(before.end, start));
    const precedes = label < extendedLabels.length && GIVEN_PAIR_GAP.test(line.slice(end, extendedLabels[label]));
    const literal = /^0x/i.test(text);
    const family = follows ? 'extended' : undefined;
    const counts = follows || start === firstAt || precedes || (literal && (labelled.length > 0 || last !== undefined));
    // A hex literal that does not count is still read as free text reads it: 0x904 anywhere is a code.
    const hit = found(text, start, { family, given: counts });
    if (hit && (counts || literal)) scanned.found.push((last = hit));
    else if (counts) last = addUnknown(scanned, true, text, start, family) ?? last;
  }
}

/**
 * The codes of a line, and (`given`) the numbers it marks as codes that no table knows: after a word that says a
 * number is a code, or (free text) right after a disconnect code; given to the explainer, as `scanGivenNumbers` says.
 */
function scan(line: string, given: boolean): Scanned {
  const scanned: Scanned = { found: [], unknown: [] };
  const extendedLabels = scanLabelled(line, given, scanned);
  if (given) scanGivenNumbers(line, extendedLabels, scanned);
  else scanLiterals(line, scanned);
  return { found: scanned.found.sort((a, b) => a.start - b.start), unknown: scanned.unknown };
}

/**
 * Known Remote Desktop error codes in one line of a log, a note or a Markdown file, left to right.
 * A number counts when a word before it says it is a code ("Error code: 0x904", "Reason= 2308",
 * "ErrorInfo 0x10C9"), or when it is a hex literal of a known code. A hex literal right after a
 * disconnect code is read as the extended code ("0x904 0x7").
 */
export function findErrorCodes(line: string): FoundErrorCode[] {
  return scan(line, false).found;
}

/**
 * The codes in a text given to the explainer (a line pasted from the dialog or a log), left to right. Unlike free text,
 * a number after "Error code" counts whatever its size ("Error code: 0x4", an extended code), and a number marked as a
 * code that no table knows is kept without an entry: the person gave it, so it is explained or refused, never dropped.
 */
export function findGivenCodes(text: string): GivenErrorCode[] {
  const { found: known, unknown } = scan(text, true);
  const codes: GivenErrorCode[] = [...known.map(({ text: t, start, end, label, entry }) => ({ text: t, start, end, ...(label && { label }), entry })), ...unknown];
  return codes.sort((a, b) => a.start - b.start);
}
