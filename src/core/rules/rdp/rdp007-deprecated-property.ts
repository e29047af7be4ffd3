import { findProperty } from '../../rdp/properties/index';
import type { RdpRule } from '../types';

export const rdp007: RdpRule = {
  id: 'RDP007',
  name: 'deprecated-property',
  description: 'A legacy or obsolete property.',
  defaultSeverity: 'info',
  fixable: false,
  tags: ['values'],
  check({ doc, report }) {
    for (const entry of doc.entries) {
      const info = findProperty(entry.key);
      if (!info?.deprecated) continue;
      const reason = info.deprecated.replace(/\.?\s*$/, '.');
      report({ message: `"${info.name}" is deprecated: ${reason}`, span: entry.nameSpan, subject: info.name });
    }
  },
};
