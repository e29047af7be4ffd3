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
