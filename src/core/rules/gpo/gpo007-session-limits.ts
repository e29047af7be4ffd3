import { findValueInfo, meaningOf } from '../../gpo/policy-values';
import { numberOf } from '../../gpo/scopes';
import { effective, where } from './lookup';
import { REFS, valueRefs } from './refs';
import { valueRule, type ValueCheck } from './value-rule';

/** Limits below these (milliseconds) end sessions abruptly; 0 means no limit. */
export const SESSION_LIMIT_THRESHOLDS = {
  MaxIdleTime: 15 * 60_000,
  MaxDisconnectionTime: 15 * 60_000,
  MaxConnectionTime: 8 * 3_600_000,
} as const;

function duration(ms: number, key: string, name: string): string {
  const info = findValueInfo(key, name);
  const preset = info ? meaningOf(info, ms) : undefined;
  if (preset) return preset;
  return ms % 60_000 === 0 ? `${ms / 60_000} minutes` : `${ms} ms`;
}

const WHAT = {
  MaxIdleTime: (d: string, end: string) => `an idle session is ${end} after ${d}`,
  MaxDisconnectionTime: (d: string) => `a disconnected session is logged off after ${d}, so a short network drop costs the user their open work`,
  MaxConnectionTime: (d: string, end: string) => `every session is ${end} after ${d}, even while in use`,
} as const;

function check(name: keyof typeof SESSION_LIMIT_THRESHOLDS): ValueCheck {
  return {
    refs: valueRefs(name),
    test(value, s, scope) {
      if (value === 0 || value >= SESSION_LIMIT_THRESHOLDS[name]) return undefined;
      const reset = numberOf(effective(scope, REFS.resetBroken)?.setting) === 1;
      const end = reset ? 'ended (logged off, fResetBroken is 1)' : 'disconnected';
      return { message: `"${name}" is ${value} ${where(s)}: ${WHAT[name](duration(value, s.key, name), end)}.` };
    },
  };
}

export const gpo007 = valueRule({
  id: 'GPO007',
  name: 'session-limits',
  description: 'Idle, disconnected or active session time limits short enough to end sessions abruptly.',
  defaultSeverity: 'info',
  tags: ['gpo', 'session'],
  checks: [check('MaxIdleTime'), check('MaxDisconnectionTime'), check('MaxConnectionTime')],
});
