const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A span of time, never rounded up: whole days, under a day whole hours, under an hour "less than an hour". */
export function timeSpan(ms: number): string {
  const span = Math.max(0, ms);
  if (span >= DAY_MS) return plural(Math.floor(span / DAY_MS), 'day');
  if (span >= HOUR_MS) return plural(Math.floor(span / HOUR_MS), 'hour');
  return 'less than an hour';
}
