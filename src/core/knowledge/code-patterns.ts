// What marks a number in a line of text as a Remote Desktop error code: the words before it and the family each
// names, the separators and number forms, the gaps between a code and its extended code, and mstsc's "Code:" before
// an HRESULT. Regular expressions only; find-error-codes.ts reads a line with them.
import type { ErrorCodeFamily } from './error-code-types';

/** Words that say the next number is a code, and the family each one points to (undefined: any). */
export const CONTEXTS: readonly { readonly family: ErrorCodeFamily | undefined; readonly words: string }[] = [
  { family: 'extended', words: String.raw`extended\s{1,3}(?:error\s{1,3}code|disconnect\s{1,3}reason(?:\s{1,3}code)?|error|code|reason)|extendeddisconnectreason(?:code)?|exdiscreason|extended` },
  // "Session 2 has been disconnected, reason code 12" (TerminalServices-LocalSessionManager event 40) uses ERRINFO numbers.
  { family: 'errinfo', words: String.raw`errinfo(?:_[a-z0-9_]{1,60})?|error\s?info|reason\s{1,3}codes?` },
  { family: 'neg-failure', words: String.raw`rdp_neg_failure|negotiation\s{1,3}failure(?:\s{1,3}code)?|failure\s?code` },
  { family: 'logon', words: String.raw`onlogonerror|logon\s{1,3}error(?:\s{1,3}code)?|lerror` },
  // FreeRDP's log line for its errors: "ERRCONNECT_CONNECT_TRANSPORT_FAILED [0x0002000D]" (freerdp_set_last_error_ex).
  { family: 'client', words: String.raw`errconnect_[a-z0-9_]{1,60}|freerdp_error_[a-z0-9_]{1,60}` },
  { family: 'disconnect', words: String.raw`disconnect(?:ion)?\s{1,3}reason(?:\s{1,3}code)?|disconnectreason|discreason|error\s{1,3}codes?|errorcodes?|reason(?=\s{0,3}=)` },
  { family: undefined, words: String.raw`reason|errors?|codes?` },
];

/** `:`, `=`, `#`, "is" or "was", and an opening bracket, between the word and the number. */
const SEPARATOR = String.raw`\s{0,3}(?:[:=#]|\bis\b|\bwas\b)?\s{0,3}[([]?\s{0,3}`;
/** Hex with 0x, decimal (signed for logon codes), or bare hex that has both a letter and a digit. */
const NUMBER = String.raw`0x[0-9a-f]{1,8}|-?\d{1,10}|(?=[0-9a-f]{0,7}\d)[0-9a-f]{0,7}[a-f][0-9a-f]{0,7}`;
/** The number ends at a word boundary and is not a version or a decimal fraction. */
const NUMBER_END = String.raw`(?![0-9a-z_]|\.\d)`;

/**
 * Typed for the explainer, "ext" and "ext." label an extended code too ("0x904 ext 7"); in free text they are left alone
 * ("ext 4021", a phone extension).
 */
export const GIVEN_CONTEXTS: typeof CONTEXTS = [{ family: 'extended', words: String.raw`ext\.?` }, ...CONTEXTS];

/** Words that say the next number is a code, then the number; a word ends before a letter or digit, or after "ext.". */
function contextRegExp(contexts: typeof CONTEXTS): RegExp {
  return new RegExp(
    String.raw`(?<![a-z0-9])(?:${contexts.map((c, i) => `(?<c${i}>${c.words})`).join('|')})(?:(?<=\.)|(?![a-z0-9]))${SEPARATOR}(?<num>${NUMBER})${NUMBER_END}`,
    'gi',
  );
}
export const CONTEXT_RE = contextRegExp(CONTEXTS);
export const GIVEN_CONTEXT_RE = contextRegExp(GIVEN_CONTEXTS);
export const HEX_LITERAL_RE = new RegExp(String.raw`(?<![0-9a-z_])0x[0-9a-f]{1,8}${NUMBER_END}`, 'gi');
/** What may stand between "0x904" and the extended code that follows it: "0x904 0x7", "0x904/0x7", "0x904 (0x7)". */
export const PAIR_GAP = /^[\s,;/([]{1,4}$/;
/**
 * Typed for the explainer, the words and signs people put between an error code and its extended code: brackets,
 * `,;/`, dashes and "and" ("0x904 - 7", "2308 and 7", "0x904 — 7", "(0x904) 7").
 */
export const GIVEN_PAIR_GAP = /^[\s,;/()[\]&\u2010-\u2015-]*(?:\band\b[\s,;/()[\]&\u2010-\u2015-]*)?$/i;
/** Any number the explainer may read as a code once the text marks it: hex, decimal or bare hex, unsigned. */
export const GIVEN_NUMBER_RE = new RegExp(String.raw`(?<![0-9a-z_])(?:0x[0-9a-f]{1,8}|\d{1,10}|(?=[0-9a-f]{0,7}\d)[0-9a-f]{0,7}[a-f][0-9a-f]{0,7})${NUMBER_END}`, 'gi');

/**
 * "Error code" or "Code" before an HRESULT-style number (8 hex digits): mstsc's "An authentication error has occurred
 * (Code: 0x80004005)", which the client family explains.
 */
export const CLIENT_CODE_WORD = /^(?:error\s{0,3})?codes?$/i;
export const EIGHT_HEX_DIGITS = /^0x[0-9a-f]{8}$/i;
