import { repeatedEntries } from '../../rdp/entry-index';
import type { RdpRule } from '../types';
import { onLine } from '../messages';
import { deleteLine } from './fixes';

export const rdp005: RdpRule = {
  id: 'RDP005',
  name: 'duplicate-property',
  description: 'A property appears more than once; clients differ on which wins.',
  defaultSeverity: 'warning',
  fixable: true,
  tags: ['syntax'],
  check({ doc, report }) {
    for (const entries of repeatedEntries(doc.byKey)) {
      const first = entries[0]!;
      for (let i = 1; i < entries.length; i++) {
        const extra = entries[i]!;
        report({
          message: `"${extra.key}" is already set on ${onLine(first.line)}; clients differ on which one wins (FreeRDP takes the last).`,
          span: extra.nameSpan,
          subject: extra.key,
          // The same value twice: removing one changes nothing. Another value: the user picks which one stays.
          fix: deleteLine(doc, extra, `Remove this duplicate "${extra.key}" line`, extra.value.trim() !== first.value.trim()),
          related: [{ message: 'First set here.', span: first.span }],
        });
      }
    }
  },
};
