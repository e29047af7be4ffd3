import type { RuleMeta } from '../types';

export const NET012: RuleMeta = {
  id: 'NET012',
  name: 'standard-security-only',
  description: 'The server selects or only allows Standard RDP Security (no TLS, no server authentication).',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['net', 'negotiation'],
};

/** The messages of NET012 findings, each a small function of the offending value. */
export const NET012_MESSAGES = {
  NET012Selected: () => 'The server selected Standard RDP Security although the client offered TLS and CredSSP.',
  NET012Legacy: () => 'The server answered without negotiation data, so only Standard RDP Security is possible.',
  NET012NotAllowed: (failure: string) => `The server refuses TLS and CredSSP with ${failure}.`,
} as const;
