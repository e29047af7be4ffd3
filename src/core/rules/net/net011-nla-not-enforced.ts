import type { RuleMeta } from '../types';

export const NET011: RuleMeta = {
  id: 'NET011',
  name: 'nla-not-enforced',
  description: 'The server accepts TLS or Standard RDP Security without Network Level Authentication.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['net', 'negotiation', 'nla'],
};

/** The messages of NET011 findings, each a small function of the offending value. */
export const NET011_MESSAGES = {
  NET011: (what: readonly string[]) => `The server accepts ${what.join(' and ')} without Network Level Authentication.`,
} as const;
