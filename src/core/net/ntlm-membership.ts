import type { WorkgroupEvidence } from '../rules/net/messages';
import { NTLM_FLAG, type NtlmInfo } from './ntlm';

/**
 * Whether the CHALLENGE shows, beyond doubt, a Windows computer in no domain, which no Kerberos realm knows. Asked with
 * NTLMSSP_NEGOTIATE_REQUEST_TARGET (as the check asks), a server names what it answers for: a domain member its domain
 * (NTLMSSP_TARGET_TYPE_DOMAIN, [MS-NLMP] 2.2.2.5, 3.2.5.1.1) with its forest (MsvAvDnsTreeName, 2.2.1.2); a computer in
 * no domain itself (NTLMSSP_TARGET_TYPE_SERVER), with no domain and no forest (CREDENTIAL_TARGET_INFORMATION: "If the
 * target server is a member of a workgroup, this member must be NULL"). So: the server type, neither the domain type nor
 * a forest, and a NetBIOS domain that is the computer's own name. Without a target type it is no evidence: FreeRDP's
 * winpr NTLM server sets neither and names the computer as its domain on every host (ntlm_av_pairs.c), while a FreeRDP
 * 3 server with a keytab accepts Kerberos (credssp_auth.c) — a false "refuses to connect" found by a session 19 review.
 * The server type alone is not enough either: MS-NLMP's own example (4.2.4.3) sets it beside a NetBIOS domain "Domain".
 */
export function workgroupEvidence(info: NtlmInfo, flags: number): WorkgroupEvidence | undefined {
  if ((flags & NTLM_FLAG.TARGET_TYPE_SERVER) === 0 || (flags & NTLM_FLAG.TARGET_TYPE_DOMAIN) !== 0 || info.dnsTree !== null) return undefined;
  const { netbiosDomain, netbiosComputer } = info;
  if (!netbiosDomain || !netbiosComputer || netbiosDomain.toUpperCase() !== netbiosComputer.toUpperCase()) return undefined;
  return { name: netbiosComputer };
}
