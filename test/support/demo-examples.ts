// The policy exports of examples/, one per format RDP Doctor reads, as the bytes Windows writes them.
// `node scripts/make-examples.mjs` writes them into examples/policy/; test/unit/examples checks the committed
// bytes still match. Every name is under .invalid and every address in 127.0.0.0/8 (RFC 6761): the demo
// never names a machine that could answer.
import { writeRegistryPol } from './registry-pol-writer';

const TS = 'SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';
const RDP_TCP = 'SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';
const CREDSSP = 'Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\CredSSP\\Parameters';
const SCHANNEL_TLS12_SERVER = 'SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server';

const DOMAIN = 'corp.invalid';
const SESSION_HOSTS = { name: 'RDS Session Hosts', id: '{7A3C1E52-9D4B-4F2A-8C61-2B5E0D9F4A13}' };
const LEGACY_CLIENTS = { name: 'RDS Legacy Clients', id: '{B1D2E3F4-5A6B-4C7D-8E9F-0A1B2C3D4E5F}' };
const GATEWAY_DRAFT = { name: 'RDS Gateway Hardening (draft)', id: '{E9A41C7B-2D3E-4F50-A1B2-C3D4E5F60718}', backupId: '{C4E5B0A7-3F21-4D8B-9E6A-57D2F1A0B8C4}' };

const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');
/** UTF-16LE with a byte-order mark and CRLF: what GPMC, gpresult, regedit and secedit write. */
const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf(text), 'utf16le')]);
const utf8 = (text: string): Buffer => Buffer.from(crlf(text), 'utf8');

const SECURITY_CATEGORY = 'Windows Components/Remote Desktop Services/Remote Desktop Session Host/Security';
const LIMITS_CATEGORY = 'Windows Components/Remote Desktop Services/Remote Desktop Session Host/Session Time Limits';
const CONNECTIONS_CATEGORY = 'Windows Components/Remote Desktop Services/Remote Desktop Session Host/Connections';

/** One Administrative Template policy as Get-GPOReport and gpresult render it (`q` = the Registry namespace prefix). */
function policy(q: string, p: { name: string; state: 'Enabled' | 'Disabled'; category: string; dropDown?: [string, string]; numeric?: [string, number] }, gpoRef = ''): string {
  const lines = [`<${q}:Policy>`, ...(gpoRef ? [gpoRef] : []), `  <${q}:Name>${p.name}</${q}:Name>`, `  <${q}:State>${p.state}</${q}:State>`];
  lines.push(`  <${q}:Explain>(explain text shortened)</${q}:Explain>`, `  <${q}:Supported>At least Windows Vista</${q}:Supported>`, `  <${q}:Category>${p.category}</${q}:Category>`);
  if (p.dropDown) {
    lines.push(`  <${q}:DropDownList>`, `    <${q}:Name>${p.dropDown[0]}</${q}:Name>`, `    <${q}:State>Enabled</${q}:State>`, `    <${q}:Value>`, `      <${q}:Name>${p.dropDown[1]}</${q}:Name>`, `    </${q}:Value>`, `  </${q}:DropDownList>`);
  }
  if (p.numeric) lines.push(`  <${q}:Numeric>`, `    <${q}:Name>${p.numeric[0]}</${q}:Name>`, `    <${q}:State>Enabled</${q}:State>`, `    <${q}:Value>${p.numeric[1]}</${q}:Value>`, `  </${q}:Numeric>`);
  lines.push(`</${q}:Policy>`);
  return lines.map((l) => `        ${l}`).join('\n');
}

const securityLayer = (item: string) => ({ name: 'Require use of specific security layer for remote (RDP) connections', state: 'Enabled' as const, category: SECURITY_CATEGORY, dropDown: ['Security Layer', item] as [string, string] });
const requireNla = (state: 'Enabled' | 'Disabled') => ({ name: 'Require user authentication for remote connections by using Network Level Authentication', state, category: SECURITY_CATEGORY });
const encryptionLevel = { name: 'Set client connection encryption level', state: 'Enabled' as const, category: SECURITY_CATEGORY, dropDown: ['Encryption Level', 'High Level'] as [string, string] };
const disconnectedLimit = { name: 'Set time limit for disconnected sessions', state: 'Enabled' as const, category: LIMITS_CATEGORY, dropDown: ['End a disconnected session', '1 minute'] as [string, string] };
const keepAlive = (minutes: number) => ({ name: 'Configure keep-alive connection interval', state: 'Enabled' as const, category: CONNECTIONS_CATEGORY, numeric: ['Keep-Alive interval:', minutes] as [string, number] });

