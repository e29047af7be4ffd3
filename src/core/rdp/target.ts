import type { InventoryHost } from '../config/types';
import type { CheckTarget } from '../net/check-host';
import type { Span } from '../text/line-index';
import { DEFAULT_RDP_PORT, parseAddress } from './address';
import { effectiveEntry, type RdpDocument } from './parse';

/** Where a `.rdp` file connects: `full address`, with `server port` when the address carries no port. */
export type RdpTarget =
  | { readonly ok: true; readonly host: string; readonly port: number; readonly line: number; readonly span: Span }
  | { readonly ok: false; readonly problem: string };

export function rdpTarget(doc: RdpDocument): RdpTarget {
  const full = effectiveEntry(doc, 'full address');
  if (!full) return { ok: false, problem: 'it has no full address' };
  const parsed = parseAddress(full.value);
  if (!parsed.ok) return { ok: false, problem: `the full address "${full.value.trim()}" is not valid: ${parsed.problem}` };
  const serverPort = Number(effectiveEntry(doc, 'server port')?.value.trim());
  const port = parsed.address.port ?? (Number.isInteger(serverPort) && serverPort >= 1 && serverPort <= 65535 ? serverPort : DEFAULT_RDP_PORT);
  return { ok: true, host: parsed.address.host, port, line: full.line, span: full.span };
}

/** How a target is shown: `host` for the default port, `host:port` otherwise, IPv6 literals in brackets. */
export function displayTarget(host: string, port: number, alwaysPort = false): string {
  const shown = host.includes(':') ? `[${host}]` : host;
  return port === DEFAULT_RDP_PORT && !alwaysPort ? shown : `${shown}:${port}`;
}

/** An inventory host of `.rdpdoctor.yaml` (SPEC §4) as a check target; `name` is what the certificate must match. */
export function inventoryTarget(h: InventoryHost): CheckTarget {
  const host = h.host.replace(/^\[(.*)\]$/, '$1');
  const port = h.port ?? DEFAULT_RDP_PORT;
  return { target: displayTarget(host, port, h.port !== undefined), host, port, ...(h.name !== undefined && { name: h.name }) };
}
