import { version } from '../../package.json';
import { jsonText } from '../core/text/json-safe';

export function toolVersion(): string {
  return version;
}

/** The first fields of every JSON the CLI prints (SPEC §3); `schemaVersion` changes only when a field does. */
export function jsonHeader(): { tool: 'rdp-doctor'; version: string; schemaVersion: 1 } {
  return { tool: 'rdp-doctor', version: toolVersion(), schemaVersion: 1 };
}

/** A JSON document with the header first, as the CLI prints it. */
export function toJsonOutput(body: object): string {
  return jsonText({ ...jsonHeader(), ...body }) + '\n';
}

/** About how many characters each piece of a JSON report holds: one write each (a write per file cost 150–400 ms on 10,000 files, issue 16). */
export const JSON_PIECE_CHARS = 64 * 1024;
/** Elements stringified together: one `JSON.stringify` call writes their indentation and commas. */
const BATCH = 32;
/** `JSON.stringify([batch], null, 2)` puts each element of the batch at the indentation of a top-level array field's elements. */
const BATCH_OPEN = '[\n  [\n'.length;
const BATCH_CLOSE = '\n  ]\n]'.length;

/**
 * An array field of the JSON report, written as its elements come (the lint's file reports, each dropped once
 * added) into pieces of ~64 KB: the text between the field's `[` line and its `]` line, exactly as
 * `JSON.stringify(document, null, 2)` writes it.
 */
export class JsonArrayText {
  private readonly pieces: string[] = [];
  private piece = '';
  private batch: unknown[] = [];
  private count = 0;
  private batches = 0;
  /** Whether `early.write` took the document's head and the first pieces. */
  written = false;

  /**
   * With `early`, each full piece goes to `early.write` at once (the first one after `head`, the document up to
   * this field's `[` line: `jsonHead`) instead of being kept; `toJsonChunks` then writes only the rest.
   */
  constructor(
    private readonly early?: { readonly head: string; readonly write: (text: string) => void },
    /** An element's text written without `JSON.stringify` (`json-report.ts`), or undefined to stringify it. */
    private readonly element?: (item: unknown) => string | undefined,
  ) {}

  get length(): number {
    return this.count;
  }

  add(item: unknown): void {
    if (this.element) {
      const text = this.element(item);
      if (text !== undefined) {
        this.count++;
        this.append(text);
        return;
      }
    }
    this.batch.push(item);
    this.count++;
    if (this.batch.length === BATCH || this.element) this.flush();
  }

  /** Stringifies the waiting batch; a full piece goes out early, unless this is the last flush (`text`, whose pieces the caller writes). */
  private flush(last = false): void {
    if (this.batch.length === 0) return;
    const json = jsonText([this.batch]);
    this.batch = [];
    this.append(json.slice(BATCH_OPEN, json.length - BATCH_CLOSE), last);
  }

  /** Adds the text of the next elements to the piece; a full piece goes out early, unless `last`. */
  private append(text: string, last = false): void {
    // Elements are separated by ",\n": at the start of every batch but the first, whichever piece it falls in.
    this.piece += this.batches++ === 0 ? text : ',\n' + text;
    if (this.piece.length >= JSON_PIECE_CHARS && !last) {
      if (this.early) {
        this.early.write(this.written ? this.piece : this.early.head + this.piece);
        this.written = true;
      } else {
        this.pieces.push(this.piece);
      }
      this.piece = '';
    }
  }

  /** The pieces of the elements' text, the last one ending in a newline (none when the array is empty). */
  *text(): Generator<string> {
    this.flush(true);
    yield* this.pieces;
    if (this.count > 0) yield this.piece + '\n';
  }
}

/**
 * The same document as `toJsonOutput`, byte for byte, in pieces of about `JSON_PIECE_CHARS` characters: the
 * elements of array fields are stringified a batch at a time, never the report as one string. A field may
 * also be a `JsonArrayText` already filled (the lint's file reports, written as they were linted).
 */
export function* toJsonChunks(body: Readonly<Record<string, unknown>>): Generator<string> {
  const whole: Record<string, unknown> = { ...jsonHeader(), ...body };
  const keys = Object.keys(whole).filter((k) => whole[k] !== undefined);
  let out = '{\n';
  for (const [i, key] of keys.entries()) {
    let value = whole[key];
    const comma = i < keys.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      const array = new JsonArrayText();
      for (const item of value) array.add(item);
      value = array;
    }
    if (value instanceof JsonArrayText && value.length > 0) {
      out += arrayOpen(key);
      // The head went out with the first pieces: it is what `jsonHead` wrote, the fields before this one.
      if (value.written) out = '';
      for (const piece of value.text()) {
        if (out.length + piece.length > JSON_PIECE_CHARS && out !== '') {
          yield out;
          out = '';
        }
        out += piece;
      }
      out += `  ]${comma}\n`;
    } else {
      out += `  ${JSON.stringify(key)}: ${indent(jsonText(value instanceof JsonArrayText ? [] : value), '  ').trimStart()}${comma}\n`;
    }
    if (out.length >= JSON_PIECE_CHARS) {
      yield out;
      out = '';
    }
  }
  yield out + '}\n';
}

function arrayOpen(key: string): string {
  return `  ${JSON.stringify(key)}: [\n`;
}

/** The JSON document of `toJsonChunks` up to the `[` line of `key`, its first field after the header (a `JsonArrayText`'s `early.head`). */
export function jsonHead(key: string): string {
  return '{\n' + Object.entries(jsonHeader()).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},\n`).join('') + arrayOpen(key);
}

function indent(text: string, by: string): string {
  return by + text.replace(/\n/g, `\n${by}`);
}
