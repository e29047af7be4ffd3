import { mayApplyTogether } from '../../gpo/links';
import { valueId } from '../../gpo/registry-path';
import { originOf } from '../../gpo/well-known-keys';
import type { PolicyFact } from '../xrf/facts';
import type { ValueRef } from './lookup';

/** A policy value an export of the run sets, and the export. */
export interface PolicySetter<L> {
  readonly path: string;
  readonly fact: PolicyFact<L>;
}

/**
 * The value a policy would override: the export and GPO it comes from (a setter of that same GPO is no other policy:
 * within one GPO the rules already read the policy first), and where that GPO is linked.
 */
export interface OverriddenValue {
  readonly path?: string;
  readonly gpo?: string;
  readonly links?: readonly string[];
}

/** Where the run sets policy values: the first export (in run order) that sets one of `refs`' policy values and may override `value`. */
export type RunPolicy<L> = (refs: readonly ValueRef[], value?: OverriddenValue) => PolicySetter<L> | undefined;

interface Setter<L> extends PolicySetter<L> {
  /** A gpresult: its winners are one scope, whichever GPO set each. */
  readonly oneScope: boolean;
}

/**
 * The policy values the exports of one run set. A configured policy overrides the listener's and the computer's own
 * value on the server the exports describe: TerminalServer.adml's explain texts use the local setting only "if you do
 * not configure this policy setting" (SPEC: policy wins over the listener value). A policy that is Not Configured, or
 * one an export deletes, is no fact (`policyFacts` keeps the values in effect), so it overrides nothing.
 * A policy set in another GPO of the same export (a `Get-GPOReport -All` report) overrides too, as one set in another
 * export does, but not one of the same GPO (or of a gpresult's one scope), and not one whose GPO's links keep it away
 * from the value's (`mayApplyTogether`): those GPOs never apply to one computer.
 */
export function runPolicy<L>(
  exports: readonly { readonly path: string; readonly facts: { readonly values: readonly PolicyFact<L>[]; readonly rsop?: unknown } }[],
): RunPolicy<L> {
  const byId = new Map<string, Setter<L>[]>();
  for (const { path, facts } of exports) {
    for (const fact of facts.values) {
      if (originOf(fact.key) !== 'policy') continue;
      const id = valueId(fact.hive, fact.key, fact.valueName);
      let list = byId.get(id);
      if (!list) byId.set(id, (list = []));
      list.push({ path, fact, oneScope: facts.rsop !== undefined });
    }
  }
  const sameScope = (s: Setter<L>, v: OverriddenValue): boolean => s.path === v.path && (s.oneScope || s.fact.gpo === v.gpo);
  return (refs, value = {}) => {
    for (const r of refs) {
      if (originOf(r.key) !== 'policy') continue;
      const found = byId.get(valueId(r.hive, r.key, r.name))?.find((s) => !sameScope(s, value) && mayApplyTogether(s.fact.links, value.links));
      if (found) return { path: found.path, fact: found.fact };
    }
    return undefined;
  };
}
