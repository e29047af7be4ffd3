import type { FileReport, OutputFinding } from '../core/lint/output';
import { jsonSafe } from '../core/text/json-safe';

/**
 * A lint file report as an element of the JSON report's `files` array: the text `jsonText` (`JSON.stringify(document,
 * null, 2)` with invisible and control characters escaped) writes for it, byte for byte, at that array's indentation. The common report (an `.rdp` file: path, format and
 * findings with their related notes) is written from pieces, each string's JSON text remembered across files: a
 * 10,000-file report repeats the same rule IDs, severities, messages and subjects, and `JSON.stringify` escaped
 * and indented every one of them again (issue 16). Anything else — a report or a finding with another field, a
 * value of another type — is undefined, and the caller stringifies it whole.
 */
export function fileReportJson(file: FileReport): string | undefined {
  if (!hasKeys(file, FILE_KEYS) || typeof file.path !== 'string' || typeof file.format !== 'string' || !Array.isArray(file.findings)) return undefined;
  const findings = file.findings;
  let out = `    {\n      "path": ${pathJson(file.path)},\n      "format": ${json(file.format)},\n      "findings": `;
  if (findings.length === 0) return `${out}[]\n    }`;
  out += '[\n';
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const pieces = findingPieces(f);
    if (pieces === undefined) return undefined;
    // The pieces, each related note's path between two of them.
    out += pieces[0]!;
    for (let r = 1; r < pieces.length; r++) out += pathJson(f.related![r - 1]!.path) + pieces[r]!;
    out += i < findings.length - 1 ? '\n        },\n' : '\n        }\n';
  }
  return `${out}      ]\n    }`;
}

/**
 * A finding's text up to its closing brace, in pieces that leave out the paths of its related notes (they go between
 * the pieces), or undefined for a finding of another shape. The pieces of each rule's last finding are kept: when
 * the next file's finding of that rule has the same fields (its message, subject, positions and those of its notes,
 * as files of a run mostly do), they are written again, not built from some sixty strings per finding; that text,
 * kept until its batch of output is written, was most of the lint's young-generation garbage (issue 16).
 */
function findingPieces(f: OutputFinding): readonly string[] | undefined {
  // One look at the keys: most findings have no related notes, and a look for them first went over all nine keys.
  const withRelated = f.related !== undefined;
  if (!hasKeys(f, withRelated ? FINDING_KEYS_RELATED : FINDING_KEYS)) return undefined;
  if (typeof f.ruleId !== 'string' || typeof f.severity !== 'string' || typeof f.message !== 'string') return undefined;
  if (!isInteger(f.line) || !isInteger(f.column) || !isInteger(f.endLine) || !isInteger(f.endColumn)) return undefined;
  if ((f.subject !== null && typeof f.subject !== 'string') || typeof f.fixable !== 'boolean') return undefined;
  const related = f.related;
  if (withRelated) {
    if (!Array.isArray(related)) return undefined;
    for (let r = 0; r < related.length; r++) {
      const note = related[r]!;
      if (!hasKeys(note, RELATED_KEYS) || typeof note.path !== 'string' || typeof note.message !== 'string') return undefined;
      if (!isInteger(note.line) || !isInteger(note.column) || !isInteger(note.endLine) || !isInteger(note.endColumn)) return undefined;
    }
  }
  const last = written.get(f.ruleId);
  if (last !== undefined && sameText(f, last.finding)) return last.pieces;
  const pieces = piecesOf(f);
  if (written.size >= MAX_WRITTEN) written.clear();
  written.set(f.ruleId, { finding: copyOf(f), pieces });
  return pieces;
}

