import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect, type ConnectionOptions, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import { abortedError, classifyError, timeoutError } from './errors';
import { runStep } from './run-step';
import type { NetResult, StepOptions } from './types';

export type TlsResult = NetResult<{
  readonly protocol: string;
  readonly cipher: string;
  /** The leaf certificate (DER), then the rest of the chain the server sent. */
  readonly chain: readonly Buffer[];
  /** OpenSSL's verdict against Node's default roots (null when it verified), a hint for the trust check. */
  readonly authorizationError: string | null;
}>;

/**
 * Option sets from most to least permissive. The first accepts TLS 1.0/1.1 and small keys so they can be
 * reported (NET029, NET025) instead of failing the handshake; `@SECLEVEL` is OpenSSL syntax that
 * Electron's BoringSSL rejects, hence the fallbacks [negotiation.md §5.1].
 */
const OPTION_SETS: readonly ConnectionOptions[] = [
  { minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' },
  { minVersion: 'TLSv1' },
  {},
];
let workingSet = 0;

/** The TLS versions one handshake may offer; the full range when absent. */
export interface TlsVersionRange {
  readonly minVersion: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  readonly maxVersion: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
}

/** Starts TLS on a socket whose negotiation selected an external security protocol. */
function upgrade(socket: Duplex, servername: string | undefined, versions: TlsVersionRange | undefined): TLSSocket {
  for (;;) {
    const base: ConnectionOptions = { socket, rejectUnauthorized: false, ...(servername && { servername }) };
    try {
      return tlsConnect({ ...base, ...OPTION_SETS[workingSet], ...versions });
    } catch (error) {
      if (workingSet >= OPTION_SETS.length - 1) throw error;
      workingSet++;
    }
  }
}

function chainOf(cert: DetailedPeerCertificate): Buffer[] {
  const out: Buffer[] = [];
  const seen = new Set<DetailedPeerCertificate>();
  for (let c: DetailedPeerCertificate | undefined = cert; c?.raw && !seen.has(c) && out.length < 10; c = c.issuerCertificate) {
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
        tls = upgrade(socket, isIP(host) ? undefined : host, options.versions);
      } catch (error) {
        finish({ ok: false, error: classifyError(error, 'tls') });
        return () => undefined;
      }
      const t = tls;
      t.on('error', () => undefined);
      const onSecure = (): void => {
        const cert = t.getPeerCertificate(true);
        finish({
          ok: true,
          tls: t,
          protocol: t.getProtocol() ?? 'unknown',
          cipher: t.getCipher()?.standardName ?? t.getCipher()?.name ?? 'unknown',
          chain: cert && 'raw' in cert ? chainOf(cert) : [],
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

/** The TLS handshake on the negotiated socket: protocol, cipher and the certificate chain, then the socket is closed. */
export async function handshake(socket: Duplex, host: string, options: TlsOptions & { readonly closeGraceMs?: number }): Promise<TlsResult> {
  const session = await openTls(socket, host, options);
  if (!session.ok) return session;
  await closeTls(session.tls, options.closeGraceMs ?? 250);
  socket.destroy();
  return sessionFacts(session);
}
