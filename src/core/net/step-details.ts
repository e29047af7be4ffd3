// What each step of the ladder says, one line each: the negotiation's answers, TLS versions and suites, Standard RDP
// Security, the NTLM CHALLENGE, the RD Gateway path and the notes that go with them. Data from the server is escaped.
import { terminalSafe } from '../text/terminal';
import { PROTOCOL_LABELS, protocolKeys, SELECTED_LABELS, selectionLabel, selectionUnusable } from './protocol-labels';
import { FIRST_ANSWER_WAIT_MS } from './run-step';
import type { NtlmInfo } from './ntlm';
import type { RdpGateway } from '../rdp/target';
import type { HostCheckResult, NegotiationSummary, StandardSecurity, TlsSummary, TlsVersion } from './types';

/** The Negotiation step's line: the selection, what the server accepts and refuses, and what is not determined. */
export function negotiationDetail(n: NegotiationSummary, tlsUnanswered: boolean, standardSecurityUnanswered: boolean): string {
  const keys = protocolKeys(n);
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
  for (const key of protocolKeys(n)) {
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
  if (problem.timedOut) return `no CHALLENGE in time: ${problem.message} Whether the server answers NTLM is not known${retry}.`;
  // NET028's case: the server ends every connection once TLS is up, before reading; no sign-in of any kind gets further.
  if (problem.closedUnprompted) return `no CHALLENGE: ${problem.message} A connection that sent nothing after TLS was closed too: no client signs in, with NTLM or Kerberos.`;
  return `no CHALLENGE: ${problem.message} A client that signs in with NTLM (to an IP address, or without a domain) fails the same way at NLA; Kerberos was not tried.`;
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
export function windowsSuitesNote(windows: { readonly accepted: boolean | null }): string {
  if (windows.accepted === false) return 'Windows clients cannot use it: none of the cipher suites Schannel enables by default is accepted.';
  if (windows.accepted === null) return 'Whether Windows clients can use it is not known: the handshake that offered only the cipher suites Schannel enables by default got no answer.';
  return '';
}

/**
 * A `localhost` name is the loopback address by RFC 6761 §6.3, answered here without asking a resolver (so a check
 * never sends one to DNS); a client asks its system's resolver, which may not know a name under `.localhost`.
 */
export function loopbackNote(host: string | undefined): string {
  return host !== undefined && /\.localhost\.?$/i.test(host) ? ' A name under .localhost is loopback by RFC 6761 §6.3 and was not asked of a resolver: a client asks its own, which may not know it.' : '';
}
