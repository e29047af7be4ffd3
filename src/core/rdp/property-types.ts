import type { SourceId } from '../knowledge/sources';

/** The type letter of an `.rdp` line: string, integer, or hex-encoded binary. */
export type RdpType = 's' | 'i' | 'b';

export type PropertyCategory =
  | 'connection'
  | 'gateway'
  | 'session'
  | 'redirection'
  | 'display'
  | 'remoteapp'
  | 'signing';

/** One documented value and what it does. */
export interface ValueDoc {
  readonly value: string;
  readonly meaning: string;
}

/** How a client treats the property. */
export type Support = 'applied' | 'parsed' | 'documented' | 'unsupported' | 'unknown';

export interface ClientSupport {
  /** Windows Remote Desktop Connection, the inbox client (mstsc). Windows App and the Remote Desktop app (MSRDC) read some properties mstsc does not (`maximizetocurrentdisplays`): the description says so. */
  readonly mstsc: Support;
  /** Azure Virtual Desktop clients, as the AVD property page lists them. */
  readonly avd: Support;
  /** FreeRDP (`client/common/file.c`): applied, parsed only, or not recognised. */
  readonly freerdp: Support;
}

/**
 * Free-form string shapes the rules can validate beyond an enumerated set.
 * `address` = host[:port]; `drive-list` = `*`, `DynamicDrives` or `C:;D:`-style lists.
 */
export type ValueFormat =
  | 'address'
  | 'drive-list'
  | 'device-list'
  | 'url'
  | 'path'
  | 'guid'
  | 'base64'
  | 'hex'
  | 'text';

export interface PropertyInfo {
  /** Canonical name in lower case, exactly as written in files (`full address`). */
  readonly name: string;
  /** Display name from the AVD include table or the signscope list, when one exists. */
  readonly displayName?: string;
  readonly type: RdpType;
  /**
   * A second type letter a client reads the property with, when the sources disagree: Microsoft documents
   * `workspaceid:s:`, FreeRDP reads `workspaceid:i:`. RDP003 accepts both letters.
   */
  readonly otherType?: RdpType;
  readonly category: PropertyCategory;
  /** Documented values. For `i` these are the only allowed values unless `range` is set. */
  readonly values?: readonly ValueDoc[];
  /**
   * Undocumented integer values a Microsoft client writes in the files it saves (the older Mac client's
   * `screen mode id:i:0`): RDP004 calls them a warning with `normal`, the documented value that means the same,
   * not an error, since the file is one a Microsoft client made.
   */
  readonly writtenValues?: readonly (ValueDoc & { readonly normal: string })[];
  /** Inclusive integer range for `i` properties with open ranges. */
  readonly range?: { readonly min: number; readonly max: number };
  /** For `s` properties: when true, a value outside `values` is invalid (compared case-insensitively). */
  readonly closedSet?: boolean;
  readonly format?: ValueFormat;
  /** The documented default, as it would be written after `name:type:`; absent if none is documented. */
  readonly default?: string;
  readonly clients: ClientSupport;
  /** What the property does, in our own words (Markdown allowed). */
  readonly description: string;
  readonly sources: readonly SourceId[];
  /** Set when no primary source confirms the behaviour described. */
  readonly unverified?: boolean;
  /** Why the property is legacy or obsolete, and what replaces it. */
  readonly deprecated?: string;
  /** The rdpsign secure-settings display name (covered by `signscope`), if any. */
  readonly signName?: string;
  /** The value is a secret (a saved password): never shown in a message, a hover, a log or a report. */
  readonly secret?: true;
  /** Other names that clients accept for the same setting (FreeRDP aliases). */
  readonly aliases?: readonly string[];
}
