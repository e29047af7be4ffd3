import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { InventoryHost } from '../core/config/types';
import type { CheckTarget } from '../core/net/index';
import { DEFAULT_RDP_PORT, parseAddress } from '../core/rdp/address';
import { parseRdp } from '../core/rdp/parse';
import { inventoryTarget, rdpTarget } from '../core/rdp/target';
import { decodeBytes } from '../core/text/decode';
import { describeFsError, type InputError } from '../core/lint/inputs';

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
  const found = rdpTarget(parseRdp(text));
  if (!found.ok) {
    const problem = found.problem.startsWith('it ') ? `${basename(path)} ${found.problem.slice(3)}` : found.problem.replace(/^./, (c) => c.toUpperCase());
    return { path, message: `${problem}.` };
  }
  return { target: path, host: found.host, port: found.port, ...(name !== undefined && { name }) };
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
  return hosts.map(inventoryTarget);
}

export function isInputError(value: CheckTarget | InputError): value is InputError {
  return 'message' in value;
}
