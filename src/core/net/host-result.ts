import { applySeverities, rulesTurnedOff, type SeverityOverrides } from '../findings/severity';
import { sameCheckFacts, type FileCheckFacts } from '../rdp/check-facts';
import type { CheckTarget } from '../rdp/target';
import { throughGateway } from './gateway-findings';
import { atStrictServerAuthentication } from './strict-auth-findings';
import { buildSteps } from './ladder';
import type { NtlmInfo } from './ntlm';
import type { WindowsSuites } from './schannel-probe';
import type { WorkgroupEvidence } from '../rules/net/messages';
import type { CertificateSummary, ChainCertificate, HostCheckResult, NegotiationSummary, NetFinding, StandardSecurity, TlsSummary } from './types';

/**
 * What one probe of a listener found, before anything that depends on the target that named it (its label, its
 * `.rdp` file's gateway, the severities): one probe answers every target with the same host, port and name.
 */
export interface HostProbe {
  readonly addresses: readonly string[];
  readonly timings: HostCheckResult['timings'];
  readonly negotiation: NegotiationSummary | null;
  readonly standardSecurity: StandardSecurity | null;
  readonly tls: TlsSummary | null;
  readonly certificate: CertificateSummary | null;
  readonly ntlm: NtlmInfo | null;
  /** The CHALLENGE shows a server in no domain (`workgroupEvidence`): no Kerberos realm can authenticate it. */
  readonly ntlmWorkgroup?: WorkgroupEvidence;
  readonly ntlmProblem?: HostCheckResult['ntlmProblem'];
  readonly connectInitialUnanswered?: HostCheckResult['connectInitialUnanswered'];
  /** The main handshake ended on a suite no Windows release enables by default: whether Schannel's suites are accepted. */
  readonly windowsSuites?: WindowsSuites;
  readonly chain: readonly ChainCertificate[];
  readonly findings: readonly NetFinding[];
  readonly stoppedAt: 'dns' | 'tcp' | 'negotiation' | null;
  readonly cancelled: boolean;
  readonly selectionUnfollowed: boolean;
  readonly tlsUnanswered: boolean;
  readonly standardSecurityUnanswered: boolean;
}

/** The NET rules turned off, when there are any. */
function rulesOff(severities: SeverityOverrides | undefined): { rulesOff?: string[] } {
  const off = rulesTurnedOff(severities, /^NET\d+$/);
  return off.length ? { rulesOff: off } : {};
}

/**
 * A probe's answer as the result of one target: its own label and gateway, its file's authentication level, the
 * severities applied, the ladder built.
 */
export function hostResult(target: CheckTarget, probe: HostProbe, severities: SeverityOverrides | undefined): HostCheckResult {
  const routed = target.gateway ? throughGateway(probe.findings, target.gateway) : probe.findings;
  const strict = target.strictServerAuthentication;
  const kept = applySeverities(strict ? atStrictServerAuthentication(routed, strict, { selected: probe.negotiation?.selected ?? null, host: target.host, workgroup: probe.ntlmWorkgroup, nlaRequired: probe.negotiation?.nlaRequired ?? null }) : routed, severities);
  const { addresses, negotiation, tls, certificate, cancelled } = probe;
  const result: HostCheckResult = {
    target: target.target,
    host: target.host,
    port: target.port,
    name: target.name ?? target.host,
    ...(target.gateway && { gateway: target.gateway }),
    addresses,
    timings: probe.timings,
    negotiation,
    standardSecurity: probe.standardSecurity,
    tls,
    certificate,
    ntlm: probe.ntlm,
    ...(probe.ntlmProblem !== undefined && { ntlmProblem: probe.ntlmProblem }),
    ...(probe.connectInitialUnanswered !== undefined && { connectInitialUnanswered: probe.connectInitialUnanswered }),
    chain: probe.chain,
    findings: kept,
    steps: buildSteps({
      stoppedAt: probe.stoppedAt,
      cancelled,
      addresses,
      host: target.host,
      negotiation,
      tls,
      certificate,
      findings: kept,
      port: target.port,
      selectionUnfollowed: probe.selectionUnfollowed,
      tlsUnanswered: probe.tlsUnanswered,
      standardSecurityUnanswered: probe.standardSecurityUnanswered,
      connectInitialUnanswered: probe.connectInitialUnanswered,
      windowsSuites: probe.windowsSuites,
    }),
    ...(cancelled && { cancelled }),
    ...rulesOff(severities),
  };
  ORIGINS.set(result, { probe, target, severities });
  return result;
}

/** Each result's probe, target and severities, so the result can be told again for a file that connects otherwise. */
const ORIGINS = new WeakMap<HostCheckResult, { readonly probe: HostProbe; readonly target: CheckTarget; readonly severities: SeverityOverrides | undefined }>();

/**
 * The result as it reads for a `.rdp` file that names the same host but connects otherwise (another RD Gateway, or
 * none; another authentication level): the same probe, that file's adjustments. The result itself when they match,
 * or when it was not made here.
 */
export function resultForFile(result: HostCheckResult, facts: FileCheckFacts): HostCheckResult {
  const origin = ORIGINS.get(result);
  if (!origin) return result;
  const { target } = origin;
  if (sameCheckFacts(target, facts)) return result;
  const { gateway: _gateway, strictServerAuthentication: _strict, entraSignIn: _entra, ...rest } = target;
  return hostResult({ ...rest, ...facts }, origin.probe, origin.severities);
}

/**
 * The result told again with other severities: the same probe and target, rules turned off or set otherwise (a check
 * made in VS Code's Restricted Mode, before the workspace's rule settings applied). No connection is made. The result
 * itself when it was not made here.
 */
export function resultWithSeverities(result: HostCheckResult, severities: SeverityOverrides | undefined): HostCheckResult {
  const origin = ORIGINS.get(result);
  return origin ? hostResult(origin.target, origin.probe, severities) : result;
}

/**
 * What makes two targets one probe: the host (names compare without case), the port, and the name the certificate
 * must match (it decides the certificate findings), and whether it asks about the Entra ID sign-in (its answer is in
 * the result, and may add a finding: a target that did not ask gets none of it). A `.rdp` file and an inventory entry
 * for one listener share it.
 */
export function probeKey(target: CheckTarget): string {
  const host = target.host.toLowerCase();
  return `${host}\n${target.port}\n${(target.name ?? target.host).toLowerCase()}\n${target.entraSignIn === true}`;
}
