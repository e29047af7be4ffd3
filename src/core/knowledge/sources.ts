/** Every source RDP Doctor cites (property table, error codes, policy map, PowerShell fixes), in one list. */
export type SourceId =
  | 'AVD'
  | 'WSD'
  | 'WSD2019'
  | 'WS2008R2CLIP'
  | 'WS2008R2PRINT'
  | 'SRP'
  | 'KB885187'
  | 'AX'
  | 'FREERDP'
  | 'SEEN'
  | 'SERVICE-FILES'
  | 'MAC-EXPORT'
  | 'AVD-STORE-WHATSNEW'
  | 'AVD-PRINTERS'
  | 'MSRDPEX'
  | 'RDPSIGN'
  | 'RAWEB_RDPSIGN'
  | 'MS-RDPBCGR'
  | 'ONDISCONNECTED'
  | 'EXTENDED-REASON'
  | 'ADMX'
  | 'THIRD-PARTY'
  | 'ERRINFO'
  | 'NEG-FAILURE'
  | 'FREERDP-ERROR'
  | 'FREERDP-ERRCONNECT'
  | 'ONLOGONERROR'
  | 'CANT-CONNECT'
  | 'MAC-WHATSNEW'
  | 'XRDP'
  | 'HRESULT-COMMON'
  | 'MS-ERREF'
  | 'SSPI-STATUS'
  | 'AVD-DIAGNOSE'
  | 'TS-ADMX'
  | 'CREDSSP-ADMX'
  | 'MSS-ADMX'
  | 'WMI-TSGENERAL'
  | 'KB4093492'
  | 'TLS-REGISTRY'
  | 'SERVICE-START'
  | 'LISTENING-PORT'
  | 'LISTENER-CERT'
  | 'MS-GPREG'
  | 'RESTRICT-NTLM-OUTGOING'
  | 'RESTRICT-NTLM-EXCEPTIONS'
  | 'RESTRICT-NTLM-INCOMING'
  | 'RESTRICT-NTLM-DOMAIN'
  | 'RESTRICT-NTLM-DOMAIN-EXCEPTIONS'
  | 'KERBEROS-IP'
  | 'REMOTE-CREDENTIAL-GUARD'
  | 'RDP-FILE-SECURITY-GP'
  | 'WMI-SETSECURITYLAYER'
  | 'WMI-SETUSERAUTH'
  | 'INTERNAL-ERROR'
  | 'PS-TEST-NETCONNECTION'
  | 'PS-ENABLE-NETFIREWALLRULE'
  | 'PS-SET-NETFIREWALLRULE'
  | 'PS-NEW-NETFIREWALLRULE'
  | 'PS-GET-NETFIREWALLADDRESSFILTER'
  | 'PS-REMOTE-TROUBLESHOOTING'
  | 'ICACLS'
  | 'TAKEOWN'
  | 'WELL-KNOWN-SIDS'
  | 'PS-SET-CIMINSTANCE'
  | 'PS-INVOKE-CIMMETHOD'
  | 'GPRESULT'
  | 'AZ-RUNCOMMAND'
  | 'AZURE-EVENT-IDS'
  | 'AZURE-NAMES'
  | 'MS-GPFAS'
  | 'MS-FASP-ACTION'
  | 'WF-ADMX';

export interface Source {
  readonly id: SourceId;
  readonly title: string;
  readonly url?: string;
  /** Primary = Microsoft documentation or a protocol specification. */
  readonly primary: boolean;
}

