import type { NtlmInfo } from './ntlm';
import type { Severity } from '../rules/types';
import type { RdpGateway } from '../rdp/target';

/** How a network step went wrong: a value to report, never an exception (the raw cause is kept for the log). */
export type NetErrorKind =
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'reset'
  | 'closed'
  | 'unreachable'
  | 'aborted'
  | 'protocol'
  | 'tls-error'
  | 'error';

export interface NetError {
  readonly kind: NetErrorKind;
  /** A sentence for people: what happened, ending with a period. */
  readonly message: string;
  /** The raw code or message of the cause (ECONNREFUSED, ERR_SSL_WRONG_VERSION_NUMBER …). */
  readonly cause?: string;
  /** A timeout's wait, where a step's own cap may have ended it before the step timeout. */
  readonly waitedMs?: number;
  /** A connection that timed out: how many other connections of this process were open to the same address and port meanwhile. */
  readonly alongside?: number;
}

export type NetResult<T> = ({ readonly ok: true } & T) | ({ readonly ok: false } & { readonly error: NetError });

/** Common options of every network step. */
export interface StepOptions {
  /** The time this step may take. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /**
   * Told when a connection starts waiting for a place among the connections this process has open to its endpoint
   * (`endpointLease`); the function it returns is called when the wait ends. The check's own queue, not the server's time.
   */
  readonly onWait?: () => () => void;
}

export interface NetFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
}

/** Which security protocols the listener accepts (SPEC §3): true accepted, false refused, null not determined. */
export interface NegotiationSummary {
  readonly rdp: boolean | null;
  readonly ssl: boolean | null;
  readonly hybrid: boolean | null;
  readonly hybridEx: boolean | null;
  readonly rdstls: boolean | null;
  /**
   * RDS AAD Auth (PROTOCOL_RDSAAD, the Microsoft Entra ID sign-in): asked only for a `.rdp` file that signs in so
   * (`enablerdsaadauth:i:1`), absent otherwise (a field SPEC §3 does not list).
   */
  readonly rdsaad?: boolean | null;
  readonly nlaRequired: boolean | null;
  /** The RDP_NEG_FAILURE name the server sent, per refused protocol. */
  readonly failures: Readonly<Partial<Record<ProtocolKey, string>>>;
  /**
   * The selection no client follows (NET005) that the server answered, per protocol it leaves unusable (false): a
   * protocol the request did not offer (`SSL`, `HYBRID_EX`) or a value that is no protocol (`0x3`).
   */
  readonly unusable: Readonly<Partial<Record<ProtocolKey, string>>>;
  /** The protocol the server selected for a client that offers TLS and CredSSP, as mstsc does. */
  readonly selected: string | null;
  /** The Confirm carried no negotiation data: a pre-RDP 5.2 server or a proxy that strips it. */
  readonly legacy: boolean;
  /** RDP_NEG_RSP flags of that answer. */
  readonly flags: {
    readonly extendedClientData: boolean;
    readonly dynvcGfx: boolean;
    readonly restrictedAdmin: boolean;
    readonly remoteCredentialGuard: boolean;
  } | null;
  /** How many TCP connections the negotiation used. */
  readonly connections: number;
}

export type ProtocolKey = 'rdp' | 'ssl' | 'hybrid' | 'hybridEx' | 'rdstls' | 'rdsaad';

/** What the Server Security Data says under Standard RDP Security (SPEC §2 NET014), as named in standard-security.ts. */
export interface StandardSecurity {
  /** `none`, `40-bit RC4`, `56-bit RC4`, `128-bit RC4` or `FIPS`. */
  readonly encryptionMethod: string;
  /** `none`, `low`, `client-compatible`, `high` or `fips`. */
  readonly encryptionLevel: string;
}

export type TlsVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

/** Per version: true accepted, false refused, null not determined (SPEC §2 `tls.accepted`). */
export type TlsAccepted = Readonly<Record<TlsVersion, boolean | null>>;

