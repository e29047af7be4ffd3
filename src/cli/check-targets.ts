import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { InventoryHost } from '../core/config/types';
import type { CheckTarget } from '../core/net/index';
import { DEFAULT_RDP_PORT, parseHostTarget } from '../core/text/address';
import { uncheckableReason } from '../core/rdp/hyperv-console';
import { parseRdp } from '../core/rdp/parse';
import { inventoryTarget, rdpEntraSignIn, rdpGateway, rdpStrictServerAuthentication, rdpTarget } from '../core/rdp/target';
import { decodeBytes } from '../core/text/decode';
import { rdpFacts, type RdpFacts } from '../core/rules/xrf/facts';
import { type InputError } from '../core/lint/inputs';
import { readInput } from '../core/lint/read-file';
import { positionsIn, type OutputPosition } from '../core/lint/output';

/** Where a target was written down: the `full address` line of its `.rdp` file, or its inventory entry. */
export interface TargetSource {
  readonly path: string;
  readonly position: OutputPosition;
}

/**
 * A target and, when it came from a file, where in it; a target read from an `.rdp` file also carries that file's
 * cross-check facts, for XRF001 and XRF003 against the check's own answer (SPEC §2: "or probe `nlaRequired`").
 */
export type LocatedTarget = CheckTarget & { readonly source?: TargetSource; readonly rdpFacts?: RdpFacts<OutputPosition> };

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
export function targetFromRdpFile(path: string, name: string | undefined): LocatedTarget | InputError {
  const read = readInput(path); // never blocks on a FIFO or a device
  if ('error' in read) return { path, message: read.error };
  const text = decodeBytes(read.bytes).text;
  const doc = parseRdp(text);
  const found = rdpTarget(doc);
  if (!found.ok) {
    const problem = found.problem.startsWith('it ') ? `${basename(path)} ${found.problem.slice(3)}` : found.problem.replace(/^./, (c) => c.toUpperCase());
    return { path, message: `${problem}.` };
  }
  const uncheckable = uncheckableReason(doc);
  if (uncheckable) return { path, message: `${basename(path)} ${uncheckable}.` };
  const at = positionsIn(text);
  const gateway = rdpGateway(doc);
  const strictServerAuthentication = rdpStrictServerAuthentication(doc);
  const entraSignIn = rdpEntraSignIn(doc);
  return {
    target: path,
    host: found.host,
    port: found.port,
    ...(name !== undefined && { name }),
    ...(gateway && { gateway }),
    ...(strictServerAuthentication && { strictServerAuthentication }),
    ...(entraSignIn && { entraSignIn }),
    source: { path, position: at(found.span) },
    rdpFacts: rdpFacts(doc, at),
  };
}

/** `host`, `host:port`, `[v6]:port`, or a `.rdp` file (SPEC §3). */
export function parseTarget(arg: string, name: string | undefined): LocatedTarget | InputError {
  if (looksLikeFile(arg)) return targetFromRdpFile(arg, name);
  // Read as the inventory reads a host (a whole IPv6 address is that address on 3389).
  const parsed = parseHostTarget(arg);
  if (!parsed.ok) return { path: arg, message: `Not a host, host:port or .rdp file: ${parsed.problem}.` };
  return { target: arg, host: parsed.target.host, port: parsed.target.port ?? DEFAULT_RDP_PORT, ...(name !== undefined && { name }) };
}

/** Inventory hosts from `.rdpdoctor.yaml` (SPEC §4), each located at its entry; `name` is what the certificate must match. */
export function targetsFromInventory(hosts: readonly InventoryHost[], file?: { path: string; text: string }): LocatedTarget[] {
  const at = file && positionsIn(file.text);
  return hosts.map((h) => ({ ...inventoryTarget(h), ...(file && at && { source: { path: file.path, position: at(h.span) } }) }));
}

export function isInputError(value: LocatedTarget | InputError): value is InputError {
  return 'message' in value;
}
