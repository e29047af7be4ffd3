import { asciiHostName, DEFAULT_RDP_PORT } from '../../text/address';
import { quote } from '../messages';
import type { RdpRule } from '../types';
import { targets, type Target } from '../../rdp/target';

function endpoint(t: Target): string {
  return `${asciiHostName(t.address.host).toLowerCase().replace(/\.$/, '')}:${t.address.port ?? DEFAULT_RDP_PORT}`;
}

export const rdp015: RdpRule = {
  id: 'RDP015',
  name: 'alternate-address-differs',
  description: '"alternate full address" differs from "full address"; clients connect to the alternate.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['address'],
  check({ doc, report }) {
    const found = targets(doc);
    const full = found.find((t) => t.entry.key === 'full address');
    const alternate = found.find((t) => t.entry.key === 'alternate full address');
    if (!full || !alternate || endpoint(full) === endpoint(alternate)) return;
    report({
      message: `Clients connect to the alternate address ${quote(alternate.entry.value.trim())}, not to ${quote(full.entry.value.trim())} in "full address".`,
      span: alternate.entry.valueSpan,
      subject: 'alternate full address',
      related: [{ message: '"full address" is set here.', span: full.entry.span }],
    });
  },
};
