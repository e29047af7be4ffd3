import { repeatedEntries } from '../../rdp/entry-index';
import type { RdpEntry } from '../../rdp/parse';
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
  check({ doc, report, full, countOnly }) {
    for (const entries of repeatedEntries(doc.byKey)) {
      const first = entries[0]!;
      const same = (e: (typeof entries)[number]): boolean => e.type === first.type && e.value.trim() === first.value.trim();
      // Every line of the key says the same: whichever a client reads, it reads that (a real-world review: the
      // warning said "clients differ on which one wins" of two identical lines). Info, not the rule's warning.
      const harmless = entries.every(same);
      // Once per key, not per line: per line, 10,000 lines of one name took 4 s to lint.
      const reads = harmless ? '' : freerdpReads(entries);
      for (let i = 1; i < entries.length; i++) {
        // Past the lint's cap each finding would only be counted: counted here, with no message or fix made.
        if (countOnly && full?.()) {
          countOnly(entries.length - i, harmless ? 'info' : undefined);
          break;
        }
        const extra = entries[i]!;
        report({
          message: harmless
            ? `"${extra.key}" is already set to the same value on ${onLine(first.line)}; whichever line a client reads, it reads that value, so the extra line only adds noise.`
            : `"${extra.key}" is already set on ${onLine(first.line)}; clients differ on which one wins (${reads}).`,
          ...(harmless && { severity: 'info' as const }),
          span: extra.nameSpan,
          subject: extra.key,
          // Every line the same: removing one changes nothing. Otherwise the user picks which one stays, even for a
          // line equal to the first: removing the last "0" of "0, 2, 0" makes FreeRDP (the last one wins) read 2.
          fix: deleteLine(doc, extra, `Remove this duplicate "${extra.key}" line`, !harmless),
          related: [{ message: 'First set here.', span: first.span }],
        });
      }
    }
  },
};

/**
 * Which of the lines FreeRDP reads: the last, unless blanks around a name hide it from FreeRDP (RDP008: it compares
 * the name with its blanks), so that RDP005 and RDP008 do not contradict each other (a session 17 review).
 */
function freerdpReads(entries: readonly RdpEntry[]): string {
  let read: RdpEntry | undefined;
  for (const entry of entries) if (entry.rawName === entry.rawName.trim()) read = entry;
  if (read === undefined) return 'FreeRDP reads none of them: it does not recognise a name with blanks around it';
  if (read === entries[entries.length - 1]) return 'FreeRDP takes the last';
  return `FreeRDP takes the one on ${onLine(read.line)}: it does not recognise a name with blanks around it`;
}
