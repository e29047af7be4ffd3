import { effectiveEntry, type RdpDocument } from '../../rdp/parse';
import type { RdpRule, RuleMeta, Severity } from '../types';
import { setValue } from './fixes';
import { intValue } from '../../rdp/values';

export interface SettingRuleSpec extends Omit<RuleMeta, 'fixable'> {
  readonly key: string;
  /** The integer values that trigger the rule. */
  readonly when: readonly number[];
  readonly message: string;
  /** A message for files where `message` does not hold (another setting changes what the value does); `message` when it returns undefined. */
  readonly messageFor?: (doc: RdpDocument) => string | undefined;
  /** The value the fix writes; no fix when absent. */
  readonly fixTo?: number;
  /** The fix changes how the user signs in: offered, but not applied by `--fix` or fix-all. */
  readonly reviewFirst?: boolean;
  readonly severityFor?: (value: number) => Severity | undefined;
  /** Files where the value is what the connection needs: no finding. */
  readonly exempt?: (doc: RdpDocument) => boolean;
}

/** A rule that fires when one integer setting holds one of the given values: RDP020, RDP021, RDP022, RDP032. */
export function settingRule(spec: SettingRuleSpec): RdpRule {
  const { key, when, message, messageFor, fixTo, severityFor, reviewFirst, exempt, ...meta } = spec;
  return {
    ...meta,
    fixable: fixTo !== undefined,
    check({ doc, report }) {
      const entry = effectiveEntry(doc, key);
      const value = intValue(entry);
      if (!entry || entry.type !== 'i' || value === undefined || !when.includes(value)) return;
      if (exempt?.(doc)) return;
      const severity = severityFor?.(value);
      report({
        message: messageFor?.(doc) ?? message,
        span: entry.valueSpan,
        subject: key,
        ...(fixTo !== undefined && { fix: { ...setValue(entry, String(fixTo), `Set "${key}" to ${fixTo}`), ...(reviewFirst && { reviewFirst: true as const }) } }),
        ...(severity && { severity }),
      });
    },
  };
}
