import { groupDigits } from '../text/group-digits';

/**
 * Problems an editor shows a file: VS Code's own limit. Past it, VS Code keeps the first 1,000 by severity (errors, then
 * warnings, then information) and adds "Not showing N further errors and warnings." (extHostDiagnostics.ts,
 * `_maxDiagnosticsPerFile`), which counts only what it was given: the lint's own note of what it left out would be cut.
 */
export const MAX_SHOWN_PER_FILE = 1000;

/** What `keepMostSevere` kept, and how many it left out (`errors` of them of severity 0). */
export interface Kept<T> {
  readonly kept: T[];
  readonly left: number;
  readonly leftErrors: number;
}

/**
 * At most `limit` items, the most severe first (severity 0 is the most severe, as VS Code numbers them: Error 0 …
 * Hint 3), in their own order; one pass per severity level, no sort of the whole.
 */
export function keepMostSevere<T>(items: readonly T[], severityOf: (item: T) => number, limit: number): Kept<T> {
  if (items.length <= limit) return { kept: [...items], left: 0, leftErrors: 0 };
  const levels = [...new Set(items.map(severityOf))].sort((a, b) => a - b);
  const take = new Uint8Array(items.length);
  let room = Math.max(0, limit);
  for (const level of levels) {
    for (let i = 0; i < items.length && room > 0; i++) {
      if (severityOf(items[i]!) === level) {
        take[i] = 1;
        room--;
      }
    }
  }
  const kept: T[] = [];
  let leftErrors = 0;
  for (let i = 0; i < items.length; i++) {
    if (take[i]) kept.push(items[i]!);
    else if (severityOf(items[i]!) === 0) leftErrors++;
  }
  return { kept, left: items.length - kept.length, leftErrors };
}

/** The editor's note on a file with more problems than it lists: how many, how many of them errors, and what to do. */
export function notShownMessage(count: number, errors: number, listed: number): string {
  const more = `${groupDigits(count)} more problem${count === 1 ? '' : 's'} in this file ${count === 1 ? 'is' : 'are'} not listed`;
  const ofThem = errors > 0 ? ` (${groupDigits(errors)} of them error${errors === 1 ? '' : 's'})` : '';
  return `${more}${ofThem}: the editor lists ${groupDigits(listed)} problems a file, the most severe first. Fix those listed and the rest appear, or run rdp-doctor lint on the file for its counts by rule.`;
}
