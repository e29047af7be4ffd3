export { quote } from '../text/quote';

/** Names of properties whose values are secrets and must never be shown. */
export function isSecretKey(key: string): boolean {
  return key.includes('password');
}

/** Words a person reads for a zero-based line number. */
export function onLine(line: number): string {
  return `line ${line + 1}`;
}
