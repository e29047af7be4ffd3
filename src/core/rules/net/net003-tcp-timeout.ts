import type { RuleMeta } from '../types';

export const NET003: RuleMeta = {
  id: 'NET003',
  name: 'tcp-timeout',
  description: 'The port does not answer within the timeout.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['net', 'tcp'],
};

/** The messages of NET003 findings, each a small function of the offending value. */
export const NET003_MESSAGES = {
  NET003: (address: string, port: number, ms: number) => `${address} port ${port} did not answer within ${ms} ms (filtered by a firewall, or the host is down).`,
  NET003Unreachable: (address: string, port: number, cause: string) => `${address} port ${port} cannot be reached (${cause}).`,
} as const;
