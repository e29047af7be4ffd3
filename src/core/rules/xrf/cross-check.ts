import { resolveSeverity, type SeverityOverrides } from '../../findings/severity';
import type { ProbeFacts } from './probe-facts';
import type { PolicyFacts, RdpFacts } from './facts';
import { serverViews } from './server-view';
import type { CrossFinding, CrossRule } from './types';

export interface CrossCheckInput<L> {
  readonly rdpFiles: readonly { readonly path: string; readonly facts: RdpFacts<L> }[];
  readonly exports: readonly { readonly path: string; readonly facts: PolicyFacts<L> }[];
  /** `check` results, when available: they add probe evidence to XRF001 and enable XRF004. */
  readonly probes?: readonly ProbeFacts[];
  /** Severity overrides for a finding's file (its `.rdpdoctor.yaml`). */
  readonly severities?: (path: string) => SeverityOverrides | undefined;
}

/** Runs the cross-checks between `.rdp` files, policy exports and check results found together. */
export function crossCheck<L>(rules: readonly CrossRule[], input: CrossCheckInput<L>): CrossFinding<L>[] {
  const findings: CrossFinding<L>[] = [];
  const views = serverViews(input.exports);
  for (const rule of rules) {
    rule.check<L>({
      rdpFiles: input.rdpFiles,
      servers: views.all,
      serversOf: views.of,
      probes: input.probes ?? [],
      report(f) {
        const severity = resolveSeverity(input.severities?.(f.path), rule.id, f.severity ?? rule.defaultSeverity);
        if (severity !== undefined) findings.push({ ...f, ruleId: rule.id, severity });
      },
    });
  }
  return findings;
}
