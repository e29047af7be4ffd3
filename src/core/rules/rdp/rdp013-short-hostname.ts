import { quote } from '../messages';
import type { RdpRule } from '../types';
import { sameHostBefore, targets } from '../../rdp/target';

export const rdp013: RdpRule = {
  id: 'RDP013',
  name: 'short-hostname',
  description: 'A single-label host name; certificates are usually issued to the FQDN.',
  defaultSeverity: 'info',
  fixable: false,
  tags: ['address', 'certificate'],
  check({ doc, report }) {
    const all = targets(doc);
    for (let t = 0; t < all.length; t++) {
      const target = all[t]!;
      const host = target.address.host.replace(/\.$/, '');
      if (target.address.kind !== 'name' || host.includes('.') || host.toLowerCase() === 'localhost') continue;
      // The same host on both address lines (rdpsign copies "full address" to "alternate full address"): said once.
      if (sameHostBefore(all, t)) continue;
      report({
        message: `The target ${quote(host)} is a single-label name; certificates are usually issued to the fully qualified name, so the name check may fail.`,
        span: target.hostSpan,
        subject: target.entry.key,
      });
    }
  },
};
