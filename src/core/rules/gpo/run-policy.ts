import { valueId } from '../../gpo/registry-path';
import { originOf } from '../../gpo/well-known-keys';
import type { PolicyFact } from '../xrf/facts';
import type { ValueRef } from './lookup';

/** A policy value an export of the run sets, and the export. */
export interface PolicySetter<L> {
  readonly path: string;
  readonly fact: PolicyFact<L>;
}

/** Where the run sets policy values: the first export (in run order) that sets one of `refs`' policy values, except `except`. */
export type RunPolicy<L> = (refs: readonly ValueRef[], except?: string) => PolicySetter<L> | undefined;

/**
 * The policy values the exports of one run set. A configured policy overrides the listener's and the computer's own
 * value on the server the exports describe: TerminalServer.adml's explain texts use the local setting only "if you do
 * not configure this policy setting" (SPEC: policy wins over the listener value). A policy that is Not Configured, or
 * one an export deletes, is no fact (`policyFacts` keeps the values in effect), so it overrides nothing.
 */
export function runPolicy<L>(exports: readonly { readonly path: string; readonly facts: { readonly values: readonly PolicyFact<L>[] } }[]): RunPolicy<L> {
  const byId = new Map<string, PolicySetter<L>[]>();
  for (const { path, facts } of exports) {
    for (const fact of facts.values) {
      if (originOf(fact.key) !== 'policy') continue;
      const id = valueId(fact.hive, fact.key, fact.valueName);
      let list = byId.get(id);
      if (!list) byId.set(id, (list = []));
      list.push({ path, fact });
    }
  }
  return (refs, except) => {
    for (const r of refs) {
      if (originOf(r.key) !== 'policy') continue;
      const found = byId.get(valueId(r.hive, r.key, r.name))?.find((s) => s.path !== except);
      if (found) return found;
    }
    return undefined;
  };
}
