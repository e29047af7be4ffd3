import type { SourceLocation } from '../gpo/model';
import type { PolicyFacts, RdpFacts } from '../rules/xrf/facts';
import type { Finding, Severity } from '../rules/types';
import { lineEnd, lineStart, type RdpDocument } from '../rdp/parse';
import { LineIndex, type Span } from '../text/line-index';

/**
 * Where a finding is, as SPEC §3 prints it: 1-based lines and columns; in a Registry.pol, the record number as the
 * line, and the record's byte offset and (when known) its length in bytes.
 */
export interface OutputPosition {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly byteOffset?: number;
  readonly byteLength?: number;
}

/** Another place that explains a finding, possibly in another file. */
export interface OutputRelated extends OutputPosition {
  readonly path: string;
  readonly message: string;
}

/** One finding as SPEC §3 prints it. */
export interface OutputFinding extends OutputPosition {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly subject: string | null;
  readonly fixable: boolean;
  readonly related?: readonly OutputRelated[];
}

/** A position located in a file, for the cross-file pass. */
export interface FilePosition extends OutputPosition {
  readonly path: string;
}

/** What the cross-checks need from one input: small and serializable, so worker threads can send it back. */
export interface CrossCheckSummary {
  readonly rdp?: RdpFacts<FilePosition>;
  readonly policy?: PolicyFacts<FilePosition>;
  /** A signed `.rdp` file with an RDP043 finding, by its real path: linted again when an export trusts its publisher. */
  readonly signedRdp?: string;
  /** An unsigned `.rdp` file with an RDP043 finding, by its real path: linted again when an export blocks unknown publishers. */
  readonly unsignedRdp?: string;
  /** A GPO backup that names its GPO: its folder and every report of it, dropped together when a newer backup supersedes it. */
  readonly backup?: { readonly folder: string; readonly reports: readonly string[] };
}

