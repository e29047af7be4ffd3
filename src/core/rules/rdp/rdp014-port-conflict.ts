import { leadingZeroPort } from '../../text/address';
import { effectiveEntry } from '../../rdp/parse';
import { onLine } from '../messages';
import type { RdpRule } from '../types';
import { setValue } from './fixes';
import { intValue } from '../../rdp/values';
import { rdpTarget, targets } from '../../rdp/target';

export const rdp014: RdpRule = {
  id: 'RDP014',
  name: 'port-conflict',
  description: '"server port" differs from the port in "full address" (or in "alternate full address", when set).',
  defaultSeverity: 'warning',
  fixable: true,
  tags: ['address'],
  check({ doc, report }) {
    const serverPort = effectiveEntry(doc, 'server port');
    const port = intValue(serverPort);
    // Most files have no "server port": nothing more to work out for them (issue 16).
    if (!serverPort || port === undefined) return;
    // `03389`: 27 to FreeRDP, maybe 3389 to others (leadingZeroPort): RDP004 reports it; there is no one port to compare.
    if (leadingZeroPort(serverPort.value.trim()) !== undefined) return;
    // The address clients connect to: the alternate one when set (rdpTarget), so the port compared and the one the
    // message says check takes are the same (a review of session 17's change).
    const target = rdpTarget(doc);
    const key = target.ok ? target.key : 'full address';
    const full = targets(doc).find((t) => t.entry.key === key);
    if (!full) return;
    // An address without a port is no conflict: FreeRDP takes "server port", and so does Microsoft's client, whose file
    // for a VM console is a port-less "full address" with "server port:i:2179" (Azure Stack Edge, "Connect to a VM
    // console": https://learn.microsoft.com/azure/databox-online/azure-stack-edge-gpu-connect-virtual-machine-console).
    if (full.address.port === undefined) return;
    const addressPort = full.address.port;
    if (port === addressPort) return;
    report({
      // Say which port `check` and the cross-checks take (rdpTarget: the address's port, else "server port"), so the
      // finding and the rest of the product do not seem to disagree (a session 17 review).
      message: `"server port" is ${port} but "${key}" names port ${addressPort}: FreeRDP uses "server port" (${port}); other clients may use the address's port, which RDP Doctor's check and cross-checks take (${addressPort}).`,
      span: serverPort.valueSpan,
      subject: 'server port',
      related: [{ message: `"${key}" is on ${onLine(full.entry.line)}.`, span: full.entry.span }],
      fix: setValue(serverPort, String(addressPort), `Set server port to ${addressPort}, as in ${key}`),
    });
  },
};
