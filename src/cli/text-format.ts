import { fileHasReadError, type FileReport, type LintReport, type OutputFinding } from '../core/lint/output';
import { lineStartSafe, terminalSafe } from '../core/text/terminal';
import { NO_PAINT, type Paint, type Style } from './output';
import { toOutputFindingsSarif } from './sarif-lint';
import { fileReportJson } from './json-report';
import { jsonText } from '../core/text/json-safe';
import { jsonHead, JsonArrayText, toJsonChunks } from './version';

const SEVERITY_STYLE: Readonly<Record<OutputFinding['severity'], Style>> = { error: 'red', warning: 'yellow', info: 'cyan' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Only the error findings (`--quiet`). */
export function errorsOnly(report: LintReport): LintReport {
  return { ...report, files: report.files.map(errorsOnlyFile) };
}

/** One file's report with only its error findings. */
function errorsOnlyFile(file: FileReport): FileReport {
  return { ...file, findings: file.findings.filter((x) => x.severity === 'error') };
}

/** Findings by severity, those --fix fixes, the files not read in full (a reader error) and those with reader warnings. */
type Counts = { error: number; warning: number; info: number; fixable: number; partial: number; readWarnings: number };

export function countFindings(report: LintReport): Counts {
  const counts = { error: 0, warning: 0, info: 0, fixable: 0, partial: 0, readWarnings: 0 };
  for (const file of report.files) addCounts(counts, file);
  return counts;
}

function addCounts(counts: Counts, file: FileReport): void {
  for (let i = 0; i < file.findings.length; i++) {
    const f = file.findings[i]!;
    counts[f.severity]++;
    if (f.fixable) counts.fixable++;
  }
  // As the exit code reads them: an error leaves the rest of the file unread (exit 2); a warning does not.
  if (fileHasReadError(file)) counts.partial++;
  else if (file.problems?.some((p) => p.severity === 'warning')) counts.readWarnings++;
}

/** The `line:column` column, eight wide, with at least one space after it (`3333:234` is eight). */
function position(line: number, column: number): string {
  return `${line}:${column} `.padEnd(8);
}

/** A file's lines of the text listing (none when it has nothing to show). */
function fileLines(file: FileReport, paint: Paint, out: string[]): void {
  if (file.findings.length === 0 && !file.fixed && !file.omittedFindings && !file.problems?.length) return;
  out.push(paint('underline', lineStartSafe(terminalSafe(file.path))) + (file.fixed ? `  (${file.fixed} fixed)` : '') + (file.notFixed ? `  (not fixed: ${file.notFixed})` : ''));
  for (const f of file.findings) {
    out.push(`  ${position(f.line, f.column)}${paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(8))}${terminalSafe(f.message)}  ${paint('dim', f.ruleId)}`);
    for (const r of f.related ?? []) out.push(`  ${''.padEnd(16)}${paint('dim', `see ${terminalSafe(r.path)}:${r.line}:${r.column}`)} ${terminalSafe(r.message)}`);
  }
  for (const p of file.problems ?? []) out.push(`  ${position(p.line, p.column)}${paint('dim', 'read'.padEnd(8))}${terminalSafe(p.message)}`);
  if (file.omittedFindings) out.push(`  … ${file.omittedFindings} more finding${file.omittedFindings === 1 ? '' : 's'} in this file not listed (${file.omittedErrors ?? 0} of them errors).`);
  out.push('');
}

/** The text listing's last lines: the inputs not read, the totals and how many `--fix` can fix. */
function tailLines(errors: LintReport['errors'], counts: Counts, checked: number, paint: Paint, out: string[]): void {
  for (const e of errors) out.push(`${paint('red', 'error')} ${terminalSafe(e.path)}: ${terminalSafe(e.message)}`);
  const total = counts.error + counts.warning + counts.info;
  // A file read only in part is not "no problems": what was not read was not checked.
  const partial =
    (counts.partial > 0 ? ` ${plural(counts.partial, 'file')} could not be read in full (above).` : '') +
    (counts.readWarnings > 0 ? ` ${plural(counts.readWarnings, 'file')} with lines or values not read (above).` : '');
  out.push(
    total === 0
      ? `${plural(checked, 'file')} checked, no ${partial ? 'findings' : 'problems'}${errors.length ? ` found in them; ${plural(errors.length, 'input')} not read (above)` : ''}.${partial}`
      : `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info) in ${plural(checked, 'file')}.${partial}`,
  );
  if (counts.fixable > 0) out.push(`${plural(counts.fixable, 'problem')} can be fixed with the --fix option.`);
}

/**
 * ESLint-style listing: the file, then `line:column  severity  message  rule`, then the totals and how many
 * `--fix` can fix. Every path and message is made terminal-safe: they come from the files.
 */
export function formatLintText(report: LintReport, paint: Paint = NO_PAINT): string {
  const out: string[] = [];
  for (const file of report.files) fileLines(file, paint, out);
  tailLines(report.errors, countFindings(report), report.files.length, paint, out);
  return out.join('\n') + '\n';
}

/** About how many characters each piece of text output holds: one write each. */
const PIECE_CHARS = 64 * 1024;

/**
 * The lint output built file by file as `lintPaths` hands the reports over (`add`), each report dropped once
 * written: JSON, text and compact as text pieces of ~64 KB; SARIF keeps the reports (it closes over all
 * results). `output` then yields exactly what `toJsonChunks`, `formatLintText`, `formatLintCompact` or the
 * SARIF log of the whole report (after `--quiet`'s filter) would have been.
 */
export class LintOutput {
  /** Findings of every file before `--quiet`'s filter (what `--max-warnings` counts). */
  readonly counts: Counts = { error: 0, warning: 0, info: 0, fixable: 0, partial: 0, readWarnings: 0 };
  private readonly shown: Counts = { error: 0, warning: 0, info: 0, fixable: 0, partial: 0, readWarnings: 0 };
  private files = 0;
  /** Compact output: the reader errors of the files (not read in full), for standard error. */
  readonly readErrors: string[] = [];
  private readonly json: JsonArrayText;
  private readonly kept: FileReport[] = [];
  private readonly pieces: string[] = [];
  private piece = '';
  private readonly lines: string[] = [];

  /**
   * With `write`, each full piece of JSON, text or compact output goes there at once (standard output) and
   * `output` yields only the rest; without it (an output file, written whole through a temporary file) all are kept.
   */
  constructor(
    private readonly format: 'text' | 'json' | 'sarif' | 'compact',
    private readonly quiet: boolean,
    private readonly paint: Paint = NO_PAINT,
    private readonly write?: (text: string) => void,
    /** The name standard input is reported by when no `--stdin-filename` names it: no file, as SARIF states it. */
    private readonly standardInput?: string,
  ) {
    this.json = new JsonArrayText(write && { head: jsonHead('files'), write }, (file) => fileReportJson(file as FileReport));
  }

  add(full: FileReport): void {
    addCounts(this.counts, full);
    const file = this.quiet ? errorsOnlyFile(full) : full;
    this.files++;
    if (this.format === 'json') this.json.add(file);
    else if (this.format === 'sarif') this.kept.push(file);
    else if (this.format === 'compact') {
      this.text(formatLintCompact({ files: [file], errors: [] }));
      // The problem matcher reads findings only: what made the exit 2 is said on standard error.
      for (const p of file.problems ?? []) if (p.severity === 'error') this.readErrors.push(`${terminalSafe(file.path)}:${p.line}:${p.column}: not read in full: ${terminalSafe(p.message)}`);
    }
    else {
      addCounts(this.shown, file);
      fileLines(file, this.paint, this.lines);
      if (this.lines.length > 0) {
        this.text(this.lines.join('\n') + '\n');
        this.lines.length = 0;
      }
    }
  }

  private text(text: string): void {
    this.piece += text;
    if (this.piece.length >= PIECE_CHARS) {
      if (this.write) this.write(this.piece);
      else this.pieces.push(this.piece);
      this.piece = '';
    }
  }

  /** The whole output, given the inputs that could not be read. */
  *output(errors: LintReport['errors']): Generator<string> {
    if (this.format === 'json') {
      yield* toJsonChunks({ files: this.json, errors });
      return;
    }
    if (this.format === 'sarif') {
      yield jsonText(toOutputFindingsSarif({ files: this.kept, errors }, this.standardInput)) + '\n';
      return;
    }
    if (this.format === 'text') {
      tailLines(errors, this.shown, this.files, this.paint, this.lines);
      // Into the last piece, never through `write`: once the output is being returned, nothing goes out early.
      this.piece += this.lines.join('\n') + '\n';
    }
    yield* this.pieces;
    yield this.piece;
  }
}

/**
 * A path as the compact format writes it: the `$rdp-doctor` matcher takes the first `:LINE:COLUMN: SEVERITY ` of a
 * line as the end of the path, so a file named `evil:1:1: error x.rdp` could pass its findings off as another
 * file's errors. A colon before a digit is written `%3A` (and `%` then `%25`); other paths, Windows drives
 * included, are written as they are.
 */
function compactPath(path: string): string {
  return /:\d/.test(path) ? path.replace(/%/g, '%25').replace(/:(?=\d)/g, '%3A') : path;
}

/** `PATH:LINE:COLUMN: SEVERITY MESSAGE [RULE]`, one finding a line: what the `$rdp-doctor` problem matcher reads. */
export function formatLintCompact(report: LintReport): string {
  const out: string[] = [];
  for (const file of report.files) {
    const path = lineStartSafe(compactPath(terminalSafe(file.path)));
    for (const f of file.findings) out.push(`${path}:${f.line}:${f.column}: ${f.severity} ${terminalSafe(f.message)} [${f.ruleId}]\n`);
  }
  return out.join('');
}
