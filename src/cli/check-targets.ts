import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { InventoryHost } from '../core/config/types';
import type { CheckTarget } from '../core/net/index';
import { DEFAULT_RDP_PORT, parseAddress } from '../core/rdp/address';
import { effectiveEntry, parseRdp } from '../core/rdp/parse';
import { decodeBytes } from '../core/text/decode';
import { describeFsError, type InputError } from './files';

/** `.rdp` files and anything that exists as a file are read for their address; the rest are addresses. */
function looksLikeFile(arg: string): boolean {
  if (/\.rdp$/i.test(arg)) return true;
  try {
    return statSync(arg).isFile();
  } catch {
    return false;
  }
}

/** The target a `.rdp` file points at: `full address`, with `server port` when the address has no port. */
export function targetFromRdpFile(path: string, name: string | undefined): CheckTarget | InputError {
  let text: string;
  try {
    text = decodeBytes(readFileSync(path)).text;
  } catch (error) {
    return { path, message: describeFsError(error) };
  }
  const doc = parseRdp(text);
  const full = effectiveEntry(doc, 'full address');
  if (!full) return { path, message: `${basename(path)} has no full address.` };
  const parsed = parseAddress(full.value);
  if (!parsed.ok) return { path, message: `The full address "${full.value.trim()}" is not valid: ${parsed.problem}.` };
  const serverPort = Number(effectiveEntry(doc, 'server port')?.value.trim());
  const port = parsed.address.port ?? (Number.isInteger(serverPort) && serverPort >= 1 && serverPort <= 65535 ? serverPort : DEFAULT_RDP_PORT);
  return { target: path, host: parsed.address.host, port, ...(name !== undefined && { name }) };
}

/** `host`, `host:port`, `[v6]:port`, or a `.rdp` file (SPEC §3). */
export function parseTarget(arg: string, name: string | undefined): CheckTarget | InputError {
  if (looksLikeFile(arg)) return targetFromRdpFile(arg, name);
  const parsed = parseAddress(arg);
  if (!parsed.ok) return { path: arg, message: `Not a host, host:port or .rdp file: ${parsed.problem}.` };
  return { target: arg, host: parsed.address.host, port: parsed.address.port ?? DEFAULT_RDP_PORT, ...(name !== undefined && { name }) };
}

/** Inventory hosts from `.rdpdoctor.yaml` (SPEC §4); `name` is what the certificate must match. */
export function targetsFromInventory(hosts: readonly InventoryHost[]): CheckTarget[] {
  return hosts.map((h) => {
    const port = h.port ?? DEFAULT_RDP_PORT;
    const shown = h.host.includes(':') ? `[${h.host}]` : h.host;
    return { target: h.port !== undefined ? `${shown}:${port}` : shown, host: h.host.replace(/^\[(.*)\]$/, '$1'), port, ...(h.name !== undefined && { name: h.name }) };
  });
}

export function isInputError(value: CheckTarget | InputError): value is InputError {
  return 'message' in value;
}
