import { NET001, NET004, NET028 } from '../rules/net/index';
import { NET_MESSAGES as M } from '../rules/net/messages';
import type { SeverityOverrides } from '../findings/severity';
import type { CheckTarget } from '../rdp/target';

export type { CheckTarget } from '../rdp/target';
import { preloadCertificateAnalysis } from './certificate';
import { finding } from './certificate-findings';
import { isLoopbackAddress, resolveHost, type Lookup } from './dns';
import { quotedCause } from './errors';
import { askOnce, exchangeConfirm } from './x224-exchange';
import { followUps, MAIN_REQUEST, RDSTLS_QUESTION, selectionProblem, summarizeNegotiation, type NegotiationAnswer } from './negotiation-summary';
import { negotiationFindings } from './negotiation-findings';
import { describeStandardSecurity, probeStandardSecurity, selectsStandardSecurity, type SecurityReading } from './standard-security';
import { standardSecurityFailureFinding, standardSecurityFindings } from './standard-security-findings';
import { hostResult, type HostProbe } from './host-result';
import type { NtlmInfo } from './ntlm';
import { askThenClose, serverEndedNtlm } from './ntlm-info';
import type { WorkgroupEvidence } from '../rules/net/messages';
import { workgroupEvidence } from './ntlm-membership';
import { afterConfirmFinding, carriedPastHandshake } from './after-handshake';
import { connectOverTlsFinding, connectThenClose } from './connect-over-tls';
import { endsSilentConnections, unpromptedEndFinding } from './credssp-unprompted';
import { connectFailureFinding, connectFirst } from './connect-first';
import { SELECTED_LABELS } from './protocol-labels';
import { Budget, elapsed } from './run-step';
import { needsSchannelProbe, probeSchannelSuites, type WindowsSuites } from './schannel-probe';
import { mainTlsFailureMessage, openMainTls } from './main-tls';
import { sessionFacts, type TlsResult } from './tls';
import { probeTlsVersions } from './tls-versions';
import type { TrustStore } from './trust-store';
import { handshakeFindings } from './handshake-findings';
import type { CertificateSummary, ChainCertificate, HostCheckResult, NetError, NetFinding, NegotiationSummary, StandardSecurity, StepOptions, TlsSummary } from './types';
import { PROTOCOL, protocolName, startsTls } from './x224';


export interface CheckHostOptions {
  /** The time each step (resolve, connect, Confirm, TLS handshake) may take. */
  readonly timeoutMs: number;
  /** The time the whole host may take; three steps' worth when absent. */
  readonly budgetMs?: number;
  readonly signal?: AbortSignal;
  readonly store?: TrustStore;
  readonly expiringSoonDays?: number;
  readonly severities?: SeverityOverrides;
  readonly now?: () => Date;
  /** Replaces `dns.lookup` (tests). */
  readonly lookup?: Lookup;
  /** Asks a CredSSP server for its NTLM CHALLENGE (names, version, clock); on unless false. */
  readonly ntlmInfo?: boolean;
}

/** Checks one RDP listener from the client side, without credentials: DNS → TCP → negotiation → TLS → certificate. */
export async function checkHost(target: CheckTarget, options: CheckHostOptions): Promise<HostCheckResult> {
  return hostResult(target, await probeHost(target, options), options.severities);
}

