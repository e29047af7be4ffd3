import type { RuleMeta } from '../types';

export const NET005: RuleMeta = {
  id: 'NET005',
  name: 'protocol-not-requested',
  description: 'The server selected a security protocol the client did not request, or one MS-RDPBCGR does not define.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['net', 'negotiation'],
};

const hex8 = (n: number): string => `0x${(n >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;

export const NET005_MESSAGES = {
  notRequested: (selected: string, selectedValue: number, requested: string, requestedValue: number) =>
    `The server selected ${selected} (${hex8(selectedValue)}) although the client requested only ${requested} (${hex8(requestedValue)}): clients drop the connection.`,
  notDefined: (selectedValue: number, requested: string, requestedValue: number) =>
    `The server selected ${hex8(selectedValue)}, a value MS-RDPBCGR does not define as a security protocol, in answer to a request for ${requested} (${hex8(requestedValue)}): clients drop the connection.`,
} as const;
