import * as yaml from 'yaml';
import type { Scalar } from 'yaml';

// The scalars of the block-YAML reader (block-yaml.ts): scanning one on a line, and making its node as the yaml library would.

export const NOT_MINE = Symbol('not mine');
/** Leaves the whole text to the library. */
export function notMine(): never {
  throw NOT_MINE;
}

/** A key longer than this is left to the library (its strict mode reports an implicit key over 1024 characters). */
const MAX_KEY_CHARS = 1000;
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

type Tag = { default?: boolean | 'key'; test?: RegExp; format?: string; resolve: (value: string, onError: (message: string) => void, options: unknown) => unknown };
export interface Library {
  readonly schema: yaml.Document['schema'];
  readonly options: yaml.Document['options'];
  readonly valueTags: readonly Tag[];
  // The classes, read once: the CLI loads yaml at first use, each name read through a proxy.
  readonly Scalar: typeof yaml.Scalar;
  readonly Pair: typeof yaml.Pair;
  readonly YAMLMap: typeof yaml.YAMLMap;
  readonly YAMLSeq: typeof yaml.YAMLSeq;
  readonly isScalar: typeof yaml.isScalar;
}
let library: Library | undefined;
/** The schema, options and scalar tags of a document as `parseDocument` makes it, made once. */
export function yamlLibrary(): Library {
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
export const PLAIN = 'PLAIN';
const QUOTE_SINGLE = 'QUOTE_SINGLE';
const QUOTE_DOUBLE = 'QUOTE_DOUBLE';

export interface ScannedScalar {
  readonly value: string;
  readonly type: Scalar.Type;
  readonly valueEnd: number;
  /** Where the `:` after a key is. */
  readonly colon?: number;
}

/**
 * The scalar at `at` on a line ending at `eol`: a key (ends at `: `), a value (ends at ` #` or the line's
 * end, and holds no `: `) or either. Anything the library might read otherwise is not this reader's.
 */
export function scanScalar(text: string, at: number, eol: number, want: 'key' | 'value' | 'either'): ScannedScalar {
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
export function makeScalar(lib: Library, source: string, type: Scalar.Type, start: number, valueEnd: number, end: number): Scalar {
  let node: Scalar;
  let format: string | undefined;
  const tag = type === PLAIN && (source === '' || TAGGED_START.has(source[0]!)) ? lib.valueTags.find((t) => t.test!.test(source)) : undefined;
  if (tag) {
    const res = tag.resolve(source, notMine, lib.options);
    node = lib.isScalar(res) ? res : new lib.Scalar(res);
    format = tag.format;
  } else node = new lib.Scalar(source);
  node.range = [start, valueEnd, end];
  node.source = source;
  node.type = type;
  if (format) node.format = format;
  return node;
}

/** A `-` followed by a space or the line's end: a sequence item. */
export function isDash(text: string, at: number, eol: number): boolean {
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
