import type { CertificateSummary, CheckStep, HostCheckResult, NegotiationSummary, NetFinding, ProtocolKey, StepName, TlsSummary } from './types';

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

const KEY_OF_SELECTED: Readonly<Record<string, ProtocolKey>> = { SSL: 'ssl', HYBRID: 'hybrid', HYBRID_EX: 'hybridEx', RDSTLS: 'rdstls' };

interface StepFacts {
  readonly stoppedAt: 'dns' | 'tcp' | 'negotiation' | null;
  readonly cancelled: boolean;
  readonly addresses: readonly string[];
  readonly port: number;
  readonly negotiation: NegotiationSummary | null;
  readonly tls: TlsSummary | null;
  readonly certificate: CertificateSummary | null;
  readonly findings: readonly NetFinding[];
  /** The server selected a protocol no client follows (NET005), so TLS was not started. */
  readonly selectionUnfollowed?: boolean;
}

function statusOf(step: StepName, findings: readonly NetFinding[], reached: boolean): CheckStep['status'] {
  const own = findings.filter((f) => STEP_OF_RULE[f.ruleId] === step);
  if (own.some((f) => f.severity === 'error')) return 'error';
  if (own.some((f) => f.severity === 'warning')) return 'warning';
  return reached ? 'ok' : 'skipped';
}

function negotiationDetail(n: NegotiationSummary): string {
  const keys = Object.keys(PROTOCOL_LABELS) as ProtocolKey[];
  const accepted = keys.filter((k) => n[k] === true).map((k) => PROTOCOL_LABELS[k]);
  const refused = keys.filter((k) => n[k] === false).map((k) => PROTOCOL_LABELS[k]);
  const key = n.selected ? KEY_OF_SELECTED[n.selected] : undefined;
  const label = n.selected ? SELECTED_LABELS[n.selected] ?? n.selected : '';
  // A selection a client cannot carry through (its TLS fails, or it was never offered) is named as such.
  const parts = [!n.selected ? 'Refused the usual request.' : key && n[key] === false ? `Selected ${label}, but it cannot be used.` : `Selected ${label}.`];
  if (accepted.length) parts.push(`Accepts ${accepted.join(', ')}.`);
  if (refused.length) parts.push(`Refuses ${refused.join(', ')}.`);
  if (n.nlaRequired) parts.push('NLA required.');
  if (n.flags?.restrictedAdmin) parts.push('Restricted admin supported.');
  if (n.flags?.remoteCredentialGuard) parts.push('Remote Credential Guard supported.');
  return parts.join(' ');
}

/** One status and one line per step, for the text report and the Hosts view. */
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
  return {
    dns: make('dns', facts.addresses.length ? `${facts.addresses.join(', ')}.` : facts.stoppedAt === 'dns' ? missing('Does not resolve.') : skipped),
    tcp: make('tcp', reached('tcp') ? `Connected to port ${facts.port}.` : facts.stoppedAt === 'tcp' ? missing(`No connection to port ${facts.port}.`) : skipped),
    negotiation: make('negotiation', n ? negotiationDetail(n) : facts.stoppedAt === 'negotiation' ? missing('No valid Connection Confirm.') : skipped),
    tls: make(
      'tls',
      facts.tls ? `${facts.tls.protocol}, ${facts.tls.cipher}.` : tlsUnused ? 'Not used.' : facts.selectionUnfollowed ? 'Not started: no client follows that selection.' : n ? missing('Failed.') : skipped,
      facts.tls !== null,
    ),
    certificate: make(
      'certificate',
      c ? `${c.subject}, issued by ${c.issuer}, valid until ${c.notAfter.slice(0, 10)}, SHA-1 ${c.sha1}.` : facts.tls ? 'Cannot be read.' : skipped,
      c !== null,
    ),
  };
}
