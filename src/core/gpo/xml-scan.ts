// A purpose-built XML scanner for the shapes the GPO readers parse (issue 16): plain elements, attributes,
// text with the predefined and numeric references, comments, an XML declaration. It gives exactly the tree
// `parseXml`'s saxes path gives, without building anything for skipped subtrees. Anything else (a DOCTYPE,
// CDATA, processing instructions, names outside ASCII, an XML 1.1 declaration) and anything not well-formed
// makes it answer `undefined`, and the caller parses with saxes, which then reports the problem.

import { allCharsAllowed, Bail, checkReferences, decode, fail, isBlank, isNameChar, isNameStart, NextIndex } from './xml-chars';

/** What the scanner builds; `parseXml` supplies the element class and the namespace resolution. */
export interface ScanBuilder {
  /** A start tag outside skipped subtrees (`start`: its `<`; `tagEnd`: just past its `>`). */
  open(name: string, attributes: Readonly<Record<string, string>>, start: number, tagEnd: number, selfClosing: boolean): void;
  /** Character data `text[from, to)` inside the innermost open element, as written: `decodeText` gives it as saxes does. */
  text(from: number, to: number): void;
  /** An end tag outside skipped subtrees: `start` is its `<`, `end` just past its `>`. */
  close(start: number, end: number): void;
}

/** The attributes of every built element that has none (never written to). */
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze(Object.create(null) as Record<string, string>);

/** An XML 1.0 declaration as saxes accepts it without a word. */
export const XML_DECL = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/;

/**
 * Scans `text` as an XML document in one pass, checking it and, with a builder, reporting the elements outside
 * skipped subtrees (`skip`: local names, never the root) as it goes; without one, only checks. Returns false
 * where saxes must decide. A builder may have been called before a false answer: its caller then forgets what it built.
 */
export function scanXml(text: string, skip: ReadonlySet<string> | undefined, builder?: ScanBuilder): boolean {
  try {
    // Once for the whole text: characters, and "]]>" (allowed in attribute values, but saxes decides those).
    if (!allCharsAllowed(text) || text.includes(']]>')) return false;
    scan(text, skip, builder);
    return true;
  } catch (error) {
    if (error instanceof Bail) return false;
    throw error;
  }
}

/** The character data of `text[from, to)` as saxes reports it (references resolved, line breaks normalized); the scanner checked its references. */
export function decodeText(text: string, from: number, to: number): string {
  return decode(text, from, to, false);
}

const skipTables = new WeakMap<ReadonlySet<string>, Map<number, string[]>>();

/** The skipped local names by their first character, so a tag's name is matched without a string of its own. */
function skipTable(skip: ReadonlySet<string>): Map<number, string[]> {
  let table = skipTables.get(skip);
  if (!table) {
    table = new Map();
    for (const name of skip) if (name.length > 0) table.set(name.charCodeAt(0), [...(table.get(name.charCodeAt(0)) ?? []), name]);
    skipTables.set(skip, table);
  }
  return table;
}

// The tag-level steps, apart from the main loop: small functions the JIT optimizes early, where one large loop
// would run unoptimized for much of a single large file while it compiles.

/** Just past the name that starts before `from`. */
export function nameEnd(text: string, from: number): number {
  let k = from;
  while (isNameChar(text.charCodeAt(k))) k++;
  return k;
}

/** Past the `>` of the end tag whose name starts at `from`, which must close `open`. */
function endTagEnd(text: string, from: number, open: string): number {
  if (!text.startsWith(open, from)) fail();
  let k = from + open.length;
  if (isNameChar(text.charCodeAt(k))) fail();
  while (isBlank(text.charCodeAt(k))) k++;
  if (text.charCodeAt(k) !== 62) fail();
  return k + 1;
}

/** Whether the tag name `text[start, end)` (`name`) has a skipped local name. */
function isSkipped(text: string, start: number, end: number, name: string, skip: ReadonlySet<string>, skipByFirst: Map<number, string[]>): boolean {
  const localStart = start + name.indexOf(':') + 1;
  if (end === localStart) return skip.has('');
  const candidates = skipByFirst.get(text.charCodeAt(localStart));
  if (candidates) for (const s of candidates) if (s.length === end - localStart && text.startsWith(s, localStart)) return true;
  return false;
}

/** The attributes `readAttributes` built last (undefined when the tag had none, or none were built). */
let builtAttributes: Record<string, string> | undefined;

const SEEN_AS_SET = 16;

