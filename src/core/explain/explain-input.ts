import { findGivenCodes, isMainCode, type GivenErrorCode } from '../knowledge/find-error-codes';
import { xmlContents } from '../knowledge/non-code-labels';
import { numbersIn, numbersToCount, outside, type TextSpan } from '../knowledge/text-numbers';
import { andList } from '../text/short-list';
import {
  explain,
  explainAsLabelled,
  explainInFamily,
  FAMILY_NOUNS,
  FAMILY_WORDS,
  lookupErrorName,
  notACode,
  parseErrorCode,
  type Explanation,
} from '../knowledge/error-codes/index';

/** A word that is neither a code, a name nor a family: the text is a line pasted from a dialog or a log, not typed codes. */
function isProse(word: string): boolean {
  return parseErrorCode(word) === undefined && FAMILY_WORDS[word.toLowerCase()] === undefined && lookupErrorName(word).length === 0;
}

/** The extended code of a pair: labelled so, or right after an error code, or unlabelled and read in a shared family. */
function isExtendedCode(c: GivenErrorCode): boolean {
  const family = c.label ?? c.entry?.family;
  return family === 'extended' || family === 'errinfo';
}

/** One code, read as typed alone: an "Error code" as `explain CODE` reads it, another label in its family. */
function explainGiven(c: GivenErrorCode): Explanation | { error: string } {
  if (c.label === undefined || c.label === 'disconnect') return explain(c.text);
  const inLabel = explainInFamily(c.label, c.text);
  // Extended and ERRINFO codes share their numbers, and FreeRDP logs ERRINFO as 0x0001xxxx: the entry found says where.
  return 'error' in inLabel && c.entry ? explainAsLabelled(c.label, c.entry.family, c.text) : inLabel;
}

/** 1st, 2nd, 3rd, 4th, 11th, 22nd. */
function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The value of a number as written, its signed and unsigned forms alike (-1 is 0xFFFFFFFF). */
function valueOf(text: string): number | undefined {
  return parseErrorCode(text) === undefined ? undefined : parseErrorCode(text)! >>> 0;
}

/**
 * The numbers of an event's XML that give again a code read from the text: "(Reason= 263)" and `<Data Name="Value">263
 * </Data>` are one code, written twice by Event Viewer's "Copy Details as Text", not two.
 */
function repeatedInXml(text: string, codes: readonly GivenErrorCode[]): TextSpan[] {
  const values = new Set(codes.map((c) => valueOf(c.text)));
  return xmlContents(text).filter((n) => {
    const value = valueOf(text.slice(n.start, n.end));
    return value !== undefined && values.has(value);
  });
}

/**
 * The refusal for a text with numbers that were not read as codes, or undefined when every number was: a code given is
 * explained or refused, never dropped. The numbers are named by their place, not repeated: the text may hold a password.
 */
function unreadNumbers(text: string, codes: readonly GivenErrorCode[]): string | undefined {
  const unread = outside(outside(numbersIn(text, codes), codes), repeatedInXml(text, codes));
  if (unread.length === 0) return undefined;
  // Counted among every number a reader sees, "Session 2" and "Windows 11" too, not only those that could be codes.
  const counted: TextSpan[] = [...codes, ...outside(numbersToCount(text, codes), codes)].sort((a, b) => a.start - b.start);
  const which = unread.map((n) => ordinal(counted.findIndex((c) => c.start === n.start) + 1));
  const one = unread.length === 1;
  return (
    `The ${andList(which)} ${one ? 'number' : 'numbers'} of the text given, counting from the left, ${one ? 'is' : 'are'} not read as ${one ? 'a code' : 'codes'} ` +
    `(the text itself is not repeated: it may hold a password); ${andList(codes.map((c) => c.text))} ${codes.length === 1 ? 'is' : 'are'}. ` +
    'A number is read as a code after a label ("Error code", "Extended error code", "ext") or after an error code and a separator ("0x904 - 0x7", "0x904 and 0x7", "0x904 (0x7)"); ' +
    'type the error code, optionally followed by the extended error code (0x904 0x7).'
  );
}

/**
 * The codes a pasted line names ("Error code: 0x904", "error code 0x3 extended error 0x11", "0x904 ext 7"), explained
 * as the same codes typed: one code, or an error code and its extended code. A line with a number not read as a code
 * is refused, as are codes that make no pair and a number marked as a code that no table knows, rather than explained
 * with one dropped; a line without a code gives nothing.
 */
function explainPasted(text: string): Explanation | { error: string } | undefined {
  const codes = findGivenCodes(text);
  if (codes.length === 0) return undefined;
  const unread = unreadNumbers(text, codes);
  if (unread !== undefined) return { error: unread };
  if (codes.length === 1) return explainGiven(codes[0]!);
  const main = codes.find(isMainCode);
  const extended = codes.find((c) => c !== main && isExtendedCode(c));
  if (codes.length > 2 || main === undefined || extended === undefined) {
    return { error: `The text given names ${codes.length} codes, not one error code and its extended error code; explain each on its own.` };
  }
  // With no label for either, the first code is the error code, as typed: "7 - 0x904" is read as `explain 7 0x904`.
  if (main.label === undefined && extended.label === undefined && extended.start < main.start) return explain(extended.text, main.text);
  return explain(main.text, extended.text);
}

/**
 * What a person types for the explainer: `0x904`, `0x904 0x7`, `0x904, 0x7`, `0x904/0x7`, `0x904 ext 7`, `2308 - 7`, a
 * family and a code (`errinfo 0x10C9`, `extended:0x7`, `logon -2`), or a line pasted from the dialog (`Error code: 0x904`).
 * Every number in it is explained, or the whole is refused.
 */
export function explainInput(text: string): Explanation | { error: string } {
  // Brackets separate too: "0x904 (0x7)" is how some write the pair.
  const words = text.trim().split(/[\s,;/:()[\]]+/).filter(Boolean);
  if (words.length === 0) return { error: 'Type an error code.' };
  const family = FAMILY_WORDS[words[0]!.toLowerCase()];
  const typed =
    family ? (words.length === 2 ? explainInFamily(family, words[1]!) : { error: `Type one ${FAMILY_NOUNS[family]} after "${words[0]}".` })
    : words.length <= 2 ? explain(words[0]!, words[1])
    : { error: 'Type an error code, optionally followed by the extended error code.' };
  // Two words of which one is a mistyped code (`0x904 0x7g`, `0x904 ERRINFO_LOGOF_BY_USER`) keep the typed error: read as
  // a pasted line, the first code alone would be explained and the mistyped one dropped without a word. A second word
  // that is a label and a code (`0x904 ext=7`) is no mistyped code: the pasted line reads both.
  const mistyped =
    words.length === 2 && parseErrorCode(words[0]!) !== undefined && isProse(words[1]!) && /[0-9_]/.test(words[1]!) && findGivenCodes(text).length < 2;
  // A family's name after the first word is a label, as in a pasted line: "0x904 extended 7" is the pair.
  const labelled = words.slice(1).some((w) => FAMILY_WORDS[w.toLowerCase()] !== undefined);
  if (!('error' in typed) || !(labelled || words.some(isProse)) || mistyped) return typed;
  // Nothing of a pasted line is repeated but the codes it names: it may be a command line with a password (session 17).
  return explainPasted(text) ?? (words.length > 2 ? { error: notACode(text, 'error code') } : typed);
}
