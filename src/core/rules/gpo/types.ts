import type { PolicyDocument, PolicySetting, SourceLocation } from '../../gpo/model';
import type { PolicyScope } from '../../gpo/scopes';
import type { Finding, RelatedLocation, RuleMeta, Severity } from '../types';

/** What a GPO rule reports: the setting it is about; the engine turns it into a located finding. */
export interface PolicyReport {
  readonly message: string;
  readonly at: PolicySetting;
  readonly related?: readonly { readonly message: string; readonly at: PolicySetting }[];
  readonly severity?: Severity;
}

export interface PolicyRuleContext {
  readonly doc: PolicyDocument;
  /** The values in effect, one scope per GPO (one for files that name no GPO, and one for a gpresult report). */
  readonly scopes: readonly PolicyScope[];
  report(report: PolicyReport): void;
}

export interface PolicyRule extends RuleMeta {
  /**
   * The rule judges the one value in effect (`valueRule`), so a finding on a listener or local value says nothing of
   * the server where a policy set in another export of the run overrides that value (`overridden-by-policy.ts`).
   */
  readonly judgesValueInEffect?: true;
  check(context: PolicyRuleContext): void;
}

/** A finding in a policy export: the span plus, for Registry.pol, the record and byte offset, and for a backup, the file. */
export interface PolicyFinding extends Finding {
  readonly location: SourceLocation;
  readonly related?: readonly PolicyRelated[];
}

/** Another setting that explains a finding, with its whole location (a Registry.pol record is not a span). */
export interface PolicyRelated extends RelatedLocation {
  readonly location: SourceLocation;
}
