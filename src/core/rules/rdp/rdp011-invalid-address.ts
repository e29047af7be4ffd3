import { parseAddress } from '../../rdp/address';
import type { RdpRule } from '../types';
import { ADDRESS_KEYS } from './targets';

export const rdp011: RdpRule = {
  id: 'RDP011',
  name: 'invalid-address',
  description: 'Malformed host, port outside 1–65535, or a bare IPv6 address without brackets.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['address'],
  check({ doc, report }) {
    for (const key of ADDRESS_KEYS) {
      for (const entry of doc.byKey.get(key) ?? []) {
        if (entry.type !== 's') continue;
        const parsed = parseAddress(entry.value);
        if (parsed.ok) continue;
        report({ message: `Invalid "${key}": ${parsed.problem}.`, span: entry.valueSpan, subject: key });
      }
    }
  },
};
