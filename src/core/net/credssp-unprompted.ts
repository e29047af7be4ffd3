// A CredSSP server that ended the NTLM question without a byte may refuse NTLM by policy (Kerberos may still pass) or
// may end every connection as soon as TLS is up, before reading anything: then no client signs in at all. FreeRDP's
// shadow server does the latter when it cannot bind CredSSP to its certificate, e.g. an Ed25519 one
// (libfreerdp/crypto/tls.c, tags 2.11.7 and 3.30.0: freerdp_tls_handshake, server side too, fails on "unable to retrieve
// bindings" or "failed to return the server public key"; seen against freerdp-shadow-cli 2.11.7 and 3.30.0).
// gnome-remote-desktop 43.3, on the same library, sends a Deactivate All PDU and an MCS Disconnect Provider Ultimatum in
// the clear instead (peer.c freerdp_peer_close), which reads as a TLS error here, not as this end. This asks on a
// connection of its own, sending nothing after TLS, which of the two it is.
import { NET028, NET028_MESSAGES as M } from '../rules/net/net028-tls-handshake-failed';
import { handshakeStream } from './main-tls';
import { runStep } from './run-step';
import { connectTcp } from './tcp';
import { closeInBackground, openTls } from './tls';
import type { NetFinding, StepOptions } from './types';
import { exchangeConfirm } from './x224-exchange';
import { PROTOCOL } from './x224';

/** `closed`: the server ended the connection unprompted, in order; `open`: it waited (or sent something); `unknown`: not learned (a reset too). */
export type UnpromptedEnd = 'closed' | 'open' | 'unknown';

/** How long a silent client watches: a server that fails after TLS closes at once, one that waits for a TSRequest waits far longer. */
const UNPROMPTED_WATCH_MS = 1000;

/** Negotiates `requested`, completes TLS when the server selects CredSSP, then sends nothing and watches for an end. */
async function watchAfterCredSspHandshake(address: string, port: number, host: string, requested: number, options: StepOptions): Promise<UnpromptedEnd> {
  const tcp = await connectTcp(address, port, options);
  if (!tcp.ok) return 'unknown';
  const confirm = await exchangeConfirm(tcp.socket, requested, options);
  const c = confirm.ok ? confirm.confirm : undefined;
  if (!confirm.ok || c?.kind !== 'response' || (c.selectedProtocol !== PROTOCOL.HYBRID && c.selectedProtocol !== PROTOCOL.HYBRID_EX)) {
    tcp.socket.destroy();
    return 'unknown';
  }
  const session = await openTls(handshakeStream(tcp.socket, confirm.after), host, { ...options, chain: false });
  // A handshake that failed here, where the main one completed, teaches nothing about what follows it.
  if (!session.ok) return 'unknown';
  const { tls } = session;
  const seen = await runStep<UnpromptedEnd>(
    { ...options, timeoutMs: Math.min(options.timeoutMs, UNPROMPTED_WATCH_MS) },
    { timeout: () => 'open', aborted: () => 'unknown' },
    (finish) => {
      // Only an orderly end counts (a FIN, with or without close_notify): FreeRDP's servers end a connection they cannot
      // bind CredSSP to so (freerdp-shadow-cli 2.11.7 with an Ed25519 certificate: 'end', then 'close'). A reset or an
      // alert is a connection lost by chance as likely (gnome-remote-desktop 43 resets one now and then, grd.ts): after
      // the NTLM question's own drop, two such losses would otherwise make a NET028 error of a flaky server.
      const onData = (): void => finish('open');
      const onEnd = (): void => finish('closed');
      const onClose = (): void => finish(tls.readableEnded ? 'closed' : 'unknown');
      const onError = (): void => finish('unknown');
      tls.on('data', onData);
      tls.once('end', onEnd);
      tls.once('close', onClose);
      tls.once('error', onError);
      if (tls.readableEnded) finish('closed');
      else if (tls.destroyed) finish('unknown');
      return () => {
        tls.off('data', onData);
        tls.off('end', onEnd);
        tls.off('close', onClose);
        tls.off('error', onError);
      };
    },
  );
  closeInBackground(session, tcp.socket, 250);
  return seen;
}

/**
 * Whether the server ends every CredSSP connection once TLS is up: a silent connection is watched, and one more when
 * the server ended it, and only two orderly ends say `closed`. The NTLM question's own drop and one unlucky silent
 * connection are two losses by chance on a server that drops connections now and then (gnome-remote-desktop 43, grd.ts);
 * a server that ends every connection ends the second one too, at the cost of one more short connection.
 */
export async function endsSilentConnections(address: string, port: number, host: string, requested: number, step: () => StepOptions): Promise<UnpromptedEnd> {
  const first = await watchAfterCredSspHandshake(address, port, host, requested, step());
  return first === 'closed' ? watchAfterCredSspHandshake(address, port, host, requested, step()) : first;
}

/** NET028 for a CredSSP server that ends every connection after TLS, before the client's first CredSSP message. */
export function unpromptedEndFinding(selected: string): NetFinding {
  return { ruleId: NET028.id, severity: NET028.defaultSeverity, message: M.NET028ClosedBeforeCredSsp(selected) };
}
