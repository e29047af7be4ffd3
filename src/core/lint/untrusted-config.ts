import { DEFAULT_CONFIG, type RdpDoctorConfig } from '../config/types';
import { loweringSettings, raiseOnly } from '../findings/severity';
import { ruleById } from '../rules/registry';
import { shortList } from '../text/short-list';

/**
 * A config as it applies to a workspace nobody vouched for (VS Code's Restricted Mode, docs/restricted-mode.md): its
 * rules may raise a rule's findings, not turn the rule off or lower them (`raiseOnly`), and `trust.expiringSoonDays`
 * may warn earlier than the default, not later (0 would hide NET027 for a certificate that expires tomorrow).
 * `trust.ca` is not applied: an extra trust anchor can only take warnings away (a certificate from the folder's own CA
 * would pass NET022, though no client trusts it), wherever its file lies. `notApplied` names what is not applied as
 * written (`ID: setting`).
 */
export function untrustedConfig(config: RdpDoctorConfig): { config: RdpDoctorConfig; notApplied: string[] } {
  const notApplied = loweringSettings(config.rules, (id) => ruleById(id)?.defaultSeverity);
  const days = DEFAULT_CONFIG.trust.expiringSoonDays;
  const earlier = config.trust.expiringSoonDays < days;
  if (earlier) notApplied.push(`trust.expiringSoonDays: ${config.trust.expiringSoonDays}`);
  const anchors = config.trust.ca.length > 0;
  if (anchors) notApplied.push(`trust.ca: ${shortList(config.trust.ca)}`);
  const trust = earlier || anchors ? { trust: { ca: [], expiringSoonDays: earlier ? days : config.trust.expiringSoonDays } } : {};
  return { config: { ...config, rules: raiseOnly(config.rules), ...trust }, notApplied };
}
