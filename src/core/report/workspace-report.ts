import { ruleDocsUrl } from '../knowledge/docs-links';
import { STEP_LABEL, STEP_ORDER } from '../net/ladder';
import { PROTOCOL_LABELS, protocolKeys, SELECTED_LABELS, selectionLabel } from '../net/protocol-labels';
import type { CertificateSummary, HostCheckResult, NegotiationSummary, ProtocolKey, StepStatus } from '../net/types';
import { displayTarget } from '../rdp/target';
import { ALL_RULES, ruleById } from '../rules/registry';
import type { Severity } from '../rules/types';
import { codeSpan, escapeMarkdown, table } from './markdown';
import { toSarif, type SarifResultInput, type SarifRoot } from './sarif';
import { sarifRegion, type PlaceInput, type SarifRegion } from './sarif-region';
import { ntlmDetail, ntlmProblemDetail, standardSecurityDetail, tlsDetail } from '../net/step-details';

/** A place with a Registry.pol record's byte offset and length has the record number as its `line`. */
export interface ReportFinding extends PlaceInput {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly subject?: string;
  /** Other places that explain the finding (a cross-check's policy export), paths relative to the root. */
  readonly related?: readonly ReportRelated[];
}

export interface ReportRelated extends PlaceInput {
  readonly path: string;
  readonly message: string;
}

export interface ReportFile {
  readonly path: string;
  readonly format: string;
  readonly findings: readonly ReportFinding[];
}

export interface ReportCheck {
  readonly result: HostCheckResult;
  /** The `.rdp` files that target this host, relative to the root. */
  readonly files: readonly string[];
  /** The 1-based `full address` line in those files, when known. */
  readonly line?: number;
}

export interface WorkspaceReportInput {
  readonly tool: string;
  readonly version: string;
  /** ISO 8601. */
  readonly generatedAt: string;
  readonly root?: string;
  /** The folders of a multi-root workspace: a relative path then begins with its folder's `id`. */
  readonly roots?: readonly SarifRoot[];
  readonly files: readonly ReportFile[];
  readonly errors: readonly { readonly path: string; readonly message: string }[];
  readonly checks: readonly ReportCheck[];
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const STATUS_LABEL: Readonly<Record<StepStatus, string>> = { ok: 'OK', warning: 'Warning', error: 'Error', skipped: 'Skipped' };

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function hostPort(result: HostCheckResult): string {
  return displayTarget(result.host, result.port, true);
}

function sortedFindings(findings: readonly ReportFinding[]): ReportFinding[] {
  return [...findings].sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || byText(a.ruleId, b.ruleId) || byText(a.message, b.message),
  );
}

function sortedChecks(checks: readonly ReportCheck[]): ReportCheck[] {
  return [...checks].sort((a, b) => byText(hostPort(a.result), hostPort(b.result)) || byText(a.result.target, b.result.target));
}

function byPath<T extends { readonly path: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => byText(a.path, b.path));
}

