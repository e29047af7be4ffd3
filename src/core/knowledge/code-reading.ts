// A number found in text as a code of one family: the entry the family its context names has for it, any family's
// only for larger numbers (or when the explainer was given it), and the family it is then labelled in.
import type { ErrorCodeFamily, ErrorCodeInfo } from './error-code-types';
import { lookupErrorCode, parseErrorCode } from './error-codes/index';
import type { FoundErrorCode } from './find-error-codes';

/**
 * Below this, a number counts only in the family its context names: "exit code 1", "flags 0x2"
 * and "Error code 5" are not Remote Desktop codes.
 */
const SMALL = 0x100;

/** Extended codes and ERRINFO codes share their numbers (error-codes.md §1): either is labelled as the text names it. */
const SHARED_NUMBERING: readonly ErrorCodeFamily[] = ['extended', 'errinfo'];

/**
 * The entry for `value` in the family the context names; any family's only for larger values, and the client family's
 * only when the context says it is a code. A number `given` to the explainer after "Error code" (or a word that names
 * no family) is read as `explain` reads it: in any family, whatever its size.
 */
function entryFor(value: number, family: ErrorCodeFamily | undefined, clientCode: boolean, given: boolean): ErrorCodeInfo | undefined {
  const preferred =
    family === 'extended' ? [...lookupErrorCode(value, 'extended'), ...lookupErrorCode(value, 'errinfo')]
    : family === 'errinfo'
      ? // FreeRDP logs the server's error info as 0x0001xxxx ("ERRINFO_LOGOFF_BY_USER [0x0001000C]"), a client-family entry.
        [...lookupErrorCode(value, 'errinfo'), ...lookupErrorCode(value, 'extended'), ...(value >>> 16 === 1 ? lookupErrorCode(value, 'client') : [])]
    : family ? lookupErrorCode(value, family)
    : [];
  const anyFamily = value >>> 0 >= SMALL || (given && (family === undefined || family === 'disconnect'));
  // A bare HRESULT in any log is not a Remote Desktop code: the client family is for `explain`, not for free text.
  return preferred[0] ?? (anyFamily ? lookupErrorCode(value).find((e) => given || clientCode || e.family !== 'client') : undefined);
}

/**
 * Whether a negative number can be a code: an OnLogonError code (-1 … -7) where the text names that family, or a 32-bit
 * code written as a signed decimal, as .NET, PowerShell and Azure Virtual Desktop's logs print an HRESULT or NTSTATUS
 * (-2146893054 = 0x80090302). Such a code is at most -0x10000 (0xFFFF0000 unsigned): "exit code -1" is not one.
 */
export function negativeCode(value: number, family: ErrorCodeFamily | undefined): boolean {
  return family === 'logon' || value <= -0x10000;
}

/** How a number is read: the family the context names, whether it came with "Code", and whether the explainer was given it. */
export interface Reading {
  readonly family: ErrorCodeFamily | undefined;
  readonly clientCode?: boolean;
  readonly given?: boolean;
}

/** The number `text` at `start` as a code: undefined when it is not a number, or no code in the family it can be read in. */
export function found(text: string, start: number, { family, clientCode = false, given = false }: Reading): FoundErrorCode | undefined {
  const value = parseErrorCode(text);
  if (value === undefined || (value < 0 && !negativeCode(value, family))) return undefined;
  const entry = entryFor(value, family, clientCode, given);
  if (!entry) return undefined;
  const named = family !== undefined && SHARED_NUMBERING.includes(family) && SHARED_NUMBERING.includes(entry.family);
  return { text, value, start, end: start + text.length, family: named ? family : entry.family, ...(family && { label: family }), entry };
}
