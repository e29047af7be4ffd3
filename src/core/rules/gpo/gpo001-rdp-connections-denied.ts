import { named, where } from './lookup';
import { valueRule } from './value-rule';
import { checkLogonRights } from './gpo001-logon-rights';
import { checkFirewall } from './gpo001-firewall';
import type { PolicyRule } from './types';

const values = valueRule({
  id: 'GPO001',
  name: 'rdp-connections-denied',
  description:
    'fDenyTSConnections is 1, the Remote Desktop Services service (TermService) is disabled, or a Windows Firewall policy blocks the RDP port: clients cannot connect to the server by Remote Desktop. Also: the user rights "Deny log on through Remote Desktop Services" and "Allow log on through Remote Desktop Services" keep users from signing in.',
  defaultSeverity: 'error',
  tags: ['gpo', 'connection'],
  checks: [
    {
      refs: 'denyConnections',
      test: (value, s) =>
        value === 1
          ? {
              message:
                s.policy !== undefined
                  ? `${named(s)} ${where(s)} ("${s.policy}" is Disabled): the server accepts no new Remote Desktop connections.`
                  : `${named(s)} ${where(s)}: the server accepts no new Remote Desktop connections.`,
            }
          : undefined,
    },
    {
      // Not in SPEC's row: a disabled TermService refuses every connection whatever fDenyTSConnections says (docs/rules/GPO001.md).
      refs: 'termServiceStart',
      test: (value, s) =>
        value === 4
          ? { message: `The Remote Desktop Services service (TermService) is Disabled (start type 4) ${where(s)}: it does not start, so the server accepts no Remote Desktop connections at all, whatever "fDenyTSConnections" says.` }
          : undefined,
    },
  ],
});

/**
 * GPO001: the values above, the Windows Firewall policy that blocks the RDP port (`gpo001-firewall.ts`) and, not in
 * SPEC's row either, who the two Remote Desktop logon rights keep from signing in (`gpo001-logon-rights.ts`).
 */
export const gpo001: PolicyRule = {
  ...values,
  check(context) {
    values.check(context);
    checkLogonRights(context);
    checkFirewall(context);
  },
};
