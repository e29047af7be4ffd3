import type { Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isDash, makeScalar, NOT_MINE, notMine, PLAIN, scanScalar, yamlLibrary } from './block-yaml-scalars';

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
/** Deeper files are left to the library (and to its report of a file nested too deeply); a configuration nests three or four levels. */
const MAX_DEPTH = 64;

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
    if (this.junk.length > 0) this.junk = [];
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
    const node = makeScalar(this.lib, '', PLAIN, f.emptyPos, f.emptyPos, comment ? end : f.emptyPos);
    if (f.kind === 'map') (f.node as YAMLMap).items.push(new this.lib.Pair(f.emptyKey, node));
    else (f.node as YAMLSeq).items.push(node);
    f.end = node.range![2];
    f.state = 'scalar';
    f.scalar = node;
  }

  /** `key: value`, `key:` or `key: # comment` at `at` in a mapping. */
  private mapItem(f: Frame, line: Line, at: number): void {
    const key = scanScalar(this.text, at, line.contentEnd, 'key');
    if (key.colon === undefined) notMine();
    const keyNode = makeScalar(this.lib, key.value, key.type, at, key.valueEnd, key.valueEnd);
    let i = key.colon + 1;
    while (i < line.contentEnd && this.text.charCodeAt(i) === 32) i++;
    if (i === line.contentEnd || this.text[i] === '#') return this.pending(f, keyNode, i, i < line.contentEnd);
    if (isDash(this.text, i, line.contentEnd)) notMine();
    const value = scanScalar(this.text, i, line.contentEnd, 'value');
    const node = makeScalar(this.lib, value.value, value.type, i, value.valueEnd, line.end);
    (f.node as YAMLMap).items.push(new this.lib.Pair(keyNode, node));
    this.valueScalar(f, node);
  }

  /** `- value`, `- key: value`, `-` or `- # comment` in a sequence. */
  private seqItem(f: Frame, line: Line, startComment: boolean): void {
    let i = line.content + 1;
    while (i < line.contentEnd && this.text.charCodeAt(i) === 32) i++;
    if (i === line.contentEnd || this.text[i] === '#') return this.pending(f, undefined, i, startComment || i < line.contentEnd);
    if (isDash(this.text, i, line.contentEnd)) notMine();
    const value = scanScalar(this.text, i, line.contentEnd, 'either');
    if (value.colon !== undefined) {
      const child = this.open('map', i - line.start, i);
      this.attach(f, child.node);
      return this.mapItem(child, line, i);
    }
    const node = makeScalar(this.lib, value.value, value.type, i, value.valueEnd, line.end);
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
}
