import type { Span } from '../text/line-index';

/** Registry roots as the exports name them once normalized. */
export type Hive = 'HKLM' | 'HKCU' | 'HKU' | 'HKCR' | 'HKCC';

/** Registry value types (winnt.h numbering, see `REG_TYPE_NUMBERS`). */
export type RegType =
  | 'REG_NONE'
  | 'REG_SZ'
  | 'REG_EXPAND_SZ'
  | 'REG_BINARY'
  | 'REG_DWORD'
  | 'REG_DWORD_BIG_ENDIAN'
  | 'REG_LINK'
  | 'REG_MULTI_SZ'
  | 'REG_RESOURCE_LIST'
  | 'REG_FULL_RESOURCE_DESCRIPTOR'
  | 'REG_RESOURCE_REQUIREMENTS_LIST'
  | 'REG_QWORD';

/**
 * A value's data: a number for DWORD/QWORD (a decimal string for a QWORD beyond 2^53), a string for
 * REG_SZ/REG_EXPAND_SZ, a list for REG_MULTI_SZ, lowercase hex for binary types, null when absent.
 */
export type RegData = number | string | readonly string[] | null;

/**
 * What the entry does: write a value, delete one (`**del.`, `"name"=-`, `DELETE`), delete every value
 * of the key (`**delvals.`), delete the key with its subkeys (`[-key]`), or only create the key.
 */
export type SettingAction = 'set' | 'delete' | 'delete-values' | 'delete-key' | 'create-key';

/** Where in its file a setting was read: a span of the decoded (or, for Registry.pol, rendered) text. */
export interface SourceLocation {
  readonly span: Span;
  /** Registry.pol only: the 1-based record number, the byte offset of the record's `[` and its length up to its `]`. */
  readonly record?: number;
  readonly byteOffset?: number;
  readonly byteLength?: number;
  /** In a GPO backup: the file (relative to the backup folder) the span refers to. */
  readonly file?: string;
}

/** One registry value as every reader reports it: the normalized model the GPO rules read. */
export interface PolicySetting {
  readonly hive: Hive;
  /** The key without its hive, backslash-separated, as written. */
  readonly key: string;
  /** The value name; '' for the default value or a key-level action. */
  readonly valueName: string;
  readonly type: RegType;
  readonly data: RegData;
  readonly action: SettingAction;
  /** The value is removed rather than set (`action` is `delete`, `delete-values` or `delete-key`). */
  readonly deleted: boolean;
  /** The display name of the GPO it came from, when the export names one. */
  readonly gpo?: string;
  /** gpresult only: 1 = the winning GPO; 2… = GPOs whose value lost. */
  readonly precedence?: number;
  /**
   * Get-GPOReport XML and GPO backups: the paths the GPO is linked to (`links.ts`), for telling GPOs that can apply
   * to one computer from those that cannot; absent when the export does not say.
   */
  readonly links?: readonly string[];
  /**
   * Group Policy Preferences only: the item, or a collection holding it, has item-level targeting (`Filters`), so it
   * applies only on the computers and users its filters match.
   */
  readonly targeted?: boolean;
  /** The Administrative Template policy it was mapped from (en-US display name). */
  readonly policy?: string;
  /**
   * A logon right read from a report whose Security extension is not named "Security" (a report made in another display
   * language: gpo-formats.md §2): its members' names may be well-known groups under translated names.
   */
  readonly localizedNames?: boolean;
  readonly source: SourceLocation;
}

export type ProblemSeverity = 'error' | 'warning' | 'info';

/** Something a reader could not read or map; readers report these instead of throwing. */
export interface ReadProblem {
  readonly severity: ProblemSeverity;
  readonly message: string;
  readonly span: Span;
  readonly record?: number;
  readonly byteOffset?: number;
  /** The bytes the problem covers, when known (a whole record; the version number). */
  readonly byteLength?: number;
  /** In a GPO backup: the file the span refers to. */
  readonly file?: string;
  /** A reader's note that stands for this many problems it did not list: an output that lists fewer counts them too. */
  readonly unlisted?: number;
  /** Listed by an output whatever its limit (where reading stopped: what follows was not checked). */
  readonly essential?: boolean;
}

/** The export formats of SPEC §3, plus the three kinds of file a GPO backup also holds. */
export type PolicyFormat =
  | 'gpo-report-xml'
  | 'rsop-xml'
  | 'registry-pol'
  | 'reg'
  | 'lgpo-text'
  | 'gpo-backup'
  | 'gpp-registry-xml'
  | 'gpp-services-xml'
  | 'security-template';

/** A GPO as an export names it: its display name, and its GUID (`{…}`) and domain where the export gives them. */
export interface GpoIdentity {
  readonly name?: string;
  readonly id?: string;
  readonly domain?: string;
}

/** What a gpresult report is about: the computer it was run for and the GPOs it lists (applied or not). */
export interface RsopSubject {
  /** `ComputerResults/Name` as written, `DOMAIN\HOST$`; absent when the report has none. */
  readonly computer?: string;
  readonly gpos: readonly GpoIdentity[];
}

/** Which GPO a backup holds and when it was made (bkupInfo.xml `GPOGuid`, `GPODomain`, `BackupTime`). */
export interface BackupIdentity {
  readonly gpo: GpoIdentity;
  /** `BackupTime` as written (`2023-11-06T14:38:44`). */
  readonly time?: string;
}

export interface PolicyDocument {
  readonly format: PolicyFormat;
  /** Every setting in file order. */
  readonly settings: readonly PolicySetting[];
  readonly problems: readonly ReadProblem[];
  /** gpresult only: the computer and the GPOs of its `ComputerResults`. */
  readonly rsop?: RsopSubject;
  /** Get-GPOReport only: each GPO's identity, where the report gives its `Identifier`. */
  readonly gpos?: readonly GpoIdentity[];
  /** GPO backup only, when its bkupInfo.xml gives the GPO's GUID. */
  readonly backup?: BackupIdentity;
}

/** A setting built by a reader: `deleted` follows from the action. */
export function setting(fields: Omit<PolicySetting, 'deleted'>): PolicySetting {
  const deleted = fields.action === 'delete' || fields.action === 'delete-values' || fields.action === 'delete-key';
  return { ...fields, deleted };
}
