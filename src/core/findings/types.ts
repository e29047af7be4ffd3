import type { Span } from '../text/line-index';
import type { TextEdit } from '../text/edits';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/** A text fix: data, not a callback, so every front end can apply, preview or combine it. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /**
   * A guess (the closest known name) or the removal of something the user wrote (a saved password, a
   * duplicate with another value): offered as a quick fix the user picks, never applied by a fix-all
   * (`lint --fix`, Fix All Auto-Fixable Problems, `source.fixAll.rdp`, "Fix all RDPxxx problems").
   */
  readonly reviewFirst?: true;
}

/** Another place that explains a finding ("first set here"). `path` is absent for the same file. */
export interface RelatedLocation {
  readonly message: string;
  readonly span: Span;
  readonly path?: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  /** The property or registry value the finding is about. */
  readonly subject?: string;
  readonly fix?: Fix;
  readonly related?: readonly RelatedLocation[];
}
