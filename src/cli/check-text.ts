import { ntlmDetail, STEP_LABEL, STEP_OF_RULE, STEP_ORDER, type HostCheckResult, type StepName, type StepStatus } from '../core/net/index';
import type { InputError } from '../core/lint/inputs';

const useColor = process.stdout.isTTY === true && !process.env.NO_COLOR;
const paint = (code: number, text: string): string => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);

const MARK: Readonly<Record<StepStatus, string>> = { ok: paint(32, '✓'), warning: paint(33, '!'), error: paint(31, '✗'), skipped: paint(2, '–') };
const TIMING: Readonly<Record<StepName, string>> = { dns: 'dnsMs', tcp: 'tcpMs', negotiation: 'negotiationMs', tls: 'tlsMs', certificate: 'certificateMs' };
const SEVERITY_COLOR = { error: 31, warning: 33, info: 36 } as const;

function ms(value: number | undefined): string {
  return value === undefined ? '' : paint(2, `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`);
}

/** One host as a ladder DNS → TCP → Negotiation → TLS → Certificate, each step with its findings. */
export function formatHostText(host: HostCheckResult): string {
  const lines = [`${paint(1, host.target)}  ${paint(2, `${host.host} port ${host.port}${host.name !== host.host ? `, certificate name ${host.name}` : ''}, ${ms(host.timings.totalMs)}`)}`];
  for (const step of STEP_ORDER) {
    const s = host.steps[step];
    lines.push(`  ${MARK[s.status]} ${STEP_LABEL[step].padEnd(13)}${s.detail}  ${ms(host.timings[TIMING[step]])}`.trimEnd());
    for (const f of host.findings.filter((x) => STEP_OF_RULE[x.ruleId] === step)) {
      lines.push(`      ${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(8))}${f.message}  ${paint(2, f.ruleId)}`);
    }
    if (step === 'negotiation' && host.standardSecurity) {
      const s = host.standardSecurity;
      lines.push(`      ${paint(2, `Standard RDP Security: ${s.encryptionMethod}, encryption level ${s.encryptionLevel}`)}`);
    }
  }
  if (host.certificate) {
    const c = host.certificate;
    const extra = [
      c.dnsNames.length || c.ipAddresses.length ? `names ${[...c.dnsNames, ...c.ipAddresses].join(', ')}` : '',
      `${c.keyAlgorithm} ${c.keyBits ?? '?'} bits`,
      c.signatureAlgorithm,
      `SHA-256 ${c.sha256}`,
    ].filter(Boolean);
    lines.push(`      ${paint(2, extra.join('; '))}`);
  }
  if (host.ntlm) lines.push(`      ${paint(2, `NTLM: ${ntlmDetail(host.ntlm)}`)}  ${ms(host.timings.ntlmMs)}`.trimEnd());
  return lines.join('\n');
}

export function formatCheckText(hosts: readonly HostCheckResult[], errors: readonly InputError[]): string {
  const out = hosts.map(formatHostText);
  for (const e of errors) out.push(`${paint(31, 'error')} ${e.path}: ${e.message}`);
  const withErrors = hosts.filter((h) => h.findings.some((f) => f.severity === 'error')).length;
  const withWarnings = hosts.filter((h) => !h.findings.some((f) => f.severity === 'error') && h.findings.some((f) => f.severity === 'warning')).length;
  const n = hosts.length;
  out.push(`${n} host${n === 1 ? '' : 's'} checked: ${withErrors} with errors, ${withWarnings} with warnings, ${n - withErrors - withWarnings} fine.`);
  return out.join('\n\n') + '\n';
}