function ruleLink(ruleId: string): string {
  return ruleById(ruleId) ? `[${ruleId}](${ruleDocsUrl(ruleId)})` : escapeMarkdown(ruleId);
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

function summary(input: WorkspaceReportInput): string {
  const all = [...input.files.flatMap((f) => f.findings), ...input.checks.flatMap((c) => c.result.findings)];
  const count = (s: Severity): number => all.filter((f) => f.severity === s).length;
  const hostsWithErrors = input.checks.filter((c) => c.result.findings.some((f) => f.severity === 'error')).length;
  const rows = [
    ['Files linted', input.files.length],
    ['Files that could not be read', input.errors.length],
    ...SEVERITIES.map((s) => [`Findings: ${s}`, count(s)] as const),
    ['Hosts checked', input.checks.length],
    ['Hosts with errors', hostsWithErrors],
  ] as const;
  return table(['What', 'Count'], rows.map(([what, n]) => [what, String(n)]), ['left', 'right']);
}

/** The message, then each related place: "See `gpo.xml` line 12: the policy requires NLA." */
function messageCell(f: ReportFinding): string {
  const related = (f.related ?? []).map((r) => `See ${codeSpan(r.path, true)}${r.line === undefined ? '' : ` line ${r.line}`}: ${escapeMarkdown(r.message)}`);
  return [escapeMarkdown(f.message), ...related].join('<br>');
}

function region(at: PlaceInput): { region?: SarifRegion } {
  const r = sarifRegion(at);
  return r ? { region: r } : {};
}

function fileSection(file: ReportFile): string[] {
  const out = [`### ${codeSpan(file.path)}`, ''];
  if (file.findings.length === 0) return [...out, `Format: ${escapeMarkdown(file.format)}. No findings.`, ''];
  const rows = sortedFindings(file.findings).map((f) => [f.line === undefined ? '' : String(f.line), f.severity, ruleLink(f.ruleId), messageCell(f)]);
  return [...out, `Format: ${escapeMarkdown(file.format)}.`, '', table(['Line', 'Severity', 'Rule', 'Message'], rows, ['right']), ''];
}

function protocolCell(n: NegotiationSummary, key: ProtocolKey): string {
  const value = n[key];
  if (value === null) return 'not determined';
  if (value) return 'accepted';
  const selection = n.unusable[key];
  if (selection !== undefined) return `unusable (the server selected ${escapeMarkdown(selectionLabel(selection))})`;
  const failure = n.failures[key];
  return failure ? `refused (${escapeMarkdown(failure)})` : 'refused';
}

function negotiationSection(n: NegotiationSummary): string[] {
  const selected = n.selected === null ? 'none' : escapeMarkdown(SELECTED_LABELS[n.selected] ?? n.selected);
  const nla = n.nlaRequired === null ? 'not determined' : yesNo(n.nlaRequired);
  const rows = protocolKeys(n).map((k) => [PROTOCOL_LABELS[k], protocolCell(n, k)]);
  return ['#### Negotiation', '', `Selected: ${selected}. NLA required: ${nla}.`, '', table(['Protocol', 'Answer'], rows), ''];
}

/** TLS versions, Standard RDP Security's encryption and the NTLM facts, when the check learnt them. */
function facts(r: HostCheckResult): string[] {
  const rows: string[][] = [];
  if (r.tls) rows.push(['TLS', escapeMarkdown(tlsDetail(r.tls))]);
  if (r.standardSecurity) rows.push(['Standard RDP Security', escapeMarkdown(standardSecurityDetail(r.standardSecurity))]);
  if (r.ntlm) rows.push(['NTLM', escapeMarkdown(ntlmDetail(r.ntlm))]);
  else if (r.ntlmProblem) rows.push(['NTLM', escapeMarkdown(ntlmProblemDetail(r.ntlmProblem))]);
  return rows.length ? [table(['Fact', 'Value'], rows), ''] : [];
}

function certificateSection(c: CertificateSummary): string[] {
  const rows = [
    ['Subject', escapeMarkdown(c.subject || '(empty)')],
    ['Issuer', escapeMarkdown(c.issuer || '(empty)')],
    ['Valid from', escapeMarkdown(c.notBefore)],
    ['Valid until', escapeMarkdown(c.notAfter)],
    ['SHA-1 thumbprint', codeSpan(c.sha1, true)],
    ['SHA-256 thumbprint', codeSpan(c.sha256, true)],
    ['Self-signed', yesNo(c.selfSigned)],
    ['Trusted', yesNo(c.trusted)],
    ['Matches the name', yesNo(c.nameMatches)],
  ];
  return ['#### Certificate', '', table(['Field', 'Value'], rows), ''];
}

function hostSection(check: ReportCheck): string[] {
  const r = check.result;
  const about = [
    r.name !== r.host ? `Certificate name: ${codeSpan(r.name)}.` : '',
    check.files.length
      ? `Targeted by ${[...check.files].sort(byText).map((f) => codeSpan(f)).join(', ')}${check.line === undefined ? '' : ` (line ${check.line})`}.`
      : '',
    r.cancelled ? 'The check was cancelled before it finished.' : '',
  ].filter(Boolean);
  const ladder = STEP_ORDER.map((s) => [STEP_LABEL[s], STATUS_LABEL[r.steps[s].status], escapeMarkdown(r.steps[s].detail)]);
  const findings = [...r.findings]
    .sort((a, b) => byText(a.ruleId, b.ruleId) || byText(a.message, b.message))
    .map((f) => [f.severity, ruleLink(f.ruleId), escapeMarkdown(f.message)]);
  return [
    `### ${codeSpan(hostPort(r))}`,
    '',
    ...(about.length ? [about.join(' '), ''] : []),
    table(['Step', 'Status', 'Detail'], ladder),
    '',
    ...(r.negotiation ? negotiationSection(r.negotiation) : []),
    ...facts(r),
    ...(r.certificate ? certificateSection(r.certificate) : []),
    '#### Findings',
    '',
    findings.length ? table(['Severity', 'Rule', 'Message'], findings) : 'No findings.',
    '',
  ];
}

/** The workspace report as Markdown: a summary, each file's findings, and each checked host's ladder. */
export function workspaceReportMarkdown(input: WorkspaceReportInput): string {
  const title = input.roots?.length
    ? `for ${input.roots.map((r) => `${codeSpan(r.path)} (${codeSpan(r.id)})`).join(', ')}`
    : input.root === undefined
      ? 'for the workspace'
      : `for ${codeSpan(input.root)}`;
  const out = [
    '# RDP Doctor report',
    '',
    `Generated ${escapeMarkdown(input.generatedAt)} by ${escapeMarkdown(input.tool)} ${escapeMarkdown(input.version)} ${title}.`,
    '',
    '## Summary',
    '',
    summary(input),
    '',
  ];
  if (input.files.length) out.push('## Files', '', ...byPath(input.files).flatMap(fileSection));
  if (input.errors.length) {
    const rows = byPath(input.errors).map((e) => [codeSpan(e.path, true), escapeMarkdown(e.message)]);
    out.push('## Files that could not be read', '', table(['File', 'Problem'], rows), '');
  }
  if (input.checks.length) out.push('## Hosts', '', ...sortedChecks(input.checks).flatMap(hostSection));
  return out.join('\n');
}

function fileResults(file: ReportFile): SarifResultInput[] {
  return sortedFindings(file.findings).map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    path: file.path,
    ...region(f),
    ...(f.subject !== undefined && { subject: f.subject }),
    ...(f.related?.length && { related: f.related.map((r) => ({ path: r.path, message: r.message, ...region(r) })) }),
  }));
}

