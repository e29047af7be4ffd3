import { NET040, NET040_MESSAGES } from '../rules/net/net040-server-name-not-in-certificate';
import { MAX_CLOCK_SKEW_MS, NET041, NET041_MESSAGES } from '../rules/net/net041-clock-skew';
import { finding } from './certificate-findings';
import { certificateMatchesName, type CertificateNames } from './name-match';
import type { NtlmInfo } from './ntlm';
import type { NetFinding } from './types';

/** NET040 and NET041 from what the NTLM CHALLENGE said; `names` is null when the certificate could not be read. */
export function ntlmFindings(info: NtlmInfo, names: CertificateNames | null, now: Date): NetFinding[] {
  const findings: NetFinding[] = [];
  if (info.dnsComputer && names && !certificateMatchesName(names, info.dnsComputer)) {
    findings.push(finding(NET040, NET040_MESSAGES.notNamed(info.dnsComputer, [...new Set([...names.commonNames, ...names.dnsNames, ...names.ipAddresses])])));
  }
  if (info.serverTime) {
    const skew = Date.parse(info.serverTime) - now.getTime();
    if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) findings.push(finding(NET041, NET041_MESSAGES.skew(info.serverTime, skew)));
  }
  return findings;
}
