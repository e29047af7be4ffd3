import { currentExports } from '../../gpo/backup-history';
import { conflicting } from '../../gpo/links';
import { rsopDescribes, settledOnComputer, type ExportScope } from '../../gpo/export-scope';
import type { Hive, RsopSubject } from '../../gpo/model';
import { normalizeKey } from '../../gpo/registry-path';
import { numberOf } from '../../gpo/scopes';
import { originOf, whereSet, winStationOf } from '../../gpo/well-known-keys';
import { quote } from '../../text/quote';
import { showValue } from '../gpo/gpo013-conflicting-policy';
import { workCounts } from '../../work-counts';
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
   * So is a value that a gpresult of the server shows lost there (`settledOnComputer`).
   */
  value(refs: readonly ValueRef[]): PolicyFact<L> | undefined;
  /** This value of every listener (WinStation) the export configures: RDP-Tcp and any added beside it. */
  listenerValues(valueName: string): { readonly listener: string; readonly fact: PolicyFact<L> }[];
  /**
   * The other exports (or GPOs of one export) of the run that set `fact`'s registry value to something else and may
   * apply together with it: GPO013's conflict, where which one wins is unknown. GPOs whose links keep them apart never
   * meet, and on a server a gpresult describes, the values it shows lost there are no rivals of its winner.
   */
  rivals(fact: PolicyFact<L>): { readonly path: string; readonly fact: PolicyFact<L> }[];
  /** Whether the export may describe the server at `host`: not when it is a gpresult of another computer. */
  describes(host: string | undefined): boolean;
  /**
   * For the views of one host (`ServerViews.of`): when this is a gpresult of a computer the host does not name, why it
   * may still describe it, in words for a message (`otherName`); such a view's verdicts are never certain.
   */
  readonly otherName?: string;
  /** `otherName` for another host (XRF004's checked hosts). */
  otherNameOf(host: string | undefined): string | undefined;
}

/** The views of a run's exports: for the client's values, and for the server one host names. */
export interface ServerViews<L> {
  /** Every export: any of them may describe the computer a client runs on (XRF005, the client policy of XRF003). */
  readonly all: readonly ServerView<L>[];
  /**
   * The exports that may describe the server at `host` (a `.rdp` file's target, a checked host): a gpresult of another
   * computer is left out, since it reports the policy of the one computer it was run for.
   */
  of(host: string | undefined): readonly ServerView<L>[];
}

const id = (hive: Hive, key: string, name: string): string => `${hive}\\${normalizeKey(key)}\\${name.toLowerCase()}`;

/** Whether a gpresult describes a host: `rsopDescribes`, and `not` for a name that another gpresult of the run is for. */
type HostAnswer = ReturnType<typeof rsopDescribes> | 'not';

/** The run's gpresults' answers for one host: a name that is one's computer is that computer, none of the others. */
function answersOf(rsops: readonly RsopSubject[], host: string | undefined): HostAnswer[] {
  const answers: HostAnswer[] = rsops.map((r) => rsopDescribes(r, host));
  return answers.includes('is') ? answers.map((a) => (a === 'other-name' ? 'not' : a)) : answers;
}

/** Why a gpresult of another computer may still describe `host`, for a message. */
function otherNameWords(path: string, rsop: RsopSubject, host: string | undefined): string {
  return `the gpresult in ${path} was run for ${quote(rsop.computer ?? '')}, and whether ${quote(host ?? '')} reaches that computer (a DNS alias or a farm name) or another one is not known`;
}

interface Group<L> {
  readonly path: string;
  readonly gpo: string;
  readonly scope: ExportScope;
  /** For a gpresult: whether it describes the host the views are for (`answerOf`). */
  readonly describes: HostAnswer | undefined;
  readonly facts: Map<string, PolicyFact<L>>;
}

/**
 * One view per export file and GPO; the policy set in any of them wins over the listener values of all. `fileOf` names
 * the file a value sits in (a GPO backup's part): each part of a backup is then a view of its own, named after it.
 */
