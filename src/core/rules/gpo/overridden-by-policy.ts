import { numberOf } from '../../gpo/scopes';
import { whereSet } from '../../gpo/well-known-keys';
import type { Severity } from '../types';
import type { PolicyFact } from '../xrf/facts';
import { exportName } from '../xrf/server-view';
import { showValue } from './gpo013-conflicting-policy';
import { GPO_RULES } from './index';
import { named } from './lookup';
import { policyRefsOver } from './refs';
import type { PolicySetter, RunPolicy } from './run-policy';

// A GPO rule judges the value in effect within one GPO of one export. The exports of a run describe one server, and a
// policy set in one of them (or in another GPO of a `-All` report) overrides the listener's or the computer's own value
// in another (TerminalServer.adml: the local
// setting is used only "if you do not configure this policy setting"), as the cross-checks read it (`serverViews`).

const VALUE_IN_EFFECT_RULES = new Set(GPO_RULES.filter((r) => r.judgesValueInEffect === true).map((r) => r.id));

/** What a finding needs for this: its rule, severity and message, and the registry value it is about. */
export interface OverridableFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly subject?: string | null;
}

/**
 * Each finding of one export, with the policy that overrides the value it is about when another export of the run, or
 * another GPO of this one, sets it (`policy`): only findings of rules that judge the value in effect,
 * on a listener or local value (`own`, the export's facts) that `sameAt` places where the finding is.
 */
export function policyOverrides<F extends OverridableFinding, L, M>(
  findings: readonly F[],
  path: string,
  own: readonly PolicyFact<L>[],
  policy: RunPolicy<M>,
  sameAt: (finding: F, at: L) => boolean,
): { readonly finding: F; readonly by?: PolicySetter<M> }[] {
  const bySubject = new Map<string, { fact: PolicyFact<L>; by: PolicySetter<M> }[]>();
  for (const fact of own) {
    const refs = policyRefsOver(fact.key, fact.valueName);
    const by = refs.length > 0 ? policy(refs, { path, ...(fact.gpo !== undefined && { gpo: fact.gpo }), ...(fact.links !== undefined && { links: fact.links }) }) : undefined;
    if (!by) continue;
    const list = bySubject.get(fact.subject) ?? [];
    list.push({ fact, by });
    bySubject.set(fact.subject, list);
  }
  return findings.map((finding) => {
    if (bySubject.size === 0 || !VALUE_IN_EFFECT_RULES.has(finding.ruleId) || finding.subject == null) return { finding };
    const by = bySubject.get(finding.subject)?.find((o) => sameAt(finding, o.fact.at))?.by;
    return by ? { finding: overridden(finding, by), by } : { finding };
  });
}

/**
 * A finding on a value a policy overrides: information at most, whatever the rule's severity or its configured one,
 * since the value is not in effect where the policy applies; kept, not dropped, because it is in effect again
 * wherever the policy stops applying (the GPO unlinked or filtered, the computer moved), and an admin cleaning up
 * wants to know it is there. The message names the export and the value its policy sets.
 */
function overridden<F extends OverridableFinding>(finding: F, by: PolicySetter<unknown>): F {
  const value = numberOf(by.fact) ?? showValue(by.fact);
  const message = `A policy overrides this value: in ${exportName(by.path, {})}, ${named(by.fact, value)} ${whereSet(by.fact)}. Where that policy does not apply: ${finding.message}`;
  return { ...finding, severity: 'info', message };
}

/** A related location's message for the policy value that overrides a finding's value. */
export function overridingMessage(by: PolicySetter<unknown>): string {
  return `The winning value: ${named(by.fact, numberOf(by.fact) ?? showValue(by.fact))} ${whereSet(by.fact)}.`;
}
