/**
 * A `rdp-doctor check` result for one host, shaped like SPEC §3's `check --format json` host entry.
 * Only what the cross-checks read is required; the rest may be absent.
 */
export interface ProbeFacts {
  readonly target: string;
  readonly host: string;
  readonly port: number;
  readonly addresses?: readonly string[];
  readonly negotiation?: {
    readonly rdp?: boolean | null;
    readonly ssl?: boolean | null;
    readonly hybrid?: boolean | null;
    readonly hybridEx?: boolean | null;
    readonly rdstls?: boolean | null;
    /** Whether the server selects RDS AAD Auth (the Entra ID sign-in) for a client that asks for it; absent when not asked. */
    readonly rdsaad?: boolean | null;
    readonly nlaRequired?: boolean | null;
    readonly failures?: Readonly<Record<string, string>>;
    /** What the server selected for a client offering TLS and CredSSP (`RDP` when the Confirm had no negotiation data). */
    readonly selected?: string | null;
    /** The Confirm carried no negotiation data. */
    readonly legacy?: boolean;
  } | null;
  readonly tls?: { readonly protocol: string; readonly cipher: string } | null;
  readonly certificate?: {
    readonly subject?: string;
    readonly issuer?: string;
    /** Uppercase hex without separators, as Windows shows a thumbprint. */
    readonly sha1: string;
    readonly sha256?: string;
    readonly notBefore?: string;
    readonly notAfter?: string;
  } | null;
}

/** The check results of the host a `.rdp` file connects to (names compare without case). */
export function probesOfHost<P extends ProbeFacts>(probes: readonly P[], host: string | undefined): P[] {
  return host === undefined ? [] : probes.filter((p) => p.host.toLowerCase() === host.toLowerCase());
}

/** What a `.rdp` file's client offers: CredSSP unless `enablecredsspsupport:i:0`, a negotiation unless `negotiate security layer:i:0`. */
export interface ClientOffer {
  readonly credssp: boolean;
  readonly negotiates: boolean;
}

/**
 * What a check saw that lands a client on Standard RDP Security, in words, or undefined. Any client: the server selected
 * it for a request that offered TLS and CredSSP (as mstsc's does), answered without negotiation data, or refused TLS and
 * CredSSP while accepting Standard RDP Security. A client that offers no CredSSP but negotiates also lands there when
 * the server refuses TLS and accepts Standard RDP Security, whatever it answers to CredSSP: the client asks for TLS,
 * gets SSL_NOT_ALLOWED_BY_SERVER and asks again for Standard RDP Security (FreeRDP `libfreerdp/core/nego.c`: the
 * fallback from TLS to RDP; [MS-RDPBCGR] 2.2.1.2.2).
 */
/**
 * The refusals of TLS after which a client that offers no CredSSP asks again for Standard RDP Security: FreeRDP 2.11.7
 * does after any (`nego_attempt_tls`), FreeRDP 3.19 and later not after SSL_REQUIRED_BY_SERVER or
 * HYBRID_REQUIRED_BY_SERVER, which leave only TLS or CredSSP enabled (nego.c, `nego_disable_all_except`, commit
 * cd8d2e98b): the connection fails there too, but not on Standard RDP Security (a session 19 review).
 */
const FALLS_BACK_TO_RDP: ReadonlySet<string> = new Set(['SSL_NOT_ALLOWED_BY_SERVER', 'SSL_CERT_NOT_ON_SERVER', 'INCONSISTENT_FLAGS', 'SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER']);

export function standardSecurityFor(probe: ProbeFacts, client: ClientOffer): string | undefined {
  const n = probe.negotiation;
  if (!n) return undefined;
  if (n.legacy === true) return 'answered without negotiation data, so only Standard RDP Security is possible';
  // The check offered TLS and CredSSP, not necessarily this file's client: a client that offers less lands there too.
  if (n.selected === 'RDP') {
    return `selected Standard RDP Security although the check offered TLS and CredSSP${client.credssp && client.negotiates ? '' : ", more than this file's client offers"}`;
  }
  // Refused in the negotiation itself (an RDP_NEG_FAILURE to the TLS question), not merely unusable.
  const refused = (key: string): boolean => n.failures?.[key] !== undefined;
  if (!client.credssp && client.negotiates && n.rdp === true && FALLS_BACK_TO_RDP.has(n.failures?.ssl ?? '')) {
    return 'refuses TLS and accepts Standard RDP Security, and the file turns CredSSP off (enablecredsspsupport:i:0), so its client ends on Standard RDP Security';
  }
  // A server that selected TLS or CredSSP does not use Standard RDP Security, even when its handshake then failed (that
  // also makes `ssl` false: NET028's verdict, not this one; a review of session 17's change).
  if (n.selected !== undefined && n.selected !== null) return undefined;
  if (n.rdp === true && refused('ssl') && (refused('hybrid') || n.hybrid === false)) return 'refuses TLS and CredSSP and accepts only Standard RDP Security';
  return undefined;
}
