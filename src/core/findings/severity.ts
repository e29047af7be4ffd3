import type { Severity, SeveritySetting } from './types';

/** Per-rule settings from `.rdpdoctor.yaml` (`rules:`), the editor's `rdpDoctor.rules`, or both merged. */
export type SeverityOverrides = Readonly<Record<string, SeveritySetting>>;

/**
 * The severity a finding of `ruleId` gets: the configured one, else the finding's own, else the rule's
 * default; undefined when the rule is turned off. The one place that reads an override.
 */
export function resolveSeverity(overrides: SeverityOverrides | undefined, ruleId: string, own: Severity): Severity | undefined {
  const setting = overrides?.[ruleId];
  return setting === 'off' ? undefined : (setting ?? own);
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
