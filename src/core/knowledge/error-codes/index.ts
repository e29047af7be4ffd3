import type { ErrorCodeFamily, ErrorCodeInfo } from '../error-code-types';
import { SOURCES, type SourceId } from '../sources';
import { CLIENT_CODES } from './client';
import { DISCONNECT_CODES } from './disconnect';
import { ERRINFO_CODES } from './errinfo';
import { FREERDP_CONNECT_CODES, FREERDP_ERRINFO_CODES } from './freerdp';
import { EXTENDED_CODES, PROTOCOL_RANGE } from './extended';
import { LOGON_CODES } from './logon';
import { NEG_FAILURE_CODES } from './neg-failure';
import { ERROR_CODE_PAIRS } from './pairs';

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

/** All entries a name or alias denotes, in any case, disconnect first. */
export function lookupErrorName(name: string, family?: ErrorCodeFamily): ErrorCodeInfo[] {
  const key = name.trim().toUpperCase();
  // "undocumented" is what several codes are, not the name of one.
  if (!NAME.test(key) || key === 'UNDOCUMENTED') return [];
  return ERROR_CODES.filter(
    (e) => (family === undefined || e.family === family) && (e.name.toUpperCase() === key || e.aliases?.some((a) => a.toUpperCase() === key)),
  );
}

/** The entry a code or a name denotes: a number is looked up by value, anything else by name. */
function resolve(text: string, family?: ErrorCodeFamily): { entry?: ErrorCodeInfo; value?: number; byName: boolean } {
  const value = parseErrorCode(text);
  if (value !== undefined) return { entry: lookupErrorCode(value, family)[0], value, byName: false };
  return { entry: lookupErrorName(text, family)[0], byName: true };
}

/** The `explain --format json` object (SPEC §3), plus `unverified`. */
export interface Explanation {
  code: string;
  decimal: number;
  name: string;
  meaning: string;
  extended: { code: string; decimal: number; name: string; meaning: string } | null;
  likelyCauses: string[];
  checks: string[];
  sources: { title: string; url?: string }[];
  unverified: boolean;
  /**
   * The family the code is read in when it is not an OnDisconnected code ("Error code"): 0x4 is only an extended code,
   * and ERRINFO 0x104 (`explainInFamily`) is not disconnect 0x104.
   */
  family?: ErrorCodeFamily;
}

/** How an admin names a family when typing a lone code for the explainer (`errinfo 0x10C9`). */
export const FAMILY_WORDS: Readonly<Record<string, ErrorCodeFamily>> = {
  disconnect: 'disconnect',
  extended: 'extended',
  errinfo: 'errinfo',
  'neg-failure': 'neg-failure',
  negfailure: 'neg-failure',
  logon: 'logon',
  client: 'client',
};

/** One code read in the family named, without a pair: an extended code, ERRINFO or logon error on its own. */
export function explainInFamily(family: ErrorCodeFamily, code: string): Explanation | { error: string } {
  const what = FAMILY_NOUNS[family];
  const { entry, value } = resolve(code, family);
  if (value === undefined && entry === undefined) return { error: notACode(code, what) };
  if (entry === undefined) return { error: unknownCode(code, value!, what) };
  const described = describe(entry);
  return {
    ...described,
    meaning: withNotes(described.meaning, hexReading(code, (v) => lookupErrorCode(v, family)[0])),
    extended: null,
    ...(family !== 'disconnect' && { family }),
  };
}

/** The fields of an explanation that come from one entry alone. */
function describe(entry: ErrorCodeInfo): Omit<Explanation, 'extended'> {
  return {
    code: hex(entry.code),
    decimal: entry.code,
    name: entry.name,
    meaning: entry.meaning,
    likelyCauses: [...entry.likelyCauses],
    checks: [...entry.checks],
    sources: entry.sources.map(sourceRef),
    unverified: Boolean(entry.unverified),
  };
}

/** How each family's code is labelled where it is shown ("Error code", "Server error info" …). */
export const FAMILY_LABELS: Readonly<Record<ErrorCodeFamily, string>> = {
  disconnect: 'Error code',
  extended: 'Extended error code',
  errinfo: 'Server error info',
  'neg-failure': 'Negotiation failure code',
  logon: 'Logon error',
  client: 'Client error code',
};

/** How each family's code is named in a sentence ("an extended error code"). */
export const FAMILY_NOUNS: Readonly<Record<ErrorCodeFamily, string>> = {
  disconnect: 'error code',
  extended: 'extended error code',
  errinfo: 'server error info code',
  'neg-failure': 'negotiation failure code',
  logon: 'logon error code',
  client: 'client error code',
};

