import { applySeverities, type SeverityOverrides } from '../findings/severity';
import { crossFileConflicts, type CrossFileConflict } from '../rules/gpo/gpo013-conflicting-policy';
import { overridingMessage, policyOverrides } from '../rules/gpo/overridden-by-policy';
import { runPolicy, type PolicySetter } from '../rules/gpo/run-policy';
import type { PolicyFinding } from '../rules/gpo/types';
import type { PolicyDocument, SourceLocation } from '../gpo/model';
import type { ProbeFacts } from '../rules/xrf/probe-facts';
import { crossCheck } from '../rules/xrf/cross-check';
import { policyFacts, type PolicyFacts, type RdpFacts } from '../rules/xrf/facts';
import { XRF_RULES } from '../rules/xrf/index';
import type { CrossFinding } from '../rules/xrf/types';
import { currentExports, supersededBackups } from '../gpo/backup-history';
import { quote } from '../text/quote';
import { sortFindings, type CrossCheckSummary, type FilePosition, type FileReport, type OutputFinding, type OutputProblem, type OutputRelated } from './output';

export interface RdpFile<L> {
  readonly path: string;
  readonly facts: RdpFacts<L>;
}

export interface ExportFile<L> {
  readonly path: string;
  readonly facts: PolicyFacts<L>;
}

/** Cross-checks that compare a file with an export alone; XRF004 needs a probe and runs with one. */
const FILE_RULES = XRF_RULES.filter((r) => r.id !== 'XRF004');

/**
 * XRF findings of `.rdp` files against the exports found with them (the CLI's run, or an editor's workspace folder).
 * `fileOf`: the file a value sits in, where an export is several files (the CLI's GPO backups).
 */
export function crossCheckFiles<L>(
  rdpFiles: readonly RdpFile<L>[],
  exports: readonly ExportFile<L>[],
  severitiesFor: (path: string) => SeverityOverrides | undefined,
  fileOf?: (at: L) => string,
): CrossFinding<L>[] {
  if (exports.length === 0) return [];
  return crossCheck(FILE_RULES, { rdpFiles, exports, severities: severitiesFor, ...(fileOf && { fileOf }) });
}

/** GPO013 between exports; `only` keeps the findings of one export (the editor lints one document at a time). */
export function conflictsBetween<L>(
  exports: readonly ExportFile<L>[],
  severitiesFor: (path: string) => SeverityOverrides | undefined,
  only?: string,
  fileOf?: (at: L) => string,
): CrossFileConflict<L>[] {
  if (exports.length < 2) return [];
  const conflicts = crossFileConflicts(exports.map((e) => ({ ...e.facts, path: e.path })), fileOf).filter((c) => only === undefined || c.path === only);
  return conflicts.flatMap((c) => applySeverities([c], severitiesFor(c.path)));
}

/**
 * The editor's: an export's own findings, each with the policy that overrides its value when another export of the
 * workspace folder (`others`) sets it, or another GPO of this one (when `others` holds this export too, as `self`);
 * those findings are information (`policyOverrides`).
 */
export function policyOverridesOf<F extends PolicyFinding, M>(doc: PolicyDocument, findings: readonly F[], self: string, others: readonly ExportFile<M>[]): { readonly finding: F; readonly by?: PolicySetter<M> }[] {
  if (others.length === 0) return findings.map((finding) => ({ finding }));
  const own = policyFacts(doc, (s) => s.source);
  const sameAt = (f: F, at: SourceLocation): boolean => f.location.file === at.file && f.location.record === at.record && f.location.span.start === at.span.start && f.location.span.end === at.span.end;
  return policyOverrides(findings, self, own.values, runPolicy(others), sameAt);
}

/**
 * Cross-checks that need a check of the host: XRF001 from the probe's `nlaRequired` and XRF003 from its selection of
 * Standard RDP Security on the `.rdp` files that target it, XRF004 between the exports' `SSLCertificateSHA1Hash` and the certificate the listener presented.
 */
export function crossCheckProbes<L>(rdpFiles: readonly RdpFile<L>[], exports: readonly ExportFile<L>[], probes: readonly ProbeFacts[]): CrossFinding<L>[] {
  if (probes.length === 0) return [];
  return [
    ...crossCheck(XRF_RULES.filter((r) => r.id === 'XRF001' || r.id === 'XRF003'), { rdpFiles, exports: [], probes }),
    ...crossCheck(XRF_RULES.filter((r) => r.id === 'XRF004'), { rdpFiles: [], exports, probes }),
  ];
}

function output(f: { ruleId: string; severity: OutputFinding['severity']; message: string; subject: string; at: FilePosition; related: readonly { path: string; message: string; at: FilePosition }[] }): OutputFinding {
  const { path: _path, ...position } = f.at;
  const related: OutputRelated[] = f.related.map((r) => ({ ...r.at, path: r.at.path, message: r.message }));
  return { ruleId: f.ruleId, severity: f.severity, message: f.message, ...position, subject: f.subject, fixable: false, ...(related.length > 0 && { related }) };
}