/** A remote finding belongs to every `.rdp` file that targets the host, at its `full address` line. */
function checkResults(check: ReportCheck): SarifResultInput[] {
  const where = hostPort(check.result);
  const files = [...check.files].sort(byText);
  const findings = [...check.result.findings].sort((a, b) => byText(a.ruleId, b.ruleId) || byText(a.message, b.message));
  return findings.flatMap((f) => {
    const base = { ruleId: f.ruleId, severity: f.severity, message: `${where}: ${f.message}`, logicalLocation: where };
    if (files.length === 0) return [base];
    return files.map((path) => ({ ...base, path, ...(check.line !== undefined && { region: { startLine: check.line } }) }));
  });
}

/** The workspace report as one SARIF 2.1.0 run: the rules that fired, then file results and host results. */
export function workspaceReportSarif(input: WorkspaceReportInput): object {
  const results = [...byPath(input.files).flatMap(fileResults), ...sortedChecks(input.checks).flatMap(checkResults)];
  const present = new Set(results.map((r) => r.ruleId));
  const rules = ALL_RULES.filter((r) => present.has(r.id)).sort((a, b) => byText(a.id, b.id));
  return toSarif(results, {
    name: input.tool,
    version: input.version,
    rules,
    ...(input.root !== undefined && { root: input.root }),
    ...(input.roots?.length && { roots: input.roots }),
    invocation: { endTimeUtc: input.generatedAt, errors: byPath(input.errors) },
  });
}
