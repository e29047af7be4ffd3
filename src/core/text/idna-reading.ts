import { domainToASCII, domainToUnicode } from 'node:url';
import { asciiHostName } from './host-name';

/** Lower case one character at a time (Σ is σ wherever it stands, as UTS #46 maps it), composed (NFC): the name as it shows, case aside. */
export function lowered(text: string): string {
  return text.replace(/[\p{Lu}\p{Lt}]/gu, (c) => c.toLowerCase()).normalize('NFC');
}

/**
 * Whether case folding (`ẞ` is `ss`, `ᾳ` is `αι`) or compatibility normalization (NFKC: `ⅼ` is `l`, `ｒ` is `r`) changes
 * a name beyond its lower case: all the mapping can change. A `ß` or `ς` written so, which fold to `ss` and `σ`, UTS #46
 * keeps (nontransitional processing, as Node's URL parser applies it); `ẞ` it does not.
 */
export function foldingChanges(host: string): boolean {
  // ß, ς and σ by code point: a non-ASCII character in a regular expression reaches the bundle unescaped, and one such
  // character makes Node read the whole bundle as a two-byte string (esbuild.mjs keeps the bundles ASCII).
  const shown = lowered(host);
  const folded = shown.toUpperCase().toLowerCase().normalize('NFKC');
  return folded !== shown && folded !== lowered(host.replace(/\u00df/g, 'ss').replace(/\u03c2/g, '\u03c3'));
}

/** A name the IDNA mapping reads as another, and the characters it changes (as written, and what each becomes). */
export interface IdnaReading {
  readonly name: string;
  readonly changed: readonly { readonly char: string; readonly becomes: string }[];
}

/**
 * The name a non-ASCII host name is looked up as when the IDNA mapping (UTS #46, applied before the Punycode
 * conversion) changes more than its letter case: compatibility characters become the letters they stand for
 * (`paypaⅼ` with U+217C SMALL ROMAN NUMERAL FIFTY is `paypal`, full-width `ｒｄｓｈ０１` is `rdsh01`), and
 * `ẞ` is `ss`. Undefined for an ASCII name and for one that maps to itself, case aside (Cherokee maps to its capitals).
 */
export function idnaReading(host: string): IdnaReading | undefined {
  if (host !== lastHost) {
    lastReading = readingOf(host);
    lastHost = host;
  }
  return lastReading;
}

/** The last name asked for, and its answer: a file repeats its address on several lines, and decoding costs ~10 µs. */
let lastHost = '';
let lastReading: IdnaReading | undefined;

function readingOf(host: string): IdnaReading | undefined {
  const ascii = asciiHostName(host);
  if (ascii === host) return undefined;
  // Only a name that compatibility or case folding changes can read as another (the test tries every character), so most skip the decoding.
  if (!foldingChanges(host)) return undefined;
  const name = domainToUnicode(ascii);
  if (name === '' || lowered(name) === lowered(host)) return undefined;
  const changed: { char: string; becomes: string }[] = [];
  for (const char of new Set(host)) {
    const becomes = char.charCodeAt(0) < 128 ? undefined : mapped(char);
    if (becomes !== undefined) changed.push({ char, becomes });
  }
  return { name, changed };
}

/** What the mapping makes of one character, or undefined when it keeps it (case aside). */
function mapped(char: string): string | undefined {
  // After a letter (alone, a digit is an IPv4 number to the conversion and a mark no label), or alone where a Latin
  // letter before it breaks the bidi rule (an Arabic presentation form).
  for (const before of ['a', '']) {
    const read = domainToUnicode(domainToASCII(before + char));
    if (read !== '') return lowered(read) === lowered(before + char) ? undefined : read.slice(before.length);
  }
  return undefined;
}
