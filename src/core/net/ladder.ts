import { terminalSafe } from '../text/terminal';
import { issuerLabel, subjectLabel } from './certificate-label';
import { FIRST_ANSWER_WAIT_MS } from './run-step';
import type { NtlmInfo } from './ntlm';
import type { RdpGateway } from '../rdp/target';
import type { CertificateSummary, CheckStep, HostCheckResult, NegotiationSummary, NetFinding, ProtocolKey, StandardSecurity, StepName, TlsSummary, TlsVersion } from './types';

/** Which step of the ladder each NET rule belongs to. */
export const STEP_OF_RULE: Readonly<Record<string, StepName>> = {
  NET001: 'dns',
  NET002: 'tcp',
  NET003: 'tcp',
  NET004: 'negotiation',
  NET005: 'negotiation',
  NET010: 'negotiation',
  NET011: 'negotiation',
  NET012: 'negotiation',
  NET013: 'negotiation',
  NET014: 'negotiation',
  NET028: 'tls',
  NET029: 'tls',
  NET041: 'tls',
  NET040: 'certificate',
  NET020: 'certificate',
  NET021: 'certificate',
  NET022: 'certificate',
  NET023: 'certificate',
  NET024: 'certificate',
  NET025: 'certificate',
  NET026: 'certificate',
  NET027: 'certificate',
};

export const STEP_ORDER: readonly StepName[] = ['dns', 'tcp', 'negotiation', 'tls', 'certificate'];

/** The ladder's step names as people read them. */
export const STEP_LABEL: Readonly<Record<StepName, string>> = { dns: 'DNS', tcp: 'TCP', negotiation: 'Negotiation', tls: 'TLS', certificate: 'Certificate' };

export const PROTOCOL_LABELS: Readonly<Record<ProtocolKey, string>> = {
  rdp: 'Standard RDP Security',
  ssl: 'TLS',
  hybrid: 'CredSSP',
  hybridEx: 'CredSSP with early user authorization',
  rdstls: 'RDSTLS',
};

/** Words for the selectedProtocol names. */
export const SELECTED_LABELS: Readonly<Record<string, string>> = {
  RDP: 'Standard RDP Security',
  SSL: 'TLS',
  HYBRID: 'CredSSP (NLA)',
  HYBRID_EX: 'CredSSP with early user authorization (NLA)',
  RDSTLS: 'RDSTLS',
  RDSAAD: 'RDS AAD',
};

const KEY_OF_SELECTED: Readonly<Record<string, ProtocolKey>> = { RDP: 'rdp', SSL: 'ssl', HYBRID: 'hybrid', HYBRID_EX: 'hybridEx', RDSTLS: 'rdstls' };

/** A selectedProtocol name as a protocol, without the "(NLA)" of a selection: `TLS`, `RDS AAD`, or the value (`0x3`). */
export function selectionLabel(selected: string): string {
  const key = KEY_OF_SELECTED[selected];
  return key ? PROTOCOL_LABELS[key] : SELECTED_LABELS[selected] ?? selected;
}

interface StepFacts {
  readonly stoppedAt: 'dns' | 'tcp' | 'negotiation' | null;
  readonly cancelled: boolean;
  readonly addresses: readonly string[];
  /** The host as the target names it: a name under `.localhost` is answered without a resolver. */
  readonly host?: string;
  readonly port: number;
  readonly negotiation: NegotiationSummary | null;
  readonly tls: TlsSummary | null;
  readonly certificate: CertificateSummary | null;
  readonly findings: readonly NetFinding[];
  /** The server selected a protocol no client follows (NET005), so TLS was not started. */
  readonly selectionUnfollowed?: boolean;
  /** The TLS handshake after the selection got no answer in time. */
  readonly tlsUnanswered?: boolean;
  /** The selection was Standard RDP Security and the MCS Connect Initial got no answer in time. */
  readonly standardSecurityUnanswered?: boolean;
  /** The selection was TLS, its handshake worked, and the MCS Connect Initial over it got no answer in time. */
  readonly connectInitialUnanswered?: HostCheckResult['connectInitialUnanswered'];
  /** The handshake ended on a suite no Windows release enables by default: whether one Schannel enables is accepted. */
  readonly windowsSuites?: { readonly accepted: boolean | null };
}

