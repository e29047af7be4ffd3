import { gatewayDetail, ntlmDetail, ntlmProblemDetail, standardSecurityDetail, STEP_LABEL, STEP_OF_RULE, STEP_ORDER, type HostCheckResult, type StepName, type StepStatus } from '../core/net/index';
import type { InputError } from '../core/lint/inputs';
import { punycodeBeside } from '../core/text/host-name';
import { shortList } from '../core/text/short-list';
import { lineStartSafe, terminalSafe } from '../core/text/terminal';
import { NO_PAINT, type Paint, type Style } from './output';

const MARK: Readonly<Record<StepStatus, [Style, string]>> = { ok: ['green', '✓'], warning: ['yellow', '!'], error: ['red', '✗'], skipped: ['dim', '–'] };
const TIMING: Readonly<Record<StepName, string>> = { dns: 'dnsMs', tcp: 'tcpMs', negotiation: 'negotiationMs', tls: 'tlsMs', certificate: 'certificateMs' };
const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

function ms(paint: Paint, value: number | undefined): string {
  return value === undefined ? '' : paint('dim', `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`);
}

function mark(paint: Paint, status: StepStatus): string {
  const [style, text] = MARK[status];
  return paint(style, text);
}

/** A target or name with the Punycode form of its non-ASCII host name beside it: where look-alike letters show. */
function named(text: string, host: string = text): string {
  return text + punycodeBeside(text, host);
}

/**
 * One host as a ladder DNS → TCP → Negotiation → TLS → Certificate, each step with its findings. Names,
 * details and messages carry what the server and the files sent (a certificate's names): made terminal-safe.
 */
export function formatHostText(host: HostCheckResult, paint: Paint = NO_PAINT): string {
  const safe = terminalSafe;
  const lines = [
    `${paint('bold', lineStartSafe(safe(named(host.target, host.host))))}  ${paint('dim', `${safe(named(host.host))} port ${host.port}${host.name !== host.host ? `, certificate name ${safe(named(host.name))}` : ''}, `)}${ms(paint, host.timings.totalMs)}`,
  ];
  if (host.gateway) lines.push(`  ${paint('cyan', '→')} ${'Gateway'.padEnd(13)}${gatewayDetail(host.gateway)}`);
  for (const step of STEP_ORDER) {
    const s = host.steps[step];
    lines.push(`  ${mark(paint, s.status)} ${STEP_LABEL[step].padEnd(13)}${safe(s.detail)}  ${ms(paint, host.timings[TIMING[step]])}`.trimEnd());
    for (const f of host.findings.filter((x) => STEP_OF_RULE[x.ruleId] === step)) {
      lines.push(`      ${paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(8))}${safe(f.message)}  ${paint('dim', f.ruleId)}`);
    }
    if (step === 'negotiation' && host.standardSecurity) {
      const s = host.standardSecurity;
      lines.push(`      ${paint('dim', safe(`Standard RDP Security: ${standardSecurityDetail(s)}`))}`);
    }
  }
  if (host.certificate) {
    const c = host.certificate;
    const extra = [
      c.dnsNames.length || c.ipAddresses.length ? `names ${shortList([...c.dnsNames, ...c.ipAddresses])}` : '',
      `${c.keyAlgorithm} ${c.keyBits ?? '?'} bits`,
      c.signatureAlgorithm,
      `SHA-256 ${c.sha256}`,
    ].filter(Boolean);
    lines.push(`      ${paint('dim', safe(extra.join('; ')))}`);
  }
  if (host.ntlm) lines.push(`      ${paint('dim', `NTLM: ${safe(ntlmDetail(host.ntlm))}`)}  ${ms(paint, host.timings.ntlmMs)}`.trimEnd());
  else if (host.ntlmProblem) lines.push(`      ${paint('yellow', `NTLM: ${safe(ntlmProblemDetail(host.ntlmProblem))}`)}  ${ms(paint, host.timings.ntlmMs)}`.trimEnd());
  // Findings of no step: the cross-check of the .rdp file the host was read from with the answer (XRF001, XRF003).
  const crossChecks = host.findings.filter((x) => STEP_OF_RULE[x.ruleId] === undefined);
  if (crossChecks.length > 0) {
    lines.push(`  ${mark(paint, crossChecks.some((f) => f.severity === 'error') ? 'error' : crossChecks.some((f) => f.severity === 'warning') ? 'warning' : 'ok')} Cross-check`);
    for (const f of crossChecks) lines.push(`      ${paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(8))}${safe(f.message)}  ${paint('dim', f.ruleId)}`);
  }
  return lines.join('\n');
}

/** A host's one-line verdict, printed on a terminal's stderr as the host finishes. */
export function formatHostVerdict(host: HostCheckResult, paint: Paint = NO_PAINT): string {
  const errors = host.findings.filter((f) => f.severity === 'error');
  const warnings = host.findings.filter((f) => f.severity === 'warning');
  const status: StepStatus = errors.length ? 'error' : warnings.length ? 'warning' : 'ok';
  const worst = (errors[0] ?? warnings[0])?.ruleId;
  const verdict = errors.length
    ? `${errors.length} error${errors.length === 1 ? '' : 's'}${warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''}`
    : warnings.length
      ? `${warnings.length} warning${warnings.length === 1 ? '' : 's'}`
      : 'fine';
  return `${mark(paint, status)} ${terminalSafe(named(host.target, host.host))}  ${verdict}${worst ? ` (${worst})` : ''}  ${ms(paint, host.timings.totalMs)}`.trimEnd() + '\n';
}

export function formatCheckText(hosts: readonly HostCheckResult[], errors: readonly InputError[], paint: Paint = NO_PAINT): string {
  const out = hosts.map((h) => formatHostText(h, paint));
  for (const e of errors) out.push(`${paint('red', 'error')} ${terminalSafe(e.path)}: ${terminalSafe(e.message)}`);
  const withErrors = hosts.filter((h) => h.findings.some((f) => f.severity === 'error')).length;
  const withWarnings = hosts.filter((h) => !h.findings.some((f) => f.severity === 'error') && h.findings.some((f) => f.severity === 'warning')).length;
  const n = hosts.length;
  out.push(`${n} host${n === 1 ? '' : 's'} checked: ${withErrors} with errors, ${withWarnings} with warnings, ${n - withErrors - withWarnings} fine.`);
  return out.join('\n\n') + '\n';
}
