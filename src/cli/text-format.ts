import type { LintReport, OutputFinding } from '../core/lint/output';
import { terminalSafe } from '../core/text/terminal';
import { NO_PAINT, type Paint, type Style } from './output';

const SEVERITY_STYLE: Readonly<Record<OutputFinding['severity'], Style>> = { error: 'red', warning: 'yellow', info: 'cyan' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Only the error findings (`--quiet`). */
export function errorsOnly(report: LintReport): LintReport {
  return { ...report, files: report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') })) };
}

export function countFindings(report: LintReport): { error: number; warning: number; info: number; fixable: number } {
  const counts = { error: 0, warning: 0, info: 0, fixable: 0 };
  for (const file of report.files) {
    for (const f of file.findings) {
      counts[f.severity]++;
      if (f.fixable) counts.fixable++;
    }
  }
  return counts;
}

/**
 * ESLint-style listing: the file, then `line:column  severity  message  rule`, then the totals and how many
 * `--fix` can fix. Every path and message is made terminal-safe: they come from the files.
 */
export function formatLintText(report: LintReport, paint: Paint = NO_PAINT): string {
  const out: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0 && !file.fixed && !file.omittedFindings) continue;
    out.push(paint('underline', terminalSafe(file.path)) + (file.fixed ? `  (${file.fixed} fixed)` : '') + (file.notFixed ? `  (not fixed: ${file.notFixed})` : ''));
    for (const f of file.findings) {
      const where = `${f.line}:${f.column}`.padEnd(8);
      out.push(`  ${where}${paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(8))}${terminalSafe(f.message)}  ${paint('dim', f.ruleId)}`);
      for (const r of f.related ?? []) out.push(`  ${''.padEnd(16)}${paint('dim', `see ${terminalSafe(r.path)}:${r.line}:${r.column}`)} ${terminalSafe(r.message)}`);
    }
    if (file.omittedFindings) out.push(`  … ${file.omittedFindings} more finding${file.omittedFindings === 1 ? '' : 's'} in this file not listed (${file.omittedErrors ?? 0} of them errors).`);
    out.push('');
  }
  for (const e of report.errors) out.push(`${paint('red', 'error')} ${terminalSafe(e.path)}: ${terminalSafe(e.message)}`);
  const counts = countFindings(report);
  const total = counts.error + counts.warning + counts.info;
  const checked = report.files.length;
  out.push(
    total === 0
      ? `${plural(checked, 'file')} checked, no problems${report.errors.length ? ` found in them; ${plural(report.errors.length, 'input')} not read (above)` : ''}.`
      : `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info) in ${plural(checked, 'file')}.`,
  );
  if (counts.fixable > 0) out.push(`${plural(counts.fixable, 'problem')} can be fixed with the --fix option.`);
  return out.join('\n') + '\n';
}

/** `PATH:LINE:COLUMN: SEVERITY MESSAGE [RULE]`, one finding a line: what the `$rdp-doctor` problem matcher reads. */
export function formatLintCompact(report: LintReport): string {
  const out: string[] = [];
  for (const file of report.files) {
    const path = terminalSafe(file.path);
    for (const f of file.findings) out.push(`${path}:${f.line}:${f.column}: ${f.severity} ${terminalSafe(f.message)} [${f.ruleId}]\n`);
  }
  return out.join('');
}
