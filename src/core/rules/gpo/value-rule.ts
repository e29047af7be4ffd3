import type { PolicySetting } from '../../gpo/model';
import type { PolicyScope } from '../../gpo/scopes';
import type { RuleMeta, Severity } from '../types';
import { effective, overriddenBy } from './lookup';
import { gpoRefs, type RefName } from './refs';
import type { PolicyReport, PolicyRule } from './types';

/** What a check says; `related` points at the other values it read (set by another GPO of a gpresult report). */
export type Verdict = { readonly message: string; readonly severity?: Severity; readonly related?: PolicyReport['related'] } | undefined;

/** One value a rule reads, and what it says about the value in effect. */
export interface ValueCheck {
  /** Where the value is read, in priority order: an entry of `gpoRefs()`, which is built when a rule first runs. */
  readonly refs: RefName;
  test(value: number, setting: PolicySetting, scope: PolicyScope): Verdict;
}

export interface ValueRuleSpec extends Omit<RuleMeta, 'fixable'> {
  readonly checks: readonly ValueCheck[];
}

/**
 * A rule that looks at the number in effect for each value it reads, per GPO, and reports it at the
 * winning entry; values that entry overrides (the listener's own, under a policy) are related locations.
 */
export function valueRule(spec: ValueRuleSpec): PolicyRule {
  const { checks, ...meta } = spec;
  return {
    ...meta,
    fixable: false,
    judgesValueInEffect: true,
    check({ scopes, report }) {
      const refs = gpoRefs();
      for (const scope of scopes) {
        for (const c of checks) {
          const e = effective(scope, refs[c.refs]);
          if (!e || e.value === undefined) continue;
          const verdict = c.test(e.value, e.setting, scope);
          if (!verdict) continue;
          const related = [...overriddenBy(e), ...(verdict.related ?? [])];
          report({ message: verdict.message, at: e.setting, ...(related.length > 0 && { related }), ...(verdict.severity && { severity: verdict.severity }) });
        }
      }
    },
  };
}
