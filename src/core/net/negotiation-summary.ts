import type { NegotiationSummary, ProtocolKey } from './types';
import { isDefinedProtocol, NEG_RSP_FLAG, PROTOCOL, protocolName, startsTls, type ConnectionConfirm } from './x224';

/** What mstsc-like clients offer: TLS, CredSSP and CredSSP with early user authorization (0x0B). */
export const MAIN_REQUEST = PROTOCOL.SSL | PROTOCOL.HYBRID | PROTOCOL.HYBRID_EX;

/** The RDSTLS question: a real RDSTLS client also offers TLS, so a server without RDSTLS then picks TLS or refuses. */
export const RDSTLS_QUESTION = PROTOCOL.RDSTLS | PROTOCOL.SSL;

/**
 * The Entra ID sign-in question: RDS AAD Auth alone, as FreeRDP asks for it first when it is enabled
 * (libfreerdp/core/nego.c, `nego_attempt_rdsaad`). Selected: the server supports it; anything else: it does not, for
 * this client or any, as a server sends a Negotiation Response "if the server supports (and is configured to use) one
 * of the client-requested" protocols [MS-RDPBCGR 3.3.5.3.2]. (FreeRDP asks again without it only after a failure, or
 * after a selection of a protocol it has not enabled, `nego_recv`: any other Negotiation Response is final,
 * `nego_process_negotiation_response`.)
 */
export const RDSAAD_QUESTION = PROTOCOL.RDSAAD;

/** One question per protocol the main answer may leave open, in the order they are asked. */
export const FOLLOW_UPS: readonly { readonly key: ProtocolKey; readonly requested: number }[] = [
  { key: 'rdp', requested: PROTOCOL.RDP },
  { key: 'ssl', requested: PROTOCOL.SSL },
  { key: 'hybrid', requested: PROTOCOL.SSL | PROTOCOL.HYBRID },
  { key: 'rdstls', requested: RDSTLS_QUESTION },
  { key: 'rdsaad', requested: RDSAAD_QUESTION },
];

export const HYBRID_REQUIRED_BY_SERVER = 0x5;

const KEY_BY_BIT: readonly (readonly [number, ProtocolKey])[] = [
  [PROTOCOL.SSL, 'ssl'],
  [PROTOCOL.HYBRID, 'hybrid'],
  [PROTOCOL.RDSTLS, 'rdstls'],
  [PROTOCOL.HYBRID_EX, 'hybridEx'],
  [PROTOCOL.RDSAAD, 'rdsaad'],
];

/** How servers order the protocols when they choose among those offered (strongest last). */
const RANK: Readonly<Record<ProtocolKey, number>> = { rdp: 0, ssl: 1, rdstls: 2, hybrid: 3, hybridEx: 4, rdsaad: 5 };

/** One request and the Confirm it got (null when the connection failed before one arrived). */
export interface NegotiationAnswer {
  readonly requested: number;
  readonly confirm: Exclude<ConnectionConfirm, { kind: 'invalid' }> | null;
}

/**
 * Why a selection is one no client follows [MS-RDPBCGR 2.2.1.2.1, 3.3.5.3.2]: a value that is not a protocol,
 * or a protocol the request did not offer. Standard RDP Security is always a legal answer.
 */
export function selectionProblem(requested: number, selected: number): 'not-defined' | 'not-requested' | null {
  if (selected === PROTOCOL.RDP) return null;
  if (!isDefinedProtocol(selected)) return 'not-defined';
  return (requested & selected) === 0 ? 'not-requested' : null;
}

/** An answer a client would follow: no Confirm, a failure, a legacy Confirm, or a selection `selectionProblem` accepts. */
function usable({ requested, confirm }: NegotiationAnswer): boolean {
  return confirm?.kind !== 'response' || selectionProblem(requested, confirm.selectedProtocol) === null;
}

