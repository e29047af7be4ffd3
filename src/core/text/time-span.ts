const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** Whole days from `from`'s UTC date to `to`'s, the dates reports show (YYYY-MM-DD, UTC); negative when `to` is the earlier. */
export function calendarDays(from: Date, to: Date): number {
  return Math.floor(to.getTime() / DAY_MS) - Math.floor(from.getTime() / DAY_MS);
}

/**
 * The time from `from` to the later `to`, as a report says it beside `to`'s date: under a day in whole hours ("less than
 * an hour" under one), else in the calendar days between their UTC dates, so that the count agrees with the date shown:
 * a certificate that expires on 2026-12-15 expires "in 10 days" on 2026-12-05, even with 9.99 days left.
 */
export function timeBetween(from: Date, to: Date): string {
  const span = Math.max(0, to.getTime() - from.getTime());
  if (span >= DAY_MS) return plural(calendarDays(from, to), 'day');
  if (span >= HOUR_MS) return plural(Math.floor(span / HOUR_MS), 'hour');
  return 'less than an hour';
}
