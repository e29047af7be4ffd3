import { findErrorCodes } from '../knowledge/find-error-codes';
import {
  explain,
  explainInFamily,
  FAMILY_NOUNS,
  FAMILY_WORDS,
  lookupErrorName,
  notACode,
  parseErrorCode,
  type Explanation,
} from '../knowledge/error-codes/index';
import { explainAt } from './explanation-hover';

/** A word that is neither a code, a name nor a family: the text is a line pasted from a dialog or a log, not typed codes. */
function isProse(word: string): boolean {
  return parseErrorCode(word) === undefined && FAMILY_WORDS[word.toLowerCase()] === undefined && lookupErrorName(word).length === 0;
}

/**
 * The codes a pasted line names, read as the error-code hover reads them ("Error code: 0x904", "error code 0x3
 * extended error 0x11"): one code, or a disconnect code and its extended code. Codes that make no pair are refused
 * rather than explained with one dropped; a line without a known code gives nothing.
 */
function explainPasted(text: string): Explanation | { error: string } | undefined {
  const found = findErrorCodes(text);
  if (found.length === 0) return undefined;
  const hover = found.length <= 2 ? explainAt(found, (found.find((f) => f.family === 'disconnect') ?? found[0]!).start) : undefined;
  if (hover === undefined || (found.length === 2 && hover.explanation.extended === null)) {
    return { error: `The text given names ${found.length} codes, not one error code and its extended error code; explain each on its own.` };
  }
  return hover.explanation;
}

/**
 * What a person types for the explainer: `0x904`, `0x904 0x7`, `0x904, 0x7`, `0x904/0x7`, a family and a code
 * (`errinfo 0x10C9`, `extended:0x7`, `logon -2`), or a line pasted from the dialog (`Error code: 0x904`).
 */
export function explainInput(text: string): Explanation | { error: string } {
  const words = text.trim().split(/[\s,/:]+/).filter(Boolean);
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