export function serverViews<L>(exports: readonly { path: string; facts: PolicyFacts<L> }[], fileOf?: (at: L) => string): ServerViews<L> {
  const groups: Omit<Group<L>, 'describes'>[] = [];
  for (const file of currentExports(exports)) {
    const byGpo = new Map<string, { path: string; gpo: string; facts: Map<string, PolicyFact<L>> }>();
    for (const fact of file.facts.values) {
      const gpo = fact.gpo ?? '';
      const path = fileOf?.(fact.at) ?? file.path;
      const key = `${path}\u0000${gpo}`;
      let group = byGpo.get(key);
      if (!group) byGpo.set(key, (group = { path, gpo, facts: new Map() }));
      group.facts.set(id(fact.hive, fact.key, fact.valueName), fact);
    }
    const { rsop, gpos, backup } = file.facts;
    const scope: ExportScope = { ...(rsop && { rsop }), ...(gpos && { gpos }), ...(backup && { backup }) };
    for (const group of byGpo.values()) groups.push({ ...group, scope });
  }
  const rsops = [...new Set(groups.flatMap((g) => (g.scope.rsop ? [g.scope.rsop] : [])))];
  // Hosts that the gpresults of the run describe alike share their views: one set per answer, not per host.
  const cache = new Map<string, ServerView<L>[]>();
  const of = (host: string | undefined): ServerView<L>[] => {
    const answers = answersOf(rsops, host);
    // Views that carry words about the host are the host's own; the others are shared by hosts answered alike.
    const key = answers.includes('other-name') ? `${answers.join(',')}\u0000${host}` : answers.join(',');
    let views = cache.get(key);
    if (!views) {
      const describes = (g: Omit<Group<L>, 'describes'>) => (g.scope.rsop ? answers[rsops.indexOf(g.scope.rsop)] : undefined);
      const placed = groups.map((g) => ({ ...g, describes: describes(g) })).filter((g) => g.describes !== 'not');
      cache.set(key, (views = viewsOf(placed, (host) => answersOf(rsops, host), rsops, host)));
    }
    return views;
  };
  return { all: of(undefined), of };
}