export const SOURCES: Readonly<Record<SourceId, Source>> = {
  AVD: {
    id: 'AVD',
    title: 'Microsoft Learn: Supported RDP properties',
    url: 'https://learn.microsoft.com/azure/virtual-desktop/rdp-properties',
    primary: true,
  },
  WSD: {
    id: 'WSD',
    // The page was replaced by "Supported RDP properties"; the facts cited to it rest on its revision of 04/28/2020.
    // Later 2020 revisions (06/30, 09/14) changed some values (use multimon's default, the width and height caps)
    // before the page was replaced: the hovers say "the April 2020 Windows Server table" (a session 16 review).
    title: 'Supported Remote Desktop RDP file settings (Windows Server docs, revision of 04/28/2020; later 2020 revisions changed some values; since replaced by Supported RDP properties)',
    url: 'https://github.com/MicrosoftDocs/windowsserverdocs/blob/011baf4b6562feaff4d79a95641c8ec65a95c9d1/WindowsServerDocs/remote/remote-desktop-services/clients/rdp-files.md',
    primary: true,
  },
  WSD2019: {
    id: 'WSD2019',
    title: 'Supported Remote Desktop RDP file settings (Windows Server docs, revision of 05/20/2019: workspaceid:s:value)',
    url: 'https://github.com/MicrosoftDocs/windowsserverdocs/blob/2d87ebb1aa4b228c9555cedad5a73653285f6ebd/WindowsServerDocs/remote/remote-desktop-services/clients/rdp-files.md',
    primary: true,
  },
  WS2008R2CLIP: {
    id: 'WS2008R2CLIP',
    title: 'Disableclipboardredirection (Windows Server 2008 R2 RDP file settings, previous versions)',
    url: 'https://learn.microsoft.com/previous-versions/windows/it-pro/windows-server-2008-r2-and-2008/ff393674(v=ws.10)',
    primary: true,
  },
  WS2008R2PRINT: {
    id: 'WS2008R2PRINT',
    title: 'Disableprinterredirection (Windows Server 2008 R2 RDP file settings, previous versions)',
    url: 'https://learn.microsoft.com/previous-versions/windows/it-pro/windows-server-2008-r2-and-2008/ff393725(v=ws.10)',
    primary: true,
  },
  SRP: {
    id: 'SRP',
    title: 'IRemoteDesktopClientSettings::SetRdpProperty',
    url: 'https://learn.microsoft.com/windows/win32/api/rdpappcontainerclient/nf-rdpappcontainerclient-iremotedesktopclientsettings-setrdpproperty',
    primary: true,
  },
  KB885187: {
    id: 'KB885187',
    title: 'KB885187: Remote Desktop Protocol settings in Windows Server 2003 and Windows XP',
    url: 'https://learn.microsoft.com/troubleshoot/windows-server/remote/remote-desktop-protocol-settings',
    primary: true,
  },
  AX: {
    id: 'AX',
    title: 'Remote Desktop ActiveX control interfaces (MsTscAx)',
    url: 'https://learn.microsoft.com/windows/win32/termserv/remote-desktop-activex-control-interfaces',
    primary: true,
  },
  FREERDP: {
    id: 'FREERDP',
    title: 'FreeRDP client/common/file.c',
    url: 'https://github.com/FreeRDP/FreeRDP/blob/master/client/common/file.c',
    primary: false,
  },
  SEEN: {
    id: 'SEEN',
    title: 'Written by mstsc in saved files (FreeRDP TestClientRdpFile.c fixture, public samples); no Microsoft page lists it',
    primary: false,
  },
  'SERVICE-FILES': {
    id: 'SERVICE-FILES',
    title: 'Issued by Azure Virtual Desktop and Windows 365 feeds in the .rdp files they hand to clients (downloaded files and client fixtures); no Microsoft page lists it',
    primary: false,
  },
  'MAC-EXPORT': {
    id: 'MAC-EXPORT',
    title: 'Written by Microsoft Remote Desktop for Mac (Windows App for macOS) in the .rdp files it exports (public samples); no Microsoft page lists it',
    primary: false,
  },
  'AVD-STORE-WHATSNEW': {
    id: 'AVD-STORE-WHATSNEW',
    title: "Microsoft Learn: What's new in the Azure Virtual Desktop Store app for Windows (version 1.2.4485 adds the property)",
    url: 'https://learn.microsoft.com/azure/virtual-desktop/whats-new-client-windows-azure-virtual-desktop-app',
    primary: true,
  },
  'AVD-PRINTERS': {
    id: 'AVD-PRINTERS',
    title: 'Microsoft Learn: Configure printer redirection over the Remote Desktop Protocol (Azure Virtual Desktop), "RAW print support" (the host pool RDP property SmartRawPrinters)',
    url: 'https://learn.microsoft.com/azure/virtual-desktop/redirection-configure-printers',
    primary: true,
  },
  MSRDPEX: {
    id: 'MSRDPEX',
    title: "Devolutions MsRdpEx README's .RDP file options and dll/RdpSettings.cpp (read at 5a64c5d); IronRDP crates/ironrdp-cfg reads the same password names",
    url: 'https://github.com/Devolutions/MsRdpEx',
    primary: false,
  },
  RAWEB_RDPSIGN: {
    id: 'RAWEB_RDPSIGN',
    title: 'kimmknight/raweb RdpFileSigner tests: a current rdpsign.exe adds EnableRdsAadAuth and RedirectWebAuthn to signscope',
    url: 'https://github.com/kimmknight/raweb',
    primary: false,
  },
  RDPSIGN: {
    id: 'RDPSIGN',
    title: 'rdpsign (Microsoft Learn) and the reverse-engineered signature format (nfedera/rdpsign, openuds)',
    url: 'https://learn.microsoft.com/windows-server/administration/windows-commands/rdpsign',
    primary: true,
  },
  'MS-RDPBCGR': {
    id: 'MS-RDPBCGR',
    title: '[MS-RDPBCGR]: Remote Desktop Protocol: Basic Connectivity and Graphics Remoting',
    url: 'https://learn.microsoft.com/openspecs/windows_protocols/ms-rdpbcgr/',
    primary: true,
  },
  ONDISCONNECTED: {
    id: 'ONDISCONNECTED',
    title: 'IMsTscAxEvents::OnDisconnected (disconnect reason codes)',
    url: 'https://learn.microsoft.com/windows/win32/termserv/imstscaxevents-ondisconnected',
    primary: true,
  },
  'EXTENDED-REASON': {
    id: 'EXTENDED-REASON',
    title: 'ExtendedDisconnectReasonCode enumeration',
    url: 'https://learn.microsoft.com/windows/win32/termserv/extendeddisconnectreasoncode',
    primary: true,
  },
  ADMX: {
    id: 'ADMX',
    title: 'TerminalServer.admx / .adml policy definitions',
    primary: true,
  },
  'THIRD-PARTY': {
    id: 'THIRD-PARTY',
    title: 'Third-party reports (anecdotal; not confirmed by a primary source)',
    primary: false,
  },
  ERRINFO: {
    id: 'ERRINFO',
    title: '[MS-RDPBCGR] 2.2.5.1.1 Set Error Info PDU Data (TS_SET_ERROR_INFO_PDU)',
    url: 'https://learn.microsoft.com/openspecs/windows_protocols/ms-rdpbcgr/a21a1bd9-2303-49c1-90ec-3932435c248c',
    primary: true,
  },
  'NEG-FAILURE': {
    id: 'NEG-FAILURE',
    title: '[MS-RDPBCGR] 2.2.1.2.2 RDP Negotiation Failure (RDP_NEG_FAILURE)',
    url: 'https://learn.microsoft.com/openspecs/windows_protocols/ms-rdpbcgr/1b3920e7-0116-4345-bc45-f2c4ad012761',
    primary: true,
  },
  'FREERDP-ERROR': {
    id: 'FREERDP-ERROR',
    title: 'FreeRDP include/freerdp/error.h and libfreerdp/core/errinfo.c',
    url: 'https://github.com/FreeRDP/FreeRDP/blob/master/libfreerdp/core/errinfo.c',
    primary: false,
  },
  'FREERDP-ERRCONNECT': {
    id: 'FREERDP-ERRCONNECT',
    title: 'FreeRDP include/freerdp/error.h (MAKE_FREERDP_ERROR), libfreerdp/core/errconnect.c and where libfreerdp/core sets each code (nla.c, nego.c, transport.c, tcp.c, rdp.c; commit 9626564, after 3.30.0, compared with 2.11.8)',
    url: 'https://github.com/FreeRDP/FreeRDP/blob/master/libfreerdp/core/errconnect.c',
    primary: false,
  },
  ONLOGONERROR: {
    id: 'ONLOGONERROR',
    title: 'IMsTscAxEvents::OnLogonError (logon error codes)',
    url: 'https://learn.microsoft.com/windows/win32/termserv/imstscaxevents-onlogonerror',
    primary: true,
  },
  'CANT-CONNECT': {
    id: 'CANT-CONNECT',
    title: "Microsoft Learn: Remote Desktop can't connect to the remote computer",
    url: 'https://learn.microsoft.com/troubleshoot/windows-server/remote/remote-desktop-cannot-connect-remote-computer',
    primary: true,
  },
  'MAC-WHATSNEW': {
    id: 'MAC-WHATSNEW',
    title: "Microsoft Learn: What's new in the Remote Desktop client for macOS",
    url: 'https://learn.microsoft.com/windows-server/remote/remote-desktop-services/clients/mac-whatsnew',
    primary: true,
  },
  'HRESULT-COMMON': {
    id: 'HRESULT-COMMON',
    title: 'Microsoft Learn: Common HRESULT values',
    url: 'https://learn.microsoft.com/windows/win32/seccrypto/common-hresult-values',
    primary: true,
  },
  'AVD-DIAGNOSE': {
    id: 'AVD-DIAGNOSE',
    title: 'Microsoft Learn: Identify and diagnose Azure Virtual Desktop issues, "Connection error codes" (the WVDErrors table of Log Analytics; MicrosoftDocs/azure-docs articles/virtual-desktop/troubleshoot-set-up-overview.md, ms.date 06/19/2021)',
    url: 'https://learn.microsoft.com/azure/virtual-desktop/troubleshoot-set-up-overview',
    primary: true,
  },
  'SSPI-STATUS': {
    id: 'SSPI-STATUS',
    title: 'SSPI Status Codes (Microsoft Learn; the SEC_E_* codes of winerror.h)',
    url: 'https://learn.microsoft.com/windows/win32/secauthn/sspi-status-codes',
    primary: true,
  },
  'MS-ERREF': {
    id: 'MS-ERREF',
    title: '[MS-ERREF]: Windows Error Codes, 2.1 HRESULT values',
    url: 'https://learn.microsoft.com/openspecs/windows_protocols/ms-erref/',
    primary: true,
  },
  XRDP: {
    id: 'XRDP',
    title: 'xrdp libxrdp/xrdp_iso.c and common/ms-rdpbcgr.h',
    url: 'https://github.com/neutrinolabs/xrdp/blob/devel/libxrdp/xrdp_iso.c',
    primary: false,
  },
  'TS-ADMX': {
    id: 'TS-ADMX',
    title: 'TerminalServer.admx / en-US TerminalServer.adml (public copy: mxk/windows-secure-group-policy PolicyDefinitions, commit 1baf269)',
    url: 'https://github.com/mxk/windows-secure-group-policy/tree/1baf2692fd67dec40be81b386c6362383a4b1308/PolicyDefinitions',
    primary: true,
  },
  'CREDSSP-ADMX': {
    id: 'CREDSSP-ADMX',
    title: 'CredSsp.admx / en-US CredSsp.adml',
    url: 'https://github.com/mxk/windows-secure-group-policy/tree/1baf2692fd67dec40be81b386c6362383a4b1308/PolicyDefinitions',
    primary: true,
  },
  'MSS-ADMX': { id: 'MSS-ADMX', title: 'MSS-legacy.admx (Microsoft Security Compliance Toolkit)', primary: false },
  'WMI-TSGENERAL': {
    id: 'WMI-TSGENERAL',
    title: 'Win32_TSGeneralSetting class (Microsoft Learn)',
    url: 'https://learn.microsoft.com/windows/win32/termserv/win32-tsgeneralsetting',
    primary: true,
  },
  KB4093492: { id: 'KB4093492', title: 'CredSSP updates for CVE-2018-0886 (KB4093492)', url: 'https://support.microsoft.com/help/4093492', primary: true },
  'TLS-REGISTRY': {
    id: 'TLS-REGISTRY',
    title: 'Transport Layer Security (TLS) registry settings (Microsoft Learn)',
    url: 'https://learn.microsoft.com/windows-server/security/tls/tls-registry-settings',
    primary: true,
  },
  'SERVICE-START': {
    id: 'SERVICE-START',
    title: 'Start, HKLM\\SYSTEM\\CurrentControlSet\\Services\\service-name (Windows 2000 registry reference, Microsoft Learn); ServiceStartupType enum (2 Automatic, 3 Manual, 4 Disabled)',
    url: 'https://learn.microsoft.com/previous-versions/windows/it-pro/windows-2000-server/cc959920(v=technet.10)',
    primary: true,
  },
  'LISTENING-PORT': {
    id: 'LISTENING-PORT',
    title: 'Change the listening port for Remote Desktop on your computer (Microsoft Learn)',
    url: 'https://learn.microsoft.com/windows-server/remote/remote-desktop-services/remotepc/change-listening-port',
    primary: true,
  },
  'LISTENER-CERT': {
    id: 'LISTENER-CERT',
    title: 'Remote Desktop listener certificate configurations (KB3042780)',
    url: 'https://learn.microsoft.com/troubleshoot/windows-server/remote/remote-desktop-listener-certificate-configurations',
    primary: true,
  },
  'MS-GPREG': {
    id: 'MS-GPREG',
    title: '[MS-GPREG] 2.2.1 Registry Policy Message Syntax; "Registry Policy File Format"',
    url: 'https://learn.microsoft.com/openspecs/windows_protocols/ms-gpreg/5c092c22-bf6b-4e7f-b180-b20743d368f5',
    primary: true,
  },
  'RESTRICT-NTLM-OUTGOING': {
    id: 'RESTRICT-NTLM-OUTGOING',
    title: 'Network security: Restrict NTLM: Outgoing NTLM traffic to remote servers (Microsoft Learn, security policy settings)',
    url: 'https://learn.microsoft.com/previous-versions/windows/it-pro/windows-10/security/threat-protection/security-policy-settings/network-security-restrict-ntlm-outgoing-ntlm-traffic-to-remote-servers',
    primary: true,
  },
  'RESTRICT-NTLM-EXCEPTIONS': {
    id: 'RESTRICT-NTLM-EXCEPTIONS',
    title: 'Network security: Restrict NTLM: Add remote server exceptions for NTLM authentication (Microsoft Learn, security policy settings)',
    url: 'https://learn.microsoft.com/previous-versions/windows/it-pro/windows-10/security/threat-protection/security-policy-settings/network-security-restrict-ntlm-add-remote-server-exceptions-for-ntlm-authentication',
    primary: true,
  },
  'RESTRICT-NTLM-INCOMING': {
    id: 'RESTRICT-NTLM-INCOMING',
    title: 'Network security: Restrict NTLM: Incoming NTLM traffic (Microsoft Learn, security policy settings)',
    url: 'https://learn.microsoft.com/previous-versions/windows/it-pro/windows-10/security/threat-protection/security-policy-settings/network-security-restrict-ntlm-incoming-ntlm-traffic',
    primary: true,
  },
  'RESTRICT-NTLM-DOMAIN': {
    id: 'RESTRICT-NTLM-DOMAIN',
    title: 'Network security: Restrict NTLM: NTLM authentication in this domain (Microsoft Learn, security policy settings)',
    url: 'https://learn.microsoft.com/previous-versions/windows/it-pro/windows-10/security/threat-protection/security-policy-settings/network-security-restrict-ntlm-ntlm-authentication-in-this-domain',
    primary: true,
  },
  'RESTRICT-NTLM-DOMAIN-EXCEPTIONS': {
    id: 'RESTRICT-NTLM-DOMAIN-EXCEPTIONS',
    title: 'Network security: Restrict NTLM: Add server exceptions in this domain (Microsoft Learn, security policy settings)',
    url: 'https://learn.microsoft.com/previous-versions/windows/it-pro/windows-10/security/threat-protection/security-policy-settings/network-security-restrict-ntlm-add-server-exceptions-in-this-domain',
    primary: true,
  },
  'KERBEROS-IP': {
    id: 'KERBEROS-IP',
    title: 'Configuring Kerberos for IP addresses (TryIPSPN) (Microsoft Learn)',
    url: 'https://learn.microsoft.com/windows-server/security/kerberos/configuring-kerberos-over-ip',
    primary: true,
  },
  'REMOTE-CREDENTIAL-GUARD': {
    id: 'REMOTE-CREDENTIAL-GUARD',
    title: 'Remote Credential Guard (Microsoft Learn, windows-itpro-docs windows/security/identity-protection/remote-credential-guard.md, 08/16/2023)',
    url: 'https://learn.microsoft.com/windows/security/identity-protection/remote-credential-guard',
    primary: true,
  },
  'RDP-FILE-SECURITY-GP': {
    id: 'RDP-FILE-SECURITY-GP',
    title: 'RDP file security settings in Group Policy (Microsoft Learn, windowsserverdocs remotepc/manage-rdp-file-security-settings-with-group-policy.md, 07/14/2026)',
    url: 'https://learn.microsoft.com/windows-server/remote/remote-desktop-services/remotepc/manage-rdp-file-security-settings-with-group-policy',
    primary: true,
  },
  'WMI-SETSECURITYLAYER': {
    id: 'WMI-SETSECURITYLAYER',
    title: 'Win32_TSGeneralSetting.SetSecurityLayer method (Microsoft Learn)',
    url: 'https://learn.microsoft.com/windows/win32/termserv/win32-tsgeneralsetting-setsecuritylayer',
    primary: true,
  },
  'WMI-SETUSERAUTH': {
    id: 'WMI-SETUSERAUTH',
    title: 'Win32_TSGeneralSetting.SetUserAuthenticationRequired method (Microsoft Learn)',
    url: 'https://learn.microsoft.com/windows/win32/termserv/setuserauthenticationrequired-win32-tsgeneralsetting',
    primary: true,
  },
  'INTERNAL-ERROR': {
    id: 'INTERNAL-ERROR',
    title: '"An internal error has occurred" when connecting to a remote machine (Microsoft Learn troubleshooting)',
    url: 'https://learn.microsoft.com/troubleshoot/windows-server/remote/internal-error-has-occurred-connecting-remote-machine',
    primary: true,
  },
  'PS-TEST-NETCONNECTION': {
    id: 'PS-TEST-NETCONNECTION',
    title: 'Test-NetConnection (PowerShell reference)',
    url: 'https://learn.microsoft.com/powershell/module/nettcpip/test-netconnection',
    primary: true,
  },
  'PS-ENABLE-NETFIREWALLRULE': {
    id: 'PS-ENABLE-NETFIREWALLRULE',
    title: 'Enable-NetFirewallRule (PowerShell reference)',
    url: 'https://learn.microsoft.com/powershell/module/netsecurity/enable-netfirewallrule',
    primary: true,
  },
  'PS-SET-NETFIREWALLRULE': {
    id: 'PS-SET-NETFIREWALLRULE',
    title: 'Set-NetFirewallRule (PowerShell reference)',
    url: 'https://learn.microsoft.com/powershell/module/netsecurity/set-netfirewallrule',
    primary: true,
  },
  'PS-NEW-NETFIREWALLRULE': {
    id: 'PS-NEW-NETFIREWALLRULE',
    title: 'New-NetFirewallRule (PowerShell reference)',
    url: 'https://learn.microsoft.com/powershell/module/netsecurity/new-netfirewallrule',
    primary: true,
  },
  'PS-GET-NETFIREWALLADDRESSFILTER': {
    id: 'PS-GET-NETFIREWALLADDRESSFILTER',
    title: 'Get-NetFirewallAddressFilter (PowerShell reference)',
    url: 'https://learn.microsoft.com/powershell/module/netsecurity/get-netfirewalladdressfilter',
    primary: true,
  },
  'PS-REMOTE-TROUBLESHOOTING': {
    id: 'PS-REMOTE-TROUBLESHOOTING',
    title: 'about_Remote_Troubleshooting: How to use an IP address in a remote command (PowerShell reference)',
    url: 'https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_remote_troubleshooting',
    primary: true,
  },
  'ICACLS': {
    id: 'ICACLS',
    title: 'icacls (Windows commands reference)',
    url: 'https://learn.microsoft.com/windows-server/administration/windows-commands/icacls',
    primary: true,
  },
  'TAKEOWN': {
    id: 'TAKEOWN',
    title: 'takeown (Windows commands reference)',
    url: 'https://learn.microsoft.com/windows-server/administration/windows-commands/takeown',
    primary: true,
  },
  'WELL-KNOWN-SIDS': {
    id: 'WELL-KNOWN-SIDS',
    title: 'Security identifiers: well-known SIDs (Microsoft Learn)',
    url: 'https://learn.microsoft.com/windows-server/identity/ad-ds/manage/understand-security-identifiers',
    primary: true,
  },
  'PS-SET-CIMINSTANCE': {
    id: 'PS-SET-CIMINSTANCE',
    title: 'Set-CimInstance (PowerShell reference)',
    url: 'https://learn.microsoft.com/powershell/module/cimcmdlets/set-ciminstance',
    primary: true,
  },
  'PS-INVOKE-CIMMETHOD': {
    id: 'PS-INVOKE-CIMMETHOD',
    title: 'Invoke-CimMethod (PowerShell reference)',
    url: 'https://learn.microsoft.com/powershell/module/cimcmdlets/invoke-cimmethod',
    primary: true,
  },
  'GPRESULT': {
    id: 'GPRESULT',
    title: 'gpresult (Windows commands reference)',
    url: 'https://learn.microsoft.com/windows-server/administration/windows-commands/gpresult',
    primary: true,
  },
  'AZ-RUNCOMMAND': {
    id: 'AZ-RUNCOMMAND',
    title: 'Invoke-AzVMRunCommand (Az PowerShell reference)',
    url: 'https://learn.microsoft.com/powershell/module/az.compute/invoke-azvmruncommand',
    primary: true,
  },
  'AZURE-EVENT-IDS': {
    id: 'AZURE-EVENT-IDS',
    title: 'Troubleshoot an RDP connection to an Azure VM by using event IDs (Microsoft Learn)',
    url: 'https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/event-id-troubleshoot-vm-rdp-connecton',
    primary: true,
  },
  'AZURE-NAMES': {
    id: 'AZURE-NAMES',
    title: 'Naming rules and restrictions for Azure resources (Microsoft Learn)',
    url: 'https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules',
    primary: true,
  },
  'MS-GPFAS': {
    id: 'MS-GPFAS',
    title: '[MS-GPFAS] 2.2.2.19 Firewall Rule Grammar',
    url: 'https://learn.microsoft.com/openspecs/windows_protocols/ms-gpfas/2efe0b76-7b4a-41ff-9050-1023f8196d16',
    primary: true,
  },
  'MS-FASP-ACTION': {
    id: 'MS-FASP-ACTION',
    title: '[MS-FASP] 2.2.34 FW_RULE_ACTION',
    url: 'https://learn.microsoft.com/openspecs/windows_protocols/ms-fasp/702e3c23-c9d8-43db-8380-b4c670dd7f7d',
    primary: true,
  },
  'WF-ADMX': {
    id: 'WF-ADMX',
    title: 'WindowsFirewall.admx / en-US WindowsFirewall.adml',
    url: 'https://github.com/mxk/windows-secure-group-policy/tree/1baf2692fd67dec40be81b386c6362383a4b1308/PolicyDefinitions',
    primary: true,
  },
};

/** The address of a source that has one (every source a PowerShell fix cites does). */
export function sourceUrl(id: SourceId): string {
  const url = SOURCES[id].url;
  if (url === undefined) throw new Error(`The source ${id} has no address.`);
  return url;
}