/**
 * The main code as a heading names it, `code` as the heading shows it: "Error code 0x904", "Extended error code 0x4" alone,
 * and "Error code 0x4 (read as an extended error code)" beside an extended code, so the pair does not read as two
 * extended codes: whatever family it is read in, the first code of a pair is the dialog's "Error code".
 */
export function mainCodeTitle(e: Pick<Explanation, 'family' | 'extended'>, code: string): string {
  if (e.family === undefined) return `${FAMILY_LABELS.disconnect} ${code}`;
  if (e.extended === null) return `${FAMILY_LABELS[e.family]} ${code}`;
  const noun = FAMILY_NOUNS[e.family];
  return `${FAMILY_LABELS.disconnect} ${code} (read as ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun})`;
}

export function explain(code: string, extended?: string): Explanation | { error: string } {
  const { entry: main, value } = resolve(code);
  if (main === undefined) return { error: value === undefined ? notACode(code, 'error code') : unknownCode(code, value, 'error code') };

  let ext: ErrorCodeInfo | undefined;
  if (extended !== undefined) {
    const extValue = parseErrorCode(extended);
    ext = extValue === undefined ? (lookupErrorName(extended, 'extended')[0] ?? lookupErrorName(extended, 'errinfo')[0]) : lookupExtended(extValue);
    if (ext === undefined) {
      return { error: extValue === undefined ? notACode(extended, 'extended error code') : unknownCode(extended, extValue, 'extended error code') };
    }
  }
  const extCode = ext?.code;
  const extHexReading = extended === undefined ? undefined : hexReading(extended, (v) => lookupErrorCode(v, 'extended')[0] ?? lookupErrorCode(v, 'errinfo')[0]);
  const pair =
    main.family === 'disconnect' && extCode !== undefined
      ? ERROR_CODE_PAIRS.find((p) => p.disconnect === main.code && p.extended === extCode)
      : undefined;

  // Most specific first: the pair, then the extended code (the "why"), then the main code. An extended code that gives
  // a reason (any but 0, "no information") replaces the main code's causes and checks: 0x904's are those of a
  // connection that fails to open, wrong for 0x904 with 0x3 (the server dropped an idle session) or 0xC (a log-off).
  const extGivesReason = ext !== undefined && ext.code !== 0;
  // A number typed for the "Error code" that is none: said, with the table it is missing from.
  const notDisconnect = value !== undefined && main.family !== 'disconnect' && main.family !== 'client';
  const layers = [pair, ext, extGivesReason ? undefined : main].filter((l) => l !== undefined);
  return {
    code: hex(main.code),
    decimal: main.code,
    name: main.name,
    meaning: withNotes(main.meaning, notDisconnect && notADisconnectCode(main), hexReading(code, (v) => lookupErrorCode(v)[0])),
    extended: ext === undefined ? null : { code: hex(ext.code), decimal: ext.code, name: ext.name, meaning: withNotes(ext.meaning, ext.family === 'errinfo' && BY_ERRINFO_NUMBER, extHexReading) },
    likelyCauses: unique(layers.flatMap((l) => l.likelyCauses)),
    checks: unique(layers.flatMap((l) => l.checks)),
    // Without its causes, the main code keeps only the source of its meaning, which each entry lists first.
    sources: unique([
      ...(extGivesReason ? main.sources.slice(0, 1) : main.sources),
      ...(ext?.sources ?? []),
      ...(pair?.sources ?? []),
      ...(notDisconnect ? (['ONDISCONNECTED'] as const) : []),
    ]).map(sourceRef),
    // An extended code read from the ERRINFO table is an inference from the shared numbering (error-codes.md §1).
    unverified: Boolean(main.unverified || ext?.unverified || ext?.family === 'errinfo'),
    ...(main.family !== 'disconnect' && { family: main.family }),
  };
}

/**
 * Said of a number that is no OnDisconnected code, read in the family the lookup found it in: the dialogs' "Error code"
 * is the OnDisconnected code, and the one the Mac, mobile and Windows App clients show outside its table is
 * undocumented (error-codes.md §2).
 */
function notADisconnectCode(entry: ErrorCodeInfo): string {
  return `(Not an OnDisconnected code, the "Error code" of the Remote Desktop client's dialog: read as the ${FAMILY_NOUNS[entry.family]} ${hex(entry.code)}. What an "Error code ${hex(entry.code)}" from the Mac, mobile or Windows App clients means is undocumented.)`;
}

/**
 * A code its text labels in one family (an "Extended error code" of a dialog or log line) that only another family's
 * table has, as that family explains it, with a note that says so: extended codes share their numbers with ERRINFO
 * codes, but Microsoft does not say that every extended code is one (error-codes.md §1), so the reading is inferred.
 */