export interface TlsSummary {
  readonly protocol: string;
  readonly cipher: string;
  /** Null when the versions were not probed (checkHost always sets it). */
  readonly accepted?: TlsAccepted | null;
}

export interface CertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly sha1: string;
  readonly sha256: string;
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  readonly extendedKeyUsage: readonly string[];
  readonly keyAlgorithm: string;
  readonly keyBits: number | null;
  readonly signatureAlgorithm: string;
  readonly selfSigned: boolean;
  readonly trusted: boolean;
  readonly nameMatches: boolean;
}

/** One certificate of the chain the listener sent, leaf first, with every field the certificate view shows. */
export interface ChainCertificate extends Omit<CertificateSummary, 'extendedKeyUsage' | 'trusted' | 'nameMatches'> {
  /** Null when the certificate has no Extended Key Usage extension (any purpose). */
  readonly extendedKeyUsage: readonly string[] | null;
  /** PEM text, so the certificate can be saved or inspected with other tools. */
  readonly pem: string;
}

export type StepStatus = 'ok' | 'warning' | 'error' | 'skipped';

/** The ladder DNS → TCP → Negotiation → TLS → Certificate, one status and one line each. */
export interface CheckStep {
  readonly status: StepStatus;
  readonly detail: string;
}

export interface HostCheckResult {
  readonly target: string;
  readonly host: string;
  readonly port: number;
  /** The name the certificate must match. */
  readonly name: string;
  /**
   * The RD Gateway the target's `.rdp` file goes through (`gatewayusagemethod` 1 or 2 with a `gatewayhostname`): the
   * client's path runs through it, while this check probed the session host directly.
   */
  readonly gateway?: RdpGateway;
  readonly addresses: readonly string[];
  readonly timings: { readonly totalMs: number; readonly [step: string]: number };
  readonly negotiation: NegotiationSummary | null;
  /** Null when the server does not accept Standard RDP Security or its answer could not be read. */
  readonly standardSecurity: StandardSecurity | null;
  readonly tls: TlsSummary | null;
  readonly certificate: CertificateSummary | null;
  /** What the NTLM CHALLENGE of a CredSSP server says about it; null when not asked or not answered (checkHost always sets it). */
  readonly ntlm?: NtlmInfo | null;
  /**
   * Why a CredSSP server's NTLM CHALLENGE could not be read, when it was asked for and TLS worked: it closed the
   * connection, sent something else or answered with an error (a client that signs in with NTLM fails there too), or
   * sent no answer in time (`timedOut`: a slow server is not a refusing one).
   */
  /**
   * `waitedMs` with `timedOut`: the wait, FIRST_ANSWER_WAIT_MS at most (a longer timeout then learns nothing more).
   * `closedUnprompted`: connections that sent nothing after TLS were ended too (NET028), so Kerberos fails as well.
   */
  readonly ntlmProblem?: { readonly message: string; readonly timedOut: boolean; readonly waitedMs?: number; readonly closedUnprompted?: true };
  /**
   * A server that selected TLS completed the handshake and then sent no MCS Connect Response to the client's Connect
   * Initial within `waitedMs` (2 s, or the timeout when shorter): whether clients get past its TLS is not known. No finding.
   */
  readonly connectInitialUnanswered?: { readonly message: string; readonly waitedMs: number };
  /** The certificates the listener sent, leaf first (empty when there was no TLS). */
  readonly chain: readonly ChainCertificate[];
  readonly findings: readonly NetFinding[];
  readonly steps: {
    readonly dns: CheckStep;
    readonly tcp: CheckStep;
    readonly negotiation: CheckStep;
    readonly tls: CheckStep;
    readonly certificate: CheckStep;
  };
  /** Set when the caller cancelled the check before it finished. */
  readonly cancelled?: boolean;
  /** NET rules the configuration turned off for this check, sorted: their absence from `findings` says nothing. */
  readonly rulesOff?: readonly string[];
}

export type StepName = keyof HostCheckResult['steps'];
