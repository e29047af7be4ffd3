import type { RdpEntry } from '../../rdp/parse';
import type { PropertyInfo } from '../../rdp/property-types';
import type { RdpRule, RdpRuleContext } from '../types';

export type EntryCheck = (entry: RdpEntry, info: PropertyInfo | undefined, context: RdpRuleContext) => void;

/**
 * A rule that looks at one entry at a time: the engine runs every such rule in one pass over the entries
 * (`checkEntry`); `check` runs it alone over every entry.
 */
export function perEntry(checkEntry: EntryCheck): Pick<RdpRule, 'check' | 'checkEntry'> {
  return {
    checkEntry,
    check(context) {
      for (const entry of context.doc.entries) checkEntry(entry, context.property(entry), context);
    },
  };
}
