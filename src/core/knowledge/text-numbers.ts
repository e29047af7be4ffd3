import { namedByNonCodeLabels } from './non-code-labels';

/** A stretch of a text, end exclusive. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Forms whose digits are parts of something else, never a code: what a dialog or a log line holds beside its codes
 * (mstsc's "Timestamp (UTC): 2024-05-02T09:41:07.123Z", an activity ID, an address or a version).
 */
const STRUCTURED_FORMS = [
  // ISO 8601 dates and date-times.
  String.raw`(?:19|20)\d\d-\d\d?-\d\d?(?:[T ]\d\d?:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?`,
  // Dates with a four-digit year: 5/2/2024, 02-05-2024, 2024/05/02.
  String.raw`\d\d?[/-]\d\d?[/-](?:19|20)\d\d|(?:19|20)\d\d/\d\d?/\d\d?`,
  // Clock times: 09:41, 9:41:07.123.
  String.raw`\d\d?:\d\d(?::\d\d(?:[.,]\d+)?)?`,
  // WinPR's log prefix on FreeRDP's lines, "[%hr:%mi:%se:%ml] [%pid:%tid]" (winpr/libwinpr/utils/wlog/Layout.c):
  // "[01:26:34:167] [5589:5592] [ERROR][com.freerdp.core] - … ERRCONNECT_CONNECT_TRANSPORT_FAILED [0x0002000D]".
  String.raw`\[\d\d:\d\d:\d\d:\d{3}\] \[\d+:[0-9a-f]+\]`,
  // GUIDs.
  String.raw`\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?`,
  // Dotted numbers: IPv4 addresses, versions, fractions.
  String.raw`\d+(?:\.\d+)+`,
  // SIDs, "S-1-5-21-3471133136-2963561160-3931775028-1001" (MS-DTYP 2.4.2.1: S-1, then its authority and sub-authorities).
  String.raw`S-1(?:-\d+)+`,
  // Addresses: an event's xmlns, "http://schemas.microsoft.com/win/2004/08/events/event".
  String.raw`(?:https?|ftp|file)://[^\s"'<>]*`,
  // Windows releases: 22H2, 24H2.
  String.raw`\d\dH[12]`,
];
const STRUCTURED_RE = new RegExp(String.raw`(?<![0-9a-z_.])(?:${STRUCTURED_FORMS.join('|')})(?![0-9a-z_]|\.\d)`, 'gi');

/**
 * A word that starts with a digit or with 0x (a number in decimal or hex of any size, or one mistyped: `0x7g`, `7x`), or
 * bare hex with a letter and a digit, as `parseErrorCode` reads it (`A06`): read as a code or refused, never passed over.
 */
const NUMBER_RE = /(?<![0-9a-z_])(?:(?:0x|\d)[0-9a-z_]*|(?=[0-9a-f]*\d)[0-9a-f]*[a-f][0-9a-f]*(?![0-9a-z_]))/gi;

/** The dates, times, GUIDs, dotted numbers, SIDs, addresses, releases and FreeRDP log prefixes of a text. */
function structuredSpans(text: string): TextSpan[] {
  return spansOf(text, STRUCTURED_RE);
}

/** The spans of `items` that overlap none of `excluded`; both left to right, and no two of `excluded` overlap. */
export function outside<T extends TextSpan>(items: readonly T[], excluded: readonly TextSpan[]): T[] {
  const kept: T[] = [];
  let next = 0;
  for (const item of items) {
    while (next < excluded.length && excluded[next]!.end <= item.start) next++;
    if (next === excluded.length || excluded[next]!.start >= item.end) kept.push(item);
  }
  return kept;
}

/** The matches of a global regular expression, as spans with their text. */
export function spansOf(text: string, pattern: RegExp): (TextSpan & { readonly text: string })[] {
  return [...text.matchAll(pattern)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * The dates, times, GUIDs, dotted numbers, SIDs, addresses, releases and FreeRDP log prefixes of a text that hold none
 * of the codes `read` from it: one a code was read from is none ("Error code 3:17" is the code 3 and a number).
 */
export function structuresBeside(text: string, read: readonly TextSpan[]): TextSpan[] {
  return outside(structuredSpans(text), read);
}

/** The numbers a label names as no code ("Session 2", "build 22631", `<Level>4</Level>`) that hold none of the codes `read`. */
export function namedBeside(text: string, read: readonly TextSpan[]): TextSpan[] {
  return outside(namedByNonCodeLabels(text), read);
}

/**
 * The numbers of a text a reader counts, left to right: outside its structures (`structuresBeside`) and the words a
 * label names whatever they hold ("Computer: DC01.contoso.com", "User: S-1-5-21-…"). "Session 2" is one.
 */
export function numbersToCount(text: string, read: readonly TextSpan[] = []): TextSpan[] {
  return outside(outside(spansOf(text, NUMBER_RE), structuresBeside(text, read)), outside(namedByNonCodeLabels(text, ['name']), read));
}

/**
 * The numbers of a text, left to right, that a person may have typed as a code: those counted (`numbersToCount`) but
 * the ones a label names as no code ("Session 2", "build 22631"). A host name that reads as hex (`dc01`) is among
 * them, unless a label names it: the explainer reads `A06`.
 */
export function numbersIn(text: string, read: readonly TextSpan[] = []): TextSpan[] {
  return outside(numbersToCount(text, read), outside(namedByNonCodeLabels(text, ['number']), read));
}
