import { whereSet as where } from '../../gpo/well-known-keys';
import { quote } from '../messages';
import { REFS } from '../gpo/refs';
import { factNumber } from './server-view';
import type { CrossRule } from './types';

/** `RestrictSendingNTLMTraffic` = 2: "Deny all" outgoing NTLM. */
const DENY_ALL = 2;

export const xrf005: CrossRule = {
  id: 'XRF005',
  name: 'ntlm-restricted-vs-target',
  description: 'A .rdp file targets an IP address while an export denies outgoing NTLM (RestrictSendingNTLMTraffic 2), so CredSSP cannot authenticate.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['cross-check', 'nla', 'kerberos'],
  check({ rdpFiles, servers, report }) {
    const denying = servers.flatMap((s) => {
      const fact = s.value(REFS.restrictSendingNtlm);
      return factNumber(fact) === DENY_ALL
        ? [{ path: s.path, at: fact!.at, message: `"RestrictSendingNTLMTraffic" is 2 (Deny all) ${where(fact!)}: this computer never sends NTLM to a remote server.` }]
        : [];
    });
    if (denying.length === 0) return;
    // With TryIPSPN the client asks Kerberos for the IP address too: it works if the server registered it as an SPN.
    const tryIp = servers.flatMap((s) => {
      const fact = s.value(REFS.tryIpSpn);
      return factNumber(fact) === 1 ? [{ path: s.path, at: fact!.at, message: `"TryIPSPN" is 1 ${where(fact!)}: Kerberos is tried for IP addresses.` }] : [];
    });
    for (const rdp of rdpFiles) {
      for (const target of rdp.facts.ipTargets ?? []) {
        const denied = `outgoing NTLM is denied ("RestrictSendingNTLMTraffic" is 2 in ${denying[0]!.path})`;
        report({
          path: rdp.path,
          message:
            tryIp.length > 0
              ? `The ${quote(target.key)} target ${quote(target.host)} is an IP address and ${denied}: CredSSP can authenticate only if the server has TERMSRV/${target.host} registered as an SPN ("TryIPSPN" is 1 in ${tryIp[0]!.path}); otherwise the connection fails. Connect by the server's name.`
              : `The ${quote(target.key)} target ${quote(target.host)} is an IP address, which Kerberos cannot serve (it needs a name with a TERMSRV SPN; IP SPNs are tried only with TryIPSPN), and ${denied}: CredSSP cannot authenticate, so the connection fails. Connect by the server's name.`,
          subject: target.key,
          at: target.at,
          related: [...denying, ...tryIp],
          ...(tryIp.length > 0 && { severity: 'warning' as const }),
        });
      }
    }
  },
};
