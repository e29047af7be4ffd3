/**
 * Reads an address as a client does (`full address`, a gateway's, `check`'s target): the host, the port after it,
 * and what makes one unusable (a URL, a port in octal or hex, a bare IPv6 address).
 */
import { quote } from './quote';
import { detached } from './detach';
import { hostProblem, isHostName, isIPv4, isIPv6 } from './host-name';

/** A parsed `full address` value: host, optional port, and what kind of host it is. */
export interface RdpAddress {
  readonly host: string;
  /** The explicit port, if the value carries one. */
  readonly port?: number;
  readonly kind: 'ipv4' | 'ipv6' | 'name';
  /** Offsets of the host inside the value string. */
  readonly hostStart: number;
  readonly hostEnd: number;
}

/** Read-only (the last answer is shared between the rules that ask for it: `parseAddress`). */
export type AddressResult = { readonly ok: true; readonly address: RdpAddress } | { readonly ok: false; readonly problem: string };

export const DEFAULT_RDP_PORT = 3389;

/** A port as decimal digits, 1–65535, or why it is none: the problem clause of a message. */
function readPort(text: string): number | string {
  const ambiguous = leadingZeroPort(text);
  if (ambiguous !== undefined) return ambiguous;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : 0;
  if (port >= 1 && port <= 65535) return port;
  // FreeRDP's _strtoi64(…, 0) reads hex too (see leadingZeroPort); the message says what it connects to.
  const hex = /^0x[0-9a-f]{1,8}$/i.test(text) ? parseInt(text.slice(2), 16) : undefined;
  if (hex !== undefined && hex >= 1 && hex <= 65535) return `the port ${quote(text)} is written in hex: FreeRDP reads it as ${hex}, while other clients may not read it at all; write ${hex}`;
  return `the port ${quote(text)} is not a number from 1 to 65535`;
}

/**
 * Why a port written with a leading zero (`03389`) is no port to rely on, or undefined when it has none. FreeRDP
 * reads the port of an address with `_strtoi64(value, NULL, 0)` (client/common/cmdline.c `value_to_int`, from
 * `freerdp_parse_hostname`): a leading 0 makes it octal, the reading stops at the first 8 or 9 and the end is never
 * checked, so `03389` is port 27 (033); a `server port:i:` value goes through strtol(…, 0) too (client/common/file.c).
 * Other clients may read the decimal number; Microsoft documents neither.
 */
export function leadingZeroPort(text: string): string | undefined {
  if (!/^0\d+$/.test(text)) return undefined;
  const octal = /^0[0-7]*/.exec(text)![0];
  const read = parseInt(octal, 8);
  const stops = octal.length < text.length ? ` (it stops at the "${text[octal.length]}")` : '';
  const freerdp = read >= 1 && read <= 65535 ? `connects to port ${read}` : 'refuses the file, as that is no port from 1 to 65535';
  return `the port ${quote(text)} has a leading zero: FreeRDP reads it as the octal number ${octal}${stops} and ${freerdp}, while other clients may read ${Number(text)}; write the port without leading zeros`;
}

/** A URL scheme (`https://`), as in a gateway's or a server's URL pasted where a host name goes. */
const URL_SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;

/**
 * Why an address written as a URL is none, or undefined when it is no URL: a scheme (`https://rdg.contoso.com`) or
 * a path (`rdg.contoso.com/rpc`) is not part of a host name. Said before the colon is read, which would otherwise take
 * `//rdg.contoso.com/rpc` for a port. The message names the host and port to write instead.
 */
export function urlProblem(value: string): string | undefined {
  const scheme = URL_SCHEME.exec(value)?.[0];
  const rest = scheme === undefined ? value : value.slice(scheme.length);
  const slash = rest.indexOf('/');
  if (scheme === undefined && slash < 0) return undefined;
  const hostPort = slash < 0 ? rest : rest.slice(0, slash);
  const parts = [...(scheme !== undefined ? [`a URL scheme (${quote(scheme)})`] : []), ...(slash >= 0 ? [`a path (${quote(rest.slice(slash))})`] : [])];
  const write = hostPort === '' ? '' : `; write ${quote(hostPort)}`;
  return `${quote(value)} is written as a URL, but ${parts.join(' and ')} ${parts.length > 1 ? 'are' : 'is'} not part of a host name${write}`;
}