function viewsOf<L>(groups: readonly Group<L>[], answersFor: (host: string | undefined) => HostAnswer[], rsops: readonly RsopSubject[], viewHost: string | undefined): ServerView<L>[] {
  const answerOf = (rsop: RsopSubject, host: string | undefined): HostAnswer => answersFor(host)[rsops.indexOf(rsop)]!;
  const first = (facts: Map<string, PolicyFact<L>>, refs: readonly ValueRef[]) => refs.map((r) => facts.get(id(r.hive, r.key, r.name))).find((f) => f !== undefined);
  // The policy values this host's exports set (`runPolicy`, the GPO rules' reading too): a gpresult of another computer sets none here.
  // A gpresult of a computer the host does not name may be of another computer: it overrides and contradicts nothing here.
  const sure = groups.filter((g) => g.describes !== 'other-name');
  const policyOfRun = runPolicy(sure.map((g) => ({ path: g.path, facts: { values: [...g.facts.values()] } })));
  const policySet = new Map<readonly ValueRef[], boolean>();
  // A GPO whose links keep it away from the value's GPO overrides nothing there (`runPolicy`).
  const runSetsPolicy = (refs: readonly ValueRef[], fact: PolicyFact<L>): boolean => {
    if (fact.links !== undefined) return policyOfRun(refs, { links: fact.links }) !== undefined;
    let set = policySet.get(refs);
    if (set === undefined) policySet.set(refs, (set = policyOfRun(refs) !== undefined));
    return set;
  };
  // The gpresults of the host itself: the value each shows winning is the one in effect there.
  const onHost = groups.filter((g) => g.describes === 'is');
  const lost = (g: Group<L>, key: string, fact: PolicyFact<L>): boolean =>
    onHost.some((h) => {
      const winner = h.facts.get(key);
      return winner !== undefined && settledOnComputer({ scope: h.scope, fact: winner }, { scope: g.scope, fact });
    });
  const byId = new Map<string, { path: string; fact: PolicyFact<L> }[]>();
  const gone = new Set<PolicyFact<L>>();
  for (const g of sure) {
    for (const [key, fact] of g.facts) {
      if (onHost.length > 0 && lost(g, key, fact)) {
        gone.add(fact);
        continue;
      }
      let list = byId.get(key);
      if (!list) byId.set(key, (list = []));
      list.push({ path: g.path, fact });
    }
  }
  // Each fact's rivals, found once: every `.rdp` file of the run asks each view about the same facts, and a search of
  // all exports per question made 400 files and 400 exports take 47 s (cubic; fuzz review).
  const rivalsOf = new Map<PolicyFact<L>, { path: string; fact: PolicyFact<L> }[]>();
  const rivals = (fact: PolicyFact<L>): { path: string; fact: PolicyFact<L> }[] => {
    let found = rivalsOf.get(fact);
    if (!found) rivalsOf.set(fact, (found = (byId.get(id(fact.hive, fact.key, fact.valueName)) ?? []).filter((r) => {
      workCounts.rivalComparisons++;
      return r.fact !== fact && conflicting(r.fact, fact);
    })));
    return found;
  };
  return groups.map(({ path, gpo, scope, facts, describes }) => ({
    path,
    ...(gpo !== '' && { gpo }),
    ...(describes === 'other-name' && { otherName: otherNameWords(path, scope.rsop!, viewHost) }),
    value: (refs) => {
      const fact = first(facts, refs);
      return !fact || gone.has(fact) || (originOf(fact.key) !== 'policy' && runSetsPolicy(refs, fact)) ? undefined : fact;
    },
    listenerValues: (valueName) =>
      [...facts.values()].flatMap((fact) => {
        const listener = fact.hive === 'HKLM' && fact.valueName.toLowerCase() === valueName.toLowerCase() && !gone.has(fact) ? winStationOf(fact.key) : undefined;
        return listener !== undefined ? [{ listener, fact }] : [];
      }),
    rivals,
    describes: (host) => !scope.rsop || answerOf(scope.rsop, host) !== 'not',
    otherNameOf: (host) => (scope.rsop && answerOf(scope.rsop, host) === 'other-name' ? otherNameWords(path, scope.rsop, host) : undefined),
  }));
}

/** An export as a message names it: its path, and the GPO when the export names one (a -All report has many). */
export function exportName(path: string, fact: { readonly gpo?: string }): string {
  return fact.gpo !== undefined ? `${path} (GPO ${quote(fact.gpo)})` : path;
}

/** Why a value an export sets may not be the one in effect on the server, in words for a message, and where. */
export interface Doubt<L> {
  readonly words: string;
  /** The only doubt is whether a gpresult of another computer describes the host at all (`ServerView.otherName`). */
  readonly otherName?: true;
  readonly related: readonly { readonly path: string; readonly message: string; readonly at: L }[];
}

/**
 * What makes `fact` (the value `view` gives) uncertain: other exports of the run that may apply together and set it
 * otherwise, or Group Policy Preferences item-level targeting. Undefined when nothing does: the verdict stands.
 */
export function doubtOf<L>(view: ServerView<L>, fact: PolicyFact<L>): Doubt<L> | undefined {
  if (view.otherName !== undefined) return { words: view.otherName, related: [], otherName: true };
  const here = `${quote(fact.valueName)} is ${showValue(fact)} in ${exportName(view.path, fact)}`;
  const rivals = view.rivals(fact);
  if (rivals.length > 0) {
    const shown = rivals.slice(0, 3);
    // Link order and Enforced decide between GPOs; a `.reg` file, LGPO text or a bare Registry.pol names no GPO, and
    // how it reached the server (an import, local policy, a GPO's file) is not in it (session 26's review of real exports).
    const how = fact.gpo !== undefined && rivals.every((r) => r.fact.gpo !== undefined) ? 'depends on link order and Enforced' : 'depends on how each was applied';
    return {
      words: `${here} but ${shown.map((r) => `${showValue(r.fact)} in ${exportName(r.path, r.fact)}`).join(', ')}${rivals.length > 3 ? ', …' : ''}, and which of them wins ${how}, which the exports do not show`,
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
