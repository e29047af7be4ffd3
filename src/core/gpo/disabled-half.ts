import type { PolicySetting } from './model';
import { quote } from '../text/quote';
import { isRdpRelevant } from './well-known-keys';
import { FIREWALL_KEYS, isFirewallValue } from './firewall-keys';
import { matchesRdp, parseFirewallRule } from './firewall-rule';
import { normalizeKey } from './registry-path';

const RULES_KEY = normalizeKey(FIREWALL_KEYS.rules);

/**
 * A value GPO001 would judge: a Remote Desktop value, or a Windows Firewall value it reads (a profile or Remote Desktop
 * exception value, or an enabled rule that can match the listener's traffic on 3389); the many firewall rules for other
 * programs and ports are not counted.
 */
function counts(s: PolicySetting): boolean {
  if (isRdpRelevant(s.hive, s.key, s.valueName)) return true;
  if (!isFirewallValue(s.hive, s.key, s.valueName)) return false;
  if (normalizeKey(s.key) !== RULES_KEY) return true;
  const rule = typeof s.data === 'string' ? parseFirewallRule(s.data) : undefined;
  return rule !== undefined && rule.active && matchesRdp(rule, 3389);
}

/** The two halves of a GPO, each of which can be disabled on its own: Computer Configuration and User Configuration. */
export type GpoHalf = 'computer' | 'user';

/**
 * The GPO's flags (the groupPolicyContainer's `flags`, kept as `<Options>` in a backup's Backup.xml): 1 disables the user
 * settings, 2 the computer settings, 3 both ([MS-GPOD] on the GPO's attributes;
 * [MS-GPOL] 3.2.5.1.6 leaves the GPO out of the policy mode whose half is disabled).
 */
const DISABLE_FLAG: Readonly<Record<GpoHalf, number>> = { user: 0x1, computer: 0x2 };

export function disabledByFlags(flags: number, half: GpoHalf): boolean {
  return (flags & DISABLE_FLAG[half]) !== 0;
}

/**
 * The note for a disabled half that holds Remote Desktop values, which are then neither applied by Windows nor
 * checked; undefined when it holds none (most disabled halves are empty).
 */
export function disabledHalfNote(half: GpoHalf, settings: readonly PolicySetting[], why: string, gpo: string | undefined): string | undefined {
  const n = settings.filter(counts).length;
  if (n === 0) return undefined;
  const of = gpo !== undefined ? ` of GPO ${quote(gpo)}` : '';
  return `The ${half} settings${of} are disabled (${why}), so Windows does not apply them: ${n === 1 ? 'its Remote Desktop value is' : `their ${n} Remote Desktop values are`} not checked.`;
}