export interface SummaryOptions {
  /** The TLS handshake after the main answer failed: nothing that runs over TLS can be used. */
  readonly tlsFailed?: boolean;
  /**
   * The TLS handshake after the main answer got no answer in time: whether what runs over TLS can be used is not
   * known (a slow server is not a refusing one), so those protocols are left undetermined rather than refused.
   */
  readonly tlsUnanswered?: boolean;
  /**
   * The server selected Standard RDP Security and then ended or broke the MCS Connect exchange: no client can use it,
   * as with a TLS selection whose handshake fails.
   */
  readonly standardSecurityFailed?: boolean;
  /** The server selected Standard RDP Security and then sent no MCS Connect Response in time: not known, not refused. */
  readonly standardSecurityUnanswered?: boolean;
}

function keyOf(selected: number): ProtocolKey | undefined {
  return selected === PROTOCOL.RDP ? 'rdp' : KEY_BY_BIT.find(([bit]) => bit === selected)?.[1];
}

/** The protocols a request offers; Standard RDP Security is offered only by a request that offers nothing else. */
function offered(requested: number): ProtocolKey[] {
  const keys = KEY_BY_BIT.filter(([bit]) => (requested & bit) !== 0).map(([, key]) => key);
  return requested === PROTOCOL.RDP ? ['rdp'] : keys;
}

/**
 * Decides what the server accepts from the protocol it *selected*: a server may answer a CredSSP
 * request by selecting TLS or Standard RDP Security (xrdp does), so the absence of a failure proves nothing.
 * A protocol is accepted only if a client can use it: selecting TLS and then failing the handshake is not, nor is
 * selecting Standard RDP Security and then failing the MCS Connect exchange.
 */
export function summarizeNegotiation(all: readonly NegotiationAnswer[], options: SummaryOptions = {}): NegotiationSummary {
  return judge(all, options, true);
}

/**
 * `judgeUnusable`: a selection no client follows (NET005) is an answer too. The server must select one of the protocols
 * the client requested, or Standard RDP Security [MS-RDPBCGR 3.3.5.3.2]; a client that gets anything else drops the
 * connection, so none of the protocols that request offered can be used by a client that offers them, unless another
 * answer shows one accepted or refused. Without it (choosing the follow-up questions), such a selection decides nothing,
 * so the protocols it leaves open are asked about one by one.
 */
