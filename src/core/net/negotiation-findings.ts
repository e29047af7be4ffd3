import { NET010, NET011, NET012, NET013 } from '../rules/net/index';
import { NET_MESSAGES as M } from '../rules/net/messages';
import { NET005, NET005_MESSAGES } from '../rules/net/net005-protocol-not-requested';
import { finding } from './certificate-findings';
import { SELECTED_LABELS } from './protocol-labels';
import { HYBRID_REQUIRED_BY_SERVER, RDSAAD_QUESTION, selectionProblem, type NegotiationAnswer } from './negotiation-summary';
import type { NegotiationSummary, NetFinding } from './types';
import { PROTOCOL } from './x224';

const SSL_REQUIRED_BY_SERVER = 0x1;
const SSL_NOT_ALLOWED_BY_SERVER = 0x2;

const NAMES: readonly (readonly [number, string])[] = [
  [PROTOCOL.SSL, 'TLS'],
  [PROTOCOL.HYBRID, 'CredSSP'],
  [PROTOCOL.RDSTLS, 'RDSTLS'],
  [PROTOCOL.HYBRID_EX, 'CredSSP with early user authorization'],
  [PROTOCOL.RDSAAD, 'RDS AAD'],
];

export function describeRequest(requested: number): string {
  if (requested === PROTOCOL.RDP) return 'Standard RDP Security';
  return NAMES.filter(([bit]) => (requested & bit) !== 0).map(([, name]) => name).join(', ');
}

/**
 * A failure the request explains (the server asks for more than was offered, or for less) is an answer, not a fault.
 * SSL_NOT_ALLOWED_BY_SERVER says the server uses Standard RDP Security only [MS-RDPBCGR 2.2.1.2.2]: an answer to a
 * request that offered External Security Protocols, but to a request for Standard RDP Security alone it refuses the
 * one protocol it claims to allow, so nothing is left a client can use.
 */
function expectedFailure(requested: number, code: number): boolean {
  if (code === SSL_REQUIRED_BY_SERVER) return (requested & PROTOCOL.SSL) === 0;
  if (code === HYBRID_REQUIRED_BY_SERVER) return (requested & (PROTOCOL.HYBRID | PROTOCOL.HYBRID_EX)) === 0;
  return code === SSL_NOT_ALLOWED_BY_SERVER && requested !== PROTOCOL.RDP;
}

/** NET005 once per selected value that no client would follow. */
function unfollowable(answers: readonly NegotiationAnswer[]): NetFinding[] {
  const seen = new Set<number>();
  const findings: NetFinding[] = [];
  for (const { requested, confirm } of answers) {
    if (confirm?.kind !== 'response' || seen.has(confirm.selectedProtocol)) continue;
    const selected = confirm.selectedProtocol;
    const problem = selectionProblem(requested, selected);
    if (!problem) continue;
    seen.add(selected);
    const message =
      problem === 'not-defined'
        ? NET005_MESSAGES.notDefined(selected, describeRequest(requested), requested)
        : NET005_MESSAGES.notRequested(describeRequest(selected), selected, describeRequest(requested), requested);
    findings.push(finding(NET005, message));
  }
  return findings;
}

/**
 * What the requests without CredSSP got, when no HYBRID_REQUIRED_BY_SERVER says so: a failure, a selection no client
 * follows (NET005), or a protocol whose handshake then failed.
 */
function withoutCredSsp(summary: NegotiationSummary): string {
  const got = (key: 'rdp' | 'ssl', label: string): string => {
    const unusable = summary.unusable[key];
    const how = summary.failures[key] ?? (unusable ? `${SELECTED_LABELS[unusable] ?? unusable} selected, which no client follows` : 'it fails after the negotiation');
    return `${label}: ${how}`;
  };
  return [got('rdp', 'Standard RDP Security'), got('ssl', 'TLS')].join('; ');
}

/** NET005 and NET010–NET013 from the answers the listener gave. */
export function negotiationFindings(summary: NegotiationSummary, answers: readonly NegotiationAnswer[]): NetFinding[] {
  const findings: NetFinding[] = unfollowable(answers);
  const main = answers[0]?.confirm;
  if (summary.nlaRequired === true) {
    const demanded = answers.find((a) => a.confirm?.kind === 'failure' && a.confirm.failureCode === HYBRID_REQUIRED_BY_SERVER)?.confirm;
    findings.push(finding(NET010, demanded?.kind === 'failure' ? M.NET010(demanded.name) : M.NET010Otherwise(withoutCredSsp(summary))));
  }
  if (summary.nlaRequired === false) {
    const open = [summary.ssl === true && 'TLS', summary.rdp === true && 'Standard RDP Security'].filter((x): x is string => typeof x === 'string');
    if (open.length > 0) findings.push(finding(NET011, M.NET011(open)));
  }
  if (main?.kind === 'legacy') findings.push(finding(NET012, M.NET012Legacy()));
  else if (main?.kind === 'response' && main.selectedProtocol === PROTOCOL.RDP) findings.push(finding(NET012, M.NET012Selected()));
  else if (main?.kind === 'failure' && main.failureCode === SSL_NOT_ALLOWED_BY_SERVER) findings.push(finding(NET012, M.NET012NotAllowed(main.name)));
  const reported = new Set<number>();
  for (const { requested, confirm } of answers) {
    // A refusal of the Entra ID sign-in is its answer ("no"), whatever the code: clients ask again without it (RDSAAD_QUESTION).
    if (requested === RDSAAD_QUESTION) continue;
    if (confirm?.kind !== 'failure' || expectedFailure(requested, confirm.failureCode) || reported.has(confirm.failureCode)) continue;
    reported.add(confirm.failureCode);
    const nothingAccepted = ![summary.rdp, summary.ssl, summary.hybrid, summary.hybridEx, summary.rdstls].includes(true);
    if (confirm.failureCode !== SSL_NOT_ALLOWED_BY_SERVER) findings.push(finding(NET013, M.NET013(confirm.name, confirm.failureCode, describeRequest(requested))));
    // Refusing Standard RDP Security alone fails only a client that offers nothing else when TLS or CredSSP is accepted: a warning then.
    else findings.push({ ...finding(NET013, M.NET013NotAllowedAlone(confirm.name, confirm.failureCode, nothingAccepted)), ...(!nothingAccepted && { severity: 'warning' as const }) });
  }
  return findings;
}
