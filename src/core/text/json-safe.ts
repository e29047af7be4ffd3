import { INVISIBLE_CLASS, TAG_PAIR, unicodeEscapes } from './invisible';

/**
 * Characters `JSON.stringify` leaves raw that a terminal or a viewer acts on: DEL and the C1 controls (U+009B is
 * CSI, an escape sequence's start, to many terminals), the zero-width joiners, and what shows as nothing or reorders
 * what is shown (`INVISIBLE_CLASS`: U+202E, zero-width and invisible characters, the line and paragraph separators, a
 * BOM, tag characters). Text from files, exports, certificates and servers reaches the JSON and SARIF output as data:
 * each of these is written as its `\uXXXX` escape (a tag character as its two surrogates), which every JSON reader
 * reads back as the same character (RFC 8259 §7).
 */
const UNSAFE_TEST = new RegExp(`[\\u007f-\\u009f\\u200c\\u200d${INVISIBLE_CLASS}]|${TAG_PAIR}`);
const UNSAFE = new RegExp(UNSAFE_TEST.source, 'g');

/**
 * JSON text with those characters escaped. They can stand only inside strings, so the rest is left as it is. So can
 * `##[`, which GitHub Actions' runner reads anywhere in a line of a step's log as a workflow command (`##[error]`,
 * `##[add-mask]`; the text output's `terminalSafe` says more): JSON and SARIF printed in a step are read too, so its
 * `#` is written as `\u0023`, which reads back the same.
 */
export function jsonSafe(json: string): string {
  const safe = UNSAFE_TEST.test(json) ? json.replace(UNSAFE, unicodeEscapes) : json;
  return safe.includes('##[') ? safe.replaceAll('##[', '#\\u0023[') : safe;
}

/** `JSON.stringify(value, null, 2)`, with the characters above escaped. */
export function jsonText(value: unknown): string {
  return jsonSafe(JSON.stringify(value, null, 2));
}
