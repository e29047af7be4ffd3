import { detectEol, type Eol, type Span } from '../text/line-index';

/** One `name:type:value` line, with the exact span of each part. */
export interface RdpEntry {
  /** Zero-based line number. */
  readonly line: number;
  /** The name as written (may carry surrounding blanks). */
  readonly rawName: string;
  /** The name trimmed and lower-cased: how clients compare names. */
  readonly key: string;
  readonly type: string;
  /** Everything after the second colon, as written. */
  readonly value: string;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly typeSpan: Span;
  readonly valueSpan: Span;
}

export type RdpLineKind = 'property' | 'blank' | 'malformed';

export interface RdpLine {
  readonly line: number;
  readonly kind: RdpLineKind;
  /** The line's content, without its line break. */
  readonly span: Span;
  /** The line break that ends it ('' on the last line). */
  readonly eol: string;
  readonly entry?: RdpEntry;
  /** Why a malformed line could not be read. */
  readonly problem?: string;
}

export interface RdpDocument {
  readonly text: string;
  readonly lines: readonly RdpLine[];
  readonly entries: readonly RdpEntry[];
  /** Entries by key, in file order. */
  readonly byKey: ReadonlyMap<string, readonly RdpEntry[]>;
  /** The dominant line break, used for inserted lines. */
  readonly eol: Eol;
  readonly mixedEol: boolean;
}

const TYPE_LETTERS = new Set(['s', 'i', 'b']);

function parseLine(text: string, line: number, start: number, end: number): Omit<RdpLine, 'eol'> {
  const span = { start, end };
  const content = text.slice(start, end);
  if (content.trim() === '') return { line, kind: 'blank', span };
  const first = content.indexOf(':');
  const second = first < 0 ? -1 : content.indexOf(':', first + 1);
  if (second < 0) {
    return { line, kind: 'malformed', span, problem: 'it has no "name:type:value" form' };
  }
  const rawName = content.slice(0, first);
  const type = content.slice(first + 1, second);
  if (rawName.trim() === '') return { line, kind: 'malformed', span, problem: 'the property name is empty' };
  if (type.length !== 1 || !TYPE_LETTERS.has(type)) {
    return { line, kind: 'malformed', span, problem: 'the type between the colons must be s, i or b' };
  }
  const lead = rawName.length - rawName.trimStart().length;
  const nameSpan = { start: start + lead, end: start + rawName.trimEnd().length };
  const entry: RdpEntry = {
    line,
    rawName,
    key: rawName.trim().toLowerCase(),
    type,
    value: content.slice(second + 1),
    span,
    nameSpan,
    typeSpan: { start: start + first + 1, end: start + second },
    valueSpan: { start: start + second + 1, end },
  };
  return { line, kind: 'property', span, entry };
}

/** Parses an `.rdp` text. Never throws: lines it cannot read become `malformed` lines. */
export function parseRdp(text: string): RdpDocument {
  const lines: RdpLine[] = [];
  const entries: RdpEntry[] = [];
  const byKey = new Map<string, RdpEntry[]>();
  let start = 0;
  let line = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let eol = '';
    if (text.charCodeAt(end) === 13) eol = text.charCodeAt(end + 1) === 10 ? '\r\n' : '\r';
    else if (text.charCodeAt(end) === 10) eol = '\n';
    if (end === text.length && start === end && line > 0) break;
    const parsed = parseLine(text, line, start, end);
    lines.push({ ...parsed, eol });
    if (parsed.entry) {
      entries.push(parsed.entry);
      const list = byKey.get(parsed.entry.key);
      if (list) list.push(parsed.entry);
      else byKey.set(parsed.entry.key, [parsed.entry]);
    }
    start = end + eol.length;
    line++;
    if (eol === '') break;
  }
  const { eol, mixed } = detectEol(text);
  return { text, lines, entries, byKey, eol, mixedEol: mixed };
}

/** Prints a parsed document from its parts; equals the input for every input. */
export function printRdp(doc: RdpDocument): string {
  let out = '';
  for (const line of doc.lines) {
    const e = line.entry;
    out += e ? `${e.rawName}:${e.type}:${e.value}` : doc.text.slice(line.span.start, line.span.end);
    out += line.eol;
  }
  return out;
}

/** The entry a client uses when a name repeats: the last one, as FreeRDP does. */
export function effectiveEntry(doc: RdpDocument, key: string): RdpEntry | undefined {
  const list = doc.byKey.get(key);
  return list ? list[list.length - 1] : undefined;
}

/** The span of a whole line including its line break, for deleting it. */
export function lineWithBreak(doc: RdpDocument, line: number): Span {
  const l = doc.lines[line]!;
  return { start: l.span.start, end: l.span.end + l.eol.length };
}
