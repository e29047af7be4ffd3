import type { RdpEntry } from '../../rdp/parse';
import type { PropertyInfo } from '../../rdp/property-types';
import type { RdpRule, RdpRuleContext } from '../types';

export type EntryCheck = (entry: RdpEntry, info: PropertyInfo | undefined, context: RdpRuleContext) => void;

/**
 * A rule that looks at one entry at a time: the engine runs every such rule in one pass over the entries
 * (`checkEntry`); `check` runs it alone over every entry. `lineLocal`: whether it reports or not from the entry's
 * own line alone (see `RdpRule.lineLocal`); it may still read the document to word a finding or build its fix.
 */
export function perEntry(checkEntry: EntryCheck, { lineLocal }: { lineLocal: boolean }): Pick<RdpRule, 'check' | 'checkEntry' | 'lineLocal'> {
  return {
    checkEntry,
    lineLocal,
    check(context) {
      for (const entry of context.doc.entries) checkEntry(entry, context.property(entry), context);
    },
  };
}
