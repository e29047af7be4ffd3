import type { RdpRule } from '../types';

export const rdp001: RdpRule = {
  id: 'RDP001',
  name: 'malformed-line',
  description: 'A non-blank line is not name:type:value.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['syntax'],
  check({ doc, report }) {
    for (const line of doc.lines) {
      if (line.kind !== 'malformed') continue;
      report({ message: `Clients skip this line: ${line.problem}.`, span: line.span });
    }
  },
};
