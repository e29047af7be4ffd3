/** Sources behind the policy map and the registry value table (see ../shared/reference/policy-registry.md). */
export type GpoSourceId =
  | 'TS-ADMX'
  | 'CREDSSP-ADMX'
  | 'MSS-ADMX'
  | 'WMI-TSGENERAL'
  | 'KB4093492'
  | 'TLS-REGISTRY'
  | 'LISTENING-PORT'
  | 'LISTENER-CERT'
  | 'MS-GPREG'
  | 'RESTRICT-NTLM-OUTGOING'
  | 'KERBEROS-IP'
  | 'RDP-FILE-SECURITY-GP'
  | 'INFERRED';

export interface GpoSource {
  readonly id: GpoSourceId;
  readonly title: string;
  readonly url?: string;
}

export const GPO_SOURCES: Readonly<Record<GpoSourceId, GpoSource>> = {
  'TS-ADMX': {
    id: 'TS-ADMX',
    title: 'TerminalServer.admx / en-US TerminalServer.adml (public copy: mxk/windows-secure-group-policy PolicyDefinitions, commit 1baf269)',
    url: 'https://github.com/mxk/windows-secure-group-policy/tree/1baf2692fd67dec40be81b386c6362383a4b1308/PolicyDefinitions',
  },
  'CREDSSP-ADMX': {
    id: 'CREDSSP-ADMX',
    title: 'CredSsp.admx / en-US CredSsp.adml',
    url: 'https://github.com/mxk/windows-secure-group-policy/tree/1baf2692fd67dec40be81b386c6362383a4b1308/PolicyDefinitions',
  },
  'MSS-ADMX': { id: 'MSS-ADMX', title: 'MSS-legacy.admx (Microsoft Security Compliance Toolkit)' },
  'WMI-TSGENERAL': {
    id: 'WMI-TSGENERAL',
    title: 'Win32_TSGeneralSetting class (Microsoft Learn)',
    url: 'https://learn.microsoft.com/windows/win32/termserv/win32-tsgeneralsetting',
  },
  KB4093492: { id: 'KB4093492', title: 'CredSSP updates for CVE-2018-0886 (KB4093492)', url: 'https://support.microsoft.com/help/4093492' },
  'TLS-REGISTRY': {
    id: 'TLS-REGISTRY',
    title: 'Transport Layer Security (TLS) registry settings (Microsoft Learn)',
    url: 'https://learn.microsoft.com/windows-server/security/tls/tls-registry-settings',
  },
  'LISTENING-PORT': {
    id: 'LISTENING-PORT',
    title: 'Change the listening port for Remote Desktop on your computer (Microsoft Learn)',
    url: 'https://learn.microsoft.com/windows-server/remote/remote-desktop-services/remotepc/change-listening-port',
  },
  'LISTENER-CERT': {
    id: 'LISTENER-CERT',
    title: 'Remote Desktop listener certificate configurations (KB3042780)',
    url: 'https://learn.microsoft.com/troubleshoot/windows-server/remote/remote-desktop-listener-certificate-configurations',
  },
  'MS-GPREG': {
    id: 'MS-GPREG',
    title: '[MS-GPREG] 2.2.1 Registry Policy Message Syntax; "Registry Policy File Format"',
    url: 'https://learn.microsoft.com/openspecs/windows_protocols/ms-gpreg/5c092c22-bf6b-4e7f-b180-b20743d368f5',
  },
  'RESTRICT-NTLM-OUTGOING': {
    id: 'RESTRICT-NTLM-OUTGOING',
    title: 'Network security: Restrict NTLM: Outgoing NTLM traffic to remote servers (Microsoft Learn, security policy settings)',
    url: 'https://learn.microsoft.com/previous-versions/windows/it-pro/windows-10/security/threat-protection/security-policy-settings/network-security-restrict-ntlm-outgoing-ntlm-traffic-to-remote-servers',
  },
  'KERBEROS-IP': {
    id: 'KERBEROS-IP',
    title: 'Configuring Kerberos for IP addresses (TryIPSPN) (Microsoft Learn)',
    url: 'https://learn.microsoft.com/windows-server/security/kerberos/configuring-kerberos-over-ip',
  },
  'RDP-FILE-SECURITY-GP': {
    id: 'RDP-FILE-SECURITY-GP',
    title: 'RDP file security settings in Group Policy (Microsoft Learn, windowsserverdocs remotepc/manage-rdp-file-security-settings-with-group-policy.md, 07/14/2026)',
    url: 'https://learn.microsoft.com/windows-server/remote/remote-desktop-services/remotepc/manage-rdp-file-security-settings-with-group-policy',
  },
  INFERRED: { id: 'INFERRED', title: 'Inferred by RDP Doctor from the neighbouring documented values (unverified)' },
};
