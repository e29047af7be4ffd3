import type { PolicyDocument, PolicySetting } from '../../gpo/model';
import { FIREWALL_KEYS, isFirewallScopeValue, MODERN_PROFILE_KEYS, PROFILE_KEYS, RD_EXCEPTION_SUBKEY } from '../../gpo/firewall-keys';
import { FIREWALL_PROFILES, inProfile, matchesRdp, parseFirewallRule, ruleLabel, type FirewallProfile, type FirewallRule } from '../../gpo/firewall-rule';
import { normalizeKey } from '../../gpo/registry-path';
import { live, numberOf, scopesOf, type PolicyScope } from '../../gpo/scopes';
import { KEYS } from '../../gpo/well-known-keys';
import { quote } from '../../text/quote';
import type { Severity } from '../types';
import type { PolicyRuleContext } from './types';

// GPO001's Windows Firewall findings (docs/rules/GPO001.md, "Windows Firewall"): a policy that keeps Remote Desktop
// clients from reaching the listener's TCP port. Read per GPO, like the rule's other values; the firewall values are
// not Remote Desktop values of the policy table, so GPO013 and the cross-checks do not compare them.

const RULES_KEY = normalizeKey(FIREWALL_KEYS.rules);
const DEFAULT_PORT = 3389;
const RD_POLICY = '"Windows Defender Firewall: Allow inbound Remote Desktop exceptions"';

/**
 * Severity by the profiles a setting blocks. A GPO applies to domain members, and Windows puts in the domain category
 * "networks on which it can authenticate access to the domain controller for the domain to which the computer is joined"
 * (Microsoft's definition of the network categories, as quoted by a third party: the primary page was not found in the
 * stored corpora, so this is the one judgement here not confirmed at its source): what blocks
 * the Domain profile blocks a domain server's usual connections, an error; the Private or Public profile alone only
 * where the server's network is classed so, which the export cannot tell, a warning.
 */
function severityFor(profiles: readonly FirewallProfile[]): Severity {
  return profiles.includes('Domain') ? 'error' : 'warning';
}

function profileList(profiles: readonly FirewallProfile[]): string {
  if (profiles.length === FIREWALL_PROFILES.length) return 'every profile (Domain, Private and Public)';
  const names = profiles.join(' and ');
  return `the ${names} profile${profiles.length > 1 ? 's' : ''}`;
}

const LIMIT_WORDS: Readonly<Record<string, string>> = {
  ra4: 'remote IPv4 addresses', ra6: 'remote IPv6 addresses', la4: 'local IPv4 addresses', la6: 'local IPv6 addresses', if: 'interfaces',
  iftype: 'interface types', rport: 'remote ports', rmauth: 'remote computers', ruauth: 'remote users', luauth: 'local users',
  luown: 'programs run by', apppkgid: 'app packages', ttk: 'trust tuple keywords', nnm: 'network names', platform: 'Windows versions', platform2: 'Windows versions',
};

/** A field's family: `RA42` is `RA4`'s (address keywords), `RPort2_10` `RPort`'s, `TTK2_27` `TTK`'s, `LUAuth2_24` `LUAuth`'s. */
function limitWord(field: string): string {
  const k = field.toLowerCase();
  const family = /^[rl]a[46]/.test(k) ? k.slice(0, 3) : k.replace(/2_\d+$/, '');
  return LIMIT_WORDS[family] ?? field;
}

function limitsText(rule: FirewallRule): string {
  const by = new Map<string, string[]>();
  for (const [k, v] of rule.limits) {
    const word = limitWord(k);
    by.set(word, [...(by.get(word) ?? []), v]);
  }
  return [...by].map(([word, values]) => `${word} ${values.map(quote).join(', ')}`).join('; ');
}

interface Scoped {
  readonly scope: PolicyScope;
  readonly port: number;
  /**
   * Whether the GPO writes the PrivateProfile or PublicProfile key: then the StandardProfile key's settings "are
   * ignored" and those two keys apply to the private and public networks ([MS-GPFAS] 2.2.3).
   */
  readonly standardIgnored: boolean;
  readonly rules: readonly { readonly at: PolicySetting; readonly rule: FirewallRule; readonly id: string }[];
}

const cache = new WeakMap<PolicyDocument, Scoped[]>();

