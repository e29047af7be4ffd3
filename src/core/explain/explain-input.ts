import { findGivenCodes, type GivenErrorCode } from '../knowledge/find-error-codes';
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

/** The "Error code" of a pair: labelled so ("Error code: 0x4", "Reason= 263"), or unlabelled and a disconnect code (or none known). */
function isMainCode(c: GivenErrorCode): boolean {
  return c.label === 'disconnect' || (c.label === undefined && (c.entry === undefined || c.entry.family === 'disconnect'));
}

/** The extended code of a pair: labelled so, or right after a disconnect code, or unlabelled and read in a shared family. */
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

/**
 * The codes a pasted line names ("Error code: 0x904", "error code 0x3 extended error 0x11"), explained as the same codes
 * typed: one code, or an error code and its extended code. Codes that make no pair are refused rather than explained
 * with one dropped, and so is a number marked as a code that no table knows; a line without a code gives nothing.
 */
function explainPasted(text: string): Explanation | { error: string } | undefined {
  const codes = findGivenCodes(text);
  if (codes.length === 0) return undefined;
  if (codes.length === 1) return explainGiven(codes[0]!);
  const main = codes.find(isMainCode);
  const extended = codes.find((c) => c !== main && isExtendedCode(c));
  if (codes.length > 2 || main === undefined || extended === undefined) {
    return { error: `The text given names ${codes.length} codes, not one error code and its extended error code; explain each on its own.` };
  }
  return explain(main.text, extended.text);
}

/**
 * What a person types for the explainer: `0x904`, `0x904 0x7`, `0x904, 0x7`, `0x904/0x7`, a family and a code
 * (`errinfo 0x10C9`, `extended:0x7`, `logon -2`), or a line pasted from the dialog (`Error code: 0x904`).
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
  // a pasted line, the first code alone would be explained and the mistyped one dropped without a word.
  const mistyped = words.length === 2 && parseErrorCode(words[0]!) !== undefined && isProse(words[1]!) && /[0-9_]/.test(words[1]!);
  if (!('error' in typed) || !words.some(isProse) || mistyped) return typed;
  // Nothing of a pasted line is repeated but the codes it names: it may be a command line with a password (session 17).
  return explainPasted(text) ?? (words.length > 2 ? { error: notACode(text, 'error code') } : typed);
}