function judge(all: readonly NegotiationAnswer[], options: SummaryOptions, judgeUnusable: boolean): NegotiationSummary {
  const accepted: Partial<Record<ProtocolKey, boolean>> = {};
  const failures: Partial<Record<ProtocolKey, string>> = {};
  const unusable: Partial<Record<ProtocolKey, string>> = {};
  const answers = all.filter(usable);
  for (const { confirm } of answers) {
    if (confirm?.kind === 'response') {
      const key = keyOf(confirm.selectedProtocol);
      if (key) accepted[key] = true;
    } else if (confirm?.kind === 'legacy') accepted.rdp = true;
  }
  for (const { requested, confirm } of answers) {
    if (!confirm) continue;
    if (confirm.kind === 'response') {
      // A server picks the strongest protocol it allows, so it refuses every stronger one it passed over.
      const rank = RANK[keyOf(confirm.selectedProtocol) ?? 'rdp'];
      for (const key of offered(requested)) if (RANK[key] > rank) accepted[key] ??= false;
    } else if (confirm.kind === 'legacy') {
      for (const key of offered(requested)) if (key !== 'rdp') accepted[key] ??= false;
    } else {
      for (const key of offered(requested)) {
        if (accepted[key] === undefined) {
          accepted[key] = false;
          failures[key] = confirm.name;
        }
      }
    }
  }
  if (judgeUnusable) {
    for (const { requested, confirm } of all) {
      if (confirm?.kind !== 'response' || usable({ requested, confirm })) continue;
      for (const key of offered(requested)) {
        if (accepted[key] === undefined) {
          accepted[key] = false;
          unusable[key] = protocolName(confirm.selectedProtocol);
        }
      }
    }
  }
  // The main connection's TLS or CredSSP steps say nothing of the Entra ID question, asked on a connection of its own:
  // a server that selected RDS AAD Auth is recorded as selecting it, whatever they did.
  const overMainTls = (bit: number, key: ProtocolKey): boolean => startsTls(bit) && key !== 'rdsaad' && accepted[key] === true;
  if (options.tlsFailed) {
    for (const [bit, key] of KEY_BY_BIT) if (overMainTls(bit, key)) accepted[key] = false;
  } else if (options.tlsUnanswered) {
    for (const [bit, key] of KEY_BY_BIT) if (overMainTls(bit, key)) delete accepted[key];
  }
  if (options.standardSecurityFailed && accepted.rdp === true) accepted.rdp = false;
  else if (options.standardSecurityUnanswered && accepted.rdp === true) delete accepted.rdp;
  const value = (key: ProtocolKey): boolean | null => accepted[key] ?? null;
  const rdp = value('rdp');
  const ssl = value('ssl');
  const hybrid = value('hybrid');
  const hybridEx = value('hybridEx');
  const demanded = answers.some(
    (a) => (a.requested & (PROTOCOL.HYBRID | PROTOCOL.HYBRID_EX)) === 0 && a.confirm?.kind === 'failure' && a.confirm.failureCode === HYBRID_REQUIRED_BY_SERVER,
  );
  let nlaRequired: boolean | null = null;
  if (!Object.values(accepted).includes(true)) nlaRequired = null;
  else if (rdp === true || ssl === true) nlaRequired = false;
  else if (demanded || ((hybrid === true || hybridEx === true) && rdp === false && ssl === false)) nlaRequired = true;
  else if (hybrid === false && hybridEx === false) nlaRequired = false;

  const main = all[0]?.confirm;
  return {
    rdp,
    ssl,
    hybrid,
    hybridEx,
    rdstls: value('rdstls'),
    // Only where the Entra ID question was asked: every other result keeps its shape.
    ...(all.some((a) => a.requested === RDSAAD_QUESTION) && { rdsaad: value('rdsaad') }),
    nlaRequired,
    failures,
    unusable,
    selected: main?.kind === 'response' ? protocolName(main.selectedProtocol) : main?.kind === 'legacy' ? 'RDP' : null,
    legacy: main?.kind === 'legacy',
    flags:
      main?.kind === 'response'
        ? {
            extendedClientData: (main.flags & NEG_RSP_FLAG.EXTENDED_CLIENT_DATA_SUPPORTED) !== 0,
            dynvcGfx: (main.flags & NEG_RSP_FLAG.DYNVC_GFX_PROTOCOL_SUPPORTED) !== 0,
            restrictedAdmin: (main.flags & NEG_RSP_FLAG.RESTRICTED_ADMIN_MODE_SUPPORTED) !== 0,
            remoteCredentialGuard: (main.flags & NEG_RSP_FLAG.REDIRECTED_AUTHENTICATION_MODE_SUPPORTED) !== 0,
          }
        : null,
    connections: all.length,
  };
}

/**
 * The follow-up requests worth a connection each, given the answers so far; they can be asked at once. The Entra ID
 * question only with `entraSignIn` (a `.rdp` file that asks for that sign-in): its answer changes nothing else.
 */
export function followUps(answers: readonly NegotiationAnswer[], entraSignIn = false): number[] {
  const summary = judge(answers, {}, false);
  if (summary.legacy) return [];
  const asked = new Set(answers.map((a) => a.requested));
  const open = (key: ProtocolKey): boolean => (key === 'rdsaad' ? entraSignIn && summary.rdsaad !== true && summary.rdsaad !== false : summary[key] === null);
  return FOLLOW_UPS.filter((q) => open(q.key) && !asked.has(q.requested)).map((q) => q.requested);
}
