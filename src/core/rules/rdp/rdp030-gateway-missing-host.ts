import { effectiveEntry } from '../../rdp/parse';
import type { RdpRule } from '../types';
import { intValue, textValue } from '../../rdp/values';

export const rdp030: RdpRule = {
  id: 'RDP030',
  name: 'gateway-missing-host',
  description: 'gatewayusagemethod 1 or 2 with no gatewayhostname.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['gateway'],
  check({ doc, report }) {
    const usage = effectiveEntry(doc, 'gatewayusagemethod');
    const method = intValue(usage);
    if (!usage || (method !== 1 && method !== 2)) return;
    if (textValue(effectiveEntry(doc, 'gatewayhostname'))) return;
    report({
      message: `"gatewayusagemethod" is ${method} (${method === 1 ? 'always use' : 'use if direct fails'} an RD Gateway) but no "gatewayhostname" is set.`,
      span: usage.valueSpan,
      subject: 'gatewayhostname',
    });
  },
};
