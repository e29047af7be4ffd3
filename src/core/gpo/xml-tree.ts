import { saxes } from './saxes-module';
import type { SaxesTagPlain } from 'saxes';
import type { Span } from '../text/line-index';
import type { ReadProblem } from './model';
import { decodeText, MAX_XML_DEPTH, scanXml } from './xml-scan';
import { Namespaces, openElement } from './xml-namespaces';
import { groupDigits } from '../text/group-digits';

const NO_CHILDREN: XmlElement[] = [];

/** An element of a parsed XML file, its namespace resolved, with the offsets a finding can point at. */
export class XmlElement {
  /** Child elements, in order. */
  children: XmlElement[] = NO_CHILDREN;
  /** Character data of a leaf element (entity references resolved); '' once the element has child elements. */
  text = '';
  /** Offset of `<` after the content (the end tag), and just past the end tag's `>`. */
  contentEnd: number;
  end: number;

  constructor(
    /** Namespace URI ('' when none). Readers match on this, never on the prefix. */
    readonly uri: string,
    readonly local: string,
    /** Attributes by qualified name, as written. */
    readonly attributes: Readonly<Record<string, string>>,
    /** Offset of the start tag's `<`, and just past its `>`. */
    readonly start: number,
    readonly tagEnd: number,
  ) {
    this.contentEnd = tagEnd;
    this.end = tagEnd;
  }

  /** From `<` of the start tag to `>` of the end tag. */
  get span(): Span {
    return { start: this.start, end: this.end };
  }

  /** The start tag alone. */
  get tagSpan(): Span {
    return { start: this.start, end: this.tagEnd };
  }

  /** Between the start and end tags. */
  get contentSpan(): Span {
    return { start: this.tagEnd, end: this.contentEnd };
  }
}

export interface XmlTree {
  readonly root?: XmlElement;
  readonly problems: readonly ReadProblem[];
  /** Elements whose end tag never came (a truncated file), outermost first; each is the last child of the one before. */
  readonly unclosed?: readonly XmlElement[];
}

export interface XmlOptions {
  /** Local names of elements whose subtrees are not kept (long help texts, security descriptors). */
  readonly skip?: ReadonlySet<string>;
  /**
   * Called as each element closes, complete; returning `'drop'` removes it from its parent, so a large
   * file can be read one part at a time without keeping the whole tree.
   */
  readonly onClose?: (element: XmlElement) => 'drop' | void;
  /**
   * Called when the purpose-built scanner gives up on a text it had begun to build (a construct it leaves to saxes,
   * or a text that is not well-formed), before saxes reads the text from its start: forget what `onClose` gathered.
   */
  readonly onRestart?: () => void;
}


const MAX_PROBLEMS = 20;

/**
 * Thrown from saxes's error handler once `MAX_PROBLEMS` are kept, to stop the parse: saxes builds an Error for every
 * problem it meets, one per unclosed element at the end, and a 3 MB file of a million unclosed tags took 4 s and
 * 0.8 GB (24 MB: 3.8 GB) on errors no one reads (session 15 hostile-input review).
 */
class EnoughProblems extends Error {}

/** Where a span's text starts and ends once the blanks around it are skipped. */
export function trimmedSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  return { start, end };
}

/** saxes messages start with "line:column: "; the position is already in the span. */
function saxesReason(raw: string): string {
  return raw.replace(/^[^:]*?:?\d+:\d+: /, '').replace(/\.$/, '');
}

function notWellFormed(reason: string): string {
  return `The XML is not well-formed: ${reason}.`;
}

/** The one problem of a text cut short: saxes names each element left open, innermost first; `open` counts them all. */
function endsInside(name: string, open: number): string {
  return notWellFormed(`the file ends inside <${name}>${open > 1 ? ` (${groupDigits(open)} elements left open)` : ''}`);
}

/**
 * Parses XML text into a small element tree with offsets into `text`. Never throws: a file that is not
 * well-formed yields the problems with their positions (and whatever was read before them).
 * The text is already decoded, so the encoding named in the XML declaration is ignored.
 */
export function parseXml(text: string, options: XmlOptions = {}): XmlTree {
  // The purpose-built scanner first, in one pass that checks and builds; saxes parses whatever the scanner leaves to
  // it (after `onRestart`: `onClose` may have seen elements of the abandoned pass), and reports every problem.
  return parseWithScanner(text, options) ?? parseWithSaxes(text, options);
}

