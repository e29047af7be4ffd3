import { isHostName, isIPv4, isIPv6 } from '../text/host-name';
import { codePoint } from '../text/invisible';
import { quote } from '../text/quote';
import type { FixParam } from './types';

/** The characters PowerShell treats as a single quote: ' and the Unicode ‘ ’ ‚ ‛. */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/** A single-quoted PowerShell literal: nothing inside expands, and every quote character is doubled. */
export function psQuote(value: string): string {
  return `'${value.replace(SINGLE_QUOTES, (q) => q + q)}'`;
}

/** Controls, zero-width and bidi characters, and every space other than U+0020 (NBSP, U+2007, U+202F…), which would print as an ordinary space. */
const INVISIBLE = /[\u0000-\u001F\u007F-\u00A0\u1680\u2000-\u200F\u2028-\u202F\u205F-\u2069\u3000\uD800-\uDFFF\uFEFF]/;

/** The value for a one-line message: cut short, control and invisible characters written as U+XXXX. */
export function showValue(value: string): string {
  return quote(value.replace(new RegExp(INVISIBLE, 'g'), codePoint));
}

function describeChar(c: string): string {
  if (c === ' ') return 'a space';
  if (INVISIBLE.test(c)) return codePoint(c);
  return `"${c}"`;
}

/** The first character outside `allowed`, described for a message. */
function badChar(value: string, allowed: RegExp): string | undefined {
  for (const c of value) if (!allowed.test(c)) return describeChar(c);
  return undefined;
}

const HOST_CHARS = /^[A-Za-z0-9.:%_-]$/;
const AZURE_CHARS = /^[A-Za-z0-9._()-]$/;
const HEX_CHARS = /^[0-9A-Fa-f]$/;
/**
 * Separators people copy with a thumbprint: colons, the invisible left-to-right mark (KB3042780) and spaces — any Unicode
 * space separator (general category Zs: U+0020, the no-break space U+00A0, U+2007, U+202F… which a copy from a web page or
 * a document can carry) and U+FEFF.
 */
const THUMBPRINT_SEPARATORS = /[\p{Zs}:\u200E\uFEFF]/gu;
const HOST_MAX = 253;
const AZURE_MAX = 90;

function checkHost(param: FixParam, value: string): string | undefined {
  const what = param.kind === 'computerName' ? 'a computer name' : 'a host name';
  if (value.length > HOST_MAX) return `Parameter "${param.key}" must be ${what} or an IP address of at most ${HOST_MAX} characters; this one has ${value.length}.`;
  const bad = badChar(value, HOST_CHARS);
  if (bad) return `Parameter "${param.key}" must be ${what} or an IP address; ${showValue(value)} contains ${bad}.`;
  if (isIPv4(value) || isIPv6(value) || isHostName(value)) return undefined;
  return `Parameter "${param.key}" must be ${what} or an IP address, not ${showValue(value)}.`;
}

function checkThumbprint(param: FixParam, value: string): string | undefined {
  const hex = value.replace(THUMBPRINT_SEPARATORS, '');
  const bad = badChar(hex, HEX_CHARS);
  if (bad) return `Parameter "${param.key}" must be a certificate thumbprint (40 hexadecimal digits); ${showValue(value)} contains ${bad}.`;
  if (hex.length !== 40) return `Parameter "${param.key}" must be a certificate thumbprint (40 hexadecimal digits); ${showValue(value)} has ${hex.length}.`;
  return undefined;
}

/** Plain decimal without sign or leading zeros, 1 to `max`. */
function checkNumber(param: FixParam, value: string, max: number, what: string): string | undefined {
  const n = /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : NaN;
  if (n >= 1 && n <= max) return undefined;
  return `Parameter "${param.key}" must be ${what} from 1 to ${max}, not ${showValue(value)}.`;
}

function checkChoice(param: FixParam, value: string): string | undefined {
  const choices = param.choices ?? [];
  if (choices.some((c) => c.toLowerCase() === value.toLowerCase())) return undefined;
  return `Parameter "${param.key}" must be one of ${choices.join(', ')}, not ${showValue(value)}.`;
}

/** Azure resource names as Azure allows them for resource groups (ASCII only): letters, digits, . _ - ( ), not ending in a period. */
function checkAzureName(param: FixParam, value: string): string | undefined {
  const max = param.maxLength ?? AZURE_MAX;
  if (value.length > max) return `Parameter "${param.key}" must be an Azure name of at most ${max} characters; this one has ${value.length}.`;
  const bad = badChar(value, AZURE_CHARS);
  if (bad) return `Parameter "${param.key}" must be an Azure name (letters, digits, ".", "_", "-", "(", ")"); ${showValue(value)} contains ${bad}.`;
  if (value.endsWith('.')) return `Parameter "${param.key}" must be an Azure name, which cannot end with a period: ${showValue(value)}.`;
  return undefined;
}

/** Checks one value: an error sentence that names the parameter, or undefined when the value is valid. */
export function validateParam(param: FixParam, value: string): string | undefined {
  if (typeof value !== 'string' || value === '') return `Parameter "${param.key}" is empty.`;
  switch (param.kind) {
    case 'computerName':
    case 'host':
      return checkHost(param, value);
    case 'thumbprint':
      return checkThumbprint(param, value);
    case 'port':
      return checkNumber(param, value, 65535, 'a TCP port number');
    case 'minutes':
      return checkNumber(param, value, 999, 'a whole number of minutes');
    case 'choice':
      return checkChoice(param, value);
    case 'azureName':
      return checkAzureName(param, value);
  }
}

/** The canonical form of a valid value: thumbprints without separators in upper case, choices as listed. */
export function normalizeParamValue(param: FixParam, value: string): string {
  if (param.kind === 'thumbprint') return value.replace(THUMBPRINT_SEPARATORS, '').toUpperCase();
  if (param.kind === 'choice') return param.choices?.find((c) => c.toLowerCase() === value.toLowerCase()) ?? value;
  return value;
}
