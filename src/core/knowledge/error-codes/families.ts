// The code families in words: how an admin names one when typing a lone code, how each is labelled where a code is
// shown ("Server error info"), how a sentence names it ("an extended error code"), and a pair's main-code heading.
import type { ErrorCodeFamily } from '../error-code-types';
import type { Explanation } from './index';

/** How an admin names a family when typing a lone code for the explainer (`errinfo 0x10C9`). */
export const FAMILY_WORDS: Readonly<Record<string, ErrorCodeFamily>> = {
  disconnect: 'disconnect',
  extended: 'extended',
  errinfo: 'errinfo',
  'neg-failure': 'neg-failure',
  negfailure: 'neg-failure',
  logon: 'logon',
  client: 'client',
};

/** How each family's code is labelled where it is shown ("Error code", "Server error info" …). */
export const FAMILY_LABELS: Readonly<Record<ErrorCodeFamily, string>> = {
  disconnect: 'Error code',
  extended: 'Extended error code',
  errinfo: 'Server error info',
  'neg-failure': 'Negotiation failure code',
  logon: 'Logon error',
  client: 'Client error code',
  avd: 'Azure Virtual Desktop error',
};

/** How each family's code is named in a sentence ("an extended error code"). */
export const FAMILY_NOUNS: Readonly<Record<ErrorCodeFamily, string>> = {
  disconnect: 'error code',
  extended: 'extended error code',
  errinfo: 'server error info code',
  'neg-failure': 'negotiation failure code',
  logon: 'logon error code',
  client: 'client error code',
  avd: 'Azure Virtual Desktop error code',
};

/**
 * The main code as a heading names it, `code` as the heading shows it: "Error code 0x904", "Extended error code 0x4" alone,
 * and "Error code 0x4 (read as an extended error code)" beside an extended code, so the pair does not read as two
 * extended codes: whatever family it is read in, the first code of a pair is the dialog's "Error code".
 */
export function mainCodeTitle(e: Pick<Explanation, 'family' | 'extended'>, code: string): string {
  if (e.family === undefined) return `${FAMILY_LABELS.disconnect} ${code}`;
  if (e.extended === null) return `${FAMILY_LABELS[e.family]} ${code}`;
  const noun = FAMILY_NOUNS[e.family];
  return `${FAMILY_LABELS.disconnect} ${code} (read as ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun})`;
}

export function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}
