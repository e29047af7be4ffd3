import type { HostCheckResult } from '../core/net/index';

/** When each result of this session's checks came in: the certificate view dates what it shows by it, not by its opening. */
const CHECKED_AT = new WeakMap<HostCheckResult, Date>();

export function noteCheckedAt(result: HostCheckResult, at: Date = new Date()): void {
  CHECKED_AT.set(result, at);
}

/** When the check that gave `result` finished; undefined for a result from elsewhere. */
export function checkedAt(result: HostCheckResult): Date | undefined {
  return CHECKED_AT.get(result);
}