function statusOf(step: StepName, findings: readonly NetFinding[], reached: boolean): CheckStep['status'] {
  const own = findings.filter((f) => STEP_OF_RULE[f.ruleId] === step);
  if (own.some((f) => f.severity === 'error')) return 'error';
  if (own.some((f) => f.severity === 'warning')) return 'warning';
  return reached ? 'ok' : 'skipped';
}

/** The server selected a protocol no client can carry through: its TLS handshake or MCS exchange failed. */
function selectionUnusable(n: NegotiationSummary): boolean {
  const key = n.selected ? KEY_OF_SELECTED[n.selected] : undefined;
  return key !== undefined && n[key] === false;
}

/**
 * The Negotiation step's status: from its own findings, and never ✓ when what it selected cannot be used. Why it
 * cannot is found later (NET028 on the TLS step) or here (NET013 for Standard RDP Security); the worse of the two
 * counts, a warning when a configuration turned those findings off.
 */
function negotiationStatus(n: NegotiationSummary | null, findings: readonly NetFinding[], reached: boolean): CheckStep['status'] {
  const own = statusOf('negotiation', findings, reached);
  if (!n || !selectionUnusable(n)) return own;
  return own === 'error' || statusOf('tls', findings, false) === 'error' ? 'error' : 'warning';
}

function negotiationDetail(n: NegotiationSummary, tlsUnanswered: boolean, standardSecurityUnanswered: boolean): string {
  const keys = Object.keys(PROTOCOL_LABELS) as ProtocolKey[];
  const accepted = keys.filter((k) => n[k] === true).map((k) => PROTOCOL_LABELS[k]);
  const unusable = n.unusable;
  const refused = keys.filter((k) => n[k] === false && unusable[k] === undefined).map((k) => PROTOCOL_LABELS[k]);
  const label = n.selected ? SELECTED_LABELS[n.selected] ?? n.selected : '';
  // A selection a client cannot carry through (its TLS fails, or it was never offered) is named as such.
  // A selection whose handshake got no answer in time is left open (n[key] null), not refused.
  const parts = [
    !n.selected
      ? 'Refused the usual request.'
      : selectionUnusable(n)
        ? `Selected ${label}, but it cannot be used.`
        : tlsUnanswered
          ? `Selected ${label}, but its TLS handshake got no answer in time.`
          : standardSecurityUnanswered
            ? `Selected ${label}, but the MCS Connect Initial got no answer in time.`
            : `Selected ${label}.`,
  ];
  if (accepted.length) parts.push(`Accepts ${accepted.join(', ')}.`);
  if (refused.length) parts.push(`Refuses ${refused.join(', ')}.`);
  // Answered, but with a selection no client follows (NET005): said with the answer, neither "refuses" nor "no answer".
  const answers = unusableAnswers(n);
  if (answers.length) parts.push(`Unusable: ${answers.join('; ')}.`);
  // A question with no answer (a short timeout, a server that answers one connection only) is said to be open, not
  // left out: the other answers read as the whole story otherwise. A legacy server is asked nothing more.
  const open = n.legacy ? [] : keys.filter((k) => n[k] === null).map((k) => PROTOCOL_LABELS[k]);
  if (open.length) parts.push(`Not determined (no answer): ${open.join(', ')}${n.nlaRequired === null ? ', so whether NLA is required is not known' : ''}.`);
  if (n.nlaRequired) parts.push('NLA required.');
  if (n.flags?.restrictedAdmin) parts.push('Restricted admin supported.');
  if (n.flags?.remoteCredentialGuard) parts.push('Remote Credential Guard supported.');
  return parts.join(' ');
}

/** `Standard RDP Security (the server selected TLS, which no client follows)`, one per selection the server answered with. */
function unusableAnswers(n: NegotiationSummary): string[] {
  const bySelection = new Map<string, string[]>();
  for (const key of Object.keys(PROTOCOL_LABELS) as ProtocolKey[]) {
    const selection = n.unusable[key];
    if (selection !== undefined && n[key] === false) bySelection.set(selection, [...(bySelection.get(selection) ?? []), PROTOCOL_LABELS[key]]);
  }
  return [...bySelection].map(([selection, labels]) => `${labels.join(', ')} (the server selected ${selectionLabel(selection)}, which no client follows)`);
}

const VERSION_LABEL: Readonly<Record<TlsVersion, string>> = { TLSv1: '1.0', 'TLSv1.1': '1.1', 'TLSv1.2': '1.2', 'TLSv1.3': '1.3' };

