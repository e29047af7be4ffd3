// The lexical part of the GPO XML scanner (xml-scan.ts): XML 1.0's character classes, references checked and
// decoded as saxes reads them, and the signal by which the scanner gives a text back to saxes (`fail`).

export class Bail extends Error {}
const BAIL = new Bail();

export function fail(): never {
  throw BAIL;
}


export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
}

export function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

/** A code point XML 1.0 allows as a character reference. */
export function allowedCodePoint(n: number): boolean {
  return n === 9 || n === 10 || n === 13 || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);
}

/** Characters XML 1.0 never allows, and surrogates (allowed only in pairs: checked one by one when present). */
export const SUSPECT_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Whether every character is one XML allows (surrogates in pairs), checked once over the whole text. */
export function allCharsAllowed(text: string): boolean {
  if (!SUSPECT_CHAR.test(text)) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0xd800) continue;
    if (c === 10 || c === 9 || c === 13) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
      continue;
    }
    if (c >= 0xe000 && c <= 0xfffd) continue;
    return false;
  }
  return true;
}

/** The next index of `char` at or after `from`, remembered while the scan moves forward (linear overall). */
export class NextIndex {
  private at = -2;
  constructor(private readonly text: string, private readonly char: string) {}
  from(from: number): number {
    if (this.at === -1) return -1;
    if (this.at < from) this.at = this.text.indexOf(this.char, from);
    return this.at;
  }
}

/** Checks the reference at `text[at]` (`&`) without decoding it; returns the index past its `;`. */
export function checkReference(text: string, at: number, to: number): number {
  const semi = text.indexOf(';', at + 1);
  if (semi < 0 || semi >= to || semi - at > 10) fail();
  if (text.charCodeAt(at + 1) !== 35 /* # */) {
    const name = semi - at - 1;
    if (!((name === 2 && (text.startsWith('lt', at + 1) || text.startsWith('gt', at + 1))) || (name === 3 && text.startsWith('amp', at + 1)) || (name === 4 && (text.startsWith('quot', at + 1) || text.startsWith('apos', at + 1))))) fail();
    return semi + 1;
  }
  const hex = text.charCodeAt(at + 2) === 120 /* x */;
  let n = 0;
  let digits = 0;
  for (let k = at + (hex ? 3 : 2); k < semi; k++, digits++) {
    const c = text.charCodeAt(k);
    const d = c >= 48 && c <= 57 ? c - 48 : hex && c >= 97 && c <= 102 ? c - 87 : hex && c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0) fail();
    n = n * (hex ? 16 : 10) + d;
  }
  if (digits === 0 || !allowedCodePoint(n)) fail();
  return semi + 1;
}

/** Checks every reference in `text[from, to)` without decoding (skipped subtrees, the checking pass). */
export function checkReferences(text: string, from: number, to: number): void {
  for (let i = text.indexOf('&', from); i >= 0 && i < to; i = text.indexOf('&', i)) i = checkReference(text, i, to);
}

/** Resolves references and normalizes line breaks in `text[from, to)`; in attribute values blanks become spaces. */
export function decode(text: string, from: number, to: number, attribute: boolean): string {
  let out = '';
  let last = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      out += text.slice(last, i) + (attribute ? ' ' : '\n');
      if (text.charCodeAt(i + 1) === 10 && i + 1 < to) i++;
      last = i + 1;
    } else if (attribute && (c === 10 || c === 9)) {
      out += text.slice(last, i) + ' ';
      last = i + 1;
    } else if (c === 38) {
      const past = checkReference(text, i, to);
      const semi = past - 1;
      const name = text.slice(i + 1, semi);
      let value: string;
      if (name === 'lt') value = '<';
      else if (name === 'gt') value = '>';
      else if (name === 'amp') value = '&';
      else if (name === 'quot') value = '"';
      else if (name === 'apos') value = "'";
      else value = String.fromCodePoint(name.charCodeAt(1) === 120 ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
      out += text.slice(last, i) + value;
      i = semi;
      last = semi + 1;
    }
  }
  return out + text.slice(last, to);
}
