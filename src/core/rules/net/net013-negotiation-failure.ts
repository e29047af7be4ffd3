import type { RuleMeta } from '../types';

export const NET013: RuleMeta = {
  id: 'NET013',
  name: 'negotiation-failure',
  description: 'The server refuses the negotiation with a failure such as SSL_CERT_NOT_ON_SERVER.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['net', 'negotiation'],
};

/** The messages of NET013 findings, each a small function of the offending value. */
export const NET013_MESSAGES = {
  NET013: (failure: string, code: number, protocols: string) =>
    `The server refused a request for ${protocols} with ${failure} (0x${code.toString(16).padStart(8, '0').toUpperCase()}).`,
} as const;