/**
 * The cross-file pass, once every file is linted (in the main thread, after the worker threads): XRF
 * between the `.rdp` files and the policy exports of this run, and GPO013 between exports. Returns the
 * reports with the new findings added where they belong and the summaries removed.
 */
export function crossFilePass(files: readonly FileReport[], severitiesFor: (path: string) => SeverityOverrides | undefined): FileReport[] {
  const rdpFiles: RdpFile<FilePosition>[] = [];
  const exports: (ExportFile<FilePosition> & { summary: CrossCheckSummary })[] = [];
  for (const file of files) {
    if (file.crossCheck?.rdp) rdpFiles.push({ path: file.path, facts: file.crossCheck.rdp });
    if (file.crossCheck?.policy) exports.push({ path: file.path, facts: file.crossCheck.policy, summary: file.crossCheck });
  }
  const superseded = supersededReports(exports);
  const added = new Map<string, OutputFinding[]>();
  const add = (path: string, finding: OutputFinding): void => {
    const list = added.get(path) ?? [];
    list.push(finding);
    added.set(path, list);
  };
  for (const f of crossCheckFiles(rdpFiles, exports, severitiesFor, (at) => at.path)) add(f.at.path, output(f));
  for (const c of conflictsBetween(exports, severitiesFor, undefined, (at) => at.path)) add(c.at.path, output(c));
  // An older backup of a GPO overrides nothing: its values are no longer the GPO's.
  const overrides = overriddenFindings(files, currentExports(exports));
  return files.map(({ crossCheck: _summary, ...file }) => {
    const old = superseded.get(file.path);
    if (old) return { ...file, findings: [], ...(old.note && { problems: [old.note, ...(file.problems ?? [])] }) };
    const extra = added.get(file.path);
    const findings = overrides.size > 0 ? file.findings.map((f) => overrides.get(f) ?? f) : file.findings;
    return extra ? { ...file, findings: sortFindings([...findings, ...extra]) } : findings !== file.findings ? { ...file, findings } : file;
  });
}

/**
 * The GPO findings on listener and local values that a policy set in another export of the run, or in another GPO of
 * the same `-All` report, overrides, each with the finding that replaces it: information, naming that export, with the
 * policy value as a related location.
 */
function overriddenFindings(files: readonly FileReport[], exports: readonly ExportFile<FilePosition>[]): Map<OutputFinding, OutputFinding> {
  const out = new Map<OutputFinding, OutputFinding>();
  if (exports.length === 0) return out;
  const policy = runPolicy(exports);
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const e of exports) {
    // Every file of the export: a GPO backup's values are in its parts, each reported on its own path.
    for (const path of new Set([e.path, ...e.facts.values.map((v) => v.at.path)])) {
      const findings = byPath.get(path)?.findings ?? [];
      const sameAt = (f: OutputFinding, at: FilePosition): boolean => at.path === path && at.line === f.line && at.column === f.column && at.byteOffset === f.byteOffset;
      policyOverrides(findings, e.path, e.facts.values, policy, sameAt).forEach(({ finding, by }, i) => {
        if (!by) return;
        const related: OutputRelated = { ...by.fact.at, path: by.fact.at.path, message: overridingMessage(by) };
        out.set(findings[i]!, { ...finding, related: [...(finding.related ?? []), related] });
      });
    }
  }
  return out;
}

/**
 * The reports of the GPO backups a newer backup of their GPO supersedes (`supersededBackups`): their findings go, since
 * the values they describe are no longer the GPO's, and the first report says why, in a note. Their reader problems stay.
 */
function supersededReports(exports: readonly (ExportFile<FilePosition> & { summary: CrossCheckSummary })[]): Map<string, { note?: OutputProblem }> {
  const out = new Map<string, { note?: OutputProblem }>();
  for (const [old, newer] of supersededBackups(exports)) {
    const { gpo, time } = old.facts.backup!;
    const name = gpo.name !== undefined ? `GPO ${quote(gpo.name)}` : `the GPO ${gpo.id}`;
    const where = newer.summary.backup?.folder ?? newer.path;
    const message = `An older backup of ${name} (BackupTime ${time}): the backup in ${where} (BackupTime ${newer.facts.backup!.time}) is more recent, and Restore-GPO restores a GPO from its most recent backup, so this one's values are not checked, here or against the other files. Lint its folder alone to check it.`;
    const reports = old.summary.backup?.reports ?? [old.path];
    reports.forEach((path, i) => out.set(path, i === 0 ? { note: { severity: 'info', line: 1, column: 1, message } } : {}));
  }
  return out;
}
