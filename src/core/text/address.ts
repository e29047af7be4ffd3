import { domainToASCII } from 'node:url';
import { quote } from './quote';
import { detached } from './detach';
import { codePoint, INVISIBLE_CLASS } from './invisible';

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

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIPv4(host: string): boolean {
  return IPV4.test(host);
}

/** Loose IPv6 literal check: hex groups and colons, at most one `::`, optional zone and embedded IPv4. */
export function isIPv6(host: string): boolean {
  const [addr = '', zone] = host.split('%', 2);
  if (zone !== undefined && !/^[\w.-]+$/.test(zone)) return false;
  if (!addr.includes(':')) return false;
  // At most one `::`; every other colon sits between two groups (RFC 4291 §2.2), so `:::`, `1:::2` and `:1` are refused.
  const halves = addr.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  const last = groups[groups.length - 1] ?? '';
  const v4Tail = last.includes('.');
  if (v4Tail && (!isIPv4(last) || (halves.length === 2 && halves[1] === ''))) return false;
  const hexGroups = v4Tail ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = hexGroups.length + (v4Tail ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

/** A letter, digit or underscore: what a label starts and ends with. */
function labelEdge(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * Whether `host[start, end)` is `0x` and hex digits: a number to the resolvers that read a name ending in one as an
 * IPv4 address (glibc's inet_aton, the WHATWG URL parser): `0x7f000001` and `1.2.3.0x4` are 127.0.0.1 and 1.2.3.4
 * there, not names (a session 16 review checked 127.0.0.1 through `0x7f000001`, which RDP012 then never flagged).
 */
function isHexNumber(host: string, start: number, end: number): boolean {
  if (end - start < 2 || host.charCodeAt(start) !== 48 /* 0 */ || (host.charCodeAt(start + 1) | 32) !== 120 /* x */) return false;
  for (let i = start + 2; i < end; i++) {
    const c = host.charCodeAt(i) | 32;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/**
 * Host name syntax (labels of 1–63 letters, digits, "_" or "-", not starting or ending with "-", the last not a number:
 * all digits, or `0x` and hex digits), one pass over the characters without splitting; a name with non-ASCII letters
 * is checked on its Punycode form (`isInternationalName`).
 */
export function isHostName(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  const end = host.charCodeAt(host.length - 1) === 46 /* . */ ? host.length - 1 : host.length;
  let labelStart = 0;
  let allDigits = true;
  for (let i = 0; i <= end; i++) {
    const c = i === end ? 46 : host.charCodeAt(i);
    if (c === 46) {
      const length = i - labelStart;
      if (length === 0 || length > 63 || !labelEdge(host.charCodeAt(labelStart)) || !labelEdge(host.charCodeAt(i - 1))) return false;
      if (i === end) return !allDigits && !isHexNumber(host, labelStart, i);
      labelStart = i + 1;
      allDigits = true;
      continue;
    }
    if (c > 127) return isInternationalName(host);
    if (!labelEdge(c) && c !== 45 /* - */) return false;
    if (c < 48 || c > 57) allDigits = false;
  }
  return false;
}

/**
 * Letters, digits and marks of any script, and the ASCII `.`, `-` and `_`; nothing invisible (the shared list: the
 * Hangul fillers are letters, U+034F a mark) and nothing default-ignorable, which covers every letter or mark UTS #46
 * drops on the way to Punycode (the variation selectors): one test for the name, not a conversion per character.
 * Made at the first non-ASCII name: its Unicode classes cost ~0.5 ms to build, at every start of a lint of ASCII names.
 */
let idnText: RegExp | undefined;
const HYPHEN_AT_LABEL_EDGE = /(?:^|\.)-|-(?:\.|$)/;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * A name with non-ASCII letters (`BÜRO-PC`, `bücher.example.com`): Windows resolves it by its Punycode form
 * (GetAddrInfoW converts unless AI_DISABLE_IDN_ENCODING), so its labels and lengths are checked on that form, and
 * that form must not be a number either (`１２７.０.０.１` is 127.0.0.1). Anything UTS #46 drops on the way (variation
 * selectors, soft hyphens) is refused: a name that shows other than it resolves.
 */
function isInternationalName(host: string): boolean {
  idnText ??= new RegExp(`^(?:(?![${INVISIBLE_CLASS}\\p{Default_Ignorable_Code_Point}])[\\p{L}\\p{N}\\p{M}._-])+$`, 'u');
  if (!idnText.test(host) || HYPHEN_AT_LABEL_EDGE.test(host)) return false;
  const ascii = punycodeOf(host);
  return ascii !== '' && ASCII_ONLY.test(ascii) && isHostName(ascii);
}

/**
 * The last name converted, and its Punycode form: a name is checked by `isHostName` and then asked for by the rules
 * (RDP011, RDP015), and one conversion is a few microseconds.
 */
let lastName = '';
let lastPunycode = '';

function punycodeOf(host: string): string {
  if (host !== lastName) {
    lastPunycode = domainToASCII(host);
    lastName = host;
  }
  return lastPunycode;
}

/** The name as resolvers and certificates spell it: an internationalized name as its lower-case Punycode form (A-labels, RFC 5890), any other text as it is. */
export function asciiHostName(host: string): string {
  return ASCII_ONLY.test(host) ? host : punycodeOf(host) || host;
}

/**
 * What a message or report adds after a non-ASCII host name, or a text holding it (`host:port`): its Punycode form in
 * parentheses, ` (rdsh01.corp.xn--exmple-4nf)`, where a look-alike letter (a Cyrillic а) shows as the other name it is.
 * Empty for an ASCII name, whose messages stay as they were, and for a text that does not hold the name.
 */
export function punycodeBeside(text: string, host: string = text): string {
  const ascii = asciiHostName(host);
  return ascii === host || !text.includes(host) ? '' : ` (${text.replace(host, () => ascii)})`;
}

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

/** A control, format or invisible character: a name holding one is not the name it shows (the bidi overrides, zero-width spaces). */
// eslint-disable-next-line no-control-regex
const HIDDEN_IN_NAME = new RegExp(`[\\p{Cc}\\p{Cf}${INVISIBLE_CLASS}]`, 'u');

/** Why a text that is neither an IPv4 address nor a host name is refused: a name ending in a number is read as an address. */
export function hostProblem(host: string): string {
  const hidden = HIDDEN_IN_NAME.exec(host);
  if (hidden) return `${quote(host)} contains ${codePoint(hidden[0])}, a character that shows as nothing or changes how the text around it shows: it has no place in a host name`;
  const ascii = asciiHostName(host);
  const numeric = /(^|\.)(0x[0-9a-f]*|\d+)\.?$/i.test(ascii) && /^[\w.-]+$/.test(ascii);
  if (numeric) return `${quote(host)} ends in a number, which resolvers read as (part of) an IPv4 address: write the address as four decimal numbers, or the host's name`;
  return `${quote(host)} is not a valid host name or IP address`;
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

/** Whether a text can be the name a certificate is issued to: a host name (a wildcard's `*.` allowed) or an address. */
export function isCertificateName(text: string): boolean {
  const name = text.startsWith('*.') ? text.slice(2) : text;
  return isHostName(name) || isIPv4(text) || isIPv6(text.replace(/^\[(.*)\]$/, '$1'));
}
