/** Primary and secondary sources cited by the knowledge tables, hovers and docs. */
export type SourceId =
  | 'AVD'
  | 'WSD'
  | 'SRP'
  | 'KB885187'
  | 'AX'
  | 'FREERDP'
  | 'SEEN'
  | 'SERVICE-FILES'
  | 'RDPSIGN'
  | 'MS-RDPBCGR'
  | 'ONDISCONNECTED'
  | 'EXTENDED-REASON'
  | 'ADMX'
  | 'THIRD-PARTY'
  | 'ERRINFO'
  | 'NEG-FAILURE'
  | 'FREERDP-ERROR'
  | 'ONLOGONERROR'
  | 'CANT-CONNECT'
  | 'MAC-WHATSNEW'
  | 'XRDP'
  | 'HRESULT-COMMON'
  | 'MS-ERREF';

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
    // The page was replaced by "Supported RDP properties"; the facts cited to it rest on its last revision (04/28/2020).
    title: 'Supported Remote Desktop RDP file settings (Windows Server docs, revision of 04/28/2020, since replaced by Supported RDP properties)',
    url: 'https://github.com/MicrosoftDocs/windowsserverdocs/blob/011baf4b6562feaff4d79a95641c8ec65a95c9d1/WindowsServerDocs/remote/remote-desktop-services/clients/rdp-files.md',
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
};
