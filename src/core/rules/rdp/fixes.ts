import { lineWithBreak, type RdpDocument, type RdpEntry } from '../../rdp/parse';
import type { Fix } from '../types';

/** A fix that replaces an entry's value. */
export function setValue(entry: RdpEntry, value: string, title = `Set ${entry.key} to ${value}`): Fix {
  return { title, edits: [{ span: entry.valueSpan, newText: value }] };
}

/** A fix that deletes an entry's whole line; `reviewFirst` when the line holds something the user may want. */
export function deleteLine(doc: RdpDocument, entry: RdpEntry, title: string, reviewFirst = false): Fix {
  return { title, edits: [{ span: lineWithBreak(doc, entry.line), newText: '' }], ...(reviewFirst && { reviewFirst: true as const }) };
}

/** The integer an `i` entry holds, when it is plain decimal (what every client reads the same way). */
export function intValue(entry: RdpEntry | undefined): number | undefined {
  if (!entry) return undefined;
  const text = entry.value.trim();
  return /^\d{1,10}$/.test(text) ? Number(text) : undefined;
}

/** The trimmed string value of an entry, or undefined when absent or blank. */
export function textValue(entry: RdpEntry | undefined): string | undefined {
  const text = entry?.value.trim();
  return text ? text : undefined;
}
