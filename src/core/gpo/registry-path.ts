import type { Hive, RegType } from './model';
import { isUserRightsKey } from './logon-rights';

const HIVE_NAMES: Readonly<Record<string, Hive>> = {
  hkey_local_machine: 'HKLM',
  hklm: 'HKLM',
  machine: 'HKLM',
  computer: 'HKLM',
  hkey_current_user: 'HKCU',
  hkcu: 'HKCU',
  user: 'HKCU',
  hkey_users: 'HKU',
  hku: 'HKU',
  hkey_classes_root: 'HKCR',
  hkcr: 'HKCR',
  hkey_current_config: 'HKCC',
  hkcc: 'HKCC',
};

/** The hive a root name stands for (`HKEY_LOCAL_MACHINE`, `HKLM`, `MACHINE`, `Computer`…), case-insensitively. */
export function hiveOf(name: string): Hive | undefined {
  return HIVE_NAMES[name.trim().toLowerCase()];
}

/** Splits `HKEY_LOCAL_MACHINE\SOFTWARE\…` or `MACHINE\…` into hive and key; undefined when the root is unknown. */
export function splitHive(path: string): { hive: Hive; key: string } | undefined {
  const slash = path.indexOf('\\');
  const root = slash < 0 ? path : path.slice(0, slash);
  const hive = hiveOf(root);
  if (!hive) return undefined;
  return { hive, key: slash < 0 ? '' : trimKey(path.slice(slash + 1)) };
}

/** A key without leading or trailing backslashes. */
export function trimKey(key: string): string {
  let start = 0;
  let end = key.length;
  while (start < end && key.charCodeAt(start) === 92) start++;
  while (end > start && key.charCodeAt(end - 1) === 92) end--;
  return key.slice(start, end).trim();
}

const normalized = new Map<string, string>();

/**
 * `SYSTEM\CurrentControlSet` is a link to the control set `HKLM\SYSTEM\Select\Current` names, which is
 * `ControlSet001` on an installed Windows. Exports made from an offline SYSTEM hive (reg/hivex edits of a
 * mounted image, `reg export` of a loaded hive) can only name `ControlSet001`: read it as the current set.
 */
const CONTROL_SET_001 = 'system\\controlset001';

/** How keys and value names compare: the registry ignores case. (Exports repeat a few keys thousands of times.) */
export function normalizeKey(key: string): string {
  let n = normalized.get(key);
  if (n === undefined) {
    n = trimKey(key).toLowerCase();
    if (n.startsWith(CONTROL_SET_001) && (n.length === CONTROL_SET_001.length || n.charCodeAt(CONTROL_SET_001.length) === 92)) {
      n = `system\\currentcontrolset${n.slice(CONTROL_SET_001.length)}`;
    }
    if (normalized.size < 10_000) normalized.set(key, n);
  }
  return n;
}

/** The identity of a value for lookups: hive, key and name, case-folded. */
export function valueId(hive: Hive, key: string, valueName: string): string {
  return `${hive}\\${normalizeKey(key)}\\\\${valueName.toLowerCase()}`;
}

/** winnt.h type numbers, as Registry.pol and security templates store them. */
export const REG_TYPE_NUMBERS: readonly RegType[] = [
  'REG_NONE',
  'REG_SZ',
  'REG_EXPAND_SZ',
  'REG_BINARY',
  'REG_DWORD',
  'REG_DWORD_BIG_ENDIAN',
  'REG_LINK',
  'REG_MULTI_SZ',
  'REG_RESOURCE_LIST',
  'REG_FULL_RESOURCE_DESCRIPTOR',
  'REG_RESOURCE_REQUIREMENTS_LIST',
  'REG_QWORD',
];

export function regTypeOf(value: number | string): RegType | undefined {
  if (typeof value === 'number') return REG_TYPE_NUMBERS[value];
  const upper = value.trim().toUpperCase();
  return (REG_TYPE_NUMBERS as readonly string[]).includes(upper) ? (upper as RegType) : undefined;
}

/** `HKLM\SOFTWARE\…\Name` for messages and hovers. */
export function displayPath(hive: Hive, key: string, valueName: string): string {
  // A Remote Desktop logon right is no registry value: shown where GPMC shows it (logon-rights.ts).
  if (isUserRightsKey(key)) return `${key}\\${valueName}`;
  return `${hive}\\${key}${valueName ? `\\${valueName}` : ''}`;
}
