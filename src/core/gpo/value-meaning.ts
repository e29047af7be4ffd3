import type { RegData, RegType } from './model';
import { findValueInfo } from './policy-values/index';
import { numberOf } from './scopes';
import { isUserRightsKey } from './logon-rights';
import { membersMeaning } from './logon-rights-members';

/** The parts of a setting (or a cross-file fact) that decide what Windows reads from it. */
export interface ValueData {
  readonly key: string;
  readonly valueName: string;
  readonly type: RegType;
  readonly data: RegData;
}

/**
 * What a value means, as a comparable token: the policy table's kind decides. Numbers compare by value
 * (DWORD 1 = REG_SZ "1"), a non-zero switch by on/off (Schannel `Enabled` 1 = 0xffffffff), the rest exactly.
 */
export function valueMeaning(s: ValueData): string {
  // A logon right's members are a set: compared by who they are, not by order or spelling (a SID or its name).
  if (isUserRightsKey(s.key) && Array.isArray(s.data)) return `members:${membersMeaning(s.data)}`;
  const n = numberOf(s);
  if (n === undefined) return `data:${JSON.stringify(s.data)}`;
  return findValueInfo(s.key, s.valueName)?.kind === 'nonzero-switch' ? (n === 0 ? 'off' : 'on') : `number:${n}`;
}

/** Whether two values mean the same to Windows. */
export function sameMeaning(a: ValueData, b: ValueData): boolean {
  return valueMeaning(a) === valueMeaning(b);
}
