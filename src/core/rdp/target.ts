import type { InventoryHost } from '../config/types';
import type { Span } from '../text/line-index';
import { DEFAULT_RDP_PORT, leadingZeroPort, parseAddress, type RdpAddress } from '../text/address';
import { effectiveEntry, type RdpDocument, type RdpEntry } from './parse';
import { intValue, textValue } from './values';

export const ADDRESS_KEYS = ['full address', 'alternate full address'] as const;

export interface Target {
  readonly entry: RdpEntry;
  readonly address: RdpAddress;
  /** The host's span in the document. */
  readonly hostSpan: Span;
}

/**
 * Several rules ask for the same document's targets in one lint, one document after another: the last document's
 * answer is kept. Not a WeakMap keyed by documents: its entries kept each linted document's targets through the
 * young-generation collections, and a 10,000-file lint promoted ~9 MB of them into the old generation (issue 16).
 */
let lastTargets: { readonly doc: RdpDocument; readonly targets: readonly Target[] } | undefined;

/** The addresses a client connects to (effective `full address` and `alternate full address`), when they parse. */
export function targets(doc: RdpDocument): readonly Target[] {
  if (lastTargets?.doc !== doc) lastTargets = { doc, targets: findTargets(doc) };
  return lastTargets.targets;
}

/** Whether a target before the `index`th names the same host (letter case aside): rules say a host once. */
export function sameHostBefore(all: readonly Target[], index: number): boolean {
  const host = all[index]!.address.host.toLowerCase();
  for (let t = 0; t < index; t++) if (all[t]!.address.host.toLowerCase() === host) return true;
  return false;
}

function findTargets(doc: RdpDocument): Target[] {
  const out: Target[] = [];
  for (let k = 0; k < ADDRESS_KEYS.length; k++) {
    const entry = effectiveEntry(doc, ADDRESS_KEYS[k]!);
    if (!entry || entry.type !== 's') continue;
    const parsed = parseAddress(entry.value);
    if (!parsed.ok) continue;
    const base = entry.valueSpan.start;
    out.push({ entry, address: parsed.address, hostSpan: { start: base + parsed.address.hostStart, end: base + parsed.address.hostEnd } });
  }
  return out;
}

/** A host to check: what the user named, where to connect, and the name the certificate must match. */
export interface CheckTarget {
  /** As the user wrote it (`host:port`, a `.rdp` path …). */
  readonly target: string;
  readonly host: string;
  readonly port: number;
  /** The name the certificate must match; the host when absent. */
  readonly name?: string;
  /** The RD Gateway the `.rdp` file the target came from tunnels through; a check probes the host directly all the same. */
  readonly gateway?: RdpGateway;
  /** The `.rdp` file's `authentication level:i:1`: its client does not connect to a server it cannot authenticate. */
  readonly strictServerAuthentication?: StrictServerAuthentication;
  /**
   * The `.rdp` file signs in with Microsoft Entra ID where the server supports it (`enablerdsaadauth:i:1`): the check
   * asks whether it does (one connection more), which only such a file's cross-checks read.
   */
  readonly entraSignIn?: boolean;
}

/** `enablerdsaadauth:i:1`: "use Microsoft Entra authentication" if the remote PC supports it (Supported RDP properties). */
export function rdpEntraSignIn(doc: RdpDocument): boolean {
  return intValue(effectiveEntry(doc, 'enablerdsaadauth')) === 1;
}

/**
 * `authentication level:i:1` ("don't connect" when server authentication fails, Supported RDP properties), with
 * whether the file leaves CredSSP on (`enablecredsspsupport` not 0): only through CredSSP can Kerberos authenticate
 * the server in the certificate's stead (reference certificates.md §2.2, §7).
 */
export interface StrictServerAuthentication {
  readonly credssp: boolean;
  /**
   * `enablerdsaadauth:i:1`: the client signs in with Microsoft Entra ID (RDSAAD), not CredSSP, so what an NTLM
   * CHALLENGE says of the server's domain does not decide how it is authenticated.
   */
  readonly entraAuth?: boolean;
}

export function rdpStrictServerAuthentication(doc: RdpDocument): StrictServerAuthentication | undefined {
  if (intValue(effectiveEntry(doc, 'authentication level')) !== 1) return undefined;
  const entraAuth = rdpEntraSignIn(doc);
  return { credssp: intValue(effectiveEntry(doc, 'enablecredsspsupport')) !== 0, ...(entraAuth && { entraAuth }) };
}

