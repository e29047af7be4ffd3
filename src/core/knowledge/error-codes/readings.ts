// How the text typed was read, in words: a number typed in decimal digits that hex would make another known code, and
// the error for a text that is no known code or name (repeated only when it is shaped like one).
import type { ErrorCodeInfo } from '../error-code-types';
import { avdNamesOf } from './avd';
import { hex, lookupErrorCode, parseErrorCode } from './lookup';

/**
 * Said of a code typed in bare decimal digits whose digits read as hex are a known code too: the dialogs show hex
 * (0x11), some hosts decimal (17), and the digits alone do not say which.
 */
export function hexReading(text: string, lookup: (value: number) => ErrorCodeInfo | undefined): string | undefined {
  const other = otherBase(text);
  if (other === undefined || other.typedHex || other.value === Number(other.digits)) return undefined;
  const entry = lookup(other.value);
  return entry && `(${other.digits} is read as a decimal number, ${hex(Number(other.digits))}. The Remote Desktop client shows codes in hex: did you mean ${hex(other.value)} (${entry.name})?)`;
}

/** What a code or a name can look like (0x904, 2308, -2147467259, ERRINFO_LOGOFF_BY_USER): only such a text is repeated. */
const CODE_LIKE = /^[-+]?[A-Za-z0-9_]{1,64}$/;

/** Numbers in hex or decimal and the separators and brackets people put around them ("(0x7)", "0x904 (0x7"): nothing else. */
const NUMBERS_ONLY = /^[\s,;/:()[\]]*[-+]?(?:0x[0-9a-f]{1,16}|\d{1,20})(?:[\s,;/:()[\]]{1,4}[-+]?(?:0x[0-9a-f]{1,16}|\d{1,20})){0,3}[\s,;/:()[\]]*$/i;

/** The error for a text that is no code and no name known: it is repeated only when it is shaped like one, or like a few numbers. */
export function notACode(text: string, what: string): string {
  const article = /^[aeiou]/i.test(what) ? 'an' : 'a';
  const given = text.trim();
  // A text no code or name looks like (a pasted `xfreerdp … /p:…` line, `/p:Secret1`) is described, not repeated into
  // a terminal or a CI log (session 17 reviews).
  const shown = CODE_LIKE.test(given) || NUMBERS_ONLY.test(given) ? `"${given}"` : `The text given (${given.length} character${given.length === 1 ? '' : 's'}${/\s/.test(given) ? ', with blanks' : ''}, not shown)`;
  return `${shown} is not ${article} ${what} or a name RDP Doctor knows; write it in hex (0x904), in decimal (2308) or as its name (ERRINFO_LOGOFF_BY_USER).`;
}

/** The value of a code's digits in the other base (0x516 typed: 516; 11 typed: 0x11), when it has only digits. */
function otherBase(text: string): { value: number; digits: string; typedHex: boolean } | undefined {
  const digits = text.trim().replace(/^0x/i, '');
  if (!/^\d+$/.test(digits)) return undefined;
  const typedHex = /^0x/i.test(text.trim());
  const value = parseErrorCode(typedHex ? digits : `0x${digits}`);
  return value === undefined ? undefined : { value, digits, typedHex };
}

/**
 * What is known of a number no table explains: the Azure Virtual Desktop errors that log it (found by name only,
 * avd.ts), or the family of the Windows App and mobile clients' codes, of which Microsoft publishes no table.
 */
function unexplainedFamily(value: number): string | undefined {
  const names = avdNamesOf(value);
  if (names.length > 0) {
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    return `Azure Virtual Desktop's Log Analytics (the WVDErrors table) gives this number to ${list}: explain the error's name (its CodeSymbolic) instead, as in "explain ${names[0]}".`;
  }
  if (value >>> 8 === 0x30000) {
    return 'Codes of the form 0x30000xx are shown by the Windows App and the Remote Desktop clients for macOS, iOS and Android; Microsoft publishes no table of them, so what this one means is not known here. Look for the message shown with it, and in the client\'s own troubleshooting.';
  }
  return undefined;
}

/** Names the value both ways and, when the digits mean a known code in the other base, says so. */
export function unknownCode(text: string, value: number, what: string): string {
  const family = unexplainedFamily(value);
  const message = `No known ${what} ${hex(value)} (decimal ${value}).${family === undefined ? '' : ` ${family}`}`;
  const other = otherBase(text);
  if (other === undefined || lookupErrorCode(other.value).length === 0) return message;
  return other.typedHex
    ? `${message} Some hosts print codes in decimal: did you mean ${other.digits} (${hex(other.value)})?`
    : `${message} The Remote Desktop client shows codes in hex: did you mean ${hex(other.value)}?`;
}
