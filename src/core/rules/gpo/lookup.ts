import type { Hive, PolicySetting } from '../../gpo/model';
import { findValueInfo, meaningOf } from '../../gpo/policy-values/index';
import { live, numberOf, type PolicyScope } from '../../gpo/scopes';
import { whereSet } from '../../gpo/well-known-keys';

/** A registry value a rule reads. */
export interface ValueRef {
  readonly hive: Hive;
  readonly key: string;
  readonly name: string;
}

export interface Effective {
  readonly setting: PolicySetting;
  readonly value: number | undefined;
  /** Values lower in the order (the listener's own value under a policy) that this one overrides. */
  readonly overridden: readonly PolicySetting[];
}

/** The first value in effect in priority order (policy before listener and local settings), with those it overrides. */
export function effective(scope: PolicyScope, refs: readonly ValueRef[]): Effective | undefined {
  const found = refs.map((r) => live(scope.get(r.hive, r.key, r.name))).filter((s): s is PolicySetting => s !== undefined);
  const [first, ...rest] = found;
  return first ? { setting: first, value: numberOf(first), overridden: rest } : undefined;
}

/**
 * Where a value is set, for a GPO rule's message ("in the policy"): the GPO's name is left out here and said
 * once at the end of the message by the engine, so the cause comes first and stays on screen.
 */
export function where(s: { readonly hive: Hive; readonly key: string }): string {
  return whereSet({ hive: s.hive, key: s.key });
}

/** `"SecurityLayer" is 0 (RDP)`: the value name, the value and its documented meaning in a word or two. */
export function named(s: Pick<PolicySetting, 'key' | 'valueName' | 'data' | 'type'>, value: number | string | undefined = numberOf(s)): string {
  const info = findValueInfo(s.key, s.valueName);
  const meaning = info && value !== undefined ? meaningOf(info, value) : undefined;
  const short = meaning?.split(/[:.]/)[0];
  return `"${s.valueName}" is ${value ?? JSON.stringify(s.data)}${short ? ` (${short})` : ''}`;
}

/** Related locations for the values a policy overrides. */
export function overriddenBy(e: Effective): { message: string; at: PolicySetting }[] {
  return e.overridden.map((o) => ({ message: `${named(o)} ${whereSet(o)}; the value above overrides it.`, at: o }));
}

/**
 * A related location for another value a check read, when another GPO set it (a gpresult report's values are one
 * scope, whichever GPO won each): the finding names only the GPO of the value it is at.
 */
export function setElsewhere(at: PolicySetting, other: PolicySetting | undefined): { message: string; at: PolicySetting }[] {
  return other && other.gpo !== at.gpo ? [{ message: `${named(other)} ${whereSet(other)}.`, at: other }] : [];
}
