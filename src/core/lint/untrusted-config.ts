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
 * A check may be given more time and fewer hosts at once, not less time or more hosts: `checks.timeoutMs` below the
 * default (as low as 100 ms) would make a healthy host look timed out, and a `checks.concurrency` above it (up to 256
 * connections at once) can delay lookups and connections past their time (Node's `dns.lookup` waits for one of libuv's
 * 4 threads); such a value is not applied, so the editor's own setting applies (`checks.set` no longer names it).
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
  const checks = untrustedChecks(config.checks, notApplied);
  const trust = earlier || anchors ? { trust: { ca: [], expiringSoonDays: earlier ? days : config.trust.expiringSoonDays } } : {};
  const hosts = named.length > 0 ? { hosts: config.hosts.map((h) => (otherName(h) ? withoutName(h) : h)) } : {};
  return { config: { ...config, rules: raiseOnly(config.rules), checks, ...trust, ...hosts }, notApplied };
}

function withoutName(h: InventoryHost): InventoryHost {
  const { name: _name, ...rest } = h;
  return rest;
}

/** The check settings of a config read for an untrusted workspace: no shorter timeout, no more hosts at once than the default. */
function untrustedChecks(checks: RdpDoctorConfig['checks'], notApplied: string[]): RdpDoctorConfig['checks'] {
  const defaults = DEFAULT_CONFIG.checks;
  const set = checks.set ?? [];
  const shorter = set.includes('timeoutMs') && checks.timeoutMs < defaults.timeoutMs;
  const wider = set.includes('concurrency') && checks.concurrency > defaults.concurrency;
  if (!shorter && !wider) return checks;
  if (shorter) notApplied.push(`checks.timeoutMs: ${checks.timeoutMs}`);
  if (wider) notApplied.push(`checks.concurrency: ${checks.concurrency}`);
  const kept = set.filter((key) => !(key === 'timeoutMs' ? shorter : wider));
  return {
    ...checks,
    timeoutMs: shorter ? defaults.timeoutMs : checks.timeoutMs,
    concurrency: wider ? defaults.concurrency : checks.concurrency,
    set: kept,
  };
}
