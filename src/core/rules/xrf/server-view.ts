import type { Hive } from '../../gpo/model';
import { normalizeKey } from '../../gpo/registry-path';
import { numberOf } from '../../gpo/scopes';
import type { ValueRef } from '../gpo/lookup';
import type { PolicyFact, PolicyFacts } from './facts';

/** The server side as one export (one GPO of it) describes it: the value in effect for each setting. */
export interface ServerView<L> {
  readonly path: string;
  readonly gpo?: string;
  /** The first fact present in priority order (policy before the listener's own value). */
  value(refs: readonly ValueRef[]): PolicyFact<L> | undefined;
}

const id = (hive: Hive, key: string, name: string): string => `${hive}\\${normalizeKey(key)}\\${name.toLowerCase()}`;

/** One view per export file and GPO. */
export function serverViews<L>(exports: readonly { path: string; facts: PolicyFacts<L> }[]): ServerView<L>[] {
  const views: ServerView<L>[] = [];
  for (const file of exports) {
    const groups = new Map<string, Map<string, PolicyFact<L>>>();
    for (const fact of file.facts.values) {
      const g = fact.gpo ?? '';
      let group = groups.get(g);
      if (!group) groups.set(g, (group = new Map()));
      group.set(id(fact.hive, fact.key, fact.valueName), fact);
    }
    for (const [gpo, group] of groups) {
      views.push({
        path: file.path,
        ...(gpo !== '' && { gpo }),
        value: (refs) => refs.map((r) => group.get(id(r.hive, r.key, r.name))).find((f) => f !== undefined),
      });
    }
  }
  return views;
}

/** The number a fact holds (DWORD, or a decimal REG_SZ). */
export function factNumber(fact: PolicyFact<unknown> | undefined): number | undefined {
  return fact ? numberOf({ ...fact, deleted: false } as never) : undefined;
}
