import type { RdpRule } from '../types';

export const rdp010: RdpRule = {
  id: 'RDP010',
  name: 'missing-full-address',
  description: 'The file has no full address.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['address'],
  check({ doc, report }) {
    if (doc.byKey.has('full address')) return;
    report({ message: 'The file has no "full address": the client has no computer to connect to.', span: doc.lines[0]!.span, subject: 'full address' });
  },
};
