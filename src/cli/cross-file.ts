import type { SeverityOverrides } from '../core/rules/engine';
import { crossFileConflicts } from '../core/rules/gpo/gpo013-conflicting-policy';
import { crossCheck } from '../core/rules/xrf/cross-check';
import { XRF_RULES } from '../core/rules/xrf/index';
import type { PolicyFacts, RdpFacts } from '../core/rules/xrf/facts';
import { sortFindings, type FilePosition, type FileReport, type OutputFinding, type OutputRelated } from './report';

function output(f: { ruleId: string; severity: OutputFinding['severity']; message: string; subject: string; at: FilePosition; related: readonly { path: string; message: string; at: FilePosition }[] }): OutputFinding {
  const { path: _path, ...position } = f.at;
  const related: OutputRelated[] = f.related.map((r) => ({ ...r.at, path: r.at.path, message: r.message }));
  return { ruleId: f.ruleId, severity: f.severity, message: f.message, ...position, subject: f.subject, fixable: false, ...(related.length > 0 && { related }) };
}

/**
 * The cross-file pass, in the main thread once every chunk is back: XRF001–XRF003 between the `.rdp`
 * files and the policy exports of this run, and GPO013 between exports. Returns the reports with the
 * new findings added where they belong and the summaries removed.
 */
export function crossFilePass(files: readonly FileReport[], severitiesFor: (path: string) => SeverityOverrides | undefined): FileReport[] {
  const rdpFiles: { path: string; facts: RdpFacts<FilePosition> }[] = [];
  const exports: { path: string; facts: PolicyFacts<FilePosition> }[] = [];
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
  if (exports.length > 0) {
    for (const f of crossCheck(XRF_RULES, { rdpFiles, exports, severities: severitiesFor })) add(f.at.path, output(f));
    const conflicts = crossFileConflicts(exports.map((e) => ({ path: e.path, values: e.facts.values })));
    for (const c of conflicts) {
      const configured = severitiesFor(c.at.path)?.[c.ruleId];
      if (configured === 'off') continue;
      add(c.at.path, output({ ...c, severity: configured ?? c.severity }));
    }
  }
  return files.map(({ crossCheck: _summary, ...file }) => {
    const extra = added.get(file.path);
    return extra ? { ...file, findings: sortFindings([...file.findings, ...extra]) } : file;
  });
}
