import type { RuleMeta } from '../types';
import { quote } from '../../text/quote';

/** What a critical Microsoft extension does to FreeRDP-based clients (OpenSSL's X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION, error 34). */
const FREERDP_REJECTS =
  'an extension Windows processes and OpenSSL does not recognize: FreeRDP-based clients verify with OpenSSL, which rejects a certificate with a critical extension it does not recognize (error 34, unhandled critical extension), so they ask the user as for an untrusted certificate.';

export const NET022: RuleMeta = {
  id: 'NET022',
  name: 'cert-untrusted',
  description: 'The server certificate is self-signed or does not chain to a trusted root.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['net', 'certificate'],
};

/** The messages of NET022 findings, each a small function of the offending value. */
export const NET022_MESSAGES = {
  NET022SelfSigned: (subject: string) => `The certificate ${quote(subject)} is self-signed and not among the trusted roots.`,
  NET022Untrusted: (subject: string, reason: string) => `The certificate ${quote(subject)} does not chain to a trusted root: ${reason}.`,
  NET022Invalid: (subject: string, reason: string) => `The certificate ${quote(subject)} cannot be trusted: ${reason}.`,
  NET022Unreadable: (problem: string) => `The certificate cannot be analysed, so it cannot be trusted: ${problem}.`,
  /** A path Windows clients trust with a critical Microsoft extension (`clause`: `it marks Microsoft's … critical`). */
  NET022FreeRdpOnly: (subject: string, clause: string) =>
    `Windows clients trust the certificate ${quote(subject)}, but ${clause}, ${FREERDP_REJECTS}`,
  /** The same, as a sentence after an untrusted certificate's message. */
  NET022FreeRdpAlso: (clause: string) => `Besides, ${clause}, ${FREERDP_REJECTS}`,
} as const;
