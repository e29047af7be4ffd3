import { parseAddress } from '../../text/address';
import { entriesOf } from '../../rdp/entry-index';
import type { RdpRule } from '../types';
import { ADDRESS_KEYS } from '../../rdp/target';

/** Where a host name or address is written; empty values are left to RDP010 and the gateway rules. */
const CHECKED_KEYS = [...ADDRESS_KEYS, 'gatewayhostname'] as const;

export const rdp011: RdpRule = {
  id: 'RDP011',
  name: 'invalid-address',
  description: 'Malformed host, port outside 1–65535, or a bare IPv6 address without brackets.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['address'],
  check({ doc, report }) {
    // Looked up, not listed per key: a key met once has no list to make (issue 16). The engine orders findings.
    const entries = entriesOf(doc.byKey, CHECKED_KEYS);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      if (entry.type !== 's' || entry.value.trim() === '') continue;
      const parsed = parseAddress(entry.value);
      if (parsed.ok) continue;
      report({ message: `Invalid "${entry.key}": ${parsed.problem}.`, span: entry.valueSpan, subject: entry.key });
    }
  },
};
