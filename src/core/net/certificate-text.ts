import { displayTarget } from '../rdp/target';
import { terminalSafe } from '../text/terminal';
import { timeBetween } from '../text/time-span';
import { EKU_NAMES } from './oids';
import { STEP_LABEL, STEP_OF_RULE, STEP_ORDER } from './ladder';
import type { CertificateSummary, ChainCertificate, HostCheckResult, StepName } from './types';
import { ntlmDetail, tlsDetail } from './step-details';

const LABEL_WIDTH = 21;
/** The ladder's step names as people read them. */

type Fields = readonly (readonly [label: string, value: string | readonly string[]])[];

/**
 * `Label   value` lines; a list continues under the value column. Values come from the server (subject, issuer, names,
 * messages that quote them): controls and bidi shown escaped, so a subject with a line break cannot add a line of its
 * own (a forged `Trusted  yes` or thumbprint under the real subject, found by a session 19 review).
 */
function fields(rows: Fields): string[] {
  return rows.flatMap(([label, value]) => {
    const values = typeof value === 'string' ? [value] : value.length ? value : ['none'];
    return values.map((v, i) => `  ${(i === 0 ? label : '').padEnd(LABEL_WIDTH)}${terminalSafe(v)}`);
  });
}

function heading(text: string, underline = '-'): string[] {
  return [text, underline.repeat(text.length)];
}

/** Where `now` falls in the validity period, in days counted as NET027 counts them. */
function validity(notBefore: string, notAfter: string, now: Date): string {
  const from = new Date(notBefore);
  const until = new Date(notAfter);
  if (now < from) return `not valid yet: starts in ${timeBetween(now, from)}`;
  if (now > until) return `expired ${timeBetween(until, now)} ago`;
  return `expires in ${timeBetween(now, until)}`;
}

function ekuLines(eku: readonly string[] | null): string[] {
  if (eku === null) return ['none: the certificate has no Extended Key Usage extension, so it is valid for any purpose'];
  return eku.map((oid) => (EKU_NAMES[oid] ? `${EKU_NAMES[oid]} (${oid})` : oid));
}

function keyText(algorithm: string, bits: number | null): string {
  return bits === null ? algorithm : `${algorithm}, ${bits} bits`;
}

/** The fields every certificate has, leaf or not. */
function commonFields(c: CertificateSummary | ChainCertificate, eku: readonly string[] | null, now: Date): Fields {
  return [
    ['Subject', c.subject || '(empty)'],
    ['Issuer', c.issuer || '(empty)'],
    ['Serial number', c.serialNumber],
    ['Valid from', c.notBefore],
    ['Valid until', `${c.notAfter} (${validity(c.notBefore, c.notAfter, now)})`],
    ['SHA-1 thumbprint', c.sha1],
    ['SHA-256 thumbprint', c.sha256],
    ['DNS names', c.dnsNames],
    ['IP addresses', c.ipAddresses],
    ['Extended key usage', ekuLines(eku)],
    ['Public key', keyText(c.keyAlgorithm, c.keyBits)],
    ['Signature algorithm', c.signatureAlgorithm],
    ['Self-signed', c.selfSigned ? 'yes' : 'no'],
  ];
}

function leafSection(result: HostCheckResult, c: CertificateSummary, now: Date): string[] {
  // The summary flattens "no EKU extension" to []; the chain's own copy of the leaf keeps the difference.
  const own = result.chain[0]?.sha1 === c.sha1 ? result.chain[0] : undefined;
  const eku = own ? own.extendedKeyUsage : c.extendedKeyUsage;
  return [
    ...heading('Leaf certificate'),
    ...fields([
      ...commonFields(c, eku, now),
      ['Trusted', c.trusted ? 'yes: it chains to a trusted root' : 'no: it does not chain to a trusted root (Node\'s bundled roots, the system store where this Node can read it, and the configured CAs)'],
      ['Matches the name', c.nameMatches ? `yes: it names "${result.name}"` : `no: it does not name "${result.name}"`],
    ]),
  ];
}

function role(c: ChainCertificate, index: number, count: number): string {
  if (index === 0) return c.selfSigned ? 'leaf, self-signed' : 'leaf';
  if (c.selfSigned) return 'root (self-signed)';
  return index === count - 1 ? 'intermediate (the root was not sent)' : 'intermediate';
}

