import { effectiveEntry } from '../../rdp/parse';
import { quote } from '../messages';
import type { RdpRule } from '../types';
import { intValue } from '../../rdp/values';
import { sameHostBefore, targets } from '../../rdp/target';

export const rdp012: RdpRule = {
  id: 'RDP012',
  name: 'ip-address-target',
  description: 'The target is an IP address, so the certificate name check fails.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['address', 'certificate'],
  check({ doc, report }) {
    const level = intValue(effectiveEntry(doc, 'authentication level'));
    const strict = level === 1;
    const silent = level === 0;
    const all = targets(doc);
    for (let t = 0; t < all.length; t++) {
      const target = all[t]!;
      if (target.address.kind === 'name' || sameHostBefore(all, t)) continue;
      report({
        message: strict
          ? `The target ${quote(target.address.host)} is an IP address and "authentication level" is 1: server certificates are issued to names, so the client refuses to connect.`
          : silent
            ? `The target ${quote(target.address.host)} is an IP address: server certificates are issued to names, so server authentication fails, and with "authentication level" 0 the client connects without a warning.`
            : `The target ${quote(target.address.host)} is an IP address: server certificates are issued to names, so server authentication fails and users learn to click through the warning.`,
        span: target.hostSpan,
        subject: target.entry.key,
        ...(strict && { severity: 'error' as const }),
      });
    }
  },
};
