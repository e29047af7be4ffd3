import type { Severity, SeveritySetting } from './types';

/** A setting that may raise a rule's findings to a severity, never lower one (`raiseOnly`). */
export interface SeverityFloor {
  readonly atLeast: Severity;
}

/** Per-rule settings from `.rdpdoctor.yaml` (`rules:`), the editor's `rdpDoctor.rules`, or both merged. */
export type SeverityOverrides = Readonly<Record<string, SeveritySetting | SeverityFloor>>;

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** Whether `a` is less severe than `b`. */
export function isLowerSeverity(a: Severity, b: Severity): boolean {
  return RANK[a] < RANK[b];
}

/**
 * The severity a finding of `ruleId` gets: the configured one, else the finding's own, else the rule's
 * default; undefined when the rule is turned off. The one place that reads an override.
 */
export function resolveSeverity(overrides: SeverityOverrides | undefined, ruleId: string, own: Severity): Severity | undefined {
  const setting = overrides?.[ruleId];
  if (typeof setting === 'object') return isLowerSeverity(own, setting.atLeast) ? setting.atLeast : own;
  return setting === 'off' ? undefined : (setting ?? own);
}

/**
 * Settings that can only raise findings: each severity a floor under the finding's own, `off` left out. What a
 * workspace's `.rdpdoctor.yaml` may do in VS Code's Restricted Mode, where a folder nobody vouched for must not
 * hide a problem in its own files (docs/restricted-mode.md).
 */
export function raiseOnly(rules: SeverityOverrides): SeverityOverrides {
  const out: Record<string, SeverityFloor> = {};
  for (const [id, setting] of Object.entries(rules)) if (setting !== 'off') out[id] = typeof setting === 'object' ? setting : { atLeast: setting };
  return out;
}

/** Whether a rule is turned off (its check need not run at all). */
export function isRuleOff(overrides: SeverityOverrides | undefined, ruleId: string): boolean {
  return overrides?.[ruleId] === 'off';
}

/** Findings with the overrides applied: those of rules turned off dropped, the others at their configured severity. */
export function applySeverities<T extends { readonly ruleId: string; readonly severity: Severity }>(findings: readonly T[], overrides: SeverityOverrides | undefined): T[] {
  if (!overrides) return [...findings];
  const out: T[] = [];
  for (const f of findings) {
    const severity = resolveSeverity(overrides, f.ruleId, f.severity);
    if (severity !== undefined) out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}

/** `base` with `top` on top (the editor's `rdpDoctor.rules` setting wins over `.rdpdoctor.yaml`). */
export function mergeOverrides(base: SeverityOverrides | undefined, top: SeverityOverrides | undefined): SeverityOverrides | undefined {
  return top && Object.keys(top).length ? { ...base, ...top } : base;
}

/** The rules turned off whose IDs match `pattern`, sorted (e.g. the NET rules a check did not report). */
export function rulesTurnedOff(overrides: SeverityOverrides | undefined, pattern: RegExp): string[] {
  return Object.entries(overrides ?? {})
    .filter(([id, s]) => s === 'off' && pattern.test(id))
    .map(([id]) => id)
    .sort();
}

/**
 * The settings `raiseOnly` does not apply as written, as `ID: setting`: those that turn a rule off, and those below the
 * rule's default severity (`defaultOf`). A severity at or above the default applies (a finding the rule itself makes
 * more severe keeps its own).
 */
export function loweringSettings(rules: SeverityOverrides, defaultOf: (id: string) => Severity | undefined): string[] {
  const out: string[] = [];
  for (const [id, setting] of Object.entries(rules)) {
    if (typeof setting === 'object') continue;
    const own = defaultOf(id);
    if (setting === 'off' || (own !== undefined && isLowerSeverity(setting, own))) out.push(`${id}: ${setting}`);
  }
  return out;
}