/** What a reader could not read or map inside an export it did read: reported with its place, never an unreadable input. */
export interface OutputProblem extends Pick<OutputPosition, 'line' | 'column' | 'byteOffset' | 'byteLength'> {
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

export interface FileReport {
  readonly path: string;
  readonly format: string;
  readonly findings: readonly OutputFinding[];
  /** What the export's reader could not read or map, with positions (SPEC §3: not an unreadable input, so not exit 2). */
  readonly problems?: readonly OutputProblem[];
  /** Fixes written by `--fix`, if any. */
  readonly fixed?: number;
  /** Why `--fix` left the file as it was, when it had fixes to apply (a signed `.rdp` file). */
  readonly notFixed?: string;
  /** Findings past the per-file cap (`MAX_FINDINGS_PER_FILE`), counted but not listed; `omittedErrors` of them are errors. */
  readonly omittedFindings?: number;
  readonly omittedErrors?: number;
  /** For the cross-file pass only; removed before the report is printed. */
  readonly crossCheck?: CrossCheckSummary;
}

export interface LintReport {
  readonly files: readonly FileReport[];
  readonly errors: readonly { readonly path: string; readonly message: string }[];
}

/** Turns spans of one text into output positions. */
export function positionsIn(text: string): (span: Span) => OutputPosition {
  const index = new LineIndex(text);
  return (span) => {
    const start = index.positionAt(span.start);
    const end = index.positionAt(span.end);
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  };
}

/**
 * The same positions as `positionsIn(doc.text)`, from the parsed `.rdp` file's own lines: the text is not
 * scanned a second time for its line breaks (issue 16).
 */
export function positionsInRdp(doc: RdpDocument): (span: Span) => OutputPosition {
  const { lines, text } = doc;
  const last = lines[lines.length - 1]!;
  // After a final line break comes one more, empty line, which the parser does not list.
  const tail = last.eol === '' ? Infinity : lineEnd(last) + last.eol.length;
  const lineOf = (offset: number): number => {
    if (offset >= tail) return lines.length;
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStart(lines[mid]!) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const startOf = (line: number): number => (line === lines.length ? tail : lineStart(lines[line]!));
  return (span) => {
    const start = Math.max(0, Math.min(span.start, text.length));
    const end = Math.max(0, Math.min(span.end, text.length));
    const startLine = lineOf(start);
    const endLine = lineOf(end);
    return { line: startLine + 1, column: start - startOf(startLine) + 1, endLine: endLine + 1, endColumn: end - startOf(endLine) + 1 };
  };
}

/** A Registry.pol location: the record is the line, column 1, plus the byte offset and length (SPEC §3). */
export function polPosition(location: Pick<SourceLocation, 'record' | 'byteOffset' | 'byteLength'>): OutputPosition {
  const line = Math.max(1, location.record ?? 1);
  return { line, column: 1, endLine: line, endColumn: 1, ...bytesOf(location) };
}

/** A binary position's byte offset and length, the keys present only when known. */
export function bytesOf(at: { readonly byteOffset?: number; readonly byteLength?: number }): { byteOffset?: number; byteLength?: number } {
  if (at.byteOffset === undefined) return {};
  return at.byteLength === undefined ? { byteOffset: at.byteOffset } : { byteOffset: at.byteOffset, byteLength: at.byteLength };
}

/** Messages longer than this are kept as they are, never remembered. */
const MAX_REMEMBERED_MESSAGE = 512;
const MAX_REMEMBERED_MESSAGES = 4096;
const rememberedMessages = new Map<string, string>();

/**
 * The same message text met before, or this one, remembered: a message that many files share (RDP043's list,
 * its related notes) is one string in the report rather than one per finding, which a run over thousands of
 * files keeps until it prints (issue 16: memory and GC). Bounded: the table is emptied when full.
 */
export function sharedMessage(message: string): string {
  if (message.length > MAX_REMEMBERED_MESSAGE) return message;
  const known = rememberedMessages.get(message);
  if (known !== undefined) return known;
  if (rememberedMessages.size >= MAX_REMEMBERED_MESSAGES) rememberedMessages.clear();
  rememberedMessages.set(message, message);
  return message;
}

/**
 * Whether `lint --fix` fixes a finding: a fix to apply unattended, not a guess or a removal of what the user wrote
 * (`reviewFirst`: RDP002's closest name, RDP005's line of another value, RDP040's password), which the editor
 * offers as a quick fix to pick. "N problems can be fixed with the --fix option" counted those too, and `--fix`
 * then left them.
 */
function unattended(f: Finding): boolean {
  return f.fix !== undefined && f.fix.reviewFirst !== true;
}

/**
 * A finding's related notes in its own file, placed: each note's fields set in the JSON's order rather than spread
 * from its position (a spread per note, 3 of them in most files' RDP043, was ~2% of a 1,000-file lint: issue 16).
 */
function relatedInFile(notes: NonNullable<Finding['related']>, path: string, at: (span: Span) => OutputPosition): OutputRelated[] {
  const out: OutputRelated[] = [];
  for (let i = 0; i < notes.length; i++) {
    const r = notes[i]!;
    if (r.path !== undefined) continue;
    const p = at(r.span);
    out.push(
      p.byteOffset === undefined
        ? { path, message: sharedMessage(r.message), line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn }
        : { path, message: sharedMessage(r.message), line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, ...bytesOf(p) },
    );
  }
  return out;
}

/**
 * Findings with 1-based positions. `locate` overrides how a finding is placed (Registry.pol records); related
 * notes in the same file are placed by their spans, those in other files are left out. `positions` places spans
 * when the caller has a quicker way than scanning `text` (`positionsInRdp`).
 */
export function toOutputFindings(
  text: string,
  findings: readonly Finding[],
  locate?: (f: Finding) => OutputPosition | undefined,
  path?: string,
  positions?: (span: Span) => OutputPosition,
): OutputFinding[] {
  const at = positions ?? positionsIn(text);
  return findings.map((f) => {
    const related = f.related && relatedInFile(f.related, path ?? '', at);
    const p = locate?.(f) ?? at(f.span);
    // The position's fields copied one by one, not spread (a spread per finding was ~1% of a 10,000-file lint);
    // same keys in the same order: `byteOffset` and `byteLength` only where a position has them (Registry.pol).
    const out: { -readonly [K in keyof OutputFinding]: OutputFinding[K] } =
      p.byteOffset === undefined
        ? { ruleId: f.ruleId, severity: f.severity, message: sharedMessage(f.message), line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, subject: f.subject ?? null, fixable: unattended(f) }
        : { ruleId: f.ruleId, severity: f.severity, message: sharedMessage(f.message), line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, ...bytesOf(p), subject: f.subject ?? null, fixable: unattended(f) };
    if (related?.length) out.related = related;
    return out;
  });
}

/** Orders findings by position, then rule ID (plain comparison, so the order does not depend on locale). */
export function sortFindings(findings: OutputFinding[]): OutputFinding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

export function hasErrorFinding(report: LintReport): boolean {
  return report.files.some(fileHasError);
}

/**
 * Whether a file was read only in part: a reader problem of error severity (a damaged Registry.pol record, XML
 * that is not well-formed, a value that cannot be read). SPEC §3 exit 2, "an input that could not be read": a
 * damaged export said "no problems" and exited 0, and a pipeline passed it.
 */
export function fileHasReadError(file: FileReport): boolean {
  return file.problems?.some((p) => p.severity === 'error') ?? false;
}

/** Whether one file's report holds an error finding, listed or omitted. */
export function fileHasError(file: FileReport): boolean {
  if ((file.omittedErrors ?? 0) > 0) return true;
  for (let i = 0; i < file.findings.length; i++) if (file.findings[i]!.severity === 'error') return true;
  return false;
}

/** Findings listed per file: a file with a million bad lines must not need gigabytes to report. */
export const MAX_FINDINGS_PER_FILE = 1000;

/** The report with at most `MAX_FINDINGS_PER_FILE` findings listed; the rest are counted (errors apart, for the exit code). */
export function capFindings(report: FileReport): FileReport {
  if (report.findings.length <= MAX_FINDINGS_PER_FILE) return report;
  const omitted = report.findings.slice(MAX_FINDINGS_PER_FILE);
  const omittedErrors = omitted.reduce((n, f) => n + (f.severity === 'error' ? 1 : 0), report.omittedErrors ?? 0);
  return { ...report, findings: report.findings.slice(0, MAX_FINDINGS_PER_FILE), omittedFindings: omitted.length + (report.omittedFindings ?? 0), omittedErrors };
}
