import { groupDigits } from './group-digits';

/** How many names a line lists before it counts the rest: a certificate may carry hundreds of alternative names. */
export const LISTED_ITEMS = 10;

/** The first `max` items, comma-separated, then how many more there are: `a, b, …, j, … and 290 more`. */
export function shortList(items: readonly string[], max = LISTED_ITEMS): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')}, … and ${groupDigits(items.length - max)} more`;
}

/** `a`, `a and b`, `a, b and c`; past `max` items, as `shortList` lists them. */
export function andList(items: readonly string[], max = LISTED_ITEMS): string {
  if (items.length > max) return shortList(items, max);
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}