/** Each GPO's firewall values, the RDP-Tcp listener's port it sets (else 3389), and its rules that match that port. */
function firewallScopes(doc: PolicyDocument): Scoped[] {
  let scoped = cache.get(doc);
  if (scoped) return scoped;
  const listener = normalizeKey(KEYS.listener);
  const keep = (hive: PolicySetting['hive'], key: string, name: string): boolean =>
    isFirewallScopeValue(hive, key, name) || (hive === 'HKLM' && name.toLowerCase() === 'portnumber' && normalizeKey(key) === listener);
  scoped = scopesOf(doc, keep).map((scope) => {
    const standardIgnored = scope.values().some((v) => MODERN_PROFILE_KEYS.has(normalizeKey(v.key)));
    const portValue = numberOf(live(scope.get('HKLM', KEYS.listener, 'PortNumber')));
    const port = portValue !== undefined && portValue > 0 && portValue < 65536 ? portValue : DEFAULT_PORT;
    const rules = [];
    for (const at of scope.values()) {
      if (normalizeKey(at.key) !== RULES_KEY || typeof at.data !== 'string') continue;
      const rule = parseFirewallRule(at.data);
      if (rule && rule.active && matchesRdp(rule, port)) rules.push({ at, rule, id: at.valueName });
    }
    return { scope, port, rules, standardIgnored };
  });
  cache.set(doc, scoped);
  return scoped;
}

/** A profile setting's number in a scope, from the profile's own key. */
function profileValue(scope: PolicyScope, profile: FirewallProfile | 'Standard', name: string): PolicySetting | undefined {
  const key = PROFILE_KEYS.find((p) => p.label.startsWith(profile))!.key;
  return live(scope.get('HKLM', key, name));
}

/** The firewall is off in a profile: the GPO sets its EnableFirewall to 0 (then no rule and no shield applies). */
function firewallOff(scope: PolicyScope, profile: FirewallProfile): boolean {
  return numberOf(profileValue(scope, profile, 'EnableFirewall')) === 0;
}

