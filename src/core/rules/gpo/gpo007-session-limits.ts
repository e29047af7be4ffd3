import { findValueInfo, meaningOf } from '../../gpo/policy-values/index';
import { normalizeKey } from '../../gpo/registry-path';
import { live, numberOf, type PolicyScope } from '../../gpo/scopes';
import { KEYS } from '../../gpo/well-known-keys';
import type { PolicySetting } from '../../gpo/model';
import { effective, setElsewhere, where } from './lookup';
import { gpoRefs, type RefName } from './refs';
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

/**
 * The listener's flag that hands each of its own values to the user's settings (MS-TSTS USERCONFIG names them beside
 * the values): 1 is "Per User" in WMI's Win32_TSSessionSetting ("The user's time-limits policy settings are in
 * effect"), 0 is "Server Override", tscc's "Override user settings".
 */
const INHERIT: Readonly<Record<keyof typeof SESSION_LIMIT_THRESHOLDS | 'fResetBroken', string>> = {
  MaxIdleTime: 'fInheritMaxIdleTime',
  MaxDisconnectionTime: 'fInheritMaxDisconnectionTime',
  MaxConnectionTime: 'fInheritMaxSessionTime',
  fResetBroken: 'fInheritResetBroken',
};

const LISTENER = normalizeKey(KEYS.listener);

/**
 * Whether a value set on the listener (not by policy) is in effect: `false` when its `fInherit…` flag is 1 (the
 * users' own settings apply), `true` when the flag is 0, `undefined` when the export does not set the flag.
 */
function listenerValueInEffect(s: PolicySetting, scope: PolicyScope, name: keyof typeof INHERIT): boolean | undefined {
  if (normalizeKey(s.key) !== LISTENER) return true;
  const flag = live(scope.get(s.hive, s.key, INHERIT[name]));
  const n = flag && numberOf(flag);
  return n === undefined ? undefined : n === 0;
}

const REF_NAMES: Readonly<Record<keyof typeof SESSION_LIMIT_THRESHOLDS, RefName>> = {
  MaxIdleTime: 'maxIdleTime',
  MaxDisconnectionTime: 'maxDisconnectionTime',
  MaxConnectionTime: 'maxConnectionTime',
};

function check(name: keyof typeof SESSION_LIMIT_THRESHOLDS): ValueCheck {
  return {
    refs: REF_NAMES[name],
    test(value, s, scope) {
      if (value === 0 || value >= SESSION_LIMIT_THRESHOLDS[name]) return undefined;
      // A listener value its fInherit… flag hands to the users' own settings is not in effect.
      const inEffect = listenerValueInEffect(s, scope, name);
      if (inEffect === false) return undefined;
      const resetBroken = effective(scope, gpoRefs().resetBroken)?.setting;
      const reset = resetBroken !== undefined && numberOf(resetBroken) === 1 && listenerValueInEffect(resetBroken, scope, 'fResetBroken') !== false;
      const end = reset ? 'ended (logged off, fResetBroken is 1)' : 'disconnected';
      const unless =
        inEffect === undefined
          ? ` This is the listener's own value: it applies only while "${INHERIT[name]}" is 0 there ("Override user settings"), which this export does not set; at 1 the users' own settings apply instead.`
          : '';
      return { message: `"${name}" is ${value} ${where(s)}: ${WHAT[name](duration(value, s.key, name), end)}.${unless}`, related: reset ? setElsewhere(s, resetBroken) : [] };
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