/** The probe behind `checkHost`: what the listener answered, for every target that names it (`hostResult`). */
export async function probeHost(target: CheckTarget, options: CheckHostOptions): Promise<HostProbe> {
  const start = process.hrtime.bigint();
  const budget = new Budget(options.budgetMs ?? options.timeoutMs * 3, options.signal);
  const timings: Record<string, number> = {};
  const findings: NetFinding[] = [];
  const name = target.name ?? target.host;
  let addresses: readonly string[] = [];
  let negotiation: NegotiationSummary | null = null;
  let standardSecurity: StandardSecurity | null = null;
  let tls: TlsSummary | null = null;
  let certificate: CertificateSummary | null = null;
  let ntlm: NtlmInfo | null = null;
  let ntlmWorkgroup: WorkgroupEvidence | undefined;
  let ntlmProblem: HostCheckResult['ntlmProblem'];
  let ntlmRefused = false;
  let connectInitialUnanswered: HostCheckResult['connectInitialUnanswered'];
  let windowsSuites: WindowsSuites | undefined;
  let chain: ChainCertificate[] = [];
  let stoppedAt: 'dns' | 'tcp' | 'negotiation' | null = null;
  let cancelled = false;
  let selectionUnfollowed = false;
  let tlsUnanswered = false;
  let standardSecurityUnanswered = false;
  const step = (): StepOptions => ({ timeoutMs: budget.stepMs(options.timeoutMs), signal: budget.signal, onWait: budget.pause });
  /** An aborted step is a cancellation, or the host's budget running out (then it counts as a timeout). */
  const outOfTime = (error: NetError): NetError =>
    error.kind === 'aborted' && !budget.cancelled
      ? { kind: 'timeout', message: `The check ran out of its ${options.budgetMs ?? options.timeoutMs * 3} ms budget.`, ...(error.alongside && { alongside: error.alongside }) }
      : error;

  try {
    let t = process.hrtime.bigint();
    const dns = await resolveHost(target.host, step(), options.lookup);
    timings.dnsMs = elapsed(t);
    if (!dns.ok) {
      stoppedAt = 'dns';
      const e = outOfTime(dns.error);
      if (e.kind === 'aborted') cancelled = true;
      else findings.push(finding(NET001, M.NET001(target.host, quotedCause(e))));
      return finish();
    }
    addresses = dns.addresses;

    t = process.hrtime.bigint();
    const queuedBefore = budget.pausedMs;
    const connected = await connectFirst(addresses, target.port, step, outOfTime);
    // The connection's own time: a wait for a place among this process's connections to the listener is not the server's.
    timings.tcpMs = Math.max(0, Math.round((elapsed(t) - (budget.pausedMs - queuedBefore)) * 100) / 100);
    if (!connected.ok) {
      stoppedAt = 'tcp';
      const tcpFinding = connectFailureFinding(connected, target.port, options.timeoutMs);
      if (tcpFinding) findings.push(tcpFinding);
      else cancelled = true;
      return finish();
    }

    t = process.hrtime.bigint();
    const { socket, address } = connected;
    const main = await exchangeConfirm(socket, MAIN_REQUEST, step());
    timings.negotiationMs = elapsed(t);
    if (!main.ok) {
      socket.destroy();
      stoppedAt = 'negotiation';
      const e = outOfTime(main.error);
      if (e.kind === 'aborted') cancelled = true;
      else findings.push(finding(NET004, M.NET004(e.message)));
      return finish();
    }
    const answers: NegotiationAnswer[] = [{ requested: MAIN_REQUEST, confirm: main.confirm }];
    // A selection the client did not offer is one no client follows into TLS (NET005).
    const upgrade =
      main.confirm.kind === 'response' && startsTls(main.confirm.selectedProtocol) && selectionProblem(MAIN_REQUEST, main.confirm.selectedProtocol) === null;
    selectionUnfollowed = main.confirm.kind === 'response' && selectionProblem(MAIN_REQUEST, main.confirm.selectedProtocol) !== null;
    const selectedName = main.confirm.kind === 'response' ? protocolName(main.confirm.selectedProtocol) : '';
    const selected = SELECTED_LABELS[selectedName] ?? selectedName;
    if (!upgrade) socket.destroy();

    t = process.hrtime.bigint();
    // A main handshake the server dropped is asked once more on a new connection (main-tls.ts); the one that decides carries what follows.
    const selectedProtocol = main.confirm.kind === 'response' ? main.confirm.selectedProtocol : 0;
    const opened = upgrade
      ? openMainTls({ socket, after: main.after }, { address, port: target.port, host: target.host, requested: MAIN_REQUEST, selected: selectedProtocol }, step)
      : undefined;
    const session = opened?.then((o) => o.session);
    const tlsRun: Promise<TlsResult | undefined> = session ? session.then(sessionFacts) : Promise.resolve(undefined);
    // The Entra ID question only for a `.rdp` file that signs in so: no other result reads its answer.
    const requests = followUps(answers, target.entraSignIn === true);
    // On a server that selected TLS, the RDSTLS question (which offers TLS too) also leads to TLS: the legacy-TLS handshake rides its connection.
    const shared = upgrade && main.confirm.kind === 'response' && main.confirm.selectedProtocol === PROTOCOL.SSL && requests.includes(RDSTLS_QUESTION) ? RDSTLS_QUESTION : undefined;
    // Standard RDP Security's encryption is read on a connection that asks for it alone, even when the main answer selected it.
    if (!requests.includes(PROTOCOL.RDP) && selectsStandardSecurity(main.confirm)) requests.push(PROTOCOL.RDP);
    // Each other open question gets its own short connection, all at once (at most four, fewer for most servers).
    const questions = timed(
      'followUpMs',
      Promise.all(
        requests
          .filter((requested) => requested !== shared)
          .map(async (requested): Promise<{ answer: NegotiationAnswer; reading: SecurityReading | null }> => {
            if (requested === PROTOCOL.RDP) {
              const probe = await timed('standardSecurityMs', probeStandardSecurity(address, target.port, step));
              return { answer: { requested, confirm: probe.confirm }, reading: probe.reading };
            }
            const answer = await askOnce(address, target.port, requested, step());
            return { answer: { requested, confirm: answer.ok ? answer.confirm : null }, reading: null };
          }),
      ),
    );
    // After the main handshake, its connection carries what a client sends next: the MCS Connect Initial under TLS, the
    // NTLM question under CredSSP. The capped handshakes get connections of their own, in parallel.
    const credSsp = main.confirm.kind === 'response' && (main.confirm.selectedProtocol === PROTOCOL.HYBRID || main.confirm.selectedProtocol === PROTOCOL.HYBRID_EX);
    const ask = credSsp && options.ntlmInfo !== false;
    const tlsSelected = main.confirm.kind === 'response' && main.confirm.selectedProtocol === PROTOCOL.SSL;
    const connectRun = tlsSelected ? opened?.then((o) => timed('connectInitialMs', connectThenClose(o.socket, o.session, step))) : undefined;
    const ntlmRun = tlsSelected
      ? undefined
      : opened?.then((o) => (ask ? timed('ntlmMs', askThenClose(o.socket, o.session, true, step)) : askThenClose(o.socket, o.session, false, step)));
    const survived = Promise.all([connectRun, ntlmRun]).then(([c, n]) => carriedPastHandshake(c, n));
    const versionsRun = upgrade ? timed('tlsVersionsMs', probeTlsVersions(address, target.port, target.host, MAIN_REQUEST, tlsRun, step, shared, survived)) : Promise.resolve(null);
    // A suite no Windows release enables by default: can a Windows client agree on another? Asked only then.
    const schannelRun = tlsRun.then((m) => (needsSchannelProbe(m) ? timed('schannelSuitesMs', probeSchannelSuites(address, target.port, target.host, MAIN_REQUEST, m, step(), survived)) : undefined));
    if (upgrade) setImmediate(preloadCertificateAnalysis);
    const [tlsResult, asked, versions, ntlmResult, connectResult] = await Promise.all([
      tlsRun.finally(() => upgrade && (timings.tlsMs = elapsed(t))),
      questions,
      versionsRun,
      ntlmRun,
      connectRun,
    ]);
    windowsSuites = await schannelRun;
    if (connectResult?.kind === 'aborted' && budget.cancelled) cancelled = true;
    // Dropped after the handshake (closed, reset, an alert, a disconnect) or a wrong answer: TLS cannot be used. Late: not known.
    const connectFinding = connectResult && connectOverTlsFinding(connectResult, selected);
    // No answer in time is no finding, but said: the handshake alone does not show that clients get past TLS.
    if (connectResult?.kind === 'unanswered') connectInitialUnanswered = { message: connectResult.message, waitedMs: connectResult.waitedMs };
    if (ntlmResult?.ok) {
      ntlm = ntlmResult.info;
      ntlmWorkgroup = workgroupEvidence(ntlmResult.info, ntlmResult.flags);
    }
    // A CredSSP server that drops the NTLM question after TLS would fail a client that signs in with NTLM: said, not hidden.
    else if (ntlmResult && ntlmResult.error.kind !== 'aborted') {
      const { kind, message, waitedMs } = ntlmResult.error;
      ntlmProblem = { message, timedOut: kind === 'timeout', ...(kind === 'timeout' && waitedMs !== undefined && { waitedMs }) };
      ntlmRefused = serverEndedNtlm(ntlmResult.error);
    }
    // Ended without a byte: a server that ends every connection once TLS is up, before any CredSSP message, lets no
    // client in (NET028), unlike one that refuses NTLM after reading it (NET013's warning). A silent connection tells.
    const endedEmpty = ntlmRefused && ntlmResult && !ntlmResult.ok && (ntlmResult.error.cause === 'closed' || ntlmResult.error.kind === 'reset');
    const unprompted = endedEmpty
      ? await timed('credSspSilenceMs', endsSilentConnections(address, target.port, target.host, MAIN_REQUEST, step))
      : undefined;
    if (unprompted === 'unknown' && budget.cancelled) cancelled = true;
    const credSspDropFinding = unprompted === 'closed' ? unpromptedEndFinding(selected) : undefined;
    if (credSspDropFinding && ntlmProblem) ntlmProblem = { ...ntlmProblem, closedUnprompted: true };
    const afterTlsFinding = connectFinding ?? credSspDropFinding;
    // The answers in the order the questions were asked, wherever each was asked.
    const byRequest = new Map([...asked.map((a) => a.answer), ...(versions?.answers ?? [])].map((a) => [a.requested, a]));
    for (const requested of requests) answers.push(byRequest.get(requested)!);
    const reading = asked.find((a) => a.reading)?.reading ?? null;
    const accepted = versions?.accepted ?? null;

    const tlsError = tlsResult && !tlsResult.ok ? outOfTime(tlsResult.error) : undefined;
    if (tlsError?.kind === 'aborted') cancelled = true;
    // A handshake that timed out leaves TLS undetermined; one that failed shows TLS cannot be used.
    tlsUnanswered = tlsError?.kind === 'timeout' && !cancelled;
    // Standard RDP Security selected and then no Connect Response: like a failed TLS handshake, the server ending or
    // breaking the exchange makes it unusable, while no answer in time (the budget's end too) leaves it undetermined.
    const rdpFailed =
      reading && !reading.ok
        ? reading.failure !== 'aborted' ? reading : budget.cancelled ? undefined : { ...reading, failure: 'timeout' as const, error: outOfTime(reading.error) }
        : undefined;
    if (reading && !reading.ok && reading.failure === 'aborted' && budget.cancelled) cancelled = true;
    const rdpUnanswered = rdpFailed?.failure === 'timeout';
    const clientsMeetStandardSecurity = selectsStandardSecurity(main.confirm);
    standardSecurityUnanswered = rdpUnanswered && clientsMeetStandardSecurity;
    negotiation = summarizeNegotiation(answers, {
      tlsFailed: (tlsError !== undefined && !cancelled && !tlsUnanswered) || afterTlsFinding !== undefined,
      tlsUnanswered,
      standardSecurityFailed: rdpFailed !== undefined && !rdpUnanswered,
      standardSecurityUnanswered: rdpUnanswered,
    });
    findings.push(...negotiationFindings(negotiation, answers));
    const rdpFinding = rdpFailed && standardSecurityFailureFinding(rdpFailed, clientsMeetStandardSecurity);
    if (rdpFinding) findings.push(rdpFinding);
    if (reading?.ok) {
      standardSecurity = describeStandardSecurity(reading.method, reading.level);
      findings.push(...standardSecurityFindings(reading.method, reading.level, isLoopbackAddress(address)));
    }
    const decided = await opened;
    const after = decided?.gate.verdict;
    if (tlsError && !cancelled) {
      const failed = after && after.kind !== 'tls' ? afterConfirmFinding(after, selected) : finding(NET028, mainTlsFailureMessage(selected, tlsError, tlsUnanswered));
      findings.push(decided?.askedTwice ? { ...failed, message: `${failed.message} ${M.NET028AskedTwice()}` } : failed);
    } else if (tlsResult?.ok) {
      const handshake = handshakeFindings(
        tlsResult,
        { accepted, connectFinding: afterTlsFinding, connectEnded: connectFinding !== undefined, windowsSuites, name, ntlm, ntlmProblem: ntlmRefused && !credSspDropFinding ? ntlmProblem : undefined },
        options,
      );
      ({ tls, certificate, chain } = handshake);
      timings.certificateMs = handshake.certificateMs;
      findings.push(...handshake.findings);
      // Dropped once, then completed: no refusal, but a client that connected at that moment failed (main-tls.ts).
      const first = decided?.askedTwice ? decided.firstError : undefined;
      if (first) findings.push({ ...finding(NET028, M.NET028DroppedOnce(selected, quotedCause(first))), severity: 'info' });
    }
    return finish();
  } finally {
    budget.dispose();
  }

  function timed<T>(key: string, run: Promise<T>): Promise<T> {
    const began = process.hrtime.bigint();
    return run.finally(() => void (timings[key] = elapsed(began)));
  }

  function finish(): HostProbe {
    timings.totalMs = elapsed(start);
    if (budget.pausedMs > 0) timings.queuedMs = Math.round(budget.pausedMs);
    const found = { addresses, timings: timings as HostCheckResult['timings'], negotiation, standardSecurity, tls, certificate, ntlm, chain, findings };
    const state = { stoppedAt, cancelled, selectionUnfollowed, tlsUnanswered, standardSecurityUnanswered };
    const more = { ...(ntlmWorkgroup && { ntlmWorkgroup }), ...(ntlmProblem !== undefined && { ntlmProblem }), ...(windowsSuites && { windowsSuites }) };
    return { ...found, ...more, ...(connectInitialUnanswered !== undefined && { connectInitialUnanswered }), ...state };
  }
}