export function explainAsLabelled(label: ErrorCodeFamily, found: ErrorCodeFamily, code: string): Explanation | { error: string } {
  const explanation = explainInFamily(found, code);
  if ('error' in explanation || label === found) return explanation;
  const note = `(Labelled ${article(FAMILY_NOUNS[label])} ${FAMILY_NOUNS[label]}, but no ${FAMILY_NOUNS[label]} has this number: read as the ${FAMILY_NOUNS[found]} of the same number${label === 'extended' && found === 'errinfo' ? '; the extended codes Microsoft lists share their numbers with ERRINFO codes, but Microsoft does not say that every extended code is one' : ''}.)`;
  return { ...explanation, meaning: withNotes(explanation.meaning, note), unverified: true };
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}

/** A meaning with the notes that apply to how the code was read. */
function withNotes(meaning: string, ...notes: (string | false | undefined)[]): string {
  return [meaning, ...notes].filter(Boolean).join(' ');
}

/**
 * Said of a code typed in bare decimal digits whose digits read as hex are a known code too: the dialogs show hex
 * (0x11), some hosts decimal (17), and the digits alone do not say which.
 */
function hexReading(text: string, lookup: (value: number) => ErrorCodeInfo | undefined): string | undefined {
  const other = otherBase(text);
  if (other === undefined || other.typedHex || other.value === Number(other.digits)) return undefined;
  const entry = lookup(other.value);
  return entry && `(${other.digits} is read as a decimal number, ${hex(Number(other.digits))}. The Remote Desktop client shows codes in hex: did you mean ${hex(other.value)} (${entry.name})?)`;
}

/** Said of an extended code the ActiveX table does not list, read as the ERRINFO code of the same number. */
const BY_ERRINFO_NUMBER =
  '(Read as the Set Error Info code of the same number: the extended codes Microsoft lists share their numbers with ERRINFO codes, but Microsoft does not say that every extended code is one.)';

/** Extended codes: the extended table, then ERRINFO (same numbering), then the protocol range. */
function lookupExtended(value: number): ErrorCodeInfo | undefined {
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

function hex(code: number): string {
  return `0x${(code >>> 0).toString(16).toUpperCase()}`;
}

/** What a code or a name can look like (0x904, 2308, -2147467259, ERRINFO_LOGOFF_BY_USER): only such a text is repeated. */
const CODE_LIKE = /^[-+]?[A-Za-z0-9_]{1,64}$/;

/** Numbers in hex or decimal and the separators and brackets people put around them ("(0x7)", "0x904 (0x7"): nothing else. */
const NUMBERS_ONLY = /^[\s,;/:()[\]]*[-+]?(?:0x[0-9a-f]{1,16}|\d{1,20})(?:[\s,;/:()[\]]{1,4}[-+]?(?:0x[0-9a-f]{1,16}|\d{1,20})){0,3}[\s,;/:()[\]]*$/i;

/** The error for a text that is no code and no name known: it is repeated only when it is shaped like one, or like a few numbers. */
export function notACode(text: string, what: string): string {
  const article = /^[aeiou]/i.test(what) ? 'an' : 'a';
  const given = text.trim();
  // A text no code or name looks like (a pasted `xfreerdp … /p:…` line, `/p:Secret1`) is described, not repeated into
  // a terminal or a CI log (session 17 reviews).
  const shown = CODE_LIKE.test(given) || NUMBERS_ONLY.test(given) ? `"${given}"` : `The text given (${given.length} characters${/\s/.test(given) ? ', with blanks' : ''}, not shown)`;
  return `${shown} is not ${article} ${what} or a name RDP Doctor knows; write it in hex (0x904), in decimal (2308) or as its name (ERRINFO_LOGOFF_BY_USER).`;
}

/** The value of a code's digits in the other base (0x516 typed: 516; 11 typed: 0x11), when it has only digits. */
function otherBase(text: string): { value: number; digits: string; typedHex: boolean } | undefined {
  const digits = text.trim().replace(/^0x/i, '');
  if (!/^\d+$/.test(digits)) return undefined;
  const typedHex = /^0x/i.test(text.trim());
  const value = parseErrorCode(typedHex ? digits : `0x${digits}`);
  return value === undefined ? undefined : { value, digits, typedHex };
}

/** Names the value both ways and, when the digits mean a known code in the other base, says so. */
function unknownCode(text: string, value: number, what: string): string {
  const message = `No known ${what} ${hex(value)} (decimal ${value}).`;
  const other = otherBase(text);
  if (other === undefined || lookupErrorCode(other.value).length === 0) return message;
  return other.typedHex
    ? `${message} Some hosts print codes in decimal: did you mean ${other.digits} (${hex(other.value)})?`
    : `${message} The Remote Desktop client shows codes in hex: did you mean ${hex(other.value)}?`;
}

function sourceRef(id: SourceId): { title: string; url?: string } {
  const { title, url } = SOURCES[id];
  return url === undefined ? { title } : { title, url };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
