import type { RdpDocument, RdpEntry } from '../rdp/parse';
import type { PropertyInfo } from '../rdp/property-types';
import type { LineEndingsOnDisk } from '../rdp/line-endings';
import type { DecodedText } from '../text/decode';
import type { Span } from '../text/line-index';
import type { Fix, RelatedLocation, Severity } from '../findings/types';

export type { Fix, Finding, RelatedLocation, Severity, SeveritySetting } from '../findings/types';
export { SEVERITIES } from '../findings/types';

/**
 * What the bytes of a file say that its text may not (RDP006): its encoding, BOM, NUL characters and odd byte count;
 * and, from a reader that gave every line one ending (the editor), the line endings the file has on disk.
 */
export type ByteFacts = Pick<DecodedText, 'encoding' | 'bom' | 'nul' | 'oddByte'> & { readonly lineEndings?: LineEndingsOnDisk };

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
  readonly bytes?: ByteFacts;
  /** Publishers trusted by policy in the exports beside the file (`TrustedCertThumbprints`): thumbprint → the export. */
  readonly trustedPublishers?: ReadonlyMap<string, string>;
  /** The export beside the file that disables "Allow .rdp files from unknown publishers" (`unknownPublishersBlockedBy`). */
  readonly unknownPublishersBlockedBy?: string;
  /** The export beside the file that disables "Allow .rdp files from valid publishers…" (`validPublishersBlockedBy`). */
  readonly validPublishersBlockedBy?: string;
  /** The file's name without its folder, when the text is a file's. */
  readonly fileName?: string;
  /** The name of the file's folder, given only for a file named `Default.rdp` (RDP043: mstsc keeps its template in Documents). */
  readonly folderName?: string;
  /** The time a verdict that depends on it is made at (RDP043: an expired signer); the lint's start when absent. */
  readonly now?: Date;
  report(report: Report): void;
  /**
   * Whether the running rule has made as many findings as a lint keeps of one rule (`MAX_FINDINGS_PER_RULE`): its
   * further reports are only counted. A rule that would report once per line can then count the rest (`countOnly`)
   * instead of making each message and fix: RDP005 spent half of a 700,000-line lint on findings then dropped.
   */
  full?(): boolean;
  /** Counts `count` findings of the running rule (of `severity`, its default when absent) without making them; only once `full()`. */
  countOnly?(count: number, severity?: Severity): void;
}

export interface RdpRule extends RuleMeta {
  check(context: RdpRuleContext): void;
  /**
   * A per-entry rule's check of one entry (`info`: its property, when known). The engine calls the per-entry
   * rules in one pass over the entries instead of `check`, which stays the same check over every entry.
   */
  checkEntry?(entry: RdpEntry, info: PropertyInfo | undefined, context: RdpRuleContext): void;
  /**
   * A per-entry rule that decides whether to report from the entry's own name, type letter and value alone (not
   * the document, its bytes, other entries or the options): its verdict on a line is the same in every file. The
   * engine passes over a line such rules found clean before (rdp/names.ts) only when every per-entry rule is one.
   */
  readonly lineLocal?: boolean;
}
