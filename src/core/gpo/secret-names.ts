import { quote } from '../text/quote';

/** Whether a value name, a key or a line names a password or secret (`DefaultPassword`, `pwd`, `ClientSecret`). */
export function namesSecret(text: string): boolean {
  return /pass(word)?|pwd|secret/i.test(text);
}

/** What a reader problem says instead of a line, or data, that may hold a secret. */
export const SECRET_NOT_SHOWN = '(a line or value that names a password or secret, or belongs to one; not shown)';

/** A line (or data) quoted for a reader problem, unless it, or the value it belongs to, names a secret. */
export function showLine(trimmed: string, secret = namesSecret(trimmed)): string {
  return secret ? SECRET_NOT_SHOWN : quote(trimmed);
}
