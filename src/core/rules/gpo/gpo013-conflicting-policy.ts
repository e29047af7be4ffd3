import type { PolicySetting, RegData } from '../../gpo/model';
import { valueId } from '../../gpo/registry-path';
import { sameMeaning, valueMeaning, type ValueData } from '../../gpo/value-meaning';
import { isRdpRelevant } from '../../gpo/well-known-keys';
import { SECRET_DATA, secretData } from '../../gpo/secret-names';
import { cutAt } from '../../text/quote';
import { mayApplyTogether } from '../../gpo/links';
import { currentExports } from '../../gpo/backup-history';
import type { Severity } from '../types';
import type { PolicyFact, PolicyFacts } from '../xrf/facts';
import type { PolicyRule } from './types';
import { isUserRightsKey } from '../../gpo/logon-rights';
import { showMembers } from '../../gpo/logon-rights-members';

/** Data compared by what it means (the policy table's value kind): a REG_SZ "1" equals DWORD 1, Schannel `Enabled` 1 equals 0xffffffff. */
export function sameData(a: ValueData, b: ValueData): boolean {
  return sameMeaning(a, b);
}

/** A value's data as a message shows it; never the text (or list) of a value whose name or key names a secret. */
export function showValue(s: { readonly key: string; readonly valueName: string; readonly data: RegData }): string {
  if (isUserRightsKey(s.key) && Array.isArray(s.data)) return showMembers(s.data);
  return secretData(s) ? SECRET_DATA : showData(s.data);
}

export function showData(data: RegData): string {
  if (data === null) return 'deleted';
  if (typeof data === 'number') return String(data);
  if (typeof data === 'string') return `"${data.length > 40 ? `${cutAt(data, 40)}…` : data}"`;
  return `[${data.map((d) => `"${d}"`).join(', ')}]`;
}

const gpoName = (s: { gpo?: string }): string => (s.gpo !== undefined ? `GPO "${s.gpo}"` : 'an unnamed GPO');

/**
 * The GPOs of one export that give a value one meaning, kept so that a GPO is compared with each other meaning once,
 * not with every GPO before it: a report of thousands of GPOs setting one value stays linear.
 */
class SameMeaning {
  /** A GPO whose links are unknown (it meets every GPO), if one gave this meaning. */
  private unlinked: PolicySetting | undefined;
  /** GPOs with known links, up to `MAX_LINKED`; past that the group counts as meeting everything. */
  private readonly linked: PolicySetting[] = [];
  private static readonly MAX_LINKED = 256;

  constructor(readonly first: PolicySetting) {
    this.add(first);
  }

  add(s: PolicySetting): void {
    if (!s.links?.length) this.unlinked ??= s;
    else if (this.linked.length < SameMeaning.MAX_LINKED) this.linked.push(s);
    else this.unlinked ??= s;
  }

  /** A GPO of this meaning that can apply to a computer together with `s`. */
  meeting(s: PolicySetting): PolicySetting | undefined {
    if (!s.links?.length) return this.first;
    if (this.unlinked) return this.unlinked;
    return this.linked.find((e) => mayApplyTogether(s.links, e.links));
  }
}

export const gpo013: PolicyRule = {
  id: 'GPO013',
  name: 'conflicting-policy',
  description: 'Two exports or GPOs set the same value differently, or a gpresult GPO lost with a different value.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['gpo', 'conflict'],
  check({ doc, scopes, report }) {
    // gpresult: a Remote Desktop value that lost to the winning GPO (precedence 1); other values are no concern here.
    const losers = doc.settings.filter((s) => s.precedence !== undefined && s.precedence > 1 && !s.deleted && isRdpRelevant(s.hive, s.key, s.valueName));
    const wanted = new Set(losers.map((s) => valueId(s.hive, s.key, s.valueName)));
    const winners = new Map<string, PolicySetting>();
    if (losers.length > 0) {
      for (const s of doc.settings) {
        if ((s.precedence ?? 1) !== 1 || s.deleted) continue;
        const id = valueId(s.hive, s.key, s.valueName);
        if (wanted.has(id)) winners.set(id, s);
      }
    }
    for (const s of losers) {
      const winner = winners.get(valueId(s.hive, s.key, s.valueName));
      if (!winner || sameData(s, winner)) continue;
      report({
        message: `"${s.valueName}" is ${showValue(s)} in ${gpoName(s)}, which lost (precedence ${s.precedence}): ${gpoName(winner)} wins with ${showValue(winner)}.`,
        at: s,
        related: [{ message: `The winning value, from ${gpoName(winner)}.`, at: winner }],
      });
    }
    // Several GPOs in one export setting a Remote Desktop value differently, where their links let both apply to
    // one computer (a -All report of a domain has GPOs for domain controllers and for member servers).
    if (scopes.length < 2) return;
    const seen = new Map<string, SameMeaning[]>();
    for (const scope of scopes) {
      for (const s of scope.values()) {
        if (!isRdpRelevant(s.hive, s.key, s.valueName)) continue;
        const id = valueId(s.hive, s.key, s.valueName);
        let groups = seen.get(id);
        if (!groups) seen.set(id, (groups = []));
        let earlier: PolicySetting | undefined;
        for (const group of groups) if (earlier === undefined && !sameData(s, group.first)) earlier = group.meeting(s);
        let own = groups.find((g) => sameData(s, g.first));
        if (!own) groups.push((own = new SameMeaning(s)));
        else own.add(s);
        if (earlier) {
          report({
            message: `"${s.valueName}" is ${showValue(s)} in ${gpoName(s)} but ${showValue(earlier)} in ${gpoName(earlier)}; which one applies depends on link order and precedence.`,
            at: s,
            related: [{ message: `"${s.valueName}" is ${showValue(earlier)} in ${gpoName(earlier)}.`, at: earlier }],
          });
        }
      }
    }
  },
};

