// The explainer of error codes: a code, a pair or a code in a family named, as the `explain --format json` object
// (SPEC §3), from the catalogue (lookup.ts) with the notes on how the text was read (readings.ts). The folder's
// public face: what its callers use is exported here.
import type { ErrorCodeFamily, ErrorCodeInfo } from '../error-code-types';
import { SOURCES, type SourceId } from '../sources';
import { article, FAMILY_NOUNS } from './families';
import { hex, lookupErrorCode, lookupErrorName, lookupExtended, parseErrorCode } from './lookup';
import { ERROR_CODE_PAIRS } from './pairs';
import { hexReading, notACode, unknownCode } from './readings';

export { ERROR_CODES, lookupErrorCode, lookupErrorName, parseErrorCode } from './lookup';
export { FAMILY_LABELS, FAMILY_NOUNS, FAMILY_WORDS, mainCodeTitle } from './families';
export { notACode } from './readings';

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

/** A meaning with the notes that apply to how the code was read. */
function withNotes(meaning: string, ...notes: (string | false | undefined)[]): string {
  return [meaning, ...notes].filter(Boolean).join(' ');
}

/** Said of an extended code the ActiveX table does not list, read as the ERRINFO code of the same number. */
const BY_ERRINFO_NUMBER =
  '(Read as the Set Error Info code of the same number: the extended codes Microsoft lists share their numbers with ERRINFO codes, but Microsoft does not say that every extended code is one.)';

function sourceRef(id: SourceId): { title: string; url?: string } {
  const { title, url } = SOURCES[id];
  return url === undefined ? { title } : { title, url };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
