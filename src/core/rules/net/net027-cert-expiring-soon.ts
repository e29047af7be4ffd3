import type { RuleMeta } from '../types';
import { timeBetween } from '../../text/time-span';

const day = (d: Date): string => d.toISOString().slice(0, 10);

export const NET027: RuleMeta = {
  id: 'NET027',
  name: 'cert-expiring-soon',
  description: 'The server certificate expires within 30 days (configurable).',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['net', 'certificate'],
};

/** The messages of NET027 findings, each a small function of the offending value. */
export const NET027_MESSAGES = {
  NET027: (notAfter: Date, now: Date) => `The certificate expires on ${day(notAfter)}, in ${timeBetween(now, notAfter)}.`,
} as const;
