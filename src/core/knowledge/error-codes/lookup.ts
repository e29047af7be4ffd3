// The error-code catalogue as one list, and finding entries in it: a code as people type it (hex, decimal, a bare
// hex with a letter), by value or by name, and an extended code through the ERRINFO table and the protocol range.
import type { ErrorCodeFamily, ErrorCodeInfo } from '../error-code-types';
import { AVD_CONNECTION_CODES } from './avd';
import { CLIENT_CODES } from './client';
import { DISCONNECT_CODES } from './disconnect';
import { ERRINFO_CODES } from './errinfo';
import { FREERDP_CONNECT_CODES, FREERDP_ERRINFO_CODES } from './freerdp';
import { EXTENDED_CODES, PROTOCOL_RANGE } from './extended';
import { LOGON_CODES } from './logon';
import { NEG_FAILURE_CODES } from './neg-failure';

/** Every known code, disconnect first: the order `lookupErrorCode` answers in. */
export const ERROR_CODES: readonly ErrorCodeInfo[] = [
  ...DISCONNECT_CODES,
  ...EXTENDED_CODES,
  ...ERRINFO_CODES,
  ...NEG_FAILURE_CODES,
  ...LOGON_CODES,
  ...CLIENT_CODES,
  ...FREERDP_CONNECT_CODES,
  ...FREERDP_ERRINFO_CODES,
];

/** Codes are 32-bit: signed (OnLogonError's -2) or unsigned (0xC000006D). */
const MIN_CODE = -0x8000_0000;
const MAX_CODE = 0xffff_ffff;

/**
 * Reads a code as users paste it: `0x904`, `0X904`, `2308`, `-2`, or bare hex when it has a
 * letter (`A06`). Bare digits are decimal, as ActiveX hosts print them.
 */
export function parseErrorCode(text: string): number | undefined {
  const s = text.trim();
  let value: number;
  if (/^0x[0-9a-f]+$/i.test(s)) value = parseInt(s.slice(2), 16);
  else if (/^-?\d+$/.test(s)) value = Number(s);
  else if (/^[0-9a-f]+$/i.test(s) && /[a-f]/i.test(s)) value = parseInt(s, 16);
  else return undefined;
  if (!Number.isSafeInteger(value) || value < MIN_CODE || value > MAX_CODE) return undefined;
  return value === 0 ? 0 : value; // -0 becomes 0
}

/** All entries with this number (signed and unsigned forms match), disconnect first. */
export function lookupErrorCode(code: number, family?: ErrorCodeFamily): ErrorCodeInfo[] {
  if (!Number.isInteger(code) || code < MIN_CODE || code > MAX_CODE) return [];
  const key = code >>> 0;
  return ERROR_CODES.filter((e) => e.code >>> 0 === key && (family === undefined || e.family === family));
}

/** A symbolic name as people paste it: the source's (`ERRINFO_ENCPKGMISMATCH`) or another implementation's. */
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * All entries a name or alias denotes, in any case, disconnect first; Azure Virtual Desktop's connection errors last,
 * which only a name finds (avd.ts: their numbers are shared).
 */
export function lookupErrorName(name: string, family?: ErrorCodeFamily): ErrorCodeInfo[] {
  const key = name.trim().toUpperCase();
  // "undocumented" is what several codes are, not the name of one.
  if (!NAME.test(key) || key === 'UNDOCUMENTED') return [];
  return [...ERROR_CODES, ...AVD_CONNECTION_CODES].filter(
    (e) => (family === undefined || e.family === family) && (e.name.toUpperCase() === key || e.aliases?.some((a) => a.toUpperCase() === key)),
  );
}

/** Extended codes: the extended table, then ERRINFO (same numbering), then the protocol range. */
export function lookupExtended(value: number): ErrorCodeInfo | undefined {
  const found = lookupErrorCode(value, 'extended')[0] ?? lookupErrorCode(value, 'errinfo')[0];
  if (found !== undefined || value < PROTOCOL_RANGE.start || value > PROTOCOL_RANGE.end) return found;
  return {
    family: 'extended',
    code: value,
    name: 'exDiscReasonProtocolRangeStart..exDiscReasonProtocolRangeEnd',
    meaning: `An internal protocol error (extended codes ${hex(PROTOCOL_RANGE.start)}–${hex(PROTOCOL_RANGE.end)}) that is not in the ERRINFO table. Check the server event log for additional details.`,
    likelyCauses: [],
    checks: [],
    sources: ['EXTENDED-REASON'],
  };
}

/** A code as the dialogs show it: `0x904`, unsigned, upper-case hex. */
export function hex(code: number): string {
  return `0x${(code >>> 0).toString(16).toUpperCase()}`;
}
