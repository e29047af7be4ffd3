// The head of an XML document read without a parser, for format sniffing (sniff.ts): the root's start tag and its
// first child's, in the shapes exports have; anything unusual is left to saxes.

import { Bail, fail, isBlank, isNameStart, SUSPECT_CHAR } from './xml-chars';
import { nameEnd, startTagAttributes, XML_DECL } from './xml-scan';

/** A start tag as the head scanner read it: its qualified name and attributes (values decoded as saxes gives them). */
export interface HeadTag {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Whether a qualified name has at most one colon, with a name on both sides of it. */
function plainQName(name: string): boolean {
  const colon = name.indexOf(':');
  return colon < 0 || (colon > 0 && colon < name.length - 1 && name.indexOf(':', colon + 1) < 0);
}

/**
 * Whether a start tag's names and declarations are ones saxes (with namespaces) accepts without a word: a declaration
 * never binds or undeclares `xml`/`xmlns` or binds their URIs, no other name starts with `xml` (the caller checks that
 * every prefix is bound, and that prefixed attributes are not the same name twice).
 */
function plainNamespaces(tag: HeadTag): boolean {
  if (!plainQName(tag.name) || tag.name.startsWith('xml')) return false;
  for (const name in tag.attributes) {
    if (!plainQName(name)) return false;
    const value = tag.attributes[name]!;
    if (name.startsWith('xmlns') && value.trim() !== value) return false; // saxes trims a namespace name
    if (name === 'xmlns') {
      if (value === XML_NS || value === XMLNS_NS) return false;
    } else if (name.startsWith('xmlns:')) {
      const prefix = name.slice(6);
      if (value === '' || value === XML_NS || value === XMLNS_NS || prefix.startsWith('xml')) return false;
    } else if (name.startsWith('xml')) return false;
  }
  return true;
}

/** Reads the start tag whose name starts at `from` (just past `<`); returns the tag and the index past its `>`. */
function headTag(text: string, from: number): { tag: HeadTag; end: number; selfClosing: boolean } {
  if (!isNameStart(text.charCodeAt(from))) fail();
  const k = nameEnd(text, from + 1);
  const { end: tagEnd, attributes } = startTagAttributes(text, k);
  const selfClosing = text.charCodeAt(tagEnd) === 47;
  const gt = selfClosing ? tagEnd + 1 : tagEnd;
  if (text.charCodeAt(gt) !== 62) fail();
  const tag = { name: text.slice(from, k), attributes };
  if (!plainNamespaces(tag)) fail();
  return { tag, end: gt + 1, selfClosing };
}

/** Past blanks and comments from `from`: at the next `<` that opens something else. */
function skipMisc(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (isBlank(text.charCodeAt(i))) i++;
    if (!text.startsWith('<!--', i)) return i;
    const close = text.indexOf('--', i + 4);
    if (close < 0 || text.charCodeAt(close + 2) !== 62) fail();
    i = close + 3;
  }
}

/**
 * The root's start tag and its first child's, read from the first `limit` characters of `text` without a parser:
 * for format sniffing, in the shapes exports have (an XML declaration, blanks and comments around the root's
 * start tag, then a child element or a self-closing root). Undefined where saxes must decide: anything else before
 * the first child (text, a DOCTYPE, processing instructions, an empty root's end tag), a name outside ASCII,
 * an unusual namespace declaration, a prefix no declaration binds, or a head cut short by `limit`.
 */
export function scanHead(text: string, limit: number): { root: HeadTag; child?: HeadTag } | undefined {
  const head = text.length > limit ? text.slice(0, limit) : text;
  try {
    let i = 0;
    const decl = XML_DECL.exec(head);
    if (decl) i = decl[0].length;
    else if (head.startsWith('<?xml')) return undefined;
    i = skipMisc(head, i);
    if (head.charCodeAt(i) !== 60) return undefined;
    const root = headTag(head, i + 1);
    let child: HeadTag | undefined;
    let end = root.end;
    if (!root.selfClosing) {
      i = skipMisc(head, root.end);
      if (head.charCodeAt(i) !== 60) return undefined; // text before the first child, or the head cut short
      const read = headTag(head, i + 1);
      child = read.tag;
      end = read.end;
    }
    // What saxes would have complained about on the way: characters XML does not allow, "]]>" in a value.
    const read = head.slice(0, end);
    if (SUSPECT_CHAR.test(read) || read.includes(']]>')) return undefined;
    return child ? { root: root.tag, child } : { root: root.tag };
  } catch (error) {
    if (error instanceof Bail) return undefined;
    throw error;
  }
}
