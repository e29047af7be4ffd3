import { removeLine } from '../../rdp/line-edits';
import type { RdpDocument, RdpEntry } from '../../rdp/parse';
import type { Fix } from '../types';

/** A fix that replaces an entry's value. */
export function setValue(entry: RdpEntry, value: string, title = `Set ${entry.key} to ${value}`): Fix {
  return { title, edits: [{ span: entry.valueSpan, newText: value }] };
}

/** A fix that deletes an entry's whole line; `reviewFirst` when the line holds something the user may want. */
export function deleteLine(doc: RdpDocument, entry: RdpEntry, title: string, reviewFirst = false): Fix {
  return { title, edits: [removeLine(doc, entry.line)], ...(reviewFirst && { reviewFirst: true as const }) };
}

/**
 * Whether another line of the file names the same property. A fix that makes a line clients skipped readable again
 * (its indentation, its type letter) then changes which line they use, FreeRDP taking the last: `  gatewayhostname:s:`
 * after the one in use would become the gateway. Such fixes are `reviewFirst` (a session 16 review).
 */
export function setElsewhere(doc: RdpDocument, entry: RdpEntry): boolean {
  return (doc.byKey.get(entry.key)?.length ?? 0) > 1;
}
