import { parseAddress, type RdpAddress } from '../../rdp/address';
import { effectiveEntry, type RdpDocument, type RdpEntry } from '../../rdp/parse';
import type { Span } from '../../text/line-index';

export const ADDRESS_KEYS = ['full address', 'alternate full address'] as const;

export interface Target {
  readonly entry: RdpEntry;
  readonly address: RdpAddress;
  /** The host's span in the document. */
  readonly hostSpan: Span;
}

/** Several rules ask for the same document's targets in one lint. */
const cache = new WeakMap<RdpDocument, readonly Target[]>();

/** The addresses a client connects to (effective `full address` and `alternate full address`), when they parse. */
export function targets(doc: RdpDocument): readonly Target[] {
  let found = cache.get(doc);
  if (!found) cache.set(doc, (found = findTargets(doc)));
  return found;
}

function findTargets(doc: RdpDocument): Target[] {
  const out: Target[] = [];
  for (const key of ADDRESS_KEYS) {
    const entry = effectiveEntry(doc, key);
    if (!entry || entry.type !== 's') continue;
    const parsed = parseAddress(entry.value);
    if (!parsed.ok) continue;
    const base = entry.valueSpan.start;
    out.push({ entry, address: parsed.address, hostSpan: { start: base + parsed.address.hostStart, end: base + parsed.address.hostEnd } });
  }
  return out;
}