/** Get-GPOReport -ReportType Xml of one GPO (also the gpreport.xml of a backup). */
function gpoReport(gpo: { name: string; id: string }, policies: string, somPath: string): Buffer {
  return utf16(`<?xml version="1.0" encoding="utf-16"?>
<GPO xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
  <Identifier>
    <Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">${gpo.id}</Identifier>
    <Domain xmlns="http://www.microsoft.com/GroupPolicy/Types">${DOMAIN}</Domain>
  </Identifier>
  <Name>${gpo.name}</Name>
  <IncludeComments>true</IncludeComments>
  <CreatedTime>2025-09-01T09:00:00</CreatedTime>
  <ModifiedTime>2026-02-11T14:20:00</ModifiedTime>
  <ReadTime>2026-03-02T08:15:00.1234567Z</ReadTime>
  <FilterDataAvailable>true</FilterDataAvailable>
  <Computer>
    <VersionDirectory>12</VersionDirectory>
    <VersionSysvol>12</VersionSysvol>
    <Enabled>true</Enabled>
    <ExtensionData>
      <Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Registry" xsi:type="q1:RegistrySettings">
${policies}
        <q1:Blocked>false</q1:Blocked>
      </Extension>
      <Name>Registry</Name>
    </ExtensionData>
  </Computer>
  <User>
    <VersionDirectory>0</VersionDirectory>
    <VersionSysvol>0</VersionSysvol>
    <Enabled>false</Enabled>
  </User>
  <LinksTo>
    <SOMName>${somPath.split('/').pop()}</SOMName>
    <SOMPath>${somPath}</SOMPath>
    <Enabled>true</Enabled>
    <NoOverride>false</NoOverride>
  </LinksTo>
</GPO>
`);
}

const SESSION_HOSTS_OU = `${DOMAIN}/Servers/RDS Session Hosts`;

/** The domain GPO of the session hosts: TLS, NLA required, high encryption, and a one-minute limit for disconnected sessions. */
function sessionHostsReport(): Buffer {
  const policies = [securityLayer('SSL'), requireNla('Enabled'), encryptionLevel, disconnectedLimit].map((p) => policy('q1', p)).join('\n');
  return gpoReport(SESSION_HOSTS, policies, SESSION_HOSTS_OU);
}

