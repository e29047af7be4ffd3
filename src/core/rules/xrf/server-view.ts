import { currentExports } from '../../gpo/backup-history';
import { conflicting } from '../../gpo/links';
import type { Hive } from '../../gpo/model';
import { normalizeKey } from '../../gpo/registry-path';
import { numberOf } from '../../gpo/scopes';
import { originOf, whereSet, winStationOf } from '../../gpo/well-known-keys';
import { quote } from '../../text/quote';
import { showValue } from '../gpo/gpo013-conflicting-policy';
import type { ValueRef } from '../gpo/lookup';
import { runPolicy } from '../gpo/run-policy';
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
  /**
   * The other exports (or GPOs of one export) of the run that set `fact`'s registry value to something else and may
   * apply together with it: GPO013's conflict, where which one wins is unknown. A gpresult report holds only its
   * winners, and GPOs whose links keep them apart never meet.
   */
  rivals(fact: PolicyFact<L>): { readonly path: string; readonly fact: PolicyFact<L> }[];
}

const id = (hive: Hive, key: string, name: string): string => `${hive}\\${normalizeKey(key)}\\${name.toLowerCase()}`;

/** One view per export file and GPO; the policy set in any of them wins over the listener values of all. */
export function serverViews<L>(exports: readonly { path: string; facts: PolicyFacts<L> }[]): ServerView<L>[] {
  const groups: { path: string; gpo: string; facts: Map<string, PolicyFact<L>> }[] = [];
  // A backup that a newer backup of its GPO supersedes is no longer the GPO (`backup-history.ts`).
  for (const file of currentExports(exports)) {
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
  const policyOfRun = runPolicy(exports);
  const policySet = new Map<readonly ValueRef[], boolean>();
  const runSetsPolicy = (refs: readonly ValueRef[]): boolean => {
    let set = policySet.get(refs);
    if (set === undefined) policySet.set(refs, (set = policyOfRun(refs) !== undefined));
    return set;
  };
  const byId = new Map<string, { path: string; fact: PolicyFact<L> }[]>();
  for (const g of groups) {
    for (const [key, fact] of g.facts) {
      let list = byId.get(key);
      if (!list) byId.set(key, (list = []));
      list.push({ path: g.path, fact });
    }
  }
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
    rivals: (fact) => (byId.get(id(fact.hive, fact.key, fact.valueName)) ?? []).filter((r) => r.fact !== fact && conflicting(r.fact, fact)),
  }));
}

/** An export as a message names it: its path, and the GPO when the export names one (a -All report has many). */
export function exportName(path: string, fact: { readonly gpo?: string }): string {
  return fact.gpo !== undefined ? `${path} (GPO ${quote(fact.gpo)})` : path;
}

/** Why a value an export sets may not be the one in effect on the server, in words for a message, and where. */
export interface Doubt<L> {
  readonly words: string;
  readonly related: readonly { readonly path: string; readonly message: string; readonly at: L }[];
}

/**
 * What makes `fact` (the value `view` gives) uncertain: other exports of the run that may apply together and set it
 * otherwise, or Group Policy Preferences item-level targeting. Undefined when nothing does: the verdict stands.
 */
export function doubtOf<L>(view: ServerView<L>, fact: PolicyFact<L>): Doubt<L> | undefined {
  const here = `${quote(fact.valueName)} is ${showValue(fact)} in ${exportName(view.path, fact)}`;
  const rivals = view.rivals(fact);
  if (rivals.length > 0) {
    const shown = rivals.slice(0, 3);
    return {
      words: `${here} but ${shown.map((r) => `${showValue(r.fact)} in ${exportName(r.path, r.fact)}`).join(', ')}${rivals.length > 3 ? ', …' : ''}, and which of them wins depends on link order and Enforced, which the exports do not show`,
      related: shown.map((r) => ({ path: r.path, at: r.fact.at, message: `${quote(r.fact.valueName)} is ${showValue(r.fact)} ${whereSet(r.fact)}, against ${showValue(fact)} in ${exportName(view.path, fact)}.` })),
    };
  }
  if (fact.targeted === true) {
    return { words: `${here} by a Group Policy Preferences item with item-level targeting, which applies only where its filters match`, related: [] };
  }
  return undefined;
}

/** The number a fact holds (DWORD, or a decimal REG_SZ). */
export function factNumber(fact: PolicyFact<unknown> | undefined): number | undefined {
  return fact ? numberOf({ ...fact, deleted: false } as never) : undefined;
}