/** `TLSv1.3, cipher. Accepts TLS 1.2, 1.3. Refuses TLS 1.0, 1.1.`, and the versions not determined. */
export function tlsDetail(tls: TlsSummary): string {
  const parts = [`${tls.protocol}, ${tls.cipher}.`];
  if (tls.accepted) {
    const versions = Object.keys(VERSION_LABEL) as TlsVersion[];
    const yes = versions.filter((v) => tls.accepted![v] === true).map((v) => VERSION_LABEL[v]);
    const no = versions.filter((v) => tls.accepted![v] === false).map((v) => VERSION_LABEL[v]);
    const open = versions.filter((v) => tls.accepted![v] === null).map((v) => VERSION_LABEL[v]);
    if (yes.length) parts.push(`Accepts TLS ${yes.join(', ')}.`);
    if (no.length) parts.push(`Refuses TLS ${no.join(', ')}.`);
    // One handshake capped at 1.1 learns the highest of 1.0 and 1.1 only: when it is 1.1, 1.0 stays open.
    if (open.length) parts.push(`Not determined: TLS ${open.join(', ')}.`);
  }
  return parts.join(' ');
}

/**
 * What a TLS step whose Connect Initial got no answer adds: the handshake alone does not show that clients get past
 * TLS. A longer timeout helps only when it, not the 2 s cap, ended the wait.
 */
export function connectUnansweredNote(unanswered: NonNullable<HostCheckResult['connectInitialUnanswered']>): string {
  const retry = unanswered.waitedMs < FIRST_ANSWER_WAIT_MS ? '; check again with a longer --timeout' : '';
  return `No MCS Connect Response within ${unanswered.waitedMs} ms: whether clients get past TLS is not known${retry}.`;
}

/** Standard RDP Security's encryption on one line: `40-bit RC4, encryption level low`. */
export function standardSecurityDetail(s: StandardSecurity): string {
  return `${s.encryptionMethod}, encryption level ${s.encryptionLevel}`;
}

/** What the NTLM challenge said, on one line: `vm.contoso.com (CONTOSO\\VM) in contoso.com, version 10.0.17763, clock …`. */
export function ntlmDetail(info: NtlmInfo): string {
  const netbios = info.netbiosDomain || info.netbiosComputer ? `${info.netbiosDomain ?? '?'}\\${info.netbiosComputer ?? '?'}` : null;
  const parts = [
    info.dnsComputer ?? netbios ?? 'no name',
    info.dnsComputer && netbios ? `(${netbios})` : '',
    info.dnsDomain ? `in ${info.dnsDomain}${info.dnsTree && info.dnsTree !== info.dnsDomain ? ` (forest ${info.dnsTree})` : ''}` : '',
  ].filter(Boolean);
  const more = [info.productVersion && `version ${info.productVersion}`, info.serverTime && `clock ${info.serverTime}`].filter(Boolean);
  // The names come from the server: escaped, so they cannot drive a terminal.
  return terminalSafe(`${parts.join(' ')}${more.length ? `, ${more.join(', ')}` : ''}.`);
}

/** A CredSSP server's NTLM question that got no CHALLENGE, on one line (the problem is the check's own words). */
export function ntlmProblemDetail(problem: NonNullable<HostCheckResult['ntlmProblem']>): string {
  // A longer timeout helps only when it, not the 2 s cap, ended the wait.
  const retry = problem.waitedMs === undefined || problem.waitedMs < FIRST_ANSWER_WAIT_MS ? '; check again with a longer --timeout' : '';
  return problem.timedOut
    ? `no CHALLENGE in time: ${problem.message} Whether the server answers NTLM is not known${retry}.`
    : `no CHALLENGE: ${problem.message} A client that signs in with NTLM (to an IP address, or without a domain) fails the same way at NLA; Kerberos was not tried.`;
}

/** The path a `.rdp` file's client takes through its RD Gateway, against the direct path this check probed, on one line. */
export function gatewayDetail(gateway: RdpGateway): string {
  const path =
    gateway.usageMethod === 1
      ? `The client connects through the RD Gateway ${gateway.host} (gatewayusagemethod 1)`
      : `The client connects directly first and through the RD Gateway ${gateway.host} when that fails (gatewayusagemethod 2)`;
  return terminalSafe(`${path}; this check probed the session host directly, not the gateway path.`);
}

