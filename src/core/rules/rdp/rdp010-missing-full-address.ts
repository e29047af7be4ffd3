import { effectiveEntry } from '../../rdp/parse';
import type { RdpRule } from '../types';
import { isMstscTemplate } from './mstsc-template';
import { textValue } from '../../rdp/values';

export const rdp010: RdpRule = {
  id: 'RDP010',
  name: 'missing-full-address',
  description: 'The file has no full address, or an empty one.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['address'],
  check({ doc, report, fileName }) {
    const full = effectiveEntry(doc, 'full address');
    if (textValue(full)) return;
    // mstsc's template: the dialog asks for the computer.
    if (isMstscTemplate(fileName)) return;
    report({
      message: full ? '"full address" is empty: the client has no computer to connect to.' : 'The file has no "full address": the client has no computer to connect to.',
      span: full ? full.span : doc.lines[0]!.span,
      subject: 'full address',
    });
  },
};
