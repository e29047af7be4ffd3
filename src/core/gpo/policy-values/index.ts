/**
 * The policy-value table: what RDP Doctor knows about each registry value it reads (keys, hives, documented values,
 * sources), one file per policy area, and the lookup of a value by key and name.
 */
import { builtOnFirstUse } from '../../built-once';
import { normalizeKey } from '../registry-path';
import { connectionValues } from './connections';
import type { RegistryValueInfo } from './row';
import { securityValues } from './security';
import { sessionValues } from './sessions';
import { windowsSecurityValues } from './windows-security';

/** Every row, built on first use: a lint of `.rdp` files reads none (issue 16). */
export const registryValues = builtOnFirstUse('policy values', (): readonly RegistryValueInfo[] => [...connectionValues(), ...securityValues(), ...sessionValues(), ...windowsSecurityValues()]);

const byValue = builtOnFirstUse('policy values by key', () => {
  const map = new Map<string, RegistryValueInfo>();
  for (const info of registryValues()) for (const key of info.keys) map.set(`${normalizeKey(key)}\\${info.valueName.toLowerCase()}`, info);
  return map;
});

/** What RDP Doctor knows about a value, if anything. */
export function findValueInfo(key: string, valueName: string): RegistryValueInfo | undefined {
  return byValue().get(`${normalizeKey(key)}\\${valueName.toLowerCase()}`);
}

/** The documented meaning of one value. */
export function meaningOf(info: RegistryValueInfo, value: number | string): string | undefined {
  return info.values?.find((v) => v.value === value || String(v.value) === String(value))?.meaning;
}
