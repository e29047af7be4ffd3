import { groupDigits } from './group-digits';

/** How many names a line lists before it counts the rest: a certificate may carry hundreds of alternative names. */
export const LISTED_ITEMS = 10;

/** The first `max` items, comma-separated, then how many more there are: `a, b, …, j, … and 290 more`. */
export function shortList(items: readonly string[], max = LISTED_ITEMS): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')}, … and ${groupDigits(items.length - max)} more`;
}
