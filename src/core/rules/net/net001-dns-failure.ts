import type { RuleMeta } from '../types';
import { quote } from '../../text/quote';

export const NET001: RuleMeta = {
  id: 'NET001',
  name: 'dns-failure',
  description: 'The host name does not resolve.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['net', 'dns'],
};

/** The messages of NET001 findings, each a small function of the offending value. */
export const NET001_MESSAGES = {
  NET001: (host: string, cause: string) => `The name ${quote(host)} does not resolve (${cause}).`,
} as const;
