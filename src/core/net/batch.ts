import { setMaxListeners } from 'node:events';
import { checkHost, type CheckHostOptions, type CheckTarget } from './check-host';
import type { HostCheckResult } from './types';

export interface BatchOptions extends CheckHostOptions {
  /** How many hosts are checked at once. */
  readonly concurrency: number;
  /** Called as each host finishes, in completion order (progress in the editor). */
  readonly onResult?: (result: HostCheckResult, index: number) => void;
}

/**
 * Checks many hosts with bounded concurrency; results come back in the order of the targets.
 * Cancelling the signal stops the running checks and starts no new one; every host still gets a result.
 */
export async function checkHosts(targets: readonly CheckTarget[], options: BatchOptions): Promise<HostCheckResult[]> {
  const results: HostCheckResult[] = new Array(targets.length);
  const workers = Math.max(1, Math.min(options.concurrency, targets.length));
  // One listener on the caller's signal; each running host listens on this one instead.
  const controller = new AbortController();
  setMaxListeners(workers + 8, controller.signal);
  const onAbort = (): void => controller.abort();
  if (options.signal?.aborted) controller.abort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  const hostOptions = { ...options, signal: controller.signal };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const index = next++;
      const result = await checkHost(targets[index]!, hostOptions);
      results[index] = result;
      options.onResult?.(result, index);
    }
  };
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  return results;
}