/** gpresult /x on rdsh01: the session hosts' GPO wins; the legacy clients' GPO lost with NLA off (GPO013). */
function rdsh01Gpresult(): Buffer {
  const ref = (gpo: { id: string }, precedence: number): string =>
    [
      `          <GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base">`,
      `            <Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">${gpo.id}</Identifier>`,
      `            <Domain xmlns="http://www.microsoft.com/GroupPolicy/Types">${DOMAIN}</Domain>`,
      `          </GPO>`,
      `          <Precedence xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base">${precedence}</Precedence>`,
    ].join('\n');
  const applied = (gpo: { name: string; id: string }, order: number, som: string): string => `    <GPO>
      <Name>${gpo.name}</Name>
      <Path>
        <Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">${gpo.id}</Identifier>
        <Domain xmlns="http://www.microsoft.com/GroupPolicy/Types">${DOMAIN}</Domain>
      </Path>
      <VersionDirectory>12</VersionDirectory>
      <VersionSysvol>12</VersionSysvol>
      <Enabled>true</Enabled>
      <IsValid>true</IsValid>
      <FilterAllowed>true</FilterAllowed>
      <AccessDenied>false</AccessDenied>
      <Link>
        <SOMPath>${som}</SOMPath>
        <SOMOrder>${order}</SOMOrder>
        <AppliedOrder>${order}</AppliedOrder>
        <LinkOrder>1</LinkOrder>
        <Enabled>true</Enabled>
        <NoOverride>false</NoOverride>
      </Link>
      <SecurityFilter>NT AUTHORITY\\Authenticated Users</SecurityFilter>
      <ExtensionName>Registry</ExtensionName>
    </GPO>`;
  const policies = [
    policy('q1', securityLayer('SSL'), ref(SESSION_HOSTS, 1)),
    policy('q1', requireNla('Enabled'), ref(SESSION_HOSTS, 1)),
    policy('q1', requireNla('Disabled'), ref(LEGACY_CLIENTS, 2)),
    policy('q1', encryptionLevel, ref(SESSION_HOSTS, 1)),
    policy('q1', disconnectedLimit, ref(SESSION_HOSTS, 1)),
  ].join('\n');
  return utf16(`<?xml version="1.0" encoding="utf-16"?>
<Rsop xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Rsop">
  <ReadTime>2026-03-02T08:20:00.0000000Z</ReadTime>
  <DataType>LoggedData</DataType>
  <ComputerResults>
    <Version>2031623</Version>
    <Name>CORP\\RDSH01$</Name>
    <Domain>${DOMAIN}</Domain>
    <SOM>${SESSION_HOSTS_OU}</SOM>
    <Site>Default-First-Site-Name</Site>
    <SlowLink>false</SlowLink>
${applied(SESSION_HOSTS, 2, SESSION_HOSTS_OU)}
${applied(LEGACY_CLIENTS, 1, `${DOMAIN}/Servers`)}
    <ExtensionData>
      <Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Registry" xsi:type="q1:RegistrySettings" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
${policies}
      </Extension>
      <Name xmlns="http://www.microsoft.com/GroupPolicy/Settings">Registry</Name>
    </ExtensionData>
  </ComputerResults>
</Rsop>
`);
}

/** LGPO.exe /parse of rdsh02's local policy: Standard RDP Security left over from troubleshooting, and TCP only. */
function rdsh02Lgpo(): Buffer {
  const entry = (name: string, value: string): string => `Computer\n${TS}\n${name}\n${value}\n`;
  return utf8(`; ----------------------------------------------------------------------
; PARSING Computer POLICY
; Source file:  C:\\Windows\\System32\\GroupPolicy\\Machine\\Registry.pol

${entry('SecurityLayer', 'DWORD:0')}
${entry('SelectTransport', 'DWORD:1')}
${entry('fEncryptRPCTraffic', 'DWORD:0')}
; PARSING COMPLETED.
; ----------------------------------------------------------------------
`);
}

/** `reg export` of rdsh02's RDP-Tcp listener: port 3389, TLS, NLA, and no password prompt. */
function rdsh02Listener(): Buffer {
  return utf16(`Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\\${RDP_TCP}]
"Comment"=""
"fEnableWinStation"=dword:00000001
"MaxInstanceCount"=dword:ffffffff
"PortNumber"=dword:00000d3d
"SecurityLayer"=dword:00000002
"UserAuthentication"=dword:00000001
"MinEncryptionLevel"=dword:00000002
"fPromptForPassword"=dword:00000000
"LoadableProtocol_Object"="{5828227c-20cf-4408-b73f-73ab70b8849f}"

`);
}

/** The helpdesk PC's local Registry.pol (C:\Windows\System32\GroupPolicy\Machine): the CredSSP oracle left vulnerable, UDP off. */
function helpdeskPol(): Buffer {
  return writeRegistryPol([
    { key: CREDSSP, valueName: 'AllowEncryptionOracle', type: 'REG_DWORD', data: 2 },
    { key: `${TS}\\Client`, valueName: 'fClientDisableUDP', type: 'REG_DWORD', data: 1 },
    { key: TS, valueName: '**del.fAllowToGetHelp', type: 'REG_SZ', data: ' ' },
  ]);
}