/** The pieces of a checked finding (`findingPieces`). */
function piecesOf(f: OutputFinding): string[] {
  let piece =
    `        {\n          "ruleId": ${json(f.ruleId)},\n          "severity": ${json(f.severity)},\n          "message": ${json(f.message)},\n` +
    `          "line": ${f.line},\n          "column": ${f.column},\n          "endLine": ${f.endLine},\n          "endColumn": ${f.endColumn},\n` +
    `          "subject": ${f.subject === null ? 'null' : json(f.subject)},\n          "fixable": ${f.fixable}`;
  const related = f.related;
  if (related === undefined) return [piece];
  if (related.length === 0) return [`${piece},\n          "related": []`];
  const pieces = [`${piece},\n          "related": [\n            {\n              "path": `];
  for (let r = 0; r < related.length; r++) {
    const note = related[r]!;
    piece =
      `,\n              "message": ${json(note.message)},\n` +
      `              "line": ${note.line},\n              "column": ${note.column},\n              "endLine": ${note.endLine},\n              "endColumn": ${note.endColumn}\n            }`;
    pieces.push(r < related.length - 1 ? `${piece},\n            {\n              "path": ` : `${piece}\n          ]`);
  }
  return pieces;
}

/**
 * The fields of a finding its pieces hold (all but its rule ID, the key it is kept under, and its notes' paths),
 * copied: the report's objects are the caller's.
 */
interface WrittenFinding {
  readonly severity: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly subject: string | null;
  readonly fixable: boolean;
  readonly related: readonly { readonly message: string; readonly line: number; readonly column: number; readonly endLine: number; readonly endColumn: number }[] | undefined;
}

/** Each rule's last finding written, by rule ID, and its pieces. */
const written = new Map<string, { readonly finding: WrittenFinding; readonly pieces: readonly string[] }>();
const MAX_WRITTEN = 256;

function copyOf(f: OutputFinding): WrittenFinding {
  const related = f.related?.map((note) => ({ message: note.message, line: note.line, column: note.column, endLine: note.endLine, endColumn: note.endColumn }));
  return { severity: f.severity, message: f.message, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, subject: f.subject, fixable: f.fixable, related };
}

/** Whether `f` writes as `w` did, but for its notes' paths. */
function sameText(f: OutputFinding, w: WrittenFinding): boolean {
  if (f.line !== w.line || f.column !== w.column || f.endLine !== w.endLine || f.endColumn !== w.endColumn || f.fixable !== w.fixable) return false;
  if (f.message !== w.message || f.severity !== w.severity || f.subject !== w.subject) return false;
  const related = f.related;
  const was = w.related;
  if (related === undefined || was === undefined) return related === was;
  if (related.length !== was.length) return false;
  for (let r = 0; r < related.length; r++) {
    const note = related[r]!;
    const old = was[r]!;
    if (note.line !== old.line || note.column !== old.column || note.endLine !== old.endLine || note.endColumn !== old.endColumn || note.message !== old.message) return false;
  }
  return true;
}

const FILE_KEYS = ['path', 'format', 'findings'] as const;
const FINDING_KEYS = ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'subject', 'fixable'] as const;
const FINDING_KEYS_RELATED = [...FINDING_KEYS, 'related'] as const;
const RELATED_KEYS = ['path', 'message', 'line', 'column', 'endLine', 'endColumn'] as const;

/** Whether `value`'s own enumerable keys are exactly `keys`, in that order (`JSON.stringify` writes them so). */
function hasKeys(value: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const key in value) {
    if (key !== keys[i]) return false;
    i++;
  }
  return i === keys.length;
}

/** A whole number JSON writes as `String` does (positions are; a float or NaN would not be). */
function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** The JSON text of strings met before: rule IDs, severities, messages and subjects come back file after file. */
const texts = new Map<string, string>();
const MAX_TEXTS = 4096;

function json(value: string): string {
  let text = texts.get(value);
  if (text === undefined) {
    if (texts.size >= MAX_TEXTS) texts.clear();
    text = jsonSafe(JSON.stringify(value));
    texts.set(value, text);
  }
  return text;
}

/** A file's path is met once per report, then again in each related note of the file: the last one is kept. */
let lastPath = { path: '', text: '""' };

function pathJson(path: string): string {
  if (path !== lastPath.path) lastPath = { path, text: jsonSafe(JSON.stringify(path)) };
  return lastPath.text;
}
