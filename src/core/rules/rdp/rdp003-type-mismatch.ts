import type { RdpType } from '../../rdp/property-types';
import type { RdpRule } from '../types';
import { perEntry } from './per-entry';

const TYPE_NAMES: Record<RdpType, string> = { s: 'a string', i: 'an integer', b: 'a binary' };

export const rdp003: RdpRule = {
  id: 'RDP003',
  name: 'type-mismatch',
  description: "The type letter differs from the property's type.",
  defaultSeverity: 'error',
  fixable: true,
  tags: ['syntax'],
  ...perEntry((entry, info, { report }) => {
    if (!info || info.type === entry.type) return;
    report({
      message: `"${info.name}" is ${TYPE_NAMES[info.type]} property (${info.type}), not ${entry.type}; clients ignore or reject the line.`,
      span: entry.typeSpan,
      subject: info.name,
      fix: { title: `Change the type to ${info.type}`, edits: [{ span: entry.typeSpan, newText: info.type }] },
    });
  }),
};
