import type { LintReport } from '../core/lint/output';
import { toSarif } from '../core/report/sarif';

/** The lint report as SARIF: one result per finding, with its region; the inputs it could not read as notifications of the run. */
export function toOutputFindingsSarif(report: LintReport): object {
  return toSarif(
    report.files.flatMap((file) =>
      file.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        path: file.path,
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        ...(f.related?.length && {
          related: f.related.map((r) => ({
            path: r.path,
            region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
            message: r.message,
          })),
        }),
      })),
    ),
    { invocation: { endTimeUtc: new Date().toISOString(), errors: report.errors } },
  );
}
