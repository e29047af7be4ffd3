import { applySeverities, type SeverityOverrides } from '../findings/severity';
import { crossFileConflicts, type CrossFileConflict } from '../rules/gpo/gpo013-conflicting-policy';
import type { ProbeFacts } from '../rules/xrf/probe-facts';
import { crossCheck } from '../rules/xrf/cross-check';
import type { PolicyFacts, RdpFacts } from '../rules/xrf/facts';
import { XRF_RULES } from '../rules/xrf/index';
import type { CrossFinding } from '../rules/xrf/types';
import { sortFindings, type FilePosition, type FileReport, type OutputFinding, type OutputRelated } from './output';

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

/** XRF findings of `.rdp` files against the exports found with them (the CLI's run, or an editor's workspace folder). */
export function crossCheckFiles<L>(rdpFiles: readonly RdpFile<L>[], exports: readonly ExportFile<L>[], severitiesFor: (path: string) => SeverityOverrides | undefined): CrossFinding<L>[] {
  if (exports.length === 0) return [];
  return crossCheck(FILE_RULES, { rdpFiles, exports, severities: severitiesFor });
}

/** GPO013 between exports; `only` keeps the findings of one export (the editor lints one document at a time). */
export function conflictsBetween<L>(
  exports: readonly ExportFile<L>[],
  severitiesFor: (path: string) => SeverityOverrides | undefined,
  only?: string,
  fileOf?: (at: L) => string,
): CrossFileConflict<L>[] {
  if (exports.length < 2) return [];
  const conflicts = crossFileConflicts(exports.map((e) => ({ path: e.path, values: e.facts.values })), fileOf).filter((c) => only === undefined || c.path === only);
  return conflicts.flatMap((c) => applySeverities([c], severitiesFor(c.path)));
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
  const exports: ExportFile<FilePosition>[] = [];
  for (const file of files) {
    if (file.crossCheck?.rdp) rdpFiles.push({ path: file.path, facts: file.crossCheck.rdp });
    if (file.crossCheck?.policy) exports.push({ path: file.path, facts: file.crossCheck.policy });
  }
  const added = new Map<string, OutputFinding[]>();
  const add = (path: string, finding: OutputFinding): void => {
    const list = added.get(path) ?? [];
    list.push(finding);
    added.set(path, list);
  };
  for (const f of crossCheckFiles(rdpFiles, exports, severitiesFor)) add(f.at.path, output(f));
  for (const c of conflictsBetween(exports, severitiesFor, undefined, (at) => at.path)) add(c.at.path, output(c));
  return files.map(({ crossCheck: _summary, ...file }) => {
    const extra = added.get(file.path);
    return extra ? { ...file, findings: sortFindings([...file.findings, ...extra]) } : file;
  });
}
