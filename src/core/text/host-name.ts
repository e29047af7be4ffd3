/**
 * What a host is, as text: an IPv4 or IPv6 literal or a host name (an internationalized one by its Punycode form),
 * and why a text is none of them.
 */
import { domainToASCII } from 'node:url';
import { quote } from './quote';
import { codePoint, INVISIBLE_CLASS } from './invisible';

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

/** Whether a text can be the name a certificate is issued to: a host name (a wildcard's `*.` allowed) or an address. */
export function isCertificateName(text: string): boolean {
  const name = text.startsWith('*.') ? text.slice(2) : text;
  return isHostName(name) || isIPv4(text) || isIPv6(text.replace(/^\[(.*)\]$/, '$1'));
}
