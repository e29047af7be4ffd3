export { quote } from '../text/quote';


/** Words a person reads for a zero-based line number. */
export function onLine(line: number): string {
  return `line ${line + 1}`;
}