/** The tree `scanXml` builds in its one pass, the same the saxes handlers below build; undefined when it leaves the text to saxes. */
function parseWithScanner(text: string, options: XmlOptions): XmlTree | undefined {
  const { skip, onClose } = options;
  const elements: XmlElement[] = [];
  const namespaces = new Namespaces();
  // The character data of the innermost open element while it has no child element, as [from, to) pairs: only a
  // leaf keeps its text, so the blanks between elements are never decoded.
  const pieces: number[] = [];
  let pieceCount = 0;
  let top: XmlElement | undefined;
  const built = scanXml(text, skip, {
    open(name, attributes, start, tagEnd, selfClosing) {
      const colon = name.indexOf(':');
      const local = colon < 0 ? name : name.slice(colon + 1);
      const uri = openElement(namespaces, name, colon, attributes);
      const element = new XmlElement(uri, local, attributes, start, tagEnd);
      const parent = elements[elements.length - 1];
      if (parent) {
        if (parent.children === NO_CHILDREN) parent.children = [element];
        else parent.children.push(element);
      } else if (!top) top = element;
      pieceCount = 0;
      if (selfClosing) namespaces.close();
      else elements.push(element);
    },
    text(from, to) {
      const current = elements[elements.length - 1];
      if (current && current.children === NO_CHILDREN) {
        pieces[pieceCount++] = from;
        pieces[pieceCount++] = to;
      }
    },
    close(start, end) {
      const element = elements.pop()!;
      namespaces.close();
      element.end = end;
      element.contentEnd = start;
      if (pieceCount > 0) {
        let data = '';
        for (let p = 0; p < pieceCount; p += 2) data += decodeText(text, pieces[p]!, pieces[p + 1]!);
        element.text = data;
        pieceCount = 0;
      }
      if (onClose?.(element) === 'drop') elements[elements.length - 1]?.children.pop();
    },
  });
  if (!built) {
    options.onRestart?.();
    return undefined;
  }
  return top ? { root: top, problems: [] } : { problems: [] };
}

/** The saxes path alone (the scanner's reference in tests). */
export function parseWithSaxes(text: string, options: XmlOptions = {}): XmlTree {
  const problems: ReadProblem[] = [];
  const { skip, onClose } = options;
  const parser = new (saxes().SaxesParser)<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const elements: XmlElement[] = [];
  const namespaces = new Namespaces();
  let top: XmlElement | undefined;
  let skipped = 0; // depth inside a skipped subtree
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (elements.length + skipped >= MAX_XML_DEPTH) {
      const at = Math.min(parser.position, text.length);
      problems.push({ severity: 'error', message: `The XML nests more than ${groupDigits(MAX_XML_DEPTH)} elements deep; RDP Doctor reads no further.`, span: { start: Math.max(0, at - 1), end: at } });
      throw new EnoughProblems();
    }
    if (skipped > 0) {
      if (!tag.isSelfClosing) skipped++;
      return;
    }
    const name = tag.name;
    const colon = name.indexOf(':');
    const local = colon < 0 ? name : name.slice(colon + 1);
    if (skip?.has(local) && elements.length > 0) {
      if (!tag.isSelfClosing) skipped = 1;
      return;
    }
    const tagEnd = parser.position;
    const uri = openElement(namespaces, name, colon, tag.attributes);
    const element = new XmlElement(uri, local, tag.attributes, text.lastIndexOf('<', tagEnd - 1), tagEnd);
    const parent = elements[elements.length - 1];
    if (parent) {
      if (parent.children === NO_CHILDREN) {
        parent.children = [element];
        parent.text = '';
      } else parent.children.push(element);
    } else if (!top) top = element;
    if (tag.isSelfClosing) namespaces.close();
    else elements.push(element);
  });
  const onText = (data: string): void => {
    if (skipped > 0) return;
    const current = elements[elements.length - 1];
    if (current && current.children === NO_CHILDREN) current.text += data;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    if (skipped > 0) {
      skipped--;
      return;
    }
    const element = elements.pop();
    if (!element) return;
    namespaces.close();
    element.end = parser.position;
    element.contentEnd = Math.max(element.tagEnd, text.lastIndexOf('<', element.end - 1));
    if (onClose?.(element) === 'drop') elements[elements.length - 1]?.children.pop();
  });
  parser.on('error', (error: Error) => {
    if (problems.length >= MAX_PROBLEMS) throw new EnoughProblems();
    const at = Math.min(parser.position, text.length);
    const start = Math.max(0, at - 1);
    const reason = saxesReason(error.message);
    if (reason.startsWith('unclosed tag: ')) {
      // At the end of the text saxes reports each open element, innermost first (all still open on this side), then
      // "unexpected end" when cut inside a tag: one cut, one problem, and saxes is stopped here.
      problems.push({ severity: 'error', message: endsInside(reason.slice('unclosed tag: '.length), elements.length + skipped), span: { start, end: at } });
      throw new EnoughProblems();
    }
    const message = notWellFormed(reason);
    // saxes says "unexpected close tag" once for each element a stray close tag skips, all at the same place.
    const last = problems[problems.length - 1];
    if (last?.message === message && last.span.start === start) return;
    problems.push({ severity: 'error', message, span: { start, end: at } });
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (!(error instanceof EnoughProblems)) {
      const at = Math.min(parser.position, text.length);
      problems.push({ severity: 'error', message: notWellFormed(saxesReason(error instanceof Error ? error.message : String(error))), span: { start: at, end: at } });
    }
  }
  return { ...(top && { root: top }), problems, ...(elements.length > 0 && { unclosed: elements }) };
}

/** The child elements with this namespace and local name. */
export function childrenNamed(element: XmlElement, uri: string, local: string): XmlElement[] {
  return element.children.filter((c) => c.local === local && c.uri === uri);
}

export function childNamed(element: XmlElement, uri: string, local: string): XmlElement | undefined {
  for (const c of element.children) if (c.local === local && c.uri === uri) return c;
  return undefined;
}

/** The trimmed text of a leaf child, with its span. */
export function childText(text: string, element: XmlElement, uri: string, local: string): { value: string; span: Span } | undefined {
  const child = childNamed(element, uri, local);
  return child ? { value: child.text.trim(), span: trimmedSpan(text, child.contentSpan) } : undefined;
}
