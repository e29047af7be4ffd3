import type { Hive } from './model';
import { normalizeKey } from './registry-path';
import type { FirewallProfile } from './firewall-rule';

// Where Group Policy writes Windows Firewall settings ([MS-GPFAS] 2.2: Software\Policies\Microsoft\WindowsFirewall):
// the rules ([MS-GPFAS] 2.2.2.19) under FirewallRules, each profile's settings under DomainProfile, PrivateProfile and
// PublicProfile ([MS-GPFAS] 2.2.3, e.g. 2.2.3.13 AllowLocalPolicyMerge), and the Windows XP-era Administrative
// Template policies of WindowsFirewall.admx under DomainProfile and StandardProfile (the Standard profile is the
// legacy non-domain profile; "Allow inbound Remote Desktop exceptions" writes `Services\RemoteDesktop`).

const ROOT = 'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall';

export const FIREWALL_KEYS = {
  root: ROOT,
  rules: `${ROOT}\\FirewallRules`,
} as const;

/** The profile keys and the profiles each stands for. StandardProfile is only the legacy ADMX policies' key. */
export const PROFILE_KEYS: readonly { readonly key: string; readonly label: string; readonly profiles: readonly FirewallProfile[] }[] = [
  { key: `${ROOT}\\DomainProfile`, label: 'Domain', profiles: ['Domain'] },
  { key: `${ROOT}\\PrivateProfile`, label: 'Private', profiles: ['Private'] },
  { key: `${ROOT}\\PublicProfile`, label: 'Public', profiles: ['Public'] },
  { key: `${ROOT}\\StandardProfile`, label: 'Standard (legacy)', profiles: ['Private', 'Public'] },
];

/** The profile settings read: on/off, "Block all connections" and whether local rules are merged. */
export const PROFILE_VALUES = ['EnableFirewall', 'DoNotAllowExceptions', 'AllowLocalPolicyMerge', 'DefaultInboundAction'] as const;

/** The legacy "Allow inbound Remote Desktop exceptions" values under `<profile>\Services\RemoteDesktop` (WindowsFirewall.admx WF_RemoteDesktop_Name_1/_2). */
export const RD_EXCEPTION_SUBKEY = 'Services\\RemoteDesktop';
export const RD_EXCEPTION_VALUES = ['Enabled', 'RemoteAddresses'] as const;

const RULES_KEY = normalizeKey(FIREWALL_KEYS.rules);
const PROFILE_KEY_SET = new Set(PROFILE_KEYS.map((p) => normalizeKey(p.key)));
const RD_KEY_SET = new Set(PROFILE_KEYS.map((p) => normalizeKey(`${p.key}\\${RD_EXCEPTION_SUBKEY}`)));
const PROFILE_VALUE_SET = new Set(PROFILE_VALUES.map((v) => v.toLowerCase()));
const RD_VALUE_SET = new Set(RD_EXCEPTION_VALUES.map((v) => v.toLowerCase()));

/** The PrivateProfile and PublicProfile keys, any value of which makes the StandardProfile key's settings ignored ([MS-GPFAS] 2.2.3). */
export const MODERN_PROFILE_KEYS = new Set(PROFILE_KEYS.filter((p) => p.label === 'Private' || p.label === 'Public').map((p) => normalizeKey(p.key)));

/**
 * Whether a computer registry value is one GPO001 takes into its firewall scopes: a value it reads (`isFirewallValue`),
 * or any value of the PrivateProfile or PublicProfile key, which only says that the legacy Standard profile is ignored.
 */
export function isFirewallScopeValue(hive: Hive, key: string, valueName: string): boolean {
  if (hive !== 'HKLM' || !/windowsfirewall/i.test(key)) return false;
  return isFirewallValue(hive, key, valueName) || MODERN_PROFILE_KEYS.has(normalizeKey(key));
}

/** Whether a computer registry value is one of the Windows Firewall policy values GPO001 reads. */
export function isFirewallValue(hive: Hive, key: string, valueName: string): boolean {
  // Most values of a large export are not the firewall's: a cheap test first.
  if (hive !== 'HKLM' || !/windowsfirewall/i.test(key)) return false;
  const k = normalizeKey(key);
  if (k === RULES_KEY) return valueName !== '';
  const v = valueName.toLowerCase();
  if (PROFILE_KEY_SET.has(k)) return PROFILE_VALUE_SET.has(v);
  return RD_KEY_SET.has(k) && RD_VALUE_SET.has(v);
}
