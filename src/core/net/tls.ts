import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { asciiHostName } from '../text/host-name';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect, createSecureContext, type DetailedPeerCertificate, type SecureContext, type SecureContextOptions, type TLSSocket } from 'node:tls';
import { rememberedByCertificate } from './certificate';
import { abortedError, classifyError, timeoutError } from './errors';
import { runStep } from './run-step';
import type { NetResult, StepOptions } from './types';

export type TlsResult = NetResult<{
  readonly protocol: string;
  readonly cipher: string;
  /** The leaf certificate (DER), then every other certificate the server sent, in the order sent. */
  readonly chain: readonly Buffer[];
  /** OpenSSL's verdict against Node's default roots (null when it verified), a hint for the trust check. */
  readonly authorizationError: string | null;
}>;

/**
 * Option sets from most to least permissive. The first accepts TLS 1.0/1.1 and small keys so they can be
 * reported (NET029, NET025) instead of failing the handshake; `@SECLEVEL` is OpenSSL syntax that
 * Electron's BoringSSL rejects, hence the fallbacks [negotiation.md §5.1].
 */
const OPTION_SETS: readonly SecureContextOptions[] = [
  { minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' },
  { minVersion: 'TLSv1' },
  {},
];

/** Cipher suites one handshake offers instead of the defaults: OpenSSL names (TLS 1.2 and older), then TLS 1.3 suites. */
export interface CipherOffer {
  readonly ciphers: string;
  readonly ciphersuites: string;
}

/**
 * The option sets of a handshake that offers chosen suites, from most to least permissive as above. Node takes the
 * TLS 1.3 suites in `ciphers` (the names that start with TLS_; without one it keeps its default TLS 1.3 suites). The
 * last set leaves them to the runtime, for one that cannot set them: whoever reads its answer checks the suite chosen.
 */
function offerSets(offer: CipherOffer): readonly SecureContextOptions[] {
  const both = `${offer.ciphersuites}:${offer.ciphers}`;
  return [{ minVersion: 'TLSv1', ciphers: `${both}:@SECLEVEL=0` }, { minVersion: 'TLSv1', ciphers: both }, { ciphers: offer.ciphers }];
}

/** The first option set that built a context in this runtime, per offer (none: the default suites). */
const workingSets = new Map<CipherOffer | undefined, number>();

/** The TLS versions one handshake may offer; the full range when absent. */
export interface TlsVersionRange {
  readonly minVersion: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  readonly maxVersion: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
}

/**
 * One context per option set, version range and offer, shared by every handshake of the process: building one
 * costs more CPU than a loopback handshake, and a client context keeps no sessions for reuse (Node hands
 * them out only through the 'session' event), so each handshake is still a full one with the certificate.
 */
const contexts = new Map<string, SecureContext>();

function contextFor(sets: readonly SecureContextOptions[], set: number, versions: TlsVersionRange | undefined, offer: CipherOffer | undefined): SecureContext {
  const key = `${set} ${versions?.minVersion ?? ''} ${versions?.maxVersion ?? ''} ${offer?.ciphers ?? ''} ${offer?.ciphersuites ?? ''}`;
  let context = contexts.get(key);
  if (!context) contexts.set(key, (context = createSecureContext({ ...sets[set], ...versions })));
  return context;
}

/** Starts TLS on a socket whose negotiation selected an external security protocol. */
function upgrade(socket: Duplex, servername: string | undefined, versions: TlsVersionRange | undefined, offer: CipherOffer | undefined): TLSSocket {
  const sets = offer ? offerSets(offer) : OPTION_SETS;
  for (;;) {
    const set = workingSets.get(offer) ?? 0;
    let secureContext: SecureContext;
    try {
      secureContext = contextFor(sets, set, versions, offer);
    } catch (error) {
      if (set >= sets.length - 1) throw error;
      workingSets.set(offer, set + 1);
      continue;
    }
    return tlsConnect({ socket, rejectUnauthorized: false, secureContext, ...(servername && { servername }) });
  }
}

/**
 * Every certificate the server sent, leaf first, in the order sent. `getPeerCertificate(true)` cannot give them: Node
 * links one issuer per certificate, the first OpenSSL's X509_check_issued accepts (crypto_common.cc
 * AddIssuerChainToObject), so of a cross-signed CA sent twice under one name it keeps one. The `issuerCertificate`
 * links of `getPeerX509Certificate()` follow SSL_get_peer_cert_chain in order, which on a client is "the certificate
 * chain sent by the peer", leaf included (OpenSSL SSL_get_peer_cert_chain(3); crypto_x509.cc X509Certificate::GetPeerCert
 * and its constructor). That call empties OpenSSL's list, so the linked chain is read first, and stays the answer
 * where the list does not start with the leaf (a runtime that builds it otherwise).
 */
export function sentChain(t: Pick<TLSSocket, 'getPeerCertificate' | 'getPeerX509Certificate'>): Buffer[] {
  const peer = t.getPeerCertificate(true);
  const linked = peer && 'raw' in peer ? linkedChain(peer) : [];
  // A linked chain that ends at a self-issued certificate (a self-signed listener certificate, the usual RDP case) is
  // what was sent, as far as a trust check can use it: the costly call below is not made for it.
  if (linked.length > 0 && selfIssued(linked[linked.length - 1]!)) return linked;
  // COST: on Node 20 this call X509_dup's every issuer the server sent and removes the original from the socket's peer
  // chain without freeing it (crypto_x509.cc GetPeerCert, X509Certificate constructor): memory lost per intermediate
  // per handshake, up to OpenSSL's 100 KiB of certificates from a hostile server. Made only when the linked chain may be short.
  const sent: Buffer[] = [];
  // NOTE: a guard, not a limit: OpenSSL accepts at most 100 KiB of certificates (SSL_MAX_CERT_LIST_DEFAULT), fewer than this.
  for (let c = t.getPeerX509Certificate?.(); c && sent.length < MAX_SENT; c = c.issuerCertificate) sent.push(c.raw);
  return linked[0] && sent[0]?.equals(linked[0]) ? sent : linked;
}

/**
 * Whether a certificate's subject is its issuer (RFC 5280 6.1: self-issued); an unreadable one is not. Remembered:
 * reading it costs more than the rest of sentChain, and a batch behind one certificate presents it on every connection.
 */
const selfIssued = rememberedByCertificate(readSelfIssued);

function readSelfIssued(der: Uint8Array): boolean {
  try {
    const c = new X509Certificate(der);
    return c.subject === c.issuer;
  } catch {
    return false;
  }
}

/** A bound on the certificates read from one handshake, far above what any server can send. */
const MAX_SENT = 1000;

function linkedChain(cert: DetailedPeerCertificate): Buffer[] {
  const out: Buffer[] = [];
  const seen = new Set<DetailedPeerCertificate>();
  for (let c: DetailedPeerCertificate | undefined = cert; c?.raw && !seen.has(c) && out.length < MAX_SENT; c = c.issuerCertificate) {
    seen.add(c);
    out.push(c.raw);
  }
  return out;
}

/** Closes TLS politely (close_notify, then FIN: xrdp logs an error otherwise), then for sure. */
export function closeTls(tls: TLSSocket, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (tls.destroyed) return resolve();
    const timer = setTimeout(() => tls.destroy(), graceMs);
    tls.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    tls.end();
  });
}

