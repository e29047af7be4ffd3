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
  /**
   * The file a value sits in, when that is not its export's path: a GPO backup is one export of several files, and a
   * message names the part that holds the value (its `GptTmpl.inf`, `registry.pol`), as GPO013's do (`crossFileConflicts`).
   */
  readonly fileOf?: (at: L) => string;
}

/**
 * Related places a cross-check finding lists, at most. A rule relates every export that says the same (each listener
 * on 3390, each export requiring NLA): 400 `.rdp` files against 400 gpresults that agree made 160,000 related places
 * and 95 MB of JSON (quadratic; fuzz review). The rest are counted in the message.
 */
export const MAX_RELATED = 50;

/** The finding with its first MAX_RELATED related places, the message counting those left out. */
function capRelated<F extends { readonly message: string; readonly related: readonly unknown[] }>(f: F): F {
  if (f.related.length <= MAX_RELATED) return f;
  const more = f.related.length - MAX_RELATED;
  return { ...f, related: f.related.slice(0, MAX_RELATED), message: `${f.message} The first ${MAX_RELATED} of ${MAX_RELATED + more} related places are listed.` };
}

/** Runs the cross-checks between `.rdp` files, policy exports and check results found together. */
export function crossCheck<L>(rules: readonly CrossRule[], input: CrossCheckInput<L>): CrossFinding<L>[] {
  const findings: CrossFinding<L>[] = [];
  const views = serverViews(input.exports, input.fileOf);
  for (const rule of rules) {
    rule.check<L>({
      rdpFiles: input.rdpFiles,
      servers: views.all,
      serversOf: views.of,
      probes: input.probes ?? [],
      report(f) {
        const severity = resolveSeverity(input.severities?.(f.path), rule.id, f.severity ?? rule.defaultSeverity);
        if (severity !== undefined) findings.push(capRelated({ ...f, ruleId: rule.id, severity }));
      },
    });
  }
  return findings;
}
