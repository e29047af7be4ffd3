// What a server did after it selected TLS: what it sent instead of a TLS handshake, and whether the connection carried
// traffic past the handshake (check-host.ts asks both).
import type { AfterConfirm } from './after-confirm';
import { finding } from './certificate-findings';
import type { ConnectOverTls } from './connect-over-tls';
import type { NtlmInfoResult } from './ntlm-info';
import type { NetFinding } from './types';
import { NET004, NET028 } from '../rules/net/index';
import { NET_MESSAGES as M } from '../rules/net/messages';

/** What the server did instead of TLS after selecting it: gave up (its certificate or key), or broke the protocol. */
export function afterConfirmFinding(after: Exclude<AfterConfirm, { kind: 'tls' }>, selected: string): NetFinding {
  switch (after.kind) {
    case 'disconnect': return finding(NET028, M.NET028Aborted(selected, `it sent ${after.pdu}`));
    case 'closed': return finding(NET028, M.NET028Aborted(selected, after.how === 'reset' ? 'it reset the connection without a TLS record' : 'it sent no TLS record'));
    case 'rdp-pdu': return finding(NET028, M.NET028RdpPdu(selected, after.pdu));
    case 'not-tls': return finding(NET004, M.NET004NotTls(selected, after.problem));
  }
}

/**
 * Whether the main connection carried traffic past its handshake: an answer to what followed it, or nothing asked.
 * A capped handshake's close or reset is a refusal only then; a server that drops every connection after TLS refuses nothing.
 */
export function carriedPastHandshake(connect: ConnectOverTls | undefined, ntlmAnswer: NtlmInfoResult | undefined): boolean {
  if (connect) return connect.kind === 'answered' || connect.kind === 'unexpected';
  if (!ntlmAnswer || ntlmAnswer.ok) return true;
  const { kind, cause } = ntlmAnswer.error;
  return !(cause === 'closed' || kind === 'reset' || kind === 'closed' || kind === 'timeout' || kind === 'aborted');
}
