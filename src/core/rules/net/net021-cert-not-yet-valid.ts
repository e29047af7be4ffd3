import type { RuleMeta } from '../types';

const day = (d: Date): string => d.toISOString().slice(0, 10);

export const NET021: RuleMeta = {
  id: 'NET021',
  name: 'cert-not-yet-valid',
  description: 'The server certificate is not valid yet.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['net', 'certificate'],
};

/** The messages of NET021 findings, each a small function of the offending value. */
export const NET021_MESSAGES = {
  NET021: (notBefore: Date) => `The certificate is not valid before ${day(notBefore)} (notBefore ${notBefore.toISOString()}).`,
} as const;
