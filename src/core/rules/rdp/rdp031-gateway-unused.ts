import { effectiveEntry } from '../../rdp/parse';
import { quote } from '../messages';
import type { RdpRule } from '../types';
import { intValue, textValue } from '../../rdp/values';

export const rdp031: RdpRule = {
  id: 'RDP031',
  name: 'gateway-unused',
  description: 'gatewayhostname is set while gatewayusagemethod is 0 or 4.',
  defaultSeverity: 'info',
  fixable: false,
  tags: ['gateway'],
  check({ doc, report }) {
    const host = effectiveEntry(doc, 'gatewayhostname');
    const name = textValue(host);
    const written = intValue(effectiveEntry(doc, 'gatewayusagemethod'));
    const method = written ?? 0; // documented default: no gateway
    if (!host || !name || (method !== 0 && method !== 4)) return;
    const because = written === undefined ? 'the file has no "gatewayusagemethod" line, and its default, 0, uses none' : `"gatewayusagemethod" is ${method}`;
    report({
      message: `The gateway ${quote(name)} is not used because ${because}; set it to 1 to always use the gateway.`,
      span: host.valueSpan,
      subject: 'gatewayhostname',
    });
  },
};
