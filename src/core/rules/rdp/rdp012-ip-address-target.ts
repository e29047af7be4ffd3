import { effectiveEntry } from '../../rdp/parse';
import { quote } from '../messages';
import type { RdpRule } from '../types';
import { intValue } from '../../rdp/values';
import { sameHostBefore, targets } from '../../rdp/target';

/**
 * `enablerdsaadauth:i:1` is the mstsc option "Use a web account to sign in to the remote computer", and "IP address
 * can't be used" with it: the name "must match the hostname of the remote device in Microsoft Entra ID" (Microsoft
 * Learn, "Sign in to a Windows virtual machine in Azure by using Microsoft Entra ID"). What the client does then is not
 * documented, so the severity stays.
 */
const ENTRA =
  ' The file also signs in with Microsoft Entra ID ("enablerdsaadauth" is 1), which Microsoft says cannot be used with an IP address: the target must be the name the remote device has in Microsoft Entra ID.';

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
    const entra = intValue(effectiveEntry(doc, 'enablerdsaadauth')) === 1 ? ENTRA : '';
    const all = targets(doc);
    for (let t = 0; t < all.length; t++) {
      const target = all[t]!;
      if (target.address.kind === 'name' || sameHostBefore(all, t)) continue;
      const host = quote(target.address.host);
      const certificate = strict
        ? `The target ${host} is an IP address and "authentication level" is 1: server certificates are issued to names, so the client refuses to connect.`
        : silent
          ? `The target ${host} is an IP address: server certificates are issued to names, so server authentication fails, and with "authentication level" 0 the client connects without a warning.`
          : `The target ${host} is an IP address: server certificates are issued to names, so server authentication fails and users learn to click through the warning.`;
      report({
        message: certificate + entra,
        span: target.hostSpan,
        subject: target.entry.key,
        ...(strict && { severity: 'error' as const }),
      });
    }
  },
};