/**
 * The RD Gateway a `.rdp` file sends its connection through (MS-TSGU, HTTPS to the gateway, which connects to the
 * session host from its own network): `gatewayusagemethod` 1 (always) or 2 (when the direct connection fails) with a
 * `gatewayhostname`. Without a gateway name there is none to go through (RDP030).
 */
export interface RdpGateway {
  readonly usageMethod: 1 | 2;
  /** `gatewayhostname` as written, trimmed (`host` or `host:port`; 443 when no port). */
  readonly host: string;
}

export function rdpGateway(doc: RdpDocument): RdpGateway | undefined {
  const method = intValue(effectiveEntry(doc, 'gatewayusagemethod'));
  if (method !== 1 && method !== 2) return undefined;
  const host = textValue(effectiveEntry(doc, 'gatewayhostname'))?.trim();
  return host ? { usageMethod: method, host } : undefined;
}

/**
 * Where a `.rdp` file connects: its `alternate full address` when set (clients prefer it), else its `full address`;
 * the port that address names, else `server port`, else 3389 (SPEC §2, which names only `full address`). The
 * one place that decides it: every rule, cross-check, view and `check` asks here.
 */
export type RdpTarget =
  | {
      readonly ok: true;
      readonly host: string;
      readonly port: number;
      /** Where the port came from: the address itself, the `server port` line, or neither (3389). */
      readonly portFrom: 'address' | 'server port' | 'default';
      readonly line: number;
      readonly span: Span;
      /** The line the address came from: `alternate full address` when the file sets one, which clients prefer. */
      readonly key: 'full address' | 'alternate full address';
    }
  | { readonly ok: false; readonly problem: string };

/** Several rules and the cross-check facts ask for the same document's target in one lint: the last one is kept (see `targets`). */
let lastTarget: { readonly doc: RdpDocument; readonly target: RdpTarget } | undefined;

export function rdpTarget(doc: RdpDocument): RdpTarget {
  if (lastTarget?.doc !== doc) lastTarget = { doc, target: findRdpTarget(doc) };
  return lastTarget.target;
}

function findRdpTarget(doc: RdpDocument): RdpTarget {
  // A set `alternate full address` is where clients connect (FreeRDP `client/common/file.c`: "With MSTSC alternate
  // full address always wins, so mimic this"; rdpsign adds one equal to `full address` to prevent that bypass,
  // reference §4.2): a session 17 review saw `check` probe the full address while RDP015 said clients use the other.
  // An empty alternate is none here: Microsoft documents only a host name or address as its value, and mstsc's use of
  // an empty one is undocumented; FreeRDP connects to "" instead, which RDP015 reports.
  const alternate = effectiveEntry(doc, 'alternate full address');
  const useAlternate = alternate !== undefined && alternate.type === 's' && alternate.value.trim() !== '';
  const entry = useAlternate ? alternate : effectiveEntry(doc, 'full address');
  if (!entry) return { ok: false, problem: 'it has no full address' };
  const key = useAlternate ? 'alternate full address' : 'full address';
  const parsed = parseAddress(entry.value);
  if (!parsed.ok) return { ok: false, problem: `the ${key} "${entry.value.trim()}" is not valid: ${parsed.problem}` };
  const serverPortText = effectiveEntry(doc, 'server port')?.value.trim() ?? '';
  // A leading zero is octal to FreeRDP and decimal to others: no port to take when it is the one that counts.
  const ambiguous = parsed.address.port === undefined ? leadingZeroPort(serverPortText) : undefined;
  if (ambiguous !== undefined) return { ok: false, problem: `the server port is not valid: ${ambiguous}` };
  const serverPort = Number(serverPortText);
  const validServerPort = Number.isInteger(serverPort) && serverPort >= 1 && serverPort <= 65535;
  const portFrom = parsed.address.port !== undefined ? 'address' : validServerPort ? 'server port' : 'default';
  const port = parsed.address.port ?? (validServerPort ? serverPort : DEFAULT_RDP_PORT);
  return { ok: true, host: parsed.address.host, port, portFrom, line: entry.line, span: entry.span, key };
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
