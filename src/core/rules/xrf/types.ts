import type { RuleMeta, Severity } from '../types';
import type { ProbeFacts } from './probe-facts';
import type { RdpFacts } from './facts';
import type { ServerView } from './server-view';

/** A cross-check finding: in `path` at `at`, with related locations in the other files. */
export interface CrossFinding<L> {
  readonly path: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly subject: string;
  readonly at: L;
  readonly related: readonly { readonly path: string; readonly message: string; readonly at: L }[];
}

export interface CrossRuleContext<L> {
  readonly rdpFiles: readonly { readonly path: string; readonly facts: RdpFacts<L> }[];
  /** Every export's views: for the client's own values (any export may describe the computer the client runs on). */
  readonly servers: readonly ServerView<L>[];
  /** The views that may describe the server at `host` (`ServerViews.of`): for the server's values. */
  serversOf(host: string | undefined): readonly ServerView<L>[];
  readonly probes: readonly ProbeFacts[];
  report(finding: Omit<CrossFinding<L>, 'ruleId' | 'severity'> & { severity?: Severity }): void;
}

export interface CrossRule extends RuleMeta {
  check<L>(context: CrossRuleContext<L>): void;
}
