import type { SourceId } from '../sources';
import { CANT_CONNECT_DENIED, CANT_CONNECT_SERVICES, DENIED_CAUSES, fromCantConnectArticle, SOCKET_CLOSED_CHECKS, SOCKET_CLOSED_PORT } from './guidance';

/** Knowledge about an "Error code" + "Extended error code" pair, ahead of each code's own. */
export interface ErrorCodePair {
  readonly disconnect: number;
  readonly extended: number;
  readonly likelyCauses: readonly string[];
  readonly checks: readonly string[];
  readonly sources: readonly SourceId[];
}

export const ERROR_CODE_PAIRS: readonly ErrorCodePair[] = [
  {
    // The server ended the TCP connection and said it refused it; Microsoft names no single root cause. Extended 0x7's
    // causes lead (its reading as the server's error info first), then the rest of Microsoft's "can't connect" checks,
    // a closed or blocked port (no answer at all) last, saying so; each says how sure it is.
    disconnect: 0x904,
    extended: 0x7,
    likelyCauses: [
      ...DENIED_CAUSES,
      ...[CANT_CONNECT_DENIED, CANT_CONNECT_SERVICES, SOCKET_CLOSED_PORT].map(fromCantConnectArticle),
      "Reported (unverified): the server's TLS certificate had expired or was corrupted, or its private key was unreadable; restarting TermService so Windows regenerated the self-signed certificate fixed it.",
      'Reported (unverified): the target was no longer an RDP server (the machine had been switched to NoMachine), so the client reached something that dropped the socket.',
      'Reported (unverified): a third-party RDP server (IronRDP-based) failed after the TLS certificate prompt.',
      'Reported (unverified): connections through proxies or bastions (Teleport issue #301, Windows Server 2016 and later).',
    ],
    checks: SOCKET_CLOSED_CHECKS,
    sources: ['ONDISCONNECTED', 'EXTENDED-REASON', 'ERRINFO', 'MS-RDPBCGR', 'CANT-CONNECT', 'INTERNAL-ERROR', 'THIRD-PARTY'],
  },
];
