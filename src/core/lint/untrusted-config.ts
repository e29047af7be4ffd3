import { DEFAULT_CONFIG, type InventoryHost, type RdpDoctorConfig } from '../config/types';
import { loweringSettings, raiseOnly } from '../findings/severity';
import { ruleById } from '../rules/registry';
import { shortList } from '../text/short-list';

/** An inventory host's `name` other than the host itself: the name its certificate is judged by (NET023). */
const otherName = (h: InventoryHost): boolean => h.name !== undefined && h.name.toLowerCase() !== h.host.toLowerCase();

/**
 * A config as it applies to a workspace nobody vouched for (VS Code's Restricted Mode, docs/restricted-mode.md): its
 * rules may raise a rule's findings, not turn the rule off or lower them (`raiseOnly`), and `trust.expiringSoonDays`
 * may warn earlier than the default, not later (0 would hide NET027 for a certificate that expires tomorrow).
 * What can only take warnings away is not applied: `trust.ca` (a certificate from the folder's own CA, or the listener's
 * self-signed one named as a CA, would pass NET022, though no client trusts it), wherever its file lies, and an
 * inventory host's `name` (a certificate issued to that name would pass NET023, though clients connect by the host).
 * `notApplied` names what is not applied as written (`ID: setting`).
 */
export function untrustedConfig(config: RdpDoctorConfig): { config: RdpDoctorConfig; notApplied: string[] } {
  const notApplied = loweringSettings(config.rules, (id) => ruleById(id)?.defaultSeverity);
  const days = DEFAULT_CONFIG.trust.expiringSoonDays;
  const earlier = config.trust.expiringSoonDays < days;
  if (earlier) notApplied.push(`trust.expiringSoonDays: ${config.trust.expiringSoonDays}`);
  const anchors = config.trust.ca.length > 0;
  if (anchors) notApplied.push(`trust.ca: ${shortList(config.trust.ca)}`);
  const named = config.hosts.filter(otherName);
  if (named.length > 0) notApplied.push(`name: ${shortList(named.map((h) => `${h.name!} for ${h.host}`))}`);
  const trust = earlier || anchors ? { trust: { ca: [], expiringSoonDays: earlier ? days : config.trust.expiringSoonDays } } : {};
  const hosts = named.length > 0 ? { hosts: config.hosts.map((h) => (otherName(h) ? withoutName(h) : h)) } : {};
  return { config: { ...config, rules: raiseOnly(config.rules), ...trust, ...hosts }, notApplied };
}

function withoutName(h: InventoryHost): InventoryHost {
  const { name: _name, ...rest } = h;
  return rest;
}
