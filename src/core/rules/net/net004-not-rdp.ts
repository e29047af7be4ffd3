import type { RuleMeta } from '../types';

export const NET004: RuleMeta = {
  id: 'NET004',
  name: 'not-rdp',
  description: 'The peer does not answer the X.224 Connection Request correctly.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['net', 'negotiation'],
};

/** The messages of NET004 findings, each a small function of the offending value. */
export const NET004_MESSAGES = {
  NET004: (reason: string) => reason,
  NET004StandardSecurity: (what: string) => `The server selected Standard RDP Security but did not answer the MCS Connect Initial with a valid MCS Connect Response, so no client can go on. ${what}`,
  NET004NotTls: (protocol: string, problem: string) => `The server selected ${protocol} but then sent data that is not a TLS record: ${problem}.`,
} as const;
