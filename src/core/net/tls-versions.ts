import { exchangeConfirm } from './x224-exchange';
import { handshakeStream } from './main-tls';
import { connectTcp } from './tcp';
import { NET029, NET029_MESSAGES } from '../rules/net/net029-tls-legacy-protocol';
import { NET028, NET028_MESSAGES } from '../rules/net/net028-tls-handshake-failed';
import { handshake, type CipherOffer, type TlsResult, type TlsVersionRange } from './tls';
import type { NetFinding, StepOptions, TlsAccepted, TlsVersion } from './types';
import { selectionProblem, type NegotiationAnswer } from './negotiation-summary';
import { startsTls } from './x224';

export const TLS_VERSIONS: readonly TlsVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
/** Versions current clients no longer offer by default (NET029). */
export const LEGACY_TLS_VERSIONS: readonly TlsVersion[] = ['TLSv1', 'TLSv1.1'];
/** The extra handshake that asks whether a legacy version is accepted. */
export const LEGACY_RANGE: TlsVersionRange = { minVersion: 'TLSv1', maxVersion: 'TLSv1.1' };
/** Asked whenever the main handshake negotiated TLS 1.3: a server that refuses it leaves out every client without TLS 1.3. */
export const TLS12_RANGE: TlsVersionRange = { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' };

/**
 * The answer of one capped handshake: the version the server chose, a refusal (a TLS alert), a close or reset
 * ('dropped': a refusal only from a server known to keep connections past their handshake), or nothing learned.
 */
export type VersionProbe =
  | { readonly kind: 'accepted'; readonly protocol: string; readonly cipher?: string }
  | { readonly kind: 'refused' }
  | { readonly kind: 'dropped' }
  | { readonly kind: 'unknown' };

/** Local refusals: this client could not offer the range at all, which says nothing about the server. */
const LOCAL_TLS_PROBLEM = /NO_PROTOCOLS_AVAILABLE|NO_CIPHERS_AVAILABLE|no protocols available|no ciphers available/i;

/**
 * This client ended the handshake on the server's downgrade marker (RFC 8446 §4.1.3: a server able to do more that
 * picks TLS 1.1 or lower says so in its random, and OpenSSL's client then stops when it offered more than that). The
 * server did pick a version below the range's top: it accepts it. A session 16 review found TLS 1.0 called refused
 * on a server with 1.0 and 1.2 on and 1.1 off. Not the alert of that name, which the server would send.
 */
const DOWNGRADE_MARKED = /ERR_SSL_INAPPROPRIATE_FALLBACK|(?<!alert )inappropriate fallback/i;

/** A capped handshake's answer, with the Confirm its connection got (an answer to the negotiation question it asked). */
export interface RangeProbe {
  readonly negotiation: NegotiationAnswer;
  /** Unknown without a handshake: the Confirm selected no protocol a client would follow into TLS. */
  readonly answer: VersionProbe;
  /** Whether the Confirm let the handshake start. */
  readonly handshook: boolean;
}

/**
 * One short connection with its own X.224 negotiation and a TLS handshake limited to `range` (and to the suites of
 * `offer`, when given). A TLS alert during the handshake is a refusal, a reset or close is 'dropped'; a timeout or
 * anything earlier is unknown.
 */
export async function probeTlsRange(
  address: string,
  port: number,
  host: string,
  requested: number,
  range: TlsVersionRange,
  options: StepOptions,
  offer?: CipherOffer,
): Promise<RangeProbe> {
  const unknown = (confirm: NegotiationAnswer['confirm'] = null): RangeProbe => ({ negotiation: { requested, confirm }, answer: { kind: 'unknown' }, handshook: false });
  const tcp = await connectTcp(address, port, options);
  if (!tcp.ok) return unknown();
  const exchanged = await exchangeConfirm(tcp.socket, requested, options);
  const confirm = exchanged.ok ? exchanged.confirm : null;
  if (!exchanged.ok || confirm?.kind !== 'response' || !startsTls(confirm.selectedProtocol) || selectionProblem(requested, confirm.selectedProtocol) !== null) {
    tcp.socket.destroy();
    return unknown(confirm);
  }
  const result = await handshake(handshakeStream(tcp.socket, exchanged.after), host, { ...options, versions: range, chain: false, closeGraceMs: 250, ...(offer && { offer }) });
  const negotiation = { requested, confirm };
  if (result.ok) return { negotiation, answer: { kind: 'accepted', protocol: result.protocol, cipher: result.cipher }, handshook: true };
  const { kind, cause = '' } = result.error;
  // Only a range of two versions says which one the server picked below its top: the lower one.
  const below = TLS_VERSIONS.indexOf(range.maxVersion) - TLS_VERSIONS.indexOf(range.minVersion) === 1 ? range.minVersion : undefined;
  if (DOWNGRADE_MARKED.test(`${cause} ${result.error.message}`)) return { negotiation, answer: below ? { kind: 'accepted', protocol: below } : { kind: 'unknown' }, handshook: true };
  if (LOCAL_TLS_PROBLEM.test(cause)) return { negotiation, answer: { kind: 'unknown' }, handshook: true };
  // A reset can eat the server's last flight: one that drops every connection after TLS seems to refuse the range.
  if (kind === 'reset' || kind === 'closed' || cause === 'closed') return { negotiation, answer: { kind: 'dropped' }, handshook: true };
  return { negotiation, answer: kind === 'tls-error' ? { kind: 'refused' } : { kind: 'unknown' }, handshook: true };
}

/**
 * A capped handshake asked once more when the server dropped it. A listener that refuses a version by resetting the
 * connection (as Schannel does) drops the second one too; one that dropped it for a reason of its own does not:
 * gnome-remote-desktop 43 (FreeRDP 2) now and then resets or garbles one of several connections that arrive together
 * (its session teardown closes a socket after the connection is gone: grd-session-rdp.c, `peer->Close`, then the
 * GSocketConnection, then `peer->Disconnect`), and one such reset made a listener that accepts TLS 1.2 look like
 * "TLS 1.3 only" (NET028). Asked only after a drop, so a listener that answers costs nothing more.
 */
export async function probeTlsRangeTwice(
  address: string,
  port: number,
  host: string,
  requested: number,
  range: TlsVersionRange,
  options: () => StepOptions,
  offer?: CipherOffer,
): Promise<RangeProbe> {
  return askAgainIfDropped(await probeTlsRange(address, port, host, requested, range, options(), offer), () =>
    probeTlsRange(address, port, host, requested, range, options(), offer),
  );
}

/**
 * The answer of a dropped capped handshake and of the one asked after it: the second decides, unless it learned nothing
 * (no TCP, no Confirm leading to TLS, a timeout); the first connection's Confirm stays the negotiation answer.
 */
export async function askAgainIfDropped(first: RangeProbe, again: () => Promise<RangeProbe>): Promise<RangeProbe> {
  if (first.answer.kind !== 'dropped') return first;
  const second = await again();
  return second.answer.kind === 'unknown' ? first : { ...second, negotiation: first.negotiation };
}

const isVersion = (v: string): v is TlsVersion => (TLS_VERSIONS as readonly string[]).includes(v);

/**
 * Which versions the server accepts, from the main handshake (offered TLS 1.0–1.3, so every version above
 * the one chosen is refused) and the capped probes (each offered a range; the server picks its highest).
 * `dropIsRefusal`: the main connection carried traffic past its handshake, so a capped one that was closed or reset
 * was refused; a server that dropped the main connection too only shows that it drops connections.
 */
export function acceptedVersions(
  main: string,
  probes: readonly { readonly range: TlsVersionRange; readonly answer: VersionProbe }[],
  dropIsRefusal = true,
): TlsAccepted {
  const accepted: Record<TlsVersion, boolean | null> = { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null };
  const index = (v: TlsVersion): number => TLS_VERSIONS.indexOf(v);
  if (isVersion(main)) {
    accepted[main] = true;
    for (const v of TLS_VERSIONS) if (index(v) > index(main)) accepted[v] = false;
  }
  for (const { range, answer } of probes) {
    const inRange = TLS_VERSIONS.filter((v) => index(v) >= index(range.minVersion) && index(v) <= index(range.maxVersion));
    if (answer.kind === 'refused' || (answer.kind === 'dropped' && dropIsRefusal)) for (const v of inRange) accepted[v] ??= false;
    if (answer.kind === 'accepted' && isVersion(answer.protocol)) {
      accepted[answer.protocol] = true;
      for (const v of inRange) if (index(v) > index(answer.protocol)) accepted[v] ??= false;
    }
  }
  return accepted;
}

/** What the capped handshakes found, and the Confirms of the connections that asked a negotiation question on the way. */
export interface VersionsProbe {
  /** Null when the main handshake failed. */
  readonly accepted: TlsAccepted | null;
  readonly answers: readonly NegotiationAnswer[];
}

/**
 * The capped handshakes of one listener, each on its own connection with its own X.224 negotiation: the legacy
 * range at once; TLS 1.2 alone when the main handshake says 1.3 (Schannel without TLS 1.3 — Windows 10, Server 2019
 * and older — can connect only if 1.2 is accepted), once the main handshake has said so: the connections opened at the
 * start have been accepted by then, and connections that arrive together are not free (xrdp's listen backlog is 2: one
 * connection too many costs a 1 s SYN retry). Not after the legacy answer too: that cost every check of a TLS 1.3
 * listener another ~2 ms of waiting.
 * The legacy connection sends `question` when given (an open negotiation question whose answer still leads to TLS
 * on a server that selected TLS), so one connection answers both; when that Confirm leads nowhere a client would
 * follow, the range is asked again on a connection that sends `requested`. `survived`: whether the main connection
 * carried traffic past its handshake (see `acceptedVersions`), awaited only when a capped handshake was dropped.
 * A dropped capped handshake is asked once more first (`askAgainIfDropped`).
 */
export async function probeTlsVersions(
  address: string,
  port: number,
  host: string,
  requested: number,
  main: Promise<TlsResult | undefined>,
  options: () => StepOptions,
  question?: number,
  survived: Promise<boolean> = Promise.resolve(true),
): Promise<VersionsProbe> {
  const first = probeTlsRange(address, port, host, question ?? requested, LEGACY_RANGE, options());
  const legacy = first
    .then((p) => (p.handshook || question === undefined ? p : probeTlsRange(address, port, host, requested, LEGACY_RANGE, options())))
    .then((p) => askAgainIfDropped(p, () => probeTlsRange(address, port, host, requested, LEGACY_RANGE, options())));
  const tls12 = main.then((m) => (m?.ok && m.protocol === 'TLSv1.3' ? probeTlsRangeTwice(address, port, host, requested, TLS12_RANGE, options) : undefined));
  const [m, f, l, t] = await Promise.all([main, first, legacy, tls12]);
  const answers = question === undefined ? [] : [f.negotiation];
  if (!m?.ok) return { accepted: null, answers };
  const probes = [{ range: LEGACY_RANGE, answer: l.answer }, ...(t ? [{ range: TLS12_RANGE, answer: t.answer }] : [])];
  // Only a dropped handshake needs the main connection's fate: the others do not wait for it (a silent server's).
  const kept = probes.some((p) => p.answer.kind === 'dropped') ? await survived : true;
  return { accepted: acceptedVersions(m.protocol, probes, kept), answers };
}

/** NET029: a warning when a legacy version is accepted beside a current one, an error when nothing newer is. */
export function legacyTlsFinding(accepted: TlsAccepted): NetFinding | undefined {
  const legacy = LEGACY_TLS_VERSIONS.filter((v) => accepted[v] === true);
  if (legacy.length === 0) return undefined;
  const modern = TLS_VERSIONS.filter((v) => !LEGACY_TLS_VERSIONS.includes(v) && accepted[v] === true);
  if (modern.length > 0) return { ruleId: NET029.id, severity: NET029.defaultSeverity, message: NET029_MESSAGES.alsoModern(legacy, modern) };
  return { ruleId: NET029.id, severity: 'error', message: NET029_MESSAGES.only(legacy) };
}

/**
 * NET028 as a warning: the server accepts TLS 1.3 and refused a handshake capped at TLS 1.2, with no older version
 * accepted either, so clients whose Schannel lacks TLS 1.3 (Windows 10, Windows Server 2019 and older) cannot connect.
 */
export function tls13OnlyFinding(accepted: TlsAccepted): NetFinding | undefined {
  if (accepted['TLSv1.3'] !== true || accepted['TLSv1.2'] !== false) return undefined;
  if (LEGACY_TLS_VERSIONS.some((v) => accepted[v] === true)) return undefined;
  return { ruleId: NET028.id, severity: 'warning', message: NET028_MESSAGES.NET028Tls13Only() };
}
