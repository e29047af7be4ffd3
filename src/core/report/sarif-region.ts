/** SARIF regions (§3.30): a text region for a place in a text file, a binary region for a Registry.pol record. */

/** A text region: 1-based, as SARIF counts; the columns are left out when only the line is known. */
export interface SarifTextRegion {
  readonly startLine: number;
  readonly startColumn?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/**
 * A binary region (SARIF §3.30.3): a Registry.pol finding's place is a record and its bytes, not a line. SARIF §3.30.1:
 * "For regions in binary artifacts, a region object SHALL define a binary region and SHALL NOT define a text region",
 * so no `startLine`. The record number is in the property bag (§3.8). GitHub code scanning takes the upload ("any
 * valid SARIF 2.1.0 output file can be uploaded": docs.github.com, "SARIF support for code scanning") but places
 * alerts by line only: it shows such an alert on the file, not on a line, as it would for any binary file.
 */
export interface SarifBinaryRegion {
  readonly byteOffset: number;
  /** Absent when unknown: SARIF then reads an insertion point at `byteOffset` (§3.30.12). */
  readonly byteLength?: number;
  readonly properties: { readonly registryPolRecord: number };
}

export type SarifRegion = SarifTextRegion | SarifBinaryRegion;

/** A place as the lint output gives it: 1-based line and columns, and the bytes of a Registry.pol record. */
export interface PlaceInput {
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly byteOffset?: number;
  readonly byteLength?: number;
}

/**
 * The SARIF region of a place: a binary region when it has a byte offset; none when it has no line, or when it is in
 * a binary file (`binary`) without a byte offset, where a text region would be wrong (§3.30.1).
 */
export function sarifRegion(at: PlaceInput, binary = false): SarifRegion | undefined {
  if (at.byteOffset !== undefined) {
    return {
      byteOffset: at.byteOffset,
      ...(at.byteLength !== undefined && { byteLength: at.byteLength }),
      properties: { registryPolRecord: at.line ?? 0 },
    };
  }
  if (at.line === undefined || binary) return undefined;
  return {
    startLine: at.line,
    ...(at.column !== undefined && { startColumn: at.column }),
    ...(at.endLine !== undefined && { endLine: at.endLine }),
    ...(at.endColumn !== undefined && { endColumn: at.endColumn }),
  };
}

/**
 * How the run counts columns, for a run whose results have a text region (SARIF §3.14.27: a run over text artifacts
 * with results SHALL say; a run over none SHALL NOT). Columns are offsets into the decoded text as a JavaScript string,
 * which is UTF-16: a character outside the BMP (an emoji) is two columns, as SARIF's "utf16CodeUnits" counts it.
 */
export function columnKind(regions: readonly (SarifRegion | undefined)[]): { columnKind?: 'utf16CodeUnits' } {
  return regions.some((r) => r !== undefined && 'startLine' in r) ? { columnKind: 'utf16CodeUnits' } : {};
}
