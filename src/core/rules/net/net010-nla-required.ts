import type { RuleMeta } from '../types';

export const NET010: RuleMeta = {
  id: 'NET010',
  name: 'nla-required',
  description: 'The server requires Network Level Authentication (CredSSP).',
  defaultSeverity: 'info',
  fixable: false,
  tags: ['net', 'negotiation', 'nla'],
};

/** The messages of NET010 findings, each a small function of the offending value. */
export const NET010_MESSAGES = {
  NET010: (failure: string) => `The server requires Network Level Authentication: it answers requests without CredSSP with ${failure}.`,
  /** CredSSP works and nothing else does, though no answer demanded CredSSP: `how` says what each other protocol got. */
  NET010Otherwise: (how: string) => `The server requires Network Level Authentication: CredSSP is the only protocol a client can use (${how}).`,
} as const;
