import { setMaxListeners } from 'node:events';
import { probeHost, type CheckHostOptions, type CheckTarget } from './check-host';
import { hostResult, probeKey } from './host-result';
import type { HostCheckResult } from './types';

export interface BatchOptions extends CheckHostOptions {
  /** How many listeners are probed at once. */
  readonly concurrency: number;
  /** Called as each host finishes, in completion order (progress in the editor). */
  readonly onResult?: (result: HostCheckResult, index: number) => void;
}

/**
 * The targets grouped by the probe that answers them (`probeKey`), in the order each probe is first named: a listener
 * named twice (a `.rdp` file and an inventory entry, the same argument twice) is probed once, since a second probe
 * only adds load (xrdp's listen backlog is 2: a review saw 12 self-inflicted NET003 timeouts from 16 such targets).
 */
export function probeGroups(targets: readonly CheckTarget[]): number[][] {
  const groups = new Map<string, number[]>();
  targets.forEach((target, index) => {
    const key = probeKey(target);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return [...groups.values()];
}

/**
 * The probe groups chained by listener (host and port): groups of one listener under different certificate names run
 * one after another, never at once, as each opens several connections (a review of session 17's change saw three
 * names of one xrdp, whose listen backlog is 2, wait a second for a SYN retry).
 */
export function listenerChains(targets: readonly CheckTarget[], groups: readonly number[][]): number[][][] {
  const chains = new Map<string, number[][]>();
  for (const group of groups) {
    const first = targets[group[0]!]!;
    const key = `${first.host.toLowerCase()}\n${first.port}`;
    const chain = chains.get(key);
    if (chain) chain.push(group);
    else chains.set(key, [group]);
  }
  return [...chains.values()];
}

/**
 * Checks many hosts with bounded concurrency; results come back in the order of the targets, one per target, each with
 * its own label and gateway. Cancelling the signal stops the running checks and starts no new one; every host still
 * gets a result.
 */
export async function checkHosts(targets: readonly CheckTarget[], options: BatchOptions): Promise<HostCheckResult[]> {
  const results: HostCheckResult[] = new Array(targets.length);
  const chains = listenerChains(targets, probeGroups(targets));
  const workers = Math.max(1, Math.min(options.concurrency, chains.length));
  // One listener on the caller's signal; each running host listens on this one instead.
  const controller = new AbortController();
  setMaxListeners(workers + 8, controller.signal);
  const onAbort = (): void => controller.abort();
  if (options.signal?.aborted) controller.abort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  const hostOptions = { ...options, signal: controller.signal };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chains.length) {
      for (const group of chains[next++]!) {
        const probe = await probeHost(targets[group[0]!]!, hostOptions);
        for (const index of group) {
          const result = hostResult(targets[index]!, probe, options.severities);
          results[index] = result;
          options.onResult?.(result, index);
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  return results;
}
