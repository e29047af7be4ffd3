import type { RuleMeta } from '../types';
import { quote } from '../../text/quote';

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
} as const;
