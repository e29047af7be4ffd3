// The ladder DNS → TCP → Negotiation → TLS → Certificate: which step each NET rule belongs to, and each step's status
// and line from a probe's facts and findings (the lines themselves are step-details.ts's).
import { terminalSafe } from '../text/terminal';
import { issuerLabel, subjectLabel } from './certificate-label';
import { selectionUnusable } from './protocol-labels';
import { connectUnansweredNote, loopbackNote, negotiationDetail, tlsDetail, windowsSuitesNote } from './step-details';
import type { CertificateSummary, CheckStep, HostCheckResult, NegotiationSummary, NetFinding, StepName, TlsSummary } from './types';

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
/**
 * The TLS step's status: from its own findings, and never ✓ when Windows clients cannot use its suite (a warning
 * when a configuration turned NET028 off).
 */
function tlsStatus(facts: StepFacts): CheckStep['status'] {
  const own = statusOf('tls', facts.findings, facts.tls !== null);
  return own === 'ok' && facts.windowsSuites?.accepted === false ? 'warning' : own;
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
