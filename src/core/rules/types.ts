import type { RdpDocument, RdpEntry } from '../rdp/parse';
import type { PropertyInfo } from '../rdp/property-types';
import type { DecodedText } from '../text/decode';
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

/** What a rule reports; the engine stamps the rule ID and resolves the severity. */
export interface Report {
  readonly message: string;
  readonly span: Span;
  readonly subject?: string;
  readonly fix?: Fix;
  readonly related?: readonly RelatedLocation[];
  /** Overrides the rule's default for this finding (e.g. RDP012 with strict server authentication). */
  readonly severity?: Severity;
}

export interface RuleMeta {
  readonly id: string;
  /** Readable alias, kebab-case, as in SPEC §2. */
  readonly name: string;
  /** One line: what the rule flags. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  readonly fixable: boolean;
  readonly tags: readonly string[];
}

export interface RdpRuleContext {
  readonly doc: RdpDocument;
  /** The knowledge-base entry for a line's property, looked up once per lint. */
  property(entry: RdpEntry): PropertyInfo | undefined;
  /** Byte-level facts, when the text came from bytes (the CLI, or a file the editor read). */
  readonly bytes?: Pick<DecodedText, 'encoding' | 'bom' | 'nul'>;
  /** Publishers trusted by policy in the exports beside the file (`TrustedCertThumbprints`): thumbprint → the export. */
  readonly trustedPublishers?: ReadonlyMap<string, string>;
  report(report: Report): void;
}

export interface RdpRule extends RuleMeta {
  check(context: RdpRuleContext): void;
}
