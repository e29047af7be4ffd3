/** The ranges the CLI's options, `.rdpdoctor.yaml` and the editor's settings allow for a check. */
export const TIMEOUT_MS_RANGE = { min: 100, max: 600_000 } as const;
export const CONCURRENCY_RANGE = { min: 1, max: 256 } as const;

/**
 * A number setting as the editor passes it on: VS Code only marks a value outside the schema's range in the settings
 * editor and hands it over as written, so a value that is no finite number takes the default and one out of range
 * the nearest bound (a timeout of 1e12 overflowed Node's timer into 1 ms: every host "timed out"; a concurrency of
 * "abc" threw). Whole numbers only.
 */
export function settingInteger(value: unknown, range: { readonly min: number; readonly max: number }, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(range.max, Math.max(range.min, Math.round(value)));
}
