import type { RdpRule } from '../types';

export const rdp001: RdpRule = {
  id: 'RDP001',
  name: 'malformed-line',
  description: 'A non-blank line is not name:type:value.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['syntax'],
  check({ doc, report }) {
    // As many property lines as lines (most files): no other line, nothing to look at.
    if (doc.entries.length === doc.lines.length) return;
    const lines = doc.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.kind !== 'malformed') continue;
      report({ message: `Clients skip this line: ${line.problem}.`, span: line.span });
    }
  },
};
