// The straightforward `.rdp` parser, as it was before the parser's fast paths of issue 16 (names remembered
// across lines and files, line breaks found with indexOf): the property tests compare parseRdp with it.
import type { RdpDocument, RdpEntry, RdpLine } from '../../src/core/rdp/parse';
import type { Eol } from '../../src/core/text/line-index';

function plainNameChar(text: string, c: number, i: number, start: number): boolean {
  if (c > 127 || (c >= 65 && c <= 90) || c < 32) return false;
  if (c !== 32) return true;
  const next = text.charCodeAt(i + 1);
  return i !== start && next !== 58 && next > 32;
}

function typeLetter(c: number): string | undefined {
  return c === 115 ? 's' : c === 105 ? 'i' : c === 98 ? 'b' : undefined;
}

function parseLine(text: string, line: number, start: number, end: number, eol: string): RdpLine {
  const span = { start, end };
  let first = -1;
  let second = -1;
  let blank = true;
  // Whether the name needs trimming or lower-casing: most names need neither, and then the key is the name itself.
  let plainName = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */) {
      if (first < 0) first = i;
      else if (second < 0) {
        second = i;
        blank = false;
        break;
      }
    } else if (first < 0 && plainName && !plainNameChar(text, c, i, start)) {
      plainName = false;
    }
    if (blank && c !== 32 && c !== 9) blank = false;
  }
  if (blank) return { line, kind: 'blank', span, eol };
  if (second < 0) return { line, kind: 'malformed', span, eol, problem: 'it has no "name:type:value" form' };
  const rawName = text.slice(start, first);
  const key = plainName ? rawName : rawName.trim().toLowerCase();
  if (key === '') return { line, kind: 'malformed', span, eol, problem: 'the property name is empty' };
  // The type letter as a constant string: no slice per line.
  const type = second === first + 2 ? typeLetter(text.charCodeAt(first + 1)) : undefined;
  if (type === undefined) {
    return { line, kind: 'malformed', span, eol, problem: 'the type between the colons must be s, i or b' };
  }
  const lead = plainName ? 0 : rawName.length - rawName.trimStart().length;
  const entry: RdpEntry = {
    line,
    rawName,
    key,
    type,
    value: text.slice(second + 1, end),
    span,
    nameSpan: { start: start + lead, end: start + (plainName ? rawName.length : rawName.trimEnd().length) },
    typeSpan: { start: first + 1, end: second },
    valueSpan: { start: second + 1, end },
  };
  return { line, kind: 'property', span, eol, entry };
}

/** Parses an `.rdp` text. Never throws: lines it cannot read become `malformed` lines. */
export function parseRdpStraight(text: string): RdpDocument {
  const lines: RdpLine[] = [];
  const entries: RdpEntry[] = [];
  const byKey = new Map<string, RdpEntry[]>();
  const counts = { '\r\n': 0, '\n': 0, '\r': 0 };
  const length = text.length;
  let start = 0;
  for (let line = 0; ; line++) {
    let end = start;
    let c = 0;
    while (end < length && (c = text.charCodeAt(end)) !== 10 && c !== 13) end++;
    const eol: Eol | '' = end === length ? '' : c === 10 ? '\n' : text.charCodeAt(end + 1) === 10 ? '\r\n' : '\r';
    if (end === length && start === end && line > 0) break;
    const parsed = parseLine(text, line, start, end, eol);
    lines.push(parsed);
    if (parsed.entry) {
      entries.push(parsed.entry);
      const list = byKey.get(parsed.entry.key);
      if (list) list.push(parsed.entry);
      else byKey.set(parsed.entry.key, [parsed.entry]);
    }
    if (eol === '') break;
    counts[eol]++;
    start = end + eol.length;
  }
  const kinds = (Object.keys(counts) as Eol[]).filter((k) => counts[k] > 0).sort((a, b) => counts[b] - counts[a]);
  return { text, lines, entries, byKey, eol: kinds[0] ?? '\r\n', mixedEol: kinds.length > 1 };
}

