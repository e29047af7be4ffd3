import { NET028 } from '../rules/net/index';
import { NET_MESSAGES as M } from '../rules/net/messages';
import { finding } from './certificate-findings';
import type { NetFinding } from './types';

/**
 * The largest handshake message a Windows TLS client accepts by default: "To specify a maximum allowed size of
 * fragmented TLS handshake messages that the TLS client will accept, create a MessageLimitClient entry … If not
 * configured, the default value is 0x8000 bytes" (Microsoft Learn, "Transport Layer Security (TLS) registry settings",
 * HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Messaging). OpenSSL, which this check uses, takes
 * up to 100 KiB of certificates, so a handshake that works here can fail for Remote Desktop Connection.
 */
export const SCHANNEL_MESSAGE_LIMIT = 0x8000;

/**
 * The length of the Certificate message's body for the certificates sent: a 3-byte length for the list and one per
 * certificate (RFC 5246 §7.4.2); TLS 1.3 adds a 1-byte request context and 2 bytes of extensions per certificate
 * (RFC 8446 §4.4.2, empty extensions assumed). A lower bound when the chain read is shorter than the one sent.
 */
export function certificateMessageBytes(chain: readonly Buffer[], protocol: string): number {
  const tls13 = protocol === 'TLSv1.3';
  return (tls13 ? 1 : 0) + 3 + chain.reduce((sum, der) => sum + 3 + der.length + (tls13 ? 2 : 0), 0);
}

/** NET028 when the certificates the server sends make a Certificate message larger than Schannel takes by default. */
export function certificateMessageFinding(chain: readonly Buffer[], protocol: string): NetFinding | undefined {
  const bytes = certificateMessageBytes(chain, protocol);
  return bytes > SCHANNEL_MESSAGE_LIMIT ? finding(NET028, M.NET028CertificateMessage(bytes, chain.length)) : undefined;
}
