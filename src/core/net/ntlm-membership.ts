import type { WorkgroupEvidence } from '../rules/net/messages';
import { NTLM_FLAG, type NtlmInfo } from './ntlm';

/**
 * Whether the CHALLENGE shows, beyond doubt, a server in no domain, which no Kerberos realm knows. A domain member
 * answers for its domain (NTLMSSP_TARGET_TYPE_DOMAIN, [MS-NLMP] 2.2.2.5) and names its forest (MsvAvDnsTreeName,
 * 2.2.2.1); a workgroup computer has no domain and no forest (CREDENTIAL_TARGET_INFORMATION: "If the target server is
 * a member of a workgroup, this member must be NULL"). So: neither the domain flag nor a forest, and a NetBIOS domain
 * that is the computer's own name, as FreeRDP's winpr server sends (winpr/libwinpr/sspi/NTLM/ntlm.c). The server
 * flag alone is not enough: MS-NLMP's own example (4.2.4.3) sets it beside a NetBIOS domain "Domain".
 */
export function workgroupEvidence(info: NtlmInfo, flags: number): WorkgroupEvidence | undefined {
  if ((flags & NTLM_FLAG.TARGET_TYPE_DOMAIN) !== 0 || info.dnsTree !== null) return undefined;
  const { netbiosDomain, netbiosComputer } = info;
  if (!netbiosDomain || !netbiosComputer || netbiosDomain.toUpperCase() !== netbiosComputer.toUpperCase()) return undefined;
  return { name: netbiosComputer, serverRealm: (flags & NTLM_FLAG.TARGET_TYPE_SERVER) !== 0 };
}
