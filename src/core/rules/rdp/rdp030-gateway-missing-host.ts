import { effectiveEntry } from '../../rdp/parse';
import type { RdpRule } from '../types';
import { intValue, textValue } from '../../rdp/values';

export const rdp030: RdpRule = {
  id: 'RDP030',
  name: 'gateway-missing-host',
  description: 'gatewayusagemethod 1 (error) or 2 (info: the direct connection still works) with no gatewayhostname.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['gateway'],
  check({ doc, report }) {
    const usage = effectiveEntry(doc, 'gatewayusagemethod');
    const method = intValue(usage);
    if (!usage || (method !== 1 && method !== 2)) return;
    if (textValue(effectiveEntry(doc, 'gatewayhostname'))) return;
    // With 2 the client connects directly first and needs the gateway only when that fails (FreeRDP: nego.c
    // tries the host, then the gateway; Microsoft: "use an RD Gateway if a direct connection can't be made"), so
    // a file that works directly still works: a note, not an error. Files exported by Microsoft's macOS client have 2 with no gateway.
    report({
      message:
        method === 1
          ? '"gatewayusagemethod" is 1 (always connect through an RD Gateway) but no "gatewayhostname" is set.'
          : '"gatewayusagemethod" is 2 (use an RD Gateway if a direct connection fails) but no "gatewayhostname" is set: the direct connection is tried, and when it fails there is no gateway to try.',
      span: usage.valueSpan,
      subject: 'gatewayhostname',
      ...(method === 2 && { severity: 'info' as const }),
    });
  },
};
