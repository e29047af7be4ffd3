import { parseAddress } from '../../rdp/address';
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
    for (const key of CHECKED_KEYS) {
      for (const entry of doc.byKey.get(key) ?? []) {
        if (entry.type !== 's' || entry.value.trim() === '') continue;
        const parsed = parseAddress(entry.value);
        if (parsed.ok) continue;
        report({ message: `Invalid "${key}": ${parsed.problem}.`, span: entry.valueSpan, subject: key });
      }
    }
  },
};
