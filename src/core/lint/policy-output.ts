import { join } from 'node:path';
import type { PolicyDocument, ReadProblem, SourceLocation } from '../gpo/model';
import type { BackupFile } from '../gpo/read-gpo-backup';
import { backupPartOf } from '../gpo/read-gpo-backup';
import { lintGpoBackup, lintRegistryPol, type LintOptions } from './lint-file';
import type { PolicyFinding } from '../rules/gpo/types';
import { policyFacts } from '../rules/xrf/facts';
import type { Span } from '../text/line-index';
import { describeFsError, filesUnder, readInput, type InputError } from './inputs';
import { polPosition, positionsIn, sortFindings, type FilePosition, type FileReport, type OutputFinding, type OutputPosition } from './output';

/** Places spans and Registry.pol records of one file (or of each part of a backup) as output positions. */
export class Placer {
  private readonly byFile = new Map<string, { text: string; at?: (span: Span) => OutputPosition; pol: boolean }>();
  /** Display path of each file ('' = the single file of a plain export; otherwise a backup part). */
  readonly paths = new Map<string, string>();

  /** `file`: the part of a backup ('' for a single file); `pol`: spans are records of a binary Registry.pol. */
  add(file: string, path: string, text: string, pol: boolean): void {
    this.byFile.set(file, { text, pol });
    this.paths.set(file, path);
  }

  position(location: SourceLocation | { span: Span; file?: string; record?: number; byteOffset?: number }): FilePosition {
    const file = location.file ?? '';
    const entry = this.byFile.get(file) ?? this.byFile.values().next().value!;
    const path = this.paths.get(file) ?? this.paths.values().next().value!;
    if (entry.pol) return { path, ...polPosition(location) };
    entry.at ??= positionsIn(entry.text);
    return { path, ...entry.at(location.span) };
  }
}

/** The output findings of a policy export, with related locations placed in their own files. */
export function policyOutput(findings: readonly PolicyFinding[], placer: Placer): Map<string, OutputFinding[]> {
  const out = new Map<string, OutputFinding[]>();
  for (const f of findings) {
    const { path, ...position } = placer.position(f.location);
    const related = f.related?.map((r) => {
      const where = placer.position({ span: r.span, file: r.path ?? f.location.file ?? '' });
      return { path: where.path, message: r.message, line: where.line, column: where.column, endLine: where.endLine, endColumn: where.endColumn, ...(where.byteOffset !== undefined && { byteOffset: where.byteOffset }) };
    });
    const list = out.get(path) ?? [];
    list.push({ ruleId: f.ruleId, severity: f.severity, message: f.message, ...position, subject: f.subject ?? null, fixable: false, ...(related?.length && { related }) });
    out.set(path, list);
  }
  for (const list of out.values()) sortFindings(list);
  return out;
}

/** Reader problems as input errors: the file is reported, and where in it. */
export function problemErrors(problems: readonly ReadProblem[], placer: Placer): InputError[] {
  return problems.map((p) => {
    const { path, line, column, byteOffset } = placer.position(p);
    // Registry.pol messages name their record and byte offset themselves.
    const message = byteOffset !== undefined ? p.message : `${line}:${column}: ${p.message}`;
    return { path, message, line, column, ...(byteOffset !== undefined && { byteOffset }) };
  });
}

/** The cross-check facts of a policy export, located for the main thread. */
export function policySummary(doc: PolicyDocument, placer: Placer): FileReport['crossCheck'] {
  return { policy: policyFacts(doc, (s) => placer.position(s.source)) };
}

/** Lints a binary Registry.pol file into its report. */
export function lintPolFile(path: string, display: string, bytes: Uint8Array, options: LintOptions): { report: FileReport; errors: InputError[] } {
  const linted = lintRegistryPol(bytes, { ...options, path, view: false });
  const placer = new Placer();
  placer.add('', display, '', true);
  const findings = policyOutput(linted.findings, placer).get(display) ?? [];
  return {
    report: { path: display, format: 'registry-pol', findings, crossCheck: policySummary(linted.policy, placer) },
    errors: problemErrors(linted.problems, placer),
  };
}

/** Lints a GPO backup folder as one export: one report per part that was read, all with format `gpo-backup`. */
export function lintBackupFolder(folder: string, display: (path: string) => string, options: LintOptions): { reports: FileReport[]; errors: InputError[] } {
  const files: BackupFile[] = [];
  const errors: InputError[] = [];
  let relPaths: string[];
  try {
    relPaths = filesUnder(folder);
  } catch (error) {
    return { reports: [], errors: [{ path: display(folder), message: describeFsError(error) }] };
  }
  for (const rel of relPaths) {
    if (!backupPartOf(rel)) continue;
    const read = readInput(join(folder, rel));
    if ('bytes' in read) files.push({ path: rel, bytes: read.bytes });
    else errors.push({ path: display(join(folder, rel)), message: read.error });
  }
  const linted = lintGpoBackup(files, options);
  const placer = new Placer();
  for (const part of linted.parts) placer.add(part.path, display(join(folder, part.path)), part.text, part.part === 'machinePol' || part.part === 'userPol');
  if (linted.parts.length === 0) {
    return { reports: [], errors: [...errors, { path: display(folder), message: 'The GPO backup holds no registry.pol, gpreport.xml, GptTmpl.inf or preference Registry.xml to read.' }] };
  }
  const byPath = policyOutput(linted.findings, placer);
  const reports: FileReport[] = linted.parts.map((part, i) => {
    const path = display(join(folder, part.path));
    return { path, format: 'gpo-backup', findings: byPath.get(path) ?? [], ...(i === 0 && { crossCheck: policySummary(linted.policy, placer) }) };
  });
  const located = linted.problems.filter((p) => p.file === undefined || placer.paths.has(p.file));
  const unlocated = linted.problems.filter((p) => !located.includes(p));
  return {
    reports,
    errors: [...errors, ...problemErrors(located, placer), ...unlocated.map((p) => ({ path: display(join(folder, p.file!)), message: p.message }))],
  };
}
