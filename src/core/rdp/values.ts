import { plainDecimalValue } from './entry';
import type { RdpEntry } from './parse';

/** The integer an `i` entry holds, when it is plain decimal (what every client reads the same way). */
export function intValue(entry: RdpEntry | undefined): number | undefined {
  if (!entry) return undefined;
  // Most values are a few digits and nothing else: read in place, with no slice of the value (issue 16).
  const plain = plainDecimalValue(entry);
  if (plain >= 0) return plain;
  const text = entry.value.trim();
  return /^\d{1,10}$/.test(text) ? Number(text) : undefined;
}

/** The trimmed string value of an entry, or undefined when absent or blank. */
export function textValue(entry: RdpEntry | undefined): string | undefined {
  const text = entry?.value.trim();
  return text ? text : undefined;
}
