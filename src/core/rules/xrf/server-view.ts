import type { Hive } from '../../gpo/model';
import { normalizeKey } from '../../gpo/registry-path';
import { numberOf } from '../../gpo/scopes';
import { originOf, winStationOf } from '../../gpo/well-known-keys';
import type { ValueRef } from '../gpo/lookup';
import type { PolicyFact, PolicyFacts } from './facts';

/** The server side as one export (one GPO of it) describes it: the value in effect for each setting. */
export interface ServerView<L> {
  readonly path: string;
  readonly gpo?: string;
  /**
   * The first fact present in priority order (policy before the listener's own value). A listener or local value is
   * left out when another export of the run sets the policy: the policy overrides it on the server they describe.
   */
  value(refs: readonly ValueRef[]): PolicyFact<L> | undefined;
  /** This value of every listener (WinStation) the export configures: RDP-Tcp and any added beside it. */
  listenerValues(valueName: string): { readonly listener: string; readonly fact: PolicyFact<L> }[];
}

const id = (hive: Hive, key: string, name: string): string => `${hive}\\${normalizeKey(key)}\\${name.toLowerCase()}`;

/** One view per export file and GPO; the policy set in any of them wins over the listener values of all. */
export function serverViews<L>(exports: readonly { path: string; facts: PolicyFacts<L> }[]): ServerView<L>[] {
  const groups: { path: string; gpo: string; facts: Map<string, PolicyFact<L>> }[] = [];
  for (const file of exports) {
    const byGpo = new Map<string, Map<string, PolicyFact<L>>>();
    for (const fact of file.facts.values) {
      const g = fact.gpo ?? '';
      let group = byGpo.get(g);
      if (!group) byGpo.set(g, (group = new Map()));
      group.set(id(fact.hive, fact.key, fact.valueName), fact);
    }
    for (const [gpo, facts] of byGpo) groups.push({ path: file.path, gpo, facts });
  }
  const first = (facts: Map<string, PolicyFact<L>>, refs: readonly ValueRef[]) => refs.map((r) => facts.get(id(r.hive, r.key, r.name))).find((f) => f !== undefined);
  const policySet = new Map<readonly ValueRef[], boolean>();
  const runSetsPolicy = (refs: readonly ValueRef[]): boolean => {
    let set = policySet.get(refs);
    if (set === undefined) {
      const policyRefs = refs.filter((r) => originOf(r.key) === 'policy');
      policySet.set(refs, (set = policyRefs.length > 0 && groups.some((g) => first(g.facts, policyRefs) !== undefined)));
    }
    return set;
  };
  return groups.map(({ path, gpo, facts }) => ({
    path,
    ...(gpo !== '' && { gpo }),
    value: (refs) => {
      const fact = first(facts, refs);
      return fact && originOf(fact.key) !== 'policy' && runSetsPolicy(refs) ? undefined : fact;
    },
    listenerValues: (valueName) =>
      [...facts.values()].flatMap((fact) => {
        const listener = fact.hive === 'HKLM' && fact.valueName.toLowerCase() === valueName.toLowerCase() ? winStationOf(fact.key) : undefined;
        return listener !== undefined ? [{ listener, fact }] : [];
      }),
  }));
}

/** The number a fact holds (DWORD, or a decimal REG_SZ). */
export function factNumber(fact: PolicyFact<unknown> | undefined): number | undefined {
  return fact ? numberOf({ ...fact, deleted: false } as never) : undefined;
}