/** Checks (and, to `build`, decodes into `builtAttributes`) a start tag's attributes from `from`; returns the index of its `>` or `/`. */
function readAttributes(text: string, from: number, build: boolean, amp: NextIndex): number {
  let attributes: Record<string, string> | undefined;
  // Names met in this tag: an array for the few attributes a tag has, a set past SEEN_AS_SET (a scan of the array
  // per attribute made a tag of 200,000 attributes quadratic).
  let seen: string[] | undefined;
  let seenSet: Set<string> | undefined;
  // The next `<` at or after the attribute being read, searched again only once passed (searching from each
  // attribute to the tag's end was quadratic too).
  let lessThan = -2;
  let k = from;
  for (;;) {
    const before = k;
    while (isBlank(text.charCodeAt(k))) k++;
    const t = text.charCodeAt(k);
    if (t === 62 /* > */ || t === 47 /* / */) break;
    if (k === before || !isNameStart(t)) fail(); // no blank between attributes, or not a name
    const attrStart = k;
    k = nameEnd(text, k + 1);
    const attrName = text.slice(attrStart, k);
    while (isBlank(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) !== 61 /* = */) fail();
    k++;
    while (isBlank(text.charCodeAt(k))) k++;
    const quote = text.charCodeAt(k);
    if (quote !== 34 && quote !== 39) fail();
    const valueEnd = text.indexOf(quote === 34 ? '"' : "'", k + 1);
    if (valueEnd < 0) fail();
    if (lessThan !== -1 && lessThan < k + 1) lessThan = text.indexOf('<', k + 1);
    if (lessThan >= 0 && lessThan < valueEnd) fail();
    if (build) {
      if (attributes === undefined) attributes = Object.create(null) as Record<string, string>;
      else if (attrName in attributes) fail();
      const value = text.slice(k + 1, valueEnd);
      attributes[attrName] = /[&\r\n\t]/.test(value) ? decode(text, k + 1, valueEnd, true) : value;
    } else {
      if (seenSet !== undefined) {
        if (seenSet.has(attrName)) fail();
        seenSet.add(attrName);
      } else {
        seen ??= [];
        if (seen.includes(attrName)) fail();
        seen.push(attrName);
        if (seen.length > SEEN_AS_SET) seenSet = new Set(seen);
      }
      const next = amp.from(k + 1);
      if (next >= 0 && next < valueEnd) checkReferences(text, next, valueEnd);
    }
    k = valueEnd + 1;
  }
  builtAttributes = attributes;
  return k;
}

function scan(text: string, skip: ReadonlySet<string> | undefined, builder: ScanBuilder | undefined): void {
  const length = text.length;
  const skipByFirst = skip === undefined ? undefined : skipTable(skip);
  const amp = new NextIndex(text, '&');
  let i = 0;
  const decl = XML_DECL.exec(text);
  if (decl) i = decl[0].length;
  else if (text.startsWith('<?xml')) fail();
  const names: string[] = [];
  let skipped = 0; // depth inside a skipped subtree
  let rootSeen = false;
  while (i < length) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > i) {
      // Character data: outside the root only blanks.
      if (names.length === 0) {
        for (let k = i; k < textEnd; k++) if (!isBlank(text.charCodeAt(k))) fail();
      } else {
        const next = amp.from(i);
        if (next >= 0 && next < textEnd) checkReferences(text, next, textEnd);
        if (skipped === 0) builder?.text(i, textEnd);
      }
    }
    if (lt < 0) break;
    i = lt + 1;
    const c = text.charCodeAt(i);
    if (c === 33 /* ! */) {
      if (!text.startsWith('!--', i)) fail(); // CDATA, DOCTYPE
      const close = text.indexOf('--', i + 3);
      if (close < 0 || text.charCodeAt(close + 2) !== 62) fail();
      i = close + 3;
      continue;
    }
    if (c === 47 /* / */) {
      if (names.length === 0) fail();
      i = endTagEnd(text, i + 1, names.pop()!);
      if (skipped > 0) skipped--;
      else builder?.close(lt, i);
      continue;
    }
    if (!isNameStart(c)) fail(); // processing instructions, names outside ASCII
    if (names.length === 0 && rootSeen) fail(); // a second root
    const k = nameEnd(text, i + 1);
    const name = text.slice(i, k);
    const skipThis = skipped > 0 || (names.length > 0 && skipByFirst !== undefined && isSkipped(text, i, k, name, skip!, skipByFirst));
    const build = builder !== undefined && !skipThis;
    const tagEnd = readAttributes(text, k, build, amp); // at `>` or `/`
    const selfClosing = text.charCodeAt(tagEnd) === 47;
    i = selfClosing ? tagEnd + 1 : tagEnd;
    if (text.charCodeAt(i) !== 62) fail();
    i++;
    rootSeen = true;
    if (build) builder!.open(name, builtAttributes ?? NO_ATTRIBUTES, lt, i, selfClosing);
    if (selfClosing) continue;
    if (names.length >= MAX_XML_DEPTH) fail();
    names.push(name);
    if (skipThis) skipped++;
  }
  if (!rootSeen || names.length > 0) fail();
}

/**
 * Elements open at once, at most. Exports nest a few dozen deep, but Group Policy Preferences collections nest
 * without limit and are read without recursion (readers-xml.test.ts goes 100,000 deep). Eight million unclosed tags
 * held eight million elements (the scanner's, then saxes's tag objects) until the end: 1.9 GB for a 24 MB file
 * (session 15 hostile-input review). The scanner gives up past the limit and saxes, reading again, reports it and stops.
 */
export const MAX_XML_DEPTH = 200_000;

/**
 * A start tag's attributes from `from` (just past its name), checked and decoded as saxes gives them, for the head
 * scanner (xml-head.ts); `end` is the index of its `>` or `/`.
 */
export function startTagAttributes(text: string, from: number): { end: number; attributes: Readonly<Record<string, string>> } {
  const end = readAttributes(text, from, true, new NextIndex(text, '&'));
  return { end, attributes: builtAttributes ?? NO_ATTRIBUTES };
}
