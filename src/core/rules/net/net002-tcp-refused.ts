import type { RuleMeta } from '../types';

export const NET002: RuleMeta = {
  id: 'NET002',
  name: 'tcp-refused',
  description: 'The connection to the port is refused.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['net', 'tcp'],
};

/** The messages of NET002 findings, each a small function of the offending value. */
export const NET002_MESSAGES = {
  NET002: (address: string, port: number) => `Nothing accepts connections on ${address} port ${port}: the connection was refused.`,
} as const;