/** Backup-GPO of a draft GPO for the gateway: a 10-minute keep-alive, TLS 1.2 turned off by a preference item, outgoing NTLM denied. */
function gatewayBackup(): Record<string, Buffer> {
  const dir = `policy/gpo-backup/${GATEWAY_DRAFT.backupId}`;
  const sysvol = `${dir}/DomainSysvol/GPO/Machine`;
  return {
    'policy/gpo-backup/manifest.xml': utf8(`<?xml version="1.0" encoding="utf-8"?>
<Backups xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest" xmlns:mfst="http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest" mfst:version="1.0"><BackupInst><GPOGUID><![CDATA[${GATEWAY_DRAFT.id}]]></GPOGUID><GPODomain><![CDATA[${DOMAIN}]]></GPODomain><GPODomainGuid><![CDATA[{0D6C3A4B-1E2F-4A5B-9C8D-7E6F5A4B3C2D}]]></GPODomainGuid><GPODomainController><![CDATA[dc01.${DOMAIN}]]></GPODomainController><BackupTime><![CDATA[2026-02-27T16:05:11]]></BackupTime><ID><![CDATA[${GATEWAY_DRAFT.backupId}]]></ID><Comment><![CDATA[Before review]]></Comment><GPODisplayName><![CDATA[${GATEWAY_DRAFT.name}]]></GPODisplayName></BackupInst></Backups>
`),
    [`${dir}/bkupInfo.xml`]: utf8(
      `<BackupInst xmlns="http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest"><GPOGuid><![CDATA[${GATEWAY_DRAFT.id}]]></GPOGuid><GPODomain><![CDATA[${DOMAIN}]]></GPODomain><GPODomainGuid><![CDATA[{0D6C3A4B-1E2F-4A5B-9C8D-7E6F5A4B3C2D}]]></GPODomainGuid><GPODomainController><![CDATA[dc01.${DOMAIN}]]></GPODomainController><BackupTime><![CDATA[2026-02-27T16:05:11]]></BackupTime><ID><![CDATA[${GATEWAY_DRAFT.backupId}]]></ID><Comment><![CDATA[Before review]]></Comment><GPODisplayName><![CDATA[${GATEWAY_DRAFT.name}]]></GPODisplayName></BackupInst>\n`,
    ),
    [`${dir}/gpreport.xml`]: gpoReport(GATEWAY_DRAFT, policy('q1', keepAlive(10)), `${DOMAIN}/Servers/RD Gateways`),
    [`${sysvol}/registry.pol`]: writeRegistryPol([
      { key: TS, valueName: 'KeepAliveEnable', type: 'REG_DWORD', data: 1 },
      { key: TS, valueName: 'KeepAliveInterval', type: 'REG_DWORD', data: 10 },
    ]),
    [`${sysvol}/Preferences/Registry/Registry.xml`]: utf8(
      `<?xml version="1.0" encoding="utf-8"?>
<RegistrySettings clsid="{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}"><Registry clsid="{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}" name="Enabled" status="Enabled" image="12" changed="2026-02-27 15:58:40" uid="{3E1D5C2B-7A6F-4B8E-9D0C-1F2A3B4C5D6E}"><Properties action="U" displayDecimal="1" default="0" hive="HKEY_LOCAL_MACHINE" key="${SCHANNEL_TLS12_SERVER}" name="Enabled" type="REG_DWORD" value="00000000"/></Registry>
</RegistrySettings>
`,
    ),
    [`${sysvol}/microsoft/windows nt/SecEdit/GptTmpl.inf`]: utf16(`[Unicode]
Unicode=yes
[Version]
signature="$CHICAGO$"
Revision=1
[Registry Values]
MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\MSV1_0\\RestrictSendingNTLMTraffic=4,2
[Privilege Rights]
SeRemoteInteractiveLogonRight = *S-1-5-32-544,*S-1-5-32-555
`),
  };
}

/** Every generated file of examples/, by path relative to it. */
export function demoExports(): Record<string, Buffer> {
  return {
    'policy/gpreport-rds-session-hosts.xml': sessionHostsReport(),
    'policy/gpresult-rdsh01.xml': rdsh01Gpresult(),
    'policy/rdsh02-local-policy.lgpo.txt': rdsh02Lgpo(),
    'policy/rdsh02-rdp-tcp.reg': rdsh02Listener(),
    'policy/helpdesk-pc/Machine/Registry.pol': helpdeskPol(),
    ...gatewayBackup(),
  };
}
