/**
 * Characters `JSON.stringify` leaves raw that a terminal or a viewer acts on: DEL and the C1 controls (U+009B is
 * CSI, an escape sequence's start, to many terminals), the bidi marks, overrides and isolates that reorder what is
 * shown (U+202E), zero-width and invisible characters, the line and paragraph separators, and a BOM. Text from
 * files, exports, certificates and servers reaches the JSON and SARIF output as data: each of these is written as
 * its `\uXXXX` escape, which every JSON reader reads back as the same character (RFC 8259 §7).
 */
const UNSAFE_TEST = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const UNSAFE = new RegExp(UNSAFE_TEST.source, 'g');

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON text with those characters escaped. They can stand only inside strings, so the rest is left as it is. */
export function jsonSafe(json: string): string {
  return UNSAFE_TEST.test(json) ? json.replace(UNSAFE, escape) : json;
}

/** `JSON.stringify(value, null, 2)`, with the characters above escaped. */
export function jsonText(value: unknown): string {
  return jsonSafe(JSON.stringify(value, null, 2));
}