/** Reports GPO001's firewall findings for one export. */
export function checkFirewall({ doc, report }: Pick<PolicyRuleContext, 'doc' | 'report'>): void {
  for (const { scope, port, rules, standardIgnored } of firewallScopes(doc)) {
    const portText = `TCP port ${port}${port === DEFAULT_PORT ? '' : ' (the RDP-Tcp listener\'s PortNumber in this export)'}`;
    const bypass = rules.filter((r) => r.rule.action === 'bypass');
    const allows = rules.filter((r) => r.rule.action === 'allow' || r.rule.action === 'bypass');
    // 1. Block rules. "Allow-bypass rules take precedence over block rules, and block rules take precedence over allow
    // rules" ([MS-FASP] 2.2.34 FW_RULE_ACTION), whichever store (local or policy) each comes from.
    for (const { at, rule, id } of rules) {
      if (rule.action !== 'block') continue;
      const profiles = FIREWALL_PROFILES.filter((p) => inProfile(rule, p) && !firewallOff(scope, p));
      if (profiles.length === 0) continue;
      const over = bypass.filter((b) => profiles.some((p) => inProfile(b.rule, p)));
      const limited = rule.limits.length > 0;
      const severity: Severity = limited || over.length > 0 ? 'warning' : severityFor(profiles);
      const parts = [
        `The firewall rule ${ruleLabel(rule, id)} blocks inbound ${portText} in ${profileList(profiles)}${limited ? `, only for ${limitsText(rule)}` : ''}: Remote Desktop clients${limited ? ' it matches' : ''} cannot connect${profiles.length === FIREWALL_PROFILES.length ? '' : ` while the server's network uses ${profiles.length > 1 ? 'one of these profiles' : 'this profile'}`}.`,
        'A block rule wins over every allow rule, Windows\' own Remote Desktop rules included.',
      ];
      if (over.length > 0) parts.push(`The allow rule ${ruleLabel(over[0]!.rule, over[0]!.id)} overrides block rules, for the authenticated (IPsec) connections it allows.`);
      parts.push('Remove or narrow the rule in the GPO.');
      report({ message: parts.join(' '), at, severity, ...(over.length > 0 && { related: [{ message: 'The allow rule that overrides block rules.', at: over[0]!.at }] }) });
    }
    for (const p of PROFILE_KEYS) {
      const name = p.label.split(' ')[0] as FirewallProfile | 'Standard';
      const profileName = name === 'Standard' ? 'the legacy Standard (non-domain) profile' : `the ${name} profile`;
      // The StandardProfile key's own settings (EnableFirewall, DoNotAllowExceptions) are ignored beside a PrivateProfile
      // or PublicProfile key ([MS-GPFAS] 2.2.3). The legacy exception's `Services\RemoteDesktop` subkey is still read:
      // whether that sentence covers the WindowsFirewall.admx subkeys is not said, and reading them errs towards a finding.
      const ownIgnored = name === 'Standard' && standardIgnored;
      if (!ownIgnored && numberOf(profileValue(scope, name, 'EnableFirewall')) === 0) continue;
      // 2. "Windows Defender Firewall: Allow inbound Remote Desktop exceptions" (WindowsFirewall.admx/adml).
      const exception = live(scope.get('HKLM', `${p.key}\\${RD_EXCEPTION_SUBKEY}`, 'Enabled'));
      const exceptionOn = numberOf(exception);
      if (exception && exceptionOn === 0) {
        report({
          message: `${RD_POLICY} is Disabled for ${profileName}: the firewall blocks TCP port 3389 and a local exception cannot open it (WindowsFirewall.adml). Set the policy to Enabled with the addresses clients connect from, or to Not configured.`,
          at: exception,
          severity: name === 'Domain' ? 'error' : 'warning',
        });
      } else if (exception && exceptionOn === 1) {
        const addresses = live(scope.get('HKLM', `${p.key}\\${RD_EXCEPTION_SUBKEY}`, 'RemoteAddresses'));
        const list = typeof addresses?.data === 'string' ? addresses.data.trim() : '';
        if (addresses && list !== '' && list !== '*') {
          report({
            message: `${RD_POLICY} opens TCP port 3389 in ${profileName} only to ${quote(list)}: clients from other addresses are not let in by this exception.`,
            at: addresses,
            severity: 'info',
          });
        }
      }
      // 3. "Block all connections": the profile ignores every rule that allows inbound traffic.
      const shield = ownIgnored ? undefined : profileValue(scope, name, 'DoNotAllowExceptions');
      if (numberOf(shield) === 1) {
        report({
          message: `"DoNotAllowExceptions" is 1 for ${profileName} ("Block all connections"): the firewall blocks all unsolicited incoming messages, whatever allows them (WindowsFirewall.adml), so no Remote Desktop connection gets in while the server's network uses this profile. Set it to 0 or leave it not configured.`,
          at: shield!,
          severity: name === 'Domain' ? 'error' : 'warning',
        });
        continue;
      }
      // 4. AllowLocalPolicyMerge = 0 ([MS-GPFAS] 2.2.3.13; not defined for the Standard profile): the computer's own
      // rules, Windows' Remote Desktop rules among them, are not applied, so only the policy's rules can let clients in.
      if (name === 'Standard') continue;
      const merge = profileValue(scope, name, 'AllowLocalPolicyMerge');
      if (numberOf(merge) !== 0) continue;
      if (numberOf(profileValue(scope, name, 'DefaultInboundAction')) === 0) continue; // inbound allowed by default
      if (allows.some((a) => inProfile(a.rule, name))) continue;
      const legacy = PROFILE_KEYS.filter((k) => k.profiles.includes(name)).some((k) => numberOf(live(scope.get('HKLM', `${k.key}\\${RD_EXCEPTION_SUBKEY}`, 'Enabled'))) === 1);
      if (legacy) continue;
      report({
        message: `"AllowLocalPolicyMerge" is 0 for the ${name} profile: local firewall rules, Windows' Remote Desktop rules included, are not applied, and ${scope.gpo !== undefined || doc.format !== 'rsop-xml' ? 'this GPO has' : 'the resultant policy has'} no rule that allows inbound ${portText}. Remote Desktop connections are blocked in this profile${doc.format === 'rsop-xml' ? '' : ' unless another GPO allows them'}. Add an allow rule for the port, or set "Apply local firewall rules" to Yes.`,
        at: merge!,
        severity: 'warning',
      });
    }
  }
}
