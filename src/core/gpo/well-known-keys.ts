import type { Hive } from './model';
import { builtOnFirstUse } from '../built-once';
import { normalizeKey } from './registry-path';
import { USER_RIGHTS_KEY } from './logon-rights';

/** The registry keys RDP Doctor reads values from (policy-registry.md §1, §4, §5, §6). */
export const KEYS = {
  /** Remote Desktop Services policies (computer and user). */
  tsPolicy: 'SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services',
  /** Client-side computer policies such as "Turn Off UDP On Client". */
  tsClientPolicy: 'SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\Client',
  /** The RDP listener's own configuration. */
  listener: 'SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp',
  /** The local System Properties switch (fDenyTSConnections). */
  terminalServer: 'SYSTEM\\CurrentControlSet\\Control\\Terminal Server',
  /** CredSSP Encryption Oracle Remediation (not under SOFTWARE\Policies). */
  credssp: 'Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\CredSSP\\Parameters',
  tcpip: 'SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters',
  schannelProtocols: 'SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols',
  /** NTLM security options ("Network security: Restrict NTLM: …"), written by GptTmpl.inf or any registry export. */
  ntlm: 'SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0',
  /** Netlogon's parameters: the domain controller's NTLM restriction ("Restrict NTLM: NTLM authentication in this domain"). */
  netlogon: 'SYSTEM\\CurrentControlSet\\Services\\Netlogon\\Parameters',
  /** Kerberos client policies such as `TryIPSPN` (Kerberos for IP addresses). */
  kerberosParameters: 'Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\Kerberos\\Parameters',
  /** CredSSP's delegation policies (System > Credentials Delegation), such as "Restrict delegation of credentials to remote servers". */
  credentialsDelegation: 'SOFTWARE\\Policies\\Microsoft\\Windows\\CredentialsDelegation',
  /**
   * The Remote Desktop Services service: its `Start` value is the start type (4 = Disabled), which a security
   * template's `[Service General Setting]` and a GPO report's System Services set (`gpo/service-start.ts`).
   */
  termService: 'SYSTEM\\CurrentControlSet\\Services\\TermService',
} as const;

/** Where a value sits, which decides who wins: the policy overrides the listener's and the local values. */
export type ValueOrigin = 'policy' | 'listener' | 'local' | 'other';

/** The keys above as `normalizeKey` writes them, made on first use (issue 16: a lint of `.rdp` files reads none). */
const normalized = builtOnFirstUse('well-known keys', () => ({
  // The Remote Desktop logon rights (logon-rights.ts) are policy: a GPO's list replaces the computer's own.
  policy: new Set([normalizeKey(KEYS.tsPolicy), normalizeKey(KEYS.tsClientPolicy), normalizeKey(KEYS.credssp), normalizeKey(KEYS.kerberosParameters), normalizeKey(KEYS.credentialsDelegation), normalizeKey(USER_RIGHTS_KEY)]),
  listener: normalizeKey(KEYS.listener),
  local: new Set([normalizeKey(KEYS.terminalServer), normalizeKey(KEYS.tcpip), normalizeKey(KEYS.ntlm), normalizeKey(KEYS.netlogon), normalizeKey(KEYS.termService)]),
  schannelPrefix: normalizeKey(KEYS.schannelProtocols) + '\\',
  winStationsPrefix: normalizeKey(KEYS.terminalServer) + '\\winstations\\',
  terminalServer: normalizeKey(KEYS.terminalServer),
  tcpip: normalizeKey(KEYS.tcpip),
  ntlm: normalizeKey(KEYS.ntlm),
  netlogon: normalizeKey(KEYS.netlogon),
  termService: normalizeKey(KEYS.termService),
}));

export function originOf(key: string): ValueOrigin {
  const k = normalizeKey(key);
  const keys = normalized();
  if (keys.policy.has(k)) return 'policy';
  if (k === keys.listener) return 'listener';
  if (keys.local.has(k) || k.startsWith(keys.schannelPrefix)) return 'local';
  return 'other';
}

/**
 * Keys Windows shares with settings that are not Remote Desktop's (NTLM's, Kerberos's and TCP/IP's): only the values
 * the rules read count there (the policy table lists them; a test keeps the two the same). A session 16 review found
 * 67 GPO013 warnings about NTLMMinClientSec and Kerberos encryption types in security baselines, which no rule reads.
 */
