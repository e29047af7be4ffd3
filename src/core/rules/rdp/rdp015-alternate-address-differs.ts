import { effectiveEntry } from '../../rdp/parse';
import { quote } from '../messages';
import type { RdpRule } from '../types';
import { textValue } from './fixes';

export const rdp015: RdpRule = {
  id: 'RDP015',
  name: 'alternate-address-differs',
  description: '"alternate full address" differs from "full address"; clients connect to the alternate.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['address'],
  check({ doc, report }) {
    const full = effectiveEntry(doc, 'full address');
    const alternate = effectiveEntry(doc, 'alternate full address');
    const fullValue = textValue(full);
    const alternateValue = textValue(alternate);
    if (!full || !alternate || !fullValue || !alternateValue) return;
    if (fullValue.toLowerCase() === alternateValue.toLowerCase()) return;
    report({
      message: `Clients connect to the alternate address ${quote(alternateValue)}, not to ${quote(fullValue)} in "full address".`,
      span: alternate.valueSpan,
      subject: 'alternate full address',
      related: [{ message: '"full address" is set here.', span: full.span }],
    });
  },
};