function chainSection(chain: readonly ChainCertificate[], now: Date): string[] {
  if (chain.length === 0) return [];
  const count = chain.length;
  return [
    ...heading(`Chain: ${count} certificate${count === 1 ? '' : 's'}, as the listener sent them, leaf first`),
    ...chain.flatMap((c, i) => ['', `[${i + 1}] ${role(c, i, count)}`, ...fields(commonFields(c, c.extendedKeyUsage, now)), '', c.pem.trimEnd()]),
  ];
}

/** One sentence on why there is no certificate, from the step that stopped the check. */
function whyNoCertificate(r: HostCheckResult): string {
  if (r.cancelled) return "The check was cancelled before the listener's certificate was read.";
  if (r.negotiation?.selected === 'RDP') {
    return 'The server chose Standard RDP Security: there is no TLS handshake, so it presents no X.509 certificate and the client cannot authenticate it.';
  }
  const failure = (step: StepName): string => r.findings.find((f) => STEP_OF_RULE[f.ruleId] === step && f.severity === 'error')?.message ?? r.steps[step].detail;
  // A TLS step with a finding of its own ran: a Negotiation step marked for a selection that cannot be used did not stop the check.
  const stopped = r.steps.tls.status === 'skipped' ? STEP_ORDER.slice(0, 3).find((s) => r.steps[s].status === 'error') : undefined;
  if (stopped && r.tls === null) return `The check stopped at the ${STEP_LABEL[stopped]} step, before any TLS handshake. ${failure(stopped)}`;
  if (r.tls === null) return `The TLS handshake did not complete. ${failure('tls')}`;
  return `The TLS handshake completed, but the certificate could not be read: ${r.steps.certificate.detail}`;
}

function findingLines(r: HostCheckResult): string[] {
  const own = r.findings.filter((f) => STEP_OF_RULE[f.ruleId] === 'tls' || STEP_OF_RULE[f.ruleId] === 'certificate');
  if (own.length === 0) return ['  none'];
  return own.map((f) => `  ${f.severity.padEnd(9)}${f.ruleId}  ${terminalSafe(f.message)}`);
}

/**
 * The file name of a host's certificate document, one per host and port: an ASCII letter, digit, `.` and `-` stay, any
 * other UTF-16 unit (`_` too) is written `_` and its four hex digits. The name was the host with `_` for the rest, so
 * `::1` and the name `__1`, `bücher.example` and `b_cher.example` shared one document, which a check of either
 * refreshed with its own certificate (a session 29 review).
 */
export function certificateDocumentName(host: string, port: number): string {
  return `${host.replace(/[^A-Za-z0-9.-]/g, (c) => `_${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}_${port}.certificate.txt`;
}

/**
 * The listener's certificate and chain as a plain-text document for a read-only editor:
 * every field of the leaf, then each certificate sent with its PEM, as of `now`, the time of the check (days are counted from it).
 */
export function certificateDocument(result: HostCheckResult, now: Date = new Date()): string {
  const where = displayTarget(result.host, result.port, true);
  const out = [
    ...heading(terminalSafe(`Certificate of ${where}`), '='),
    '',
    ...fields([
      ['Target', result.target],
      ['Name checked', result.name],
      ['TLS', result.tls ? tlsDetail(result.tls) : 'none'],
      ...(result.ntlm ? [['NTLM', ntlmDetail(result.ntlm)] as [string, string]] : []),
      ['Checked at', now.toISOString()],
    ]),
    '',
  ];
  const c = result.certificate;
  if (c === null) {
    out.push(terminalSafe(`No certificate. ${whyNoCertificate(result)}`), '', ...heading('Check'), ...fields(STEP_ORDER.map((s) => [STEP_LABEL[s], `${result.steps[s].status}: ${result.steps[s].detail}`])));
  } else {
    out.push(...leafSection(result, c, now));
  }
  out.push('', ...heading('TLS and certificate findings'), ...findingLines(result));
  const chain = chainSection(result.chain, now);
  if (chain.length) out.push('', ...chain);
  return out.join('\n') + '\n';
}
