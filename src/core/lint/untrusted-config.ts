import { DEFAULT_CONFIG, type RdpDoctorConfig } from '../config/types';
import { loweringSettings, raiseOnly } from '../findings/severity';
import { ruleById } from '../rules/registry';

/**
 * A config as it applies to a workspace nobody vouched for (VS Code's Restricted Mode, docs/restricted-mode.md): its
 * rules may raise a rule's findings, not turn the rule off or lower them (`raiseOnly`), and `trust.expiringSoonDays`
 * may warn earlier than the default, not later (0 would hide NET027 for a certificate that expires tomorrow).
 * `notApplied` names what is not applied as written (`ID: setting`).
 */
export function untrustedConfig(config: RdpDoctorConfig): { config: RdpDoctorConfig; notApplied: string[] } {
  const notApplied = loweringSettings(config.rules, (id) => ruleById(id)?.defaultSeverity);
  const days = DEFAULT_CONFIG.trust.expiringSoonDays;
  const earlier = config.trust.expiringSoonDays < days;
  if (earlier) notApplied.push(`trust.expiringSoonDays: ${config.trust.expiringSoonDays}`);
  return {
    config: { ...config, rules: raiseOnly(config.rules), ...(earlier && { trust: { ...config.trust, expiringSoonDays: days } }) },
    notApplied,
  };
}
