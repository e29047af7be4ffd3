// What a completed TLS handshake of the main connection shows: the TLS versions and cipher suites a client can use,
// the certificate it presented (read, checked for trust, name, dates and keys), and what the NTLM question on the
// same connection found. check-host.ts asks; this reads the answers as findings, in the order the ladder reports them.
import { NET013, NET022 } from '../rules/net/index';
import { NET_MESSAGES as M } from '../rules/net/messages';
import { analyzeSeenCertificate, describeChain } from './certificate';
import { checkCertificate, finding } from './certificate-findings';
import { freerdpServerCertificateNote, freerdpUnusableCertificateFinding } from './freerdp-unusable-certificate';
import { certificateMessageFinding } from './certificate-message';
import type { CheckHostOptions } from './check-host';
import type { NtlmInfo } from './ntlm';
import { ntlmFindings } from './ntlm-findings';
import { elapsed } from './run-step';
import { schannelSuiteFinding, type WindowsSuites } from './schannel-probe';
import type { TlsResult } from './tls';
import { legacyTlsFinding, tls13OnlyFinding } from './tls-versions';
import { TrustStore } from './trust-store';
import type { CertificateSummary, ChainCertificate, HostCheckResult, NetFinding, TlsSummary } from './types';

let defaultStore: TrustStore | undefined;

/** What the rest of the probe found that the handshake's findings depend on. */
export interface HandshakeContext {
  readonly accepted: TlsSummary['accepted'];
  /** The server dropped or broke the MCS Connect Initial over TLS, or ended CredSSP connections unprompted after TLS: TLS cannot be used, whatever its versions. */
  readonly connectFinding: NetFinding | undefined;
  /** `connectFinding` is the server ending (or breaking) the connection after the handshake, not CredSSP's unprompted end. */
  readonly connectEnded?: boolean;
  readonly windowsSuites: WindowsSuites | undefined;
  /** The name the certificate must match. */
  readonly name: string;
  readonly ntlm: NtlmInfo | null;
  /** The NTLM question's problem, when the server ended CredSSP on it (a local error or a late answer is left out). */
  readonly ntlmProblem: HostCheckResult['ntlmProblem'];
}

export interface HandshakeReading {
  readonly tls: TlsSummary;
  readonly certificate: CertificateSummary | null;
  readonly chain: ChainCertificate[];
  readonly findings: NetFinding[];
  /** The time reading and checking the certificate took. */
  readonly certificateMs: number;
}

export function handshakeFindings(tlsResult: Extract<TlsResult, { ok: true }>, context: HandshakeContext, options: CheckHostOptions): HandshakeReading {
  const { accepted, connectFinding, connectEnded, windowsSuites, name, ntlm, ntlmProblem } = context;
  const findings: NetFinding[] = [];
  let certificate: CertificateSummary | null = null;
  const tls: TlsSummary = { protocol: tlsResult.protocol, cipher: tlsResult.cipher, accepted };
  // Which versions a server accepts matters only when a client can get past its TLS.
  const versionFinding = connectFinding ?? (accepted && (legacyTlsFinding(accepted) ?? tls13OnlyFinding(accepted)));
  if (versionFinding) findings.push(versionFinding);
  const suiteFinding = connectFinding ? undefined : schannelSuiteFinding(windowsSuites) ?? certificateMessageFinding(tlsResult.chain, tlsResult.protocol);
  if (suiteFinding) findings.push(suiteFinding);
  const t = process.hrtime.bigint();
  const analysis = analyzeSeenCertificate(tlsResult.chain[0] ?? Buffer.alloc(0));
  if (!analysis.ok) findings.push(finding(NET022, M.NET022Unreadable(analysis.problem)));
  else {
    const checked = checkCertificate(analysis.facts, tlsResult.chain, {
      name,
      store: options.store ?? (defaultStore ??= new TrustStore()),
      now: options.now?.() ?? new Date(),
      expiringSoonDays: options.expiringSoonDays ?? 30,
      authorizationError: tlsResult.authorizationError,
    });
    certificate = checked.summary;
    // A certificate FreeRDP-based clients cannot use fails them after the handshake; moot when no client gets past TLS.
    const unusable = connectFinding ? undefined : freerdpUnusableCertificateFinding(analysis.facts);
    if (unusable) findings.push(unusable);
    // Where the server ended the connection after the handshake, such a certificate is the likely cause: say so there.
    if (connectEnded && connectFinding) {
      const note = freerdpServerCertificateNote(analysis.facts);
      if (note) findings[findings.indexOf(connectFinding)] = { ...connectFinding, message: `${connectFinding.message} ${note}` };
    }
    findings.push(...checked.findings);
  }
  const chain = describeChain(tlsResult.chain, analysis);
  const certificateMs = elapsed(t);
  // The NTLM question rides this handshake's connection, so its facts exist only when the handshake worked.
  if (ntlm) findings.push(...ntlmFindings(ntlm, analysis.ok ? analysis.facts : null, options.now?.() ?? new Date()));
  // A server that ends CredSSP on the first NTLM message, or answers it with bytes no client reads as a CHALLENGE
  // (not a TSRequest, not a CHALLENGE_MESSAGE [MS-CSSP 2.2.1, MS-NLMP 2.2.1.2]), blocks NTLM sign-ins: a warning CI
  // can see (reviews of sessions 17 and 20 saw it reported as fine), not an error, as Kerberos sign-ins may pass.
  // An answer only late, or a local socket error, says nothing of the server.
  else if (ntlmProblem) findings.push({ ...finding(NET013, M.NET013CredSsp(ntlmProblem.message)), severity: 'warning' });
  return { tls, certificate, chain, findings, certificateMs };
}
