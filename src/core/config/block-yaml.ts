import * as yaml from 'yaml';
import type { Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/**
 * A fast reader for the block-YAML subset a configuration uses: comments, blank lines, block mappings and
 * sequences by indentation (spaces), single-line plain and quoted scalars. It builds the nodes the yaml library
 * would (same classes, values, types and `.range`, comments left out) and answers undefined for anything else, so
 * the caller reads that text with the library instead. The library's own reader takes ~0.5 s for a 20,000-key file.
 * Where comment and blank lines count toward a range follows the library's parser (parse/parser.js: blockMap,
 * blockSequence, pop; compose/resolve-block-map.js and util-empty-scalar-position.js).
 */
export function readBlockYaml(text: string): { readonly contents: Node | null } | undefined {
  if (UNSURE_CHARS.test(text)) return undefined;
  try {
    return { contents: new BlockReader(text).read() };
  } catch (error) {
    if (error === NOT_MINE) return undefined;
    throw error;
  }
}

/** Tabs, control characters, a lone CR, line and paragraph separators, a BOM, unpaired surrogates: the library's reader takes those. */
const UNSURE_CHARS = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NOT_MINE = Symbol('not mine');
function notMine(): never {
  throw NOT_MINE;
}

/** A key longer than this is left to the library (its strict mode reports an implicit key over 1024 characters). */
const MAX_KEY_CHARS = 1000;
/** Deeper files are left to the library (and to its report of a file nested too deeply); a configuration nests three or four levels. */
const MAX_DEPTH = 64;
/** Characters that cannot start a plain scalar here (indicators, flow, tags, anchors, aliases, block scalars, reserved). */
const NOT_PLAIN_START = new Set('?:,[]{}#&*!|>%@`\'"');
/** Every core-schema tag but the string's matches only text starting with one of these. */
const TAGGED_START = new Set('~nNtTfF0123456789+-.');
/** yaml's double-quoted escapes (compose/resolve-flow-scalar.js), less the tab (tabs are left to the library). */
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const HEX = /^[0-9a-fA-F]+$/;

interface Line {
  readonly start: number;
  /** Where the line's text ends, before its CR LF or LF. */
  readonly contentEnd: number;
  /** After its line break (the text's length on the last line). */
  readonly end: number;
  readonly indent: number;
  /** The first character after the indentation. */
  readonly content: number;
}

type Kind = 'map' | 'seq';
interface Frame {
  readonly kind: Kind;
  readonly indent: number;
  readonly node: YAMLMap | YAMLSeq;
  readonly offset: number;
  /** The end (range[2]) of the last value so far. */
  end: number;
  commentEnd?: number;
  /** The last item: a scalar (which may take more-indented comment lines), an open collection, or nothing yet after `key:` / `-`. */
  state: 'scalar' | 'nested' | 'empty';
  scalar?: Scalar;
  emptyKey?: Scalar;
  /** Where an empty value sits: after the indicator and the spaces following it. */
  emptyPos: number;
  emptyComment: boolean;
}

/** Comment and blank lines since the last content line. */
interface Junk {
  readonly comment: boolean;
  readonly indent: number;
  readonly contentEnd: number;
  readonly end: number;
}

type Tag = { default?: boolean | 'key'; test?: RegExp; format?: string; resolve: (value: string, onError: (message: string) => void, options: unknown) => unknown };
interface Library {
  readonly schema: yaml.Document['schema'];
  readonly options: yaml.Document['options'];
  readonly valueTags: readonly Tag[];
  // The classes, read once: the CLI loads yaml at first use, through a getter per name.
  readonly Scalar: typeof yaml.Scalar;
  readonly Pair: typeof yaml.Pair;
  readonly YAMLMap: typeof yaml.YAMLMap;
  readonly YAMLSeq: typeof yaml.YAMLSeq;
  readonly isScalar: typeof yaml.isScalar;
}
let library: Library | undefined;
/** The schema, options and scalar tags of a document as `parseDocument` makes it, made once. */
function yamlLibrary(): Library {
  if (!library) {
    const doc = new yaml.Document(undefined, { prettyErrors: false, uniqueKeys: false });
    const tags = doc.schema.tags as unknown as Tag[];
    // compose-scalar.js findScalarTagByTest: the first default tag whose test matches (no core tag is a key-only default).
    if (tags.some((t) => t.default === 'key') || doc.schema.compat) notMine();
    const { Scalar, Pair, YAMLMap, YAMLSeq, isScalar } = yaml;
    library = { schema: doc.schema, options: doc.options, valueTags: tags.filter((t) => t.default === true && t.test), Scalar, Pair, YAMLMap, YAMLSeq, isScalar };
  }
  return library;
}
const PLAIN = 'PLAIN';
const QUOTE_SINGLE = 'QUOTE_SINGLE';
const QUOTE_DOUBLE = 'QUOTE_DOUBLE';

class BlockReader {
  private readonly stack: Frame[] = [];
  private junk: Junk[] = [];
  private root: YAMLMap | null = null;
  private readonly lib = yamlLibrary();

  constructor(private readonly text: string) {}

  read(): Node | null {
    const text = this.text;
    let start = 0;
    while (start < text.length) {
      const nl = text.indexOf('\n', start);
      const end = nl === -1 ? text.length : nl + 1;
      const contentEnd = nl === -1 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
      let content = start;
      while (content < contentEnd && text.charCodeAt(content) === 32) content++;
      const line: Line = { start, contentEnd, end, indent: content - start, content };
      if (content === contentEnd || text[content] === '#') this.junk.push({ comment: content < contentEnd, indent: line.indent, contentEnd, end });
      else this.contentLine(line);
      start = end;
    }
    if (this.stack.length > 0) this.settle(undefined);
    return this.root;
  }

  private contentLine(line: Line): void {
    const text = this.text;
    if (line.indent === 0 && (text.startsWith('---', line.start) || text.startsWith('...', line.start))) notMine();
    const dash = isDash(text, line.content, line.contentEnd);
    if (this.stack.length === 0) {
      if (this.root !== null || line.indent !== 0 || dash) notMine();
      const frame = this.open('map', 0, line.content);
      this.root = frame.node as YAMLMap;
      this.junk = [];
      return this.mapItem(frame, line, line.content);
    }
    const target = this.settle({ indent: line.indent, dash, content: line.content });
    this.junk = [];
    if (target.nested) {
      const child = this.open(dash ? 'seq' : 'map', line.indent, line.content);
      this.attach(target.frame, child.node);
      return dash ? this.seqItem(child, line, false) : this.mapItem(child, line, line.content);
    }
    return dash ? this.seqItem(target.frame, line, target.startComment === true) : this.mapItem(target.frame, line, line.content);
  }

  private open(kind: Kind, indent: number, offset: number): Frame {
    if (this.stack.length >= MAX_DEPTH) notMine();
    const node = kind === 'map' ? new this.lib.YAMLMap(this.lib.schema) : new this.lib.YAMLSeq(this.lib.schema);
    const frame: Frame = { kind, indent, node, offset, end: offset, state: 'empty', emptyPos: offset, emptyComment: false };
    this.stack.push(frame);
    return frame;
  }

  /** Makes a collection the value of the frame's pending `key:` or `-`. */
  private attach(frame: Frame, node: YAMLMap | YAMLSeq): void {
    if (frame.kind === 'map') (frame.node as YAMLMap).items.push(new this.lib.Pair(frame.emptyKey, node));
    else (frame.node as YAMLSeq).items.push(node);
    frame.state = 'nested';
    frame.scalar = undefined;
  }

  /**
   * Places the comment and blank lines since the last content line and closes what the next content line (or the
   * end of the text) closes; returns the frame that line continues, or the one it opens a collection in.
   */
  private settle(next: { indent: number; dash: boolean; content: number } | undefined): { frame: Frame; nested: boolean; startComment?: boolean } {
    const junkEnd = next ? next.content : this.text.length;
    const d = next ? next.indent : -1;
    // Comment and blank lines after a scalar: comments more indented than its collection join the scalar's end
    // (the library's atIndentedComment) until another comment starts an item of comments; the next line's
    // indentation joins that item too.
    let item: { comments: number[] } | undefined;
    const top = this.stack[this.stack.length - 1]!;
    if (top.state === 'scalar') {
      for (const j of this.junk) {
        if (j.comment && !(item && item.comments.length > 0) && j.indent > top.indent) {
          top.scalar!.range![2] = j.end;
          top.end = j.end;
          item = undefined;
        } else {
          item ??= { comments: [] };
          if (j.comment) item.comments.push(j.indent);
        }
      }
      if (d > 0) item ??= { comments: [] };
    }
    for (;;) {
      const f = this.stack[this.stack.length - 1]!;
      if (f.state === 'empty') {
        if (next && (d > f.indent || (d === f.indent && f.kind === 'map' && next.dash))) return { frame: f, nested: true };
        const continues = next !== undefined && d === f.indent && (f.kind === 'map') !== next.dash;
        this.emptyValue(f, junkEnd, continues && f.kind === 'map');
        if (continues) return { frame: f, nested: false };
      } else if (next && d === f.indent && (f.kind === 'map') !== next.dash) {
        // The item of comment lines becomes the next item's start: its comments are an empty sequence item's.
        return { frame: f, nested: false, startComment: item !== undefined && item.comments.length > 0 };
      } else if (next && (d > f.indent || (d === f.indent && f.kind === 'map'))) {
        notMine();
      } else if (item) {
        // The library's pop: an item of comment and blank lines moves to the parent unless a comment in it is
        // at least as indented as the collection (never for a collection at indent 0).
        if (f.indent !== 0 && item.comments.some((i) => i >= f.indent)) {
          f.commentEnd = junkEnd;
          item = undefined;
        }
      }
      this.pop();
      if (this.stack.length === 0) {
        if (next) notMine();
        return { frame: f, nested: false };
      }
    }
  }

  private pop(): void {
    const f = this.stack.pop()!;
    f.node.range = [f.offset, f.end, f.commentEnd ?? f.end];
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.end = f.node.range[2];
  }

  /**
   * The null of `key:` or `-` with no value: at the indicator and the spaces after it, its end past the comments
   * that follow when there are any. Before the next key of the same mapping the library keeps only the lines up to
   * the second line break after the last `:` or more-indented comment (parser.js blockMap, atNextItem).
   */
  private emptyValue(f: Frame, junkEnd: number, beforeNextKey: boolean): void {
    let comment = f.emptyComment;
    let end = junkEnd;
    if (beforeNextKey) {
      let reset = -1;
      this.junk.forEach((j, i) => {
        if (j.comment && j.indent > f.indent) reset = i;
      });
      const after = this.junk[reset + 1];
      if (reset >= 0) comment = true;
      if (after) {
        end = after.contentEnd;
        comment ||= after.comment;
      }
    } else comment ||= this.junk.some((j) => j.comment);
    const node = this.scalar('', PLAIN, f.emptyPos, f.emptyPos, comment ? end : f.emptyPos);
    if (f.kind === 'map') (f.node as YAMLMap).items.push(new this.lib.Pair(f.emptyKey, node));
    else (f.node as YAMLSeq).items.push(node);
    f.end = node.range![2];
    f.state = 'scalar';
    f.scalar = node;
  }

  /** `key: value`, `key:` or `key: # comment` at `at` in a mapping. */
  private mapItem(f: Frame, line: Line, at: number): void {
    const key = this.token(at, line.contentEnd, 'key');
    if (key.colon === undefined) notMine();
    const keyNode = this.scalar(key.value, key.type, at, key.valueEnd, key.valueEnd);
    let i = key.colon + 1;
    while (i < line.contentEnd && this.text.charCodeAt(i) === 32) i++;
    if (i === line.contentEnd || this.text[i] === '#') return this.pending(f, keyNode, i, i < line.contentEnd);
    if (isDash(this.text, i, line.contentEnd)) notMine();
    const value = this.token(i, line.contentEnd, 'value');
    const node = this.scalar(value.value, value.type, i, value.valueEnd, line.end);
    (f.node as YAMLMap).items.push(new this.lib.Pair(keyNode, node));
    this.valueScalar(f, node);
  }

  /** `- value`, `- key: value`, `-` or `- # comment` in a sequence. */
  private seqItem(f: Frame, line: Line, startComment: boolean): void {
    let i = line.content + 1;
    while (i < line.contentEnd && this.text.charCodeAt(i) === 32) i++;
    if (i === line.contentEnd || this.text[i] === '#') return this.pending(f, undefined, i, startComment || i < line.contentEnd);
    if (isDash(this.text, i, line.contentEnd)) notMine();
    const value = this.token(i, line.contentEnd, 'either');
    if (value.colon !== undefined) {
      const child = this.open('map', i - line.start, i);
      this.attach(f, child.node);
      return this.mapItem(child, line, i);
    }
    const node = this.scalar(value.value, value.type, i, value.valueEnd, line.end);
    (f.node as YAMLSeq).items.push(node);
    this.valueScalar(f, node);
  }

  private pending(f: Frame, key: Scalar | undefined, at: number, comment: boolean): void {
    f.state = 'empty';
    f.emptyKey = key;
    f.emptyPos = at;
    f.emptyComment = comment;
    f.scalar = undefined;
  }

  private valueScalar(f: Frame, node: Scalar): void {
    f.state = 'scalar';
    f.scalar = node;
    f.end = node.range![2];
  }

  /**
   * The scalar at `at` on a line ending at `eol`: a key (ends at `: `), a value (ends at ` #` or the line's
   * end, and holds no `: `) or either. Anything the library might read otherwise is not this reader's.
   */
  private token(at: number, eol: number, want: 'key' | 'value' | 'either'): { value: string; type: Scalar.Type; valueEnd: number; colon?: number } {
    const text = this.text;
    const quote = text[at];
    let value: string;
    let valueEnd: number;
    let type: Scalar.Type;
    if (quote === '"' || quote === "'") {
      let j = at + 1;
      if (quote === "'") {
        for (;;) {
          j = text.indexOf("'", j);
          if (j === -1 || j >= eol) notMine();
          if (text[j + 1] !== "'") break;
          j += 2;
        }
        value = text.slice(at + 1, j).replace(/''/g, "'");
        type = QUOTE_SINGLE;
      } else {
        value = '';
        for (;;) {
          if (j >= eol) notMine();
          const ch = text[j]!;
          if (ch === '"') break;
          if (ch === '\\') {
            const { chars, length } = escape(text, j + 1, eol);
            value += chars;
            j += 1 + length;
          } else {
            value += ch;
            j++;
          }
        }
        type = QUOTE_DOUBLE;
      }
      valueEnd = j + 1;
      if (text[valueEnd] === ':' && (valueEnd + 1 === eol || text.charCodeAt(valueEnd + 1) === 32)) {
        if (want === 'value') notMine();
        return { value, type, valueEnd, colon: valueEnd };
      }
      let k = valueEnd;
      while (k < eol && text.charCodeAt(k) === 32) k++;
      if (want === 'key' || (k < eol && (text[k] !== '#' || k === valueEnd))) notMine();
      return { value, type, valueEnd };
    }
    const first = text[at]!;
    if (NOT_PLAIN_START.has(first) || (first === '-' && at + 1 < eol && text.charCodeAt(at + 1) === 32)) notMine();
    let j = at;
    let last = at; // after the last non-space character
    for (; j < eol; j++) {
      const c = text.charCodeAt(j);
      if (c === 58 /* : */ && (j + 1 === eol || text.charCodeAt(j + 1) === 32)) {
        if (want === 'value' || last !== j || j - at > MAX_KEY_CHARS) notMine();
        return { value: text.slice(at, j), type: PLAIN, valueEnd: j, colon: j };
      }
      if (c === 32) {
        if (text.charCodeAt(j + 1) === 35 /* # */) break;
      } else last = j + 1;
    }
    if (want === 'key') notMine();
    return { value: text.slice(at, last), type: PLAIN, valueEnd: last };
  }

  /** A scalar node as compose-scalar.js makes it: a plain scalar resolved by the core schema's tags. */
  private scalar(source: string, type: Scalar.Type, start: number, valueEnd: number, end: number): Scalar {
    let node: Scalar;
    let format: string | undefined;
    const tag = type === PLAIN && (source === '' || TAGGED_START.has(source[0]!)) ? this.lib.valueTags.find((t) => t.test!.test(source)) : undefined;
    if (tag) {
      const res = tag.resolve(source, notMine, this.lib.options);
      node = this.lib.isScalar(res) ? res : new this.lib.Scalar(res);
      format = tag.format;
    } else node = new this.lib.Scalar(source);
    node.range = [start, valueEnd, end];
    node.source = source;
    node.type = type;
    if (format) node.format = format;
    return node;
  }
}

/** A `-` followed by a space or the line's end: a sequence item. */
function isDash(text: string, at: number, eol: number): boolean {
  return text[at] === '-' && (at + 1 === eol || text.charCodeAt(at + 1) === 32);
}

/** The escape after a backslash at `at` in a double-quoted scalar: its characters and how many source characters it takes. */
function escape(text: string, at: number, eol: number): { chars: string; length: number } {
  const c = text[at];
  if (at >= eol || c === undefined) notMine();
  const simple = ESCAPES[c];
  if (simple !== undefined) return { chars: simple, length: 1 };
  const digits = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  const hex = text.slice(at + 1, at + 1 + digits);
  if (digits === 0 || at + 1 + digits > eol || !HEX.test(hex)) notMine();
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) notMine();
  return { chars: String.fromCodePoint(code), length: 1 + digits };
}
