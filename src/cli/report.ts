import type { Finding, Severity } from '../core/rules/types';
import { LineIndex } from '../core/text/line-index';

/** One finding as SPEC §3 prints it: 1-based lines and columns. */
export interface OutputFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly subject: string | null;
  readonly fixable: boolean;
}

export interface FileReport {
  readonly path: string;
  readonly format: string;
  readonly findings: readonly OutputFinding[];
  /** Fixes written by `--fix`, if any. */
  readonly fixed?: number;
}

export interface LintReport {
  readonly files: readonly FileReport[];
  readonly errors: readonly { readonly path: string; readonly message: string }[];
}

export function toOutputFindings(text: string, findings: readonly Finding[]): OutputFinding[] {
  const index = new LineIndex(text);
  return findings.map((f) => {
    const start = index.positionAt(f.span.start);
    const end = index.positionAt(f.span.end);
    return {
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      subject: f.subject ?? null,
      fixable: f.fix !== undefined,
    };
  });
}

export function hasErrorFinding(report: LintReport): boolean {
  return report.files.some((f) => f.findings.some((x) => x.severity === 'error'));
}
