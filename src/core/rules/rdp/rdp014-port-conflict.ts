import { DEFAULT_RDP_PORT } from '../../text/address';
import { effectiveEntry } from '../../rdp/parse';
import { onLine } from '../messages';
import type { RdpRule } from '../types';
import { setValue } from './fixes';
import { intValue } from '../../rdp/values';
import { targets } from '../../rdp/target';

export const rdp014: RdpRule = {
  id: 'RDP014',
  name: 'port-conflict',
  description: '"server port" differs from the port in "full address".',
  defaultSeverity: 'warning',
  fixable: true,
  tags: ['address'],
  check({ doc, report }) {
    const serverPort = effectiveEntry(doc, 'server port');
    const port = intValue(serverPort);
    const full = targets(doc).find((t) => t.entry.key === 'full address');
    if (!serverPort || port === undefined || !full) return;
    const addressPort = full.address.port ?? DEFAULT_RDP_PORT;
    if (port === addressPort) return;
    const explicit = full.address.port !== undefined;
    report({
      message: `"server port" is ${port} but "full address" ${explicit ? `names port ${addressPort}` : `implies the default port ${DEFAULT_RDP_PORT}`}; FreeRDP uses "server port", other clients may use the address.`,
      span: serverPort.valueSpan,
      subject: 'server port',
      related: [{ message: `"full address" is on ${onLine(full.entry.line)}.`, span: full.entry.span }],
      ...(explicit && { fix: setValue(serverPort, String(addressPort), `Set server port to ${addressPort}, as in full address`) }),
    });
  },
};