export const readOnSharedKeys = builtOnFirstUse('values read on shared keys', (): ReadonlyMap<string, ReadonlySet<string>> => new Map([
  [normalizeKey(KEYS.ntlm), new Set(['restrictsendingntlmtraffic', 'clientallowedntlmservers', 'restrictreceivingntlmtraffic'])],
  [normalizeKey(KEYS.netlogon), new Set(['restrictntlmindomain', 'dcallowedntlmservers'])],
  [normalizeKey(KEYS.kerberosParameters), new Set(['tryipspn'])],
  [normalizeKey(KEYS.credentialsDelegation), new Set(['restrictedremoteadministration', 'restrictedremoteadministrationtype'])],
  [normalizeKey(KEYS.tcpip), new Set(['keepalivetime'])],
  [normalizeKey(KEYS.termService), new Set(['start'])],
]));

/** The listener a `…\Terminal Server\WinStations\<name>` key configures (RDP-Tcp, or one added beside it), else undefined. */
export function winStationOf(key: string): string | undefined {
  const k = normalizeKey(key);
  const prefix = normalized().winStationsPrefix;
  if (!k.startsWith(prefix)) return undefined;
  const trimmed = key.replace(/[\\]+$/, '');
  const name = trimmed.slice(trimmed.lastIndexOf('\\') + 1);
  return k.slice(prefix.length).includes('\\') || name === '' ? undefined : name;
}

/** What XRF002 reads from every listener, not only RDP-Tcp: where it listens and whether it is enabled. */
const READ_ON_EVERY_WINSTATION = new Set(['portnumber', 'fenablewinstation']);
const WINSTATION_NAME_LENGTHS = new Set([...READ_ON_EVERY_WINSTATION].map((v) => v.length));

/**
 * Values under the keys above (and Schannel's protocol switches) are the ones the rules and cross-checks read; under
 * a shared key, only the values named in `readOnSharedKeys`; under any other listener's key, its port and switch.
 */
export function isRdpRelevant(hive: Hive, key: string, valueName: string): boolean {
  // The name's length first: a lower-case copy of every value name of a large export is garbage.
  if (hive === 'HKLM' && WINSTATION_NAME_LENGTHS.has(valueName.length) && READ_ON_EVERY_WINSTATION.has(valueName.toLowerCase()) && winStationOf(key) !== undefined) return true;
  if ((hive !== 'HKLM' && hive !== 'HKCU') || originOf(key) === 'other') return false;
  const read = readOnSharedKeys().get(normalizeKey(key));
  return read === undefined || read.has(valueName.toLowerCase());
}

/** The Schannel key of one protocol and side: `TLS 1.2`, `Server`. */
export function schannelKey(protocol: string, side: 'Server' | 'Client'): string {
  return `${KEYS.schannelProtocols}\\${protocol}\\${side}`;
}

/** Where a value is set, for messages: "in the policy of GPO "X"", "in the RDP-Tcp listener's own settings". */
export function whereSet(s: { readonly hive: Hive; readonly key: string; readonly gpo?: string }): string {
  const k = normalizeKey(s.key);
  const keys = normalized();
  let base: string;
  switch (originOf(s.key)) {
    case 'policy':
      base = s.hive === 'HKCU' ? 'in the user policy' : 'in the policy';
      break;
    case 'listener':
      base = "in the RDP-Tcp listener's own settings";
      break;
    case 'local':
      base =
        k === keys.terminalServer ? 'in the local Terminal Server settings'
        : k === keys.tcpip ? 'in the TCP/IP parameters'
        : k === keys.ntlm ? 'in the NTLM security options (Lsa\\MSV1_0)'
        : k === keys.netlogon ? 'in the Netlogon parameters'
        : k === keys.termService ? "in the service's configuration (System Services)"
        : 'in the Schannel settings';
      break;
    case 'other': {
      const listener = winStationOf(s.key);
      base = listener !== undefined ? `in the "${listener}" listener's own settings` : 'in the registry';
    }
  }
  return s.gpo !== undefined ? `${base} of GPO "${s.gpo}"` : base;
}
