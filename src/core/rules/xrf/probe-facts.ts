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

/**
 * What a check saw that leaves a client only Standard RDP Security, in words, or undefined: the server selected it
 * for a request that offered TLS and CredSSP (as mstsc's does), answered without negotiation data, or refused TLS
 * and CredSSP while accepting Standard RDP Security.
 */
export function standardSecurityOnly(probe: ProbeFacts): string | undefined {
  const n = probe.negotiation;
  if (!n) return undefined;
  if (n.legacy === true) return 'answered without negotiation data, so only Standard RDP Security is possible';
  if (n.selected === 'RDP') return 'selected Standard RDP Security although the client offered TLS and CredSSP';
  // A server that selected TLS or CredSSP does not use Standard RDP Security, even when its handshake then failed (that
  // also makes `ssl` false: NET028's verdict, not this one; a review of session 17's change).
  if (n.selected !== undefined && n.selected !== null) return undefined;
  // Refused in the negotiation itself (an RDP_NEG_FAILURE to the TLS question), not merely unusable.
  const refused = (key: string): boolean => n.failures?.[key] !== undefined;
  if (n.rdp === true && refused('ssl') && (refused('hybrid') || n.hybrid === false)) return 'refuses TLS and CredSSP and accepts only Standard RDP Security';
  return undefined;
}