export type TlsSession = NetResult<{ readonly tls: TLSSocket } & HandshakeFacts>;
type HandshakeFacts = Omit<Extract<TlsResult, { ok: true }>, 'ok'>;

export interface TlsOptions extends StepOptions {
  /** Caps the versions offered (the legacy and TLS 1.2 probes). */
  readonly versions?: TlsVersionRange;
  /** False when only the version matters (the probes): the certificates are not copied out of OpenSSL. */
  readonly chain?: boolean;
  /** Offers these suites instead of the defaults (the Schannel probe). */
  readonly offer?: CipherOffer;
}

/** The TLS handshake on the negotiated socket; the TLS socket stays open for the caller (destroyed on failure). */
export async function openTls(socket: Duplex, host: string, options: TlsOptions): Promise<TlsSession> {
  let tls: TLSSocket | undefined;
  const result = await runStep<TlsSession>(
    options,
    {
      timeout: () => ({ ok: false, error: timeoutError(`The TLS handshake did not finish within ${options.timeoutMs} ms.`) }),
      aborted: () => ({ ok: false, error: abortedError() }),
    },
    (finish) => {
      try {
        // SNI carries the A-label form (RFC 6066 §3): Node sends a non-ASCII servername as raw UTF-8.
        tls = upgrade(socket, isIP(host) ? undefined : asciiHostName(host), options.versions, options.offer);
      } catch (error) {
        finish({ ok: false, error: classifyError(error, 'tls') });
        return () => undefined;
      }
      const t = tls;
      t.on('error', () => undefined);
      const onSecure = (): void => {
        finish({
          ok: true,
          tls: t,
          protocol: t.getProtocol() ?? 'unknown',
          cipher: t.getCipher()?.standardName ?? t.getCipher()?.name ?? 'unknown',
          chain: options.chain === false ? [] : sentChain(t),
          authorizationError: t.authorizationError ? String(t.authorizationError) : null,
        });
      };
      const onError = (error: Error): void => finish({ ok: false, error: classifyError(error, 'tls') });
      const onClose = (): void => finish({ ok: false, error: { kind: 'tls-error', message: 'The server closed the connection during the TLS handshake.', cause: 'closed' } });
      t.once('secureConnect', onSecure);
      t.once('error', onError);
      t.once('close', onClose);
      socket.resume();
      return () => {
        t.off('secureConnect', onSecure);
        t.off('error', onError);
        t.off('close', onClose);
      };
    },
  );
  if (!result.ok) {
    tls?.destroy();
    socket.destroy();
  }
  return result;
}

/** The handshake's facts without the open socket. */
export function sessionFacts(session: TlsSession): TlsResult {
  if (!session.ok) return session;
  const { tls: _open, ...facts } = session;
  return facts;
}

/**
 * Closes a session politely without making the caller wait: its facts are known once the handshake is done,
 * and the server's answer to close_notify (up to `graceMs`) teaches nothing. The socket is destroyed after.
 */
export function closeInBackground(session: Extract<TlsSession, { ok: true }>, socket: Duplex, graceMs: number): void {
  void closeTls(session.tls, graceMs).then(() => socket.destroy());
}

/** The TLS handshake on the negotiated socket: protocol, cipher and the certificate chain; the socket is closed in the background. */
export async function handshake(socket: Duplex, host: string, options: TlsOptions & { readonly closeGraceMs?: number }): Promise<TlsResult> {
  const session = await openTls(socket, host, options);
  if (!session.ok) return session;
  closeInBackground(session, socket, options.closeGraceMs ?? 250);
  return sessionFacts(session);
}
