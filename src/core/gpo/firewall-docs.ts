import type { PolicySetting } from './model';
import type { RegistryValueInfo } from './policy-values/row';
import { FIREWALL_KEYS, isFirewallValue, PROFILE_KEYS, RD_EXCEPTION_SUBKEY } from './firewall-keys';
import { coversPort, parseFirewallRule, type FirewallRule } from './firewall-rule';
import { normalizeKey } from './registry-path';
import { escapeMarkdown } from '../text/markdown';

// What a hover says of the Windows Firewall values GPO001 reads (setting-docs.ts): the rows of the policy-value table
// are Remote Desktop's own values, which GPO013 and the cross-checks compare; these are not, so they live here.

const ON_OFF = (on: string, off: string) => [
  { value: 1, meaning: on },
  { value: 0, meaning: off },
];

const PROFILE_INFO: Readonly<Record<string, Omit<RegistryValueInfo, 'keys' | 'valueName' | 'hives'>>> = {
  enablefirewall: { summary: 'Turns the firewall on or off for this profile ("Firewall state"). Off, no rule of the profile applies.', values: ON_OFF('On.', 'Off: no rule and no "Block all connections" applies.'), sources: ['WF-ADMX'] },
  donotallowexceptions: {
    summary: '"Block all connections" ("Windows Defender Firewall: Do not allow exceptions"): the firewall blocks all unsolicited incoming messages and ignores every rule that allows them, Remote Desktop\'s included (GPO001).',
    values: ON_OFF('Every inbound connection is blocked.', 'Rules that allow inbound connections apply.'),
    sources: ['WF-ADMX'],
  },
  allowlocalpolicymerge: {
    summary: '"Apply local firewall rules" ([MS-GPFAS] 2.2.3.13): whether the computer\'s own rules, Windows\' Remote Desktop rules among them, are applied besides the policy\'s (GPO001 warns when they are not and the GPO allows no Remote Desktop).',
    values: ON_OFF('Local rules are applied.', 'Only the policy\'s rules are applied.'),
    sources: ['MS-GPFAS'],
  },
  defaultinboundaction: { summary: 'What the firewall does with an inbound connection no rule matches.', values: ON_OFF('Block (the default).', 'Allow.'), sources: ['MS-GPFAS'] },
};

const RD_INFO: Readonly<Record<string, Omit<RegistryValueInfo, 'keys' | 'valueName' | 'hives'>>> = {
  enabled: {
    summary: '"Windows Defender Firewall: Allow inbound Remote Desktop exceptions": opens TCP port 3389 to the addresses in RemoteAddresses. Disabled blocks the port, and a local exception cannot open it (GPO001).',
    values: ON_OFF('Enabled: the port is open to RemoteAddresses.', 'Disabled: the port is blocked.'),
    sources: ['WF-ADMX'],
  },
  remoteaddresses: { summary: 'The addresses the Remote Desktop exception lets in: "*" for any, or a comma-separated list of addresses, subnets and "localsubnet".', sources: ['WF-ADMX'] },
};

/** The actions of [MS-FASP] 2.2.34, as the rule string writes them (lower-cased): a hover shows no other text of the export here. */
const ACTIONS: Readonly<Record<string, string>> = { allow: 'Allow', block: 'Block', bypass: 'Allow, overriding block rules (ByPass)' };

/** Whether an inbound rule for TCP (or any protocol) covers port 3389: a UDP or outbound rule on 3389 does not. */
function takesIn3389(rule: FirewallRule): boolean {
  return rule.dir === 'in' && (rule.protocol === undefined || rule.protocol === 6) && coversPort(rule, 3389);
}

/** What RDP Doctor knows of a firewall value GPO001 reads, for its hover; undefined for any other value. */
export function firewallValueInfo(s: Pick<PolicySetting, 'hive' | 'key' | 'valueName' | 'data'>): RegistryValueInfo | undefined {
  if (!isFirewallValue(s.hive, s.key, s.valueName)) return undefined;
  const k = normalizeKey(s.key);
  const base = { valueName: s.valueName, keys: [s.key], hives: ['HKLM' as const] };
  if (k === normalizeKey(FIREWALL_KEYS.rules)) {
    const rule = typeof s.data === 'string' ? parseFirewallRule(s.data) : undefined;
    const what = rule
      ? `${rule.active ? 'Enabled' : 'Not enabled'}; ${ACTIONS[rule.action] ?? 'an action RDP Doctor does not know'}, ${rule.dir === 'in' ? 'inbound' : rule.dir === 'out' ? 'outbound' : 'no direction'}, protocol ${rule.protocol ?? 'any'}, local ports ${rule.localPorts.length > 0 ? escapeMarkdown(rule.localPorts.join(', ')) : 'any'}, profiles ${rule.profiles.length > 0 ? rule.profiles.join(', ') : 'all'}${takesIn3389(rule) ? '; takes in TCP port 3389' : ''}.`
      : 'The data is not a rule string ("v<version>|…|").';
    return { ...base, summary: `A Windows Firewall rule of the policy, named by its ID ([MS-GPFAS] 2.2.2.19). ${what} A block rule wins over allow rules; only an allow rule that overrides block rules wins over it ([MS-FASP] 2.2.34).`, sources: ['MS-GPFAS', 'MS-FASP-ACTION'] };
  }
  const name = s.valueName.toLowerCase();
  const rd = PROFILE_KEYS.some((p) => normalizeKey(`${p.key}\\${RD_EXCEPTION_SUBKEY}`) === k);
  const info = rd ? RD_INFO[name] : PROFILE_INFO[name];
  return info ? { ...base, ...info } : undefined;
}
