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

/**
 * A check's `timeoutMs` or `concurrency`: the value `.rdpdoctor.yaml` sets wins over the editor's setting. For an
 * untrusted workspace (VS Code's Restricted Mode, docs/restricted-mode.md) the config may give a step more time and check
 * fewer hosts at once than the user's own setting, never less time or more hosts: a shorter step makes a healthy host
 * look timed out.
 */
export function checkSetting(key: 'timeoutMs' | 'concurrency', setting: number, fromConfig: number | undefined, trusted: boolean): number {
  if (fromConfig === undefined) return setting;
  if (trusted) return fromConfig;
  return key === 'timeoutMs' ? Math.max(fromConfig, setting) : Math.min(fromConfig, setting);
}
