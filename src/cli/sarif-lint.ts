import type { LintReport } from '../core/lint/output';
import { sarifRegion } from '../core/report/sarif-region';
import { toSarif } from '../core/report/sarif';

/**
 * The lint report as SARIF: one result per finding, with its region; the inputs it could not read as notifications
 * of the run. `standardInput`: the path standard input is reported by when no `--stdin-filename` names it.
 */
export function toOutputFindingsSarif(report: LintReport, standardInput?: string): object {
  const binaryPaths = binaryFiles(report);
  return toSarif(
    report.files.flatMap((file) =>
      file.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        path: file.path,
        region: sarifRegion(f, binaryPaths.has(file.path)),
        ...(f.subject !== null && { subject: f.subject }),
        ...(f.related?.length && {
          related: f.related.map((r) => ({
            path: r.path,
            region: sarifRegion(r, binaryPaths.has(r.path)),
            message: r.message,
          })),
        }),
      })),
    ),
    {
      // Paths are relative to the working folder: stated, so a relative `uri` has its base (SARIF §3.4.4).
      root: process.cwd(),
      ...(standardInput !== undefined && { standardInput }),
      invocation: {
        endTimeUtc: new Date().toISOString(),
        errors: report.errors,
        problems: report.files.flatMap((file) => (file.problems ?? []).map((p) => ({ path: file.path, ...p }))),
        binaryPaths,
      },
    },
  );
}

/** The binary files of a report (Registry.pol, alone or in a GPO backup): those with a position given in bytes. */
function binaryFiles(report: LintReport): Set<string> {
  const binary = new Set<string>();
  for (const file of report.files) {
    if (file.format === 'registry-pol' || file.findings.some((f) => f.byteOffset !== undefined) || file.problems?.some((p) => p.byteOffset !== undefined)) binary.add(file.path);
  }
  return binary;
}