/**
 * What a TLS step adds when its handshake ended on a suite Schannel does not enable by default: Windows clients cannot
 * use TLS here (NET028 says why), or whether they can is not known.
 */
function windowsSuitesNote(windows: { readonly accepted: boolean | null }): string {
  if (windows.accepted === false) return 'Windows clients cannot use it: none of the cipher suites Schannel enables by default is accepted.';
  if (windows.accepted === null) return 'Whether Windows clients can use it is not known: the handshake that offered only the cipher suites Schannel enables by default got no answer.';
  return '';
}

/**
 * The TLS step's status: from its own findings, and never ✓ when Windows clients cannot use its suite (a warning
 * when a configuration turned NET028 off).
 */
function tlsStatus(facts: StepFacts): CheckStep['status'] {
  const own = statusOf('tls', facts.findings, facts.tls !== null);
  return own === 'ok' && facts.windowsSuites?.accepted === false ? 'warning' : own;
}

/** One status and one line per step, for the text report and the Hosts view. */
/**
 * A `localhost` name is the loopback address by RFC 6761 §6.3, answered here without asking a resolver (so a check
 * never sends one to DNS); a client asks its system's resolver, which may not know a name under `.localhost`.
 */
function loopbackNote(host: string | undefined): string {
  return host !== undefined && /\.localhost\.?$/i.test(host) ? ' A name under .localhost is loopback by RFC 6761 §6.3 and was not asked of a resolver: a client asks its own, which may not know it.' : '';
}

export function buildSteps(facts: StepFacts): HostCheckResult['steps'] {
  const order = STEP_ORDER;
  const stopIndex = facts.stoppedAt ? order.indexOf(facts.stoppedAt) : order.length;
  const reached = (s: StepName): boolean => order.indexOf(s) < stopIndex;
  const make = (s: StepName, detail: string, ran = reached(s)): CheckStep => ({ status: statusOf(s, facts.findings, ran), detail });
  // A step that produced nothing says why: it failed, it was not needed, or the run stopped before it.
  const missing = (failed: string): string => (facts.cancelled ? 'Cancelled.' : failed);
  const skipped = facts.cancelled ? 'Cancelled.' : 'Not reached.';
  const n = facts.negotiation;
  const c = facts.certificate;
  const tlsUnused = n !== null && (n.selected === 'RDP' || n.selected === null);
  const tlsUnanswered = facts.tlsUnanswered === true;
  const windows = facts.windowsSuites && !facts.cancelled ? windowsSuitesNote(facts.windowsSuites) : '';
  const connectUnanswered = facts.connectInitialUnanswered ? connectUnansweredNote(facts.connectInitialUnanswered) : '';
  return {
    dns: make('dns', facts.addresses.length ? `${facts.addresses.join(', ')}.${loopbackNote(facts.host)}` : facts.stoppedAt === 'dns' ? missing('Does not resolve.') : skipped),
    tcp: make('tcp', reached('tcp') ? `Connected to port ${facts.port}.` : facts.stoppedAt === 'tcp' ? missing(`No connection to port ${facts.port}.`) : skipped),
    negotiation: {
      status: negotiationStatus(n, facts.findings, reached('negotiation')),
      detail: n ? negotiationDetail(n, tlsUnanswered, facts.standardSecurityUnanswered === true) : facts.stoppedAt === 'negotiation' ? missing('No valid Connection Confirm.') : skipped,
    },
    tls: {
      status: tlsStatus(facts),
      detail: facts.tls ? [tlsDetail(facts.tls), windows, connectUnanswered].filter(Boolean).join(' ') : tlsUnused ? 'Not used.' : facts.selectionUnfollowed ? 'Not started: no client follows that selection.' : n ? missing(tlsUnanswered ? 'No answer in time.' : 'Failed.') : skipped,
    },
    certificate: make(
      'certificate',
      // The names are the server's: escaped, so they cannot drive a terminal or reorder the Hosts view's line.
      c ? `${terminalSafe(subjectLabel(c))}, issued by ${terminalSafe(issuerLabel(c))}, valid until ${c.notAfter.slice(0, 10)}, SHA-1 ${c.sha1}.` : facts.tls ? 'Cannot be read.' : skipped,
      c !== null,
    ),
  };
}