export interface CrossFileConflict<L> {
  readonly path: string;
  readonly ruleId: 'GPO013';
  readonly severity: Severity;
  readonly message: string;
  readonly subject: string;
  readonly at: L;
  readonly related: readonly { readonly path: string; readonly message: string; readonly at: L }[];
}

/**
 * GPO013 across files: each export whose value differs from another export's value for the same registry value.
 * `fileOf` names the file a value sits in, when that is not the export's own path: a GPO backup is one export of
 * several files, and the message named its first part (`registry.pol`) for a value in its `GptTmpl.inf` (a session
 * 16 review).
 */
export function crossFileConflicts<L>(files: readonly (Pick<PolicyFacts<L>, 'backup'> & { path: string; values: readonly PolicyFact<L>[] })[], fileOf?: (at: L) => string): CrossFileConflict<L>[] {
  const byId = new Map<string, { path: string; fact: PolicyFact<L> }[]>();
  // A backup that a newer backup of its GPO supersedes is no longer the GPO: it disagrees with nothing.
  for (const { facts: file } of currentExports(files.map((facts) => ({ facts })))) {
    for (const fact of file.values) {
      const id = valueId(fact.hive, fact.key, fact.valueName);
      let list = byId.get(id);
      if (!list) byId.set(id, (list = []));
      list.push({ path: file.path, fact });
    }
  }
  const out: CrossFileConflict<L>[] = [];
  for (const list of byId.values()) {
    if (new Set(list.map((x) => x.path)).size < 2) continue;
    // Each value's meaning once, and the exports by meaning: a fact is compared only with those that mean something
    // else. Comparing every pair (each time working out both meanings) took 78 s for 2,000 GPO backups that agree.
    const meanings = list.map((x) => valueMeaning(x.fact));
    const byMeaning = new Map<string, number[]>();
    meanings.forEach((m, i) => {
      const indices = byMeaning.get(m);
      if (indices) indices.push(i);
      else byMeaning.set(m, [i]);
    });
    if (byMeaning.size < 2) continue;
    for (const [i, { path, fact }] of list.entries()) {
      // The first other export (in the list's order) that means something else and whose GPO may apply with this one:
      // two GPOs' exports whose links keep them from one computer do not disagree (a domain's backup folder).
      let first = -1;
      for (const [meaning, indices] of byMeaning) {
        if (meaning === meanings[i]) continue;
        for (const j of indices) {
          if (first !== -1 && j >= first) break;
          if (list[j]!.path !== path && mayApplyTogether(list[j]!.fact.links, fact.links)) {
            first = j;
            break;
          }
        }
      }
      if (first === -1) continue;
      const other = list[first]!;
      out.push({
        path,
        ruleId: 'GPO013',
        severity: 'warning',
        message: `"${fact.valueName}" is ${showValue(fact)} here but ${showValue(other.fact)} in ${fileOf?.(other.fact.at) ?? other.path}; the two exports disagree.`,
        subject: fact.subject,
        at: fact.at,
        related: [{ path: fileOf?.(other.fact.at) ?? other.path, message: `"${fact.valueName}" is ${showValue(other.fact)} there.`, at: other.fact.at }],
      });
    }
  }
  return out;
}
