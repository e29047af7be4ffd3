import type { LintReport } from '../core/lint/output';

const useColor = process.stdout.isTTY === true && !process.env.NO_COLOR;
const paint = (code: number, text: string): string => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);
const SEVERITY_COLOR = { error: 31, warning: 33, info: 36 } as const;

/** ESLint-style listing: the file, then `line:column  severity  message  rule`. */
export function formatLintText(report: LintReport): string {
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const file of report.files) {
    if (file.findings.length === 0 && !file.fixed) continue;
    out.push(paint(4, file.path) + (file.fixed ? `  (${file.fixed} fixed)` : '') + (file.notFixed ? `  (not fixed: ${file.notFixed})` : ''));
    for (const f of file.findings) {
      counts[f.severity]++;
      const where = `${f.line}:${f.column}`.padEnd(8);
      out.push(`  ${where}${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(8))}${f.message}  ${paint(2, f.ruleId)}`);
      for (const r of f.related ?? []) out.push(`  ${''.padEnd(16)}${paint(2, `see ${r.path}:${r.line}:${r.column}`)} ${r.message}`);
    }
    out.push('');
  }
  for (const e of report.errors) out.push(`${paint(31, 'error')} ${e.path}: ${e.message}`);
  const total = counts.error + counts.warning + counts.info;
  const checked = report.files.length;
  out.push(
    total === 0
      ? `${checked} file${checked === 1 ? '' : 's'} checked, no problems.`
      : `${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info) in ${checked} file${checked === 1 ? '' : 's'}.`,
  );
  return out.join('\n') + '\n';
}

/** Control characters (C0, DEL, C1) and bidi controls of a file or export, shown escaped so one finding stays one line. */
function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * `--format compact` (SPEC §3): `PATH:LINE:COLUMN: SEVERITY MESSAGE [RULE]`, one finding per line, nothing else
 * on standard output; the extension's problem matcher `$rdp-doctor` reads it. Unreadable inputs go to standard error.
 */
export function formatLintCompact(report: LintReport): string {
  const out: string[] = [];
  for (const file of report.files) {
    for (const f of file.findings) out.push(`${escapeControls(file.path)}:${f.line}:${f.column}: ${f.severity} ${escapeControls(f.message)} [${f.ruleId}]`);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