/**
 * The last address asked for, and its answer: a file's address is asked for by several rules in a row (targets, the
 * target, RDP011). No answers are kept across files: each file of a folder names its own host, and a map of earlier
 * answers cost more to look up, fill and clear than the parse it saved (issue 16: ~1 µs a file against ~0.5 µs).
 * The answer is shared between the rules, read-only by its type: not frozen, as freezing each answer (and its
 * address) cost ~4 µs a file of a 1,000-file lint (main-thread CPU, 31 alternating runs: issue 16). It keeps the
 * last file's text alive, as the last document's targets do.
 */
let lastRaw: string | undefined;
let lastResult: AddressResult = { ok: false, problem: '' };

/** Parses `host`, `host:port`, `[v6]` or `[v6]:port` the way a strict client would. */
export function parseAddress(raw: string): AddressResult {
  if (raw === lastRaw) return lastResult;
  // Read from a detached copy: a host kept from the answer (a cross-check summary) must not keep the file's whole text.
  const result = readAddress(detached(raw));
  lastRaw = raw;
  lastResult = result;
  return result;
}

function readAddress(raw: string): AddressResult {
  const lead = raw.length - raw.trimStart().length;
  const value = raw.trim();
  if (value === '') return { ok: false, problem: 'the address is empty' };
  if (/\s/.test(value)) return { ok: false, problem: 'the address contains blanks' };
  const url = urlProblem(value);
  if (url !== undefined) return { ok: false, problem: url };
  if (value.startsWith('[')) {
    const close = value.indexOf(']');
    if (close < 0) return { ok: false, problem: 'the "[" of the IPv6 address is not closed' };
    const host = value.slice(1, close);
    if (!isIPv6(host)) return { ok: false, problem: `${quote(host)} is not an IPv6 address` };
    const rest = value.slice(close + 1);
    if (rest === '') return { ok: true, address: { host, kind: 'ipv6', hostStart: lead + 1, hostEnd: lead + 1 + host.length } };
    const port = rest.startsWith(':') ? readPort(rest.slice(1)) : `the port ${quote(rest)} is not a number from 1 to 65535`;
    if (typeof port === 'string') return { ok: false, problem: port };
    return { ok: true, address: { host, port, kind: 'ipv6', hostStart: lead + 1, hostEnd: lead + 1 + host.length } };
  }
  // Found with indexOf rather than split: no arrays for the common `host` or `host:port`.
  const colon = value.indexOf(':');
  if (colon >= 0 && value.indexOf(':', colon + 1) >= 0) {
    return isIPv6(value)
      ? { ok: false, problem: 'a bare IPv6 address is misread by clients that split at the last colon; write it as [address]:port' }
      : { ok: false, problem: 'the address has more than one colon' };
  }
  const host = colon < 0 ? value : value.slice(0, colon);
  const portText = colon < 0 ? undefined : value.slice(colon + 1);
  let port: number | undefined;
  if (portText !== undefined) {
    const read = readPort(portText);
    if (typeof read === 'string') return { ok: false, problem: read };
    port = read;
  }
  const kind = isIPv4(host) ? 'ipv4' : 'name';
  if (kind === 'name' && !isHostName(host)) return { ok: false, problem: hostProblem(host) };
  // Two literals, not a spread of `port`: every answer of one shape is one object layout for the rules that read it.
  const address: RdpAddress = port === undefined ? { host, kind, hostStart: lead, hostEnd: lead + host.length } : { host, kind, hostStart: lead, hostEnd: lead + host.length, port };
  return { ok: true, address };
}

/**
 * A host to check as a user writes one (`check`'s command line, the inventory): a host name, an IPv4 address or a
 * bracketed IPv6 one, with a port after a colon, or an IPv6 address standing alone (the whole text: its last group
 * is never read as a port; `[…]:port` gives one). Anything else (`127.0.0.1:2:3`, `0177.0.0.1`, `host name`,
 * `-oProxyCommand=…`) is refused with the reason, never handed to DNS, which reads some of them as other addresses.
 */
export function parseHostTarget(text: string): { ok: true; target: { host: string; port?: number } } | { ok: false; problem: string } {
  if (isIPv6(text)) return { ok: true, target: { host: text } };
  const parsed = parseAddress(text);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  return { ok: true, target: { host: parsed.address.host, ...(parsed.address.port !== undefined && { port: parsed.address.port }) } };
}
