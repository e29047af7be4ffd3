import type { Hive } from './model';
import { normalizeKey } from './registry-path';
import type { SourceId } from '../knowledge/sources';
import { KEYS, schannelKey } from './well-known-keys';

/** One documented value and what it does. */
export interface RegistryValueMeaning {
  readonly value: number | string;
  readonly meaning: string;
}

/** `number`: compared by value. `nonzero-switch`: 0 is off and every other value is on (Schannel's `Enabled`). */
export type ValueKind = 'number' | 'nonzero-switch';

/** What RDP Doctor knows about one registry value: the data behind hovers and messages. */
export interface RegistryValueInfo {
  readonly valueName: string;
  /** The keys it is read from (the policy key and the listener's own key share most values). */
  readonly keys: readonly string[];
  readonly hives: readonly Hive[];
  readonly summary: string;
  readonly values?: readonly RegistryValueMeaning[];
  /** Free-form values: what the number counts. */
  readonly unit?: string;
  /** How Windows reads the number: by value (the default), or as a switch where any non-zero value means on. */
  readonly kind?: ValueKind;
  readonly sources: readonly SourceId[];
}

const TS = KEYS.tsPolicy;
const RDP_TCP = KEYS.listener;
const MACHINE: readonly Hive[] = ['HKLM'];
const BOTH: readonly Hive[] = ['HKLM', 'HKCU'];
const ON_OFF = (on: string, off: string): RegistryValueMeaning[] => [
  { value: 1, meaning: on },
  { value: 0, meaning: off },
];
const SCHANNEL_KEYS = ['SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'].flatMap((p) => [schannelKey(p, 'Server'), schannelKey(p, 'Client')]);

/** Session time-limit presets in milliseconds (TerminalServer.adml); 0 = never. */
export const SESSION_LIMIT_VALUES: readonly RegistryValueMeaning[] = [
  { value: 0, meaning: 'Never' },
  { value: 60000, meaning: '1 minute' },
  { value: 300000, meaning: '5 minutes' },
  { value: 600000, meaning: '10 minutes' },
  { value: 900000, meaning: '15 minutes' },
  { value: 1800000, meaning: '30 minutes' },
  { value: 3600000, meaning: '1 hour' },
  { value: 7200000, meaning: '2 hours' },
  { value: 10800000, meaning: '3 hours' },
  { value: 21600000, meaning: '6 hours' },
  { value: 28800000, meaning: '8 hours' },
  { value: 43200000, meaning: '12 hours' },
  { value: 57600000, meaning: '16 hours' },
  { value: 64800000, meaning: '18 hours' },
  { value: 86400000, meaning: '1 day' },
  { value: 172800000, meaning: '2 days' },
  { value: 259200000, meaning: '3 days' },
  { value: 345600000, meaning: '4 days' },
  { value: 432000000, meaning: '5 days' },
];

