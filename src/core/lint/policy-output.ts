import { join } from 'node:path';
import type { PolicyDocument, ReadProblem, SourceLocation } from '../gpo/model';
import type { BackupFile } from '../gpo/read-gpo-backup';
import { backupPartOf } from '../gpo/read-gpo-backup';
import { lintGpoBackup, lintRegistryPol, type LintOptions } from './lint-file';
import type { PolicyFinding } from '../rules/gpo/types';
import { policyFacts } from '../rules/xrf/facts';
import type { Span } from '../text/line-index';
import { type InputError } from './inputs';
import { describeFsError, filesUnder, readInput } from './read-file';
import { bytesOf, polPosition, positionsIn, sortFindings, type FilePosition, type FileReport, type OutputFinding, type OutputPosition, type OutputProblem } from './output';

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

  position(location: SourceLocation | ReadProblem): FilePosition {
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
      // Placed by the related setting's own location: in a Registry.pol, its record and bytes.
      const where = placer.position({ ...r.location, file: r.path ?? f.location.file ?? '' });
      return { path: where.path, message: r.message, line: where.line, column: where.column, endLine: where.endLine, endColumn: where.endColumn, ...bytesOf(where) };
    });
    const list = out.get(path) ?? [];
    list.push({ ruleId: f.ruleId, severity: f.severity, message: f.message, ...position, subject: f.subject ?? null, fixable: false, ...(related?.length && { related }) });
    out.set(path, list);
  }
  for (const list of out.values()) sortFindings(list);
  return out;
}

/** Reader problems placed in the files they are in (each part of a backup its own), at most `MAX_PROBLEMS_PER_INPUT` per file. */
export function placeProblems(problems: readonly ReadProblem[], placer: Placer): Map<string, OutputProblem[]> {
  const out = new Map<string, OutputProblem[]>();
  const omitted = new Map<string, number>();
  for (const p of problems) {
    const { path, line, column, ...at } = placer.position(p);
    const list = out.get(path) ?? [];
    // Past the limit, a reader's own note of problems it did not list adds its count to this one's (listing it would
    // count them twice); a note of where reading stopped is listed all the same.
    if (list.length >= MAX_PROBLEMS_PER_INPUT && !p.essential) {
      omitted.set(path, (omitted.get(path) ?? 0) + (p.unlisted ?? 1));
      continue;
    }
    list.push({ severity: p.severity, line, column, ...bytesOf(at), message: p.message });
    out.set(path, list);
  }
  for (const [path, n] of omitted) out.get(path)!.push({ severity: 'warning', line: 1, column: 1, message: `… ${n} more problems in this export not listed.` });
  return out;
}

/** Reader problems listed per export: a file of a million bad lines is reported in a few kilobytes. */
export const MAX_PROBLEMS_PER_INPUT = 1000;

/** The cross-check facts of a policy export, located for the main thread. */
export function policySummary(doc: PolicyDocument, placer: Placer): FileReport['crossCheck'] {
  return { policy: policyFacts(doc, (s) => placer.position(s.source)) };
}

/** Lints a binary Registry.pol file into its report. */
export function lintPolFile(path: string, display: string, bytes: Uint8Array, options: LintOptions): FileReport {
  const linted = lintRegistryPol(bytes, { ...options, path, view: false });
  const placer = new Placer();
  placer.add('', display, '', true);
  const findings = policyOutput(linted.findings, placer).get(display) ?? [];
  const problems = placeProblems(linted.problems, placer).get(display);
  return { path: display, format: 'registry-pol', findings, ...(problems && { problems }), crossCheck: policySummary(linted.policy, placer) };
}

/** Lints a GPO backup folder as one export: one report per part that was read, and per damaged metadata file, all with format `gpo-backup`. */
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
  // A damaged bkupInfo.xml, Backup.xml or gpreport.xml is reported in its own file, where it is damaged.
  const metadata = linted.parts.length > 0 ? linted.metadata : [];
  for (const part of metadata) placer.add(part.path, display(join(folder, part.path)), part.text, false);
  // A part that could not be read is reported on its own path; the parts that were read still report.
  const unlocated = linted.problems.filter((p) => p.file !== undefined && !placer.paths.has(p.file));
  const partErrors = unlocated.map((p) => ({ path: display(join(folder, p.file!)), message: p.message }));
  if (linted.parts.length === 0) {
    const unreadPart = unlocated.some((p) => !linted.metadata.some((m) => m.path === p.file));
    const message = unreadPart ? 'No part of the GPO backup could be read.' : 'The GPO backup holds no registry.pol, gpreport.xml, GptTmpl.inf or preference Registry.xml to read.';
    return { reports: [], errors: [...errors, ...partErrors, { path: display(folder), message }] };
  }
  const byPath = policyOutput(linted.findings, placer);
  const located = placeProblems(
    linted.problems.filter((p) => !unlocated.includes(p)),
    placer,
  );
  const paths = [...linted.parts, ...metadata].map((part) => display(join(folder, part.path)));
  // A backup of a GPO that has a newer backup in the run is superseded as a whole: the cross-file pass needs its reports.
  const backup = linted.policy.backup ? { backup: { folder: display(folder), reports: paths } } : {};
  const reports: FileReport[] = paths.map((path, i) => {
    const problems = located.get(path);
    return { path, format: 'gpo-backup', findings: byPath.get(path) ?? [], ...(problems && { problems }), ...(i === 0 && { crossCheck: { ...policySummary(linted.policy, placer), ...backup } }) };
  });
  return { reports, errors: [...errors, ...partErrors] };
}
