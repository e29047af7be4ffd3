import type { RuleMeta } from '../types';

const day = (d: Date): string => d.toISOString().slice(0, 10);

export const NET020: RuleMeta = {
  id: 'NET020',
  name: 'cert-expired',
  description: 'The server certificate has expired.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['net', 'certificate'],
};

/** The messages of NET020 findings, each a small function of the offending value. */
export const NET020_MESSAGES = {
  NET020: (notAfter: Date) => `The certificate expired on ${day(notAfter)} (notAfter ${notAfter.toISOString()}).`,
} as const;