export const REGISTRY_VALUES: readonly RegistryValueInfo[] = [
  {
    valueName: 'fDenyTSConnections',
    keys: [TS, KEYS.terminalServer],
    hives: MACHINE,
    summary: 'Whether the computer accepts Remote Desktop connections. The policy value overrides the System Properties switch under the Terminal Server key.',
    values: ON_OFF('Denied: no new Remote Desktop connections are accepted.', 'Allowed.'),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'Start',
    keys: [KEYS.termService],
    hives: MACHINE,
    summary: 'The start type of the Remote Desktop Services service (TermService), as System Services in a GPO (a security template\'s [Service General Setting]) sets it. Disabled: the service does not start, and the computer accepts no Remote Desktop connection.',
    values: [
      { value: 2, meaning: 'Automatic: the service starts with Windows.' },
      { value: 3, meaning: 'Manual: the service starts when it is needed.' },
      { value: 4, meaning: 'Disabled: the service cannot be started, so no Remote Desktop connection is accepted.' },
    ],
    sources: ['SERVICE-START'],
  },
  {
    valueName: 'SecurityLayer',
    keys: [TS, RDP_TCP],
    hives: MACHINE,
    summary: 'The security layer the listener uses to protect the connection and authenticate the server.',
    values: [
      { value: 0, meaning: 'RDP: Standard RDP Security, no TLS and no server authentication.' },
      { value: 1, meaning: 'Negotiate: TLS when the client supports it, otherwise Standard RDP Security.' },
      { value: 2, meaning: 'SSL: TLS is required; clients without TLS cannot connect (recommended).' },
    ],
    sources: ['TS-ADMX', 'WMI-TSGENERAL'],
  },
  {
    valueName: 'UserAuthentication',
    keys: [TS, RDP_TCP],
    hives: MACHINE,
    summary: 'Whether Network Level Authentication (CredSSP) is required before a session is created.',
    values: ON_OFF('NLA required: clients without CredSSP get HYBRID_REQUIRED_BY_SERVER.', 'NLA not required.'),
    sources: ['TS-ADMX', 'WMI-TSGENERAL'],
  },
  {
    valueName: 'MinEncryptionLevel',
    keys: [TS, RDP_TCP],
    hives: MACHINE,
    summary: 'The minimum encryption level of Standard RDP Security (it does not apply to TLS).',
    values: [
      { value: 1, meaning: 'Low: 56-bit, client to server only.' },
      { value: 2, meaning: 'Client Compatible: the highest key strength the client supports.' },
      { value: 3, meaning: 'High: 128-bit; clients that cannot do it cannot connect.' },
      { value: 4, meaning: 'FIPS Compliant (listener and WMI only).' },
    ],
    sources: ['TS-ADMX', 'WMI-TSGENERAL'],
  },
  {
    valueName: 'AllowEncryptionOracle',
    keys: [KEYS.credssp],
    hives: MACHINE,
    summary: 'CredSSP Encryption Oracle Remediation (CVE-2018-0886): whether patched and unpatched CredSSP peers may talk.',
    values: [
      { value: 0, meaning: 'Force Updated Clients: neither side falls back to the insecure CredSSP versions.' },
      { value: 1, meaning: 'Mitigated: clients do not fall back, services still accept unpatched clients (the default since May 2018).' },
      { value: 2, meaning: 'Vulnerable: both sides fall back; exposes remote servers to the CVE-2018-0886 attack.' },
    ],
    sources: ['CREDSSP-ADMX', 'KB4093492'],
  },
  {
    valueName: 'SelectTransport',
    keys: [TS],
    hives: MACHINE,
    summary: 'Which transports the server offers for RDP traffic.',
    values: [
      { value: 0, meaning: 'Use both UDP and TCP (2019 ADMX only).' },
      { value: 1, meaning: 'Use only TCP.' },
      { value: 2, meaning: 'Use either UDP or TCP.' },
    ],
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'fClientDisableUDP',
    keys: [KEYS.tsClientPolicy],
    hives: MACHINE,
    summary: '"Turn Off UDP On Client": the Remote Desktop client uses TCP only.',
    values: ON_OFF('UDP off on the client: RDP traffic uses TCP only.', 'UDP allowed.'),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'KeepAliveEnable',
    keys: [TS],
    hives: MACHINE,
    summary: 'Server keep-alive: the server checks the session state so a dropped client leaves a disconnected session, not an active orphan.',
    values: ON_OFF('Keep-alive on.', 'Keep-alive off.'),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'KeepAliveInterval',
    keys: [TS],
    hives: MACHINE,
    summary: 'The keep-alive interval of "Configure keep-alive connection interval".',
    unit: 'minutes (1–999999)',
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'KeepAliveTime',
    keys: [KEYS.tcpip],
    hives: MACHINE,
    summary: 'How long TCP waits on an idle connection before its first keep-alive packet (MSS: KeepAliveTime; default 7,200,000 ms, 2 hours), for connections whose program turns TCP keep-alive on; keep-alive packets are not sent otherwise. Remote Desktop\'s own keep-alive is "Configure keep-alive connection interval" (KeepAliveEnable, KeepAliveInterval).',
    unit: 'milliseconds',
    sources: ['MSS-ADMX'],
  },
  {
    valueName: 'MaxIdleTime',
    keys: [TS, RDP_TCP],
    hives: BOTH,
    summary: 'How long an active but idle session lasts before it is disconnected (or ended, with fResetBroken).',
    unit: 'milliseconds',
    values: SESSION_LIMIT_VALUES,
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'MaxDisconnectionTime',
    keys: [TS, RDP_TCP],
    hives: BOTH,
    summary: 'How long a disconnected session is kept before it is logged off.',
    unit: 'milliseconds',
    values: SESSION_LIMIT_VALUES,
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'MaxConnectionTime',
    keys: [TS, RDP_TCP],
    hives: BOTH,
    summary: 'The longest an active session may last.',
    unit: 'milliseconds',
    values: SESSION_LIMIT_VALUES,
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'fResetBroken',
    keys: [TS, RDP_TCP],
    hives: BOTH,
    summary: '"End session when time limits are reached": log off instead of disconnecting.',
    values: ON_OFF('End (log off) the session when a limit is reached.', 'Disconnect the session.'),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'fEncryptRPCTraffic',
    keys: [TS],
    hives: MACHINE,
    summary: '"Require secure RPC communication" for the Remote Desktop Services administration interface (not RDP connections).',
    values: ON_OFF('Only authenticated, encrypted RPC is accepted.', 'Unsecured RPC is accepted from clients that do not answer a request for security.'),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'fPromptForPassword',
    keys: [TS, RDP_TCP],
    hives: MACHINE,
    summary: '"Always prompt for password upon connection": users type the password at the server even if the client sent credentials.',
    values: ON_OFF('Always prompt (security baseline).', 'Use the credentials the client sends.'),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'DisablePasswordSaving',
    keys: [TS],
    hives: BOTH,
    summary: '"Do not allow passwords to be saved" in the Remote Desktop client.',
    values: ON_OFF('Saving passwords is off (security baseline).', 'Users may save passwords.'),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'PortNumber',
    keys: [RDP_TCP],
    hives: MACHINE,
    summary: 'The TCP port the RDP listener listens on; 3389 by default. A change needs a restart and firewall rules for TCP and UDP.',
    unit: 'TCP port',
    sources: ['LISTENING-PORT'],
  },
  {
    valueName: 'SSLCertificateSHA1Hash',
    keys: [RDP_TCP],
    hives: MACHINE,
    summary: "The thumbprint (SHA-1, 20 bytes) of the listener's certificate in LocalMachine\\My; without it the self-signed certificate is used.",
    sources: ['LISTENER-CERT', 'WMI-TSGENERAL'],
  },
  {
    valueName: 'AuthenticationLevel',
    keys: [TS],
    hives: MACHINE,
    summary: '"Configure server authentication for client": overrides "authentication level" in .rdp files.',
    values: [
      { value: 0, meaning: 'Always connect, even if authentication fails.' },
      { value: 1, meaning: 'Do not connect if authentication fails.' },
      { value: 2, meaning: 'Warn me if authentication fails.' },
    ],
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'CertTemplateName',
    keys: [TS],
    hives: MACHINE,
    summary: 'The certificate template the server enrols its listener certificate from.',
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'LicensingMode',
    keys: [TS],
    hives: MACHINE,
    summary: 'The Remote Desktop licensing mode of the RD Session Host.',
    values: [
      { value: 2, meaning: 'Per Device.' },
      { value: 4, meaning: 'Per User.' },
      { value: 6, meaning: 'AAD Per User (deprecated on Windows 11 and later).' },
    ],
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'LicenseServers',
    keys: [TS],
    hives: MACHINE,
    summary: 'The license servers tried first, comma-separated.',
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'TrustedCertThumbprints',
    keys: [TS],
    hives: BOTH,
    summary:
      '"Specify (SHA1) thumbprints of certificates representing trusted .rdp publishers": for .rdp files signed by these certificates Remote Desktop Connection shows no security warning and turns the requested redirections on. The computer and user lists combine; entries that are not thumbprints are ignored. SHA-2 thumbprints are accepted since the July 2026 update.',
    sources: ['TS-ADMX', 'RDP-FILE-SECURITY-GP'],
  },
  {
    valueName: 'RestrictSendingNTLMTraffic',
    keys: [KEYS.ntlm],
    hives: MACHINE,
    summary:
      '"Network security: Restrict NTLM: Outgoing NTLM traffic to remote servers": whether this computer may authenticate to remote servers with NTLM. Deny all leaves Kerberos only, which needs a server name with an SPN (an IP address works only with TryIPSPN and an IP SPN).',
    values: [
      { value: 0, meaning: 'Allow all: NTLM may be sent to any remote server (also when not defined).' },
      { value: 1, meaning: 'Audit all: NTLM is sent and each use is logged.' },
      { value: 2, meaning: 'Deny all: NTLM is never sent; authentication to a remote server needs Kerberos.' },
    ],
    sources: ['RESTRICT-NTLM-OUTGOING', 'KERBEROS-IP'],
  },
  {
    valueName: 'ClientAllowedNTLMServers',
    keys: [KEYS.ntlm],
    hives: MACHINE,
    summary:
      '"Network security: Restrict NTLM: Add remote server exceptions for NTLM authentication": the servers this computer may still use NTLM with when outgoing NTLM is denied, one name per line as the application names the server; a single asterisk anywhere in a name is a wildcard.',
    sources: ['RESTRICT-NTLM-EXCEPTIONS', 'RESTRICT-NTLM-OUTGOING'],
  },
  {
    valueName: 'TryIPSPN',
    keys: [KEYS.kerberosParameters],
    hives: MACHINE,
    summary: 'Kerberos for IP addresses: when 1, the client also asks for a Kerberos ticket for a host given as an IP address, which works only if the server has that IP address registered as an SPN.',
    values: ON_OFF('Try IP SPNs: Kerberos can serve an IP address that is registered as an SPN.', 'No Kerberos for IP addresses (the default): the client falls back to NTLM.'),
    sources: ['KERBEROS-IP'],
  },
  {
    valueName: 'Enabled',
    keys: SCHANNEL_KEYS,
    hives: MACHINE,
    summary: 'Whether Schannel may negotiate this protocol version on this side. Any non-zero value enables it, so 1 and 0xffffffff mean the same.',
    values: ON_OFF('Enabled (negotiated unless DisabledByDefault is also set).', 'Disabled: never negotiated.'),
    kind: 'nonzero-switch',
    sources: ['TLS-REGISTRY'],
  },
  {
    valueName: 'DisabledByDefault',
    keys: SCHANNEL_KEYS,
    hives: MACHINE,
    summary: 'Whether the protocol is off unless an application asks for it explicitly. Any non-zero value sets it.',
    values: ON_OFF('Disabled by default: used only when the caller asks for it explicitly.', 'Used by default.'),
    kind: 'nonzero-switch',
    sources: ['TLS-REGISTRY'],
  },
];

const byValue = new Map<string, RegistryValueInfo>();
for (const info of REGISTRY_VALUES) for (const key of info.keys) byValue.set(`${normalizeKey(key)}\\${info.valueName.toLowerCase()}`, info);

/** What RDP Doctor knows about a value, if anything. */
export function findValueInfo(key: string, valueName: string): RegistryValueInfo | undefined {
  return byValue.get(`${normalizeKey(key)}\\${valueName.toLowerCase()}`);
}

/** The documented meaning of one value. */
export function meaningOf(info: RegistryValueInfo, value: number | string): string | undefined {
  return info.values?.find((v) => v.value === value || String(v.value) === String(value))?.meaning;
}
