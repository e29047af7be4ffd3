import { quote } from '../text/quote';
import { OTHER_SECRET_NAME } from '../text/secret-words';
import type { RegData } from './model';

/**
 * Whether a value name, a key or a line names a password or another secret (`DefaultPassword`, `pwd`, `ClientSecret`,
 * `GatewayAccessToken`, `SmartcardPin`, `PrivateKey`): the names `.rdp` files hide too (`OTHER_SECRET_NAME`).
 */
export function namesSecret(text: string): boolean {
  return /pass(word)?|pwd/i.test(text) || OTHER_SECRET_NAME.test(text);
}

/** What a reader problem says instead of a line, or data, that may hold a secret. */
export const SECRET_NOT_SHOWN = '(a line or value that names a password or secret, or belongs to one; not shown)';

/** A line (or data) quoted for a reader problem, unless it, or the value it belongs to, names a secret. */
export function showLine(trimmed: string, secret = namesSecret(trimmed)): string {
  return secret ? SECRET_NOT_SHOWN : quote(trimmed);
}

/** What a message or a hover shows instead of a secret value's data (a GPO013 message quoted `DefaultPassword`'s). */
export const SECRET_DATA = '(a password or secret, not shown)';

/**
 * Whether a value's data must not be shown: its text (or list) when its name or key names a secret. A number is
 * shown: the policies whose names say "password" with numeric data are switches and limits (`fPromptForPassword`,
 * `DisablePasswordSaving`, a minimum password length), and hiding them left a conflict between 0 and 1 unreadable.
 * A secret is text: `DefaultPassword` is a REG_SZ.
 */
export function secretData(s: { readonly key: string; readonly valueName: string; readonly data: RegData }): boolean {
  return s.data !== null && typeof s.data !== 'number' && (namesSecret(s.valueName) || namesSecret(s.key));
}
