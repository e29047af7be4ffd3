import type { RuleMeta } from '../types';

export const NET026: RuleMeta = {
  id: 'NET026',
  name: 'cert-weak-signature',
  description: 'The certificate is signed with SHA-1 or MD5.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['net', 'certificate'],
};

/** The messages of NET026 findings, each a small function of the offending value. */
export const NET026_MESSAGES = {
  NET026: (algorithm: string) => `The certificate is signed with ${algorithm}.`,
} as const;
