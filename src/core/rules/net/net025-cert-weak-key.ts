import type { RuleMeta } from '../types';

export const NET025: RuleMeta = {
  id: 'NET025',
  name: 'cert-weak-key',
  description: 'The certificate key is weak: RSA below 2048 bits or EC below 256 bits.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['net', 'certificate'],
};

/** The messages of NET025 findings, each a small function of the offending value. */
export const NET025_MESSAGES = {
  NET025: (algorithm: string, bits: number) => `The certificate's ${algorithm} key has only ${bits} bits.`,
} as const;
