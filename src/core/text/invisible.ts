/**
 * What shows as nothing, or changes how the text around it is shown, as a regular expression's character-class body:
 * the soft hyphen, the combining grapheme joiner, the Arabic letter mark, the Hangul fillers (U+115F, U+1160, U+3164,
 * U+FFA0) and the Mongolian vowel separator, which render blank; zero-width space; the bidi marks, embeddings,
 * overrides and isolates; the line and paragraph separators; the word joiner and the invisible operators; the BOM
 * (zero-width no-break space); the interlinear annotation controls. The one list the terminal, JSON and Problems
 * panel escapes share, so what one shows the others do not hide.
 */
export const INVISIBLE_CLASS =
  '\\u00ad\\u034f\\u061c\\u115f\\u1160\\u180e\\u200b\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\u3164\\ufeff\\uffa0\\ufff9-\\ufffb';

/** The tag characters U+E0000–U+E007F as UTF-16 (one surrogate pair each): invisible text riding after any character. */
export const TAG_PAIR = '\\udb40[\\udc00-\\udc7f]';

/** Each UTF-16 unit of a match as `\uXXXX` (a tag character as its two surrogates, as JSON writes it). */
export function unicodeEscapes(match: string): string {
  let out = '';
  for (let i = 0; i < match.length; i++) out += `\\u${match.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** A character as a message names it: `U+200B`, `U+E0041`. */
export function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

// eslint-disable-next-line no-control-regex
const HIDDEN = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f\\u200c\\u200d${INVISIBLE_CLASS}]|${TAG_PAIR}`, 'g');

/**
 * Text from a file, an export or a server as VS Code's Problems panel and hovers show a diagnostic: every C0 and C1
 * control (tabs and line breaks too: no message has one), the zero-width joiners and everything above as a visible
 * `\uXXXX`. The panel renders bidi controls and zero-width characters as they are, so `"pass\u200bword"` would read
 * as "password" and U+202E would reverse a file name.
 */
export function showHidden(text: string): string {
  HIDDEN.lastIndex = 0;
  return HIDDEN.test(text) ? text.replace(HIDDEN, unicodeEscapes) : text;
}
