/**
 * The policy-value table: what RDP Doctor knows about each registry value it reads (keys, hives, documented values,
 * sources), one file per policy area, and the lookup of a value by key and name.
 */
import { normalizeKey } from '../registry-path';
import { CONNECTION_VALUES } from './connections';
import type { RegistryValueInfo } from './row';
import { SECURITY_VALUES } from './security';
import { SESSION_VALUES } from './sessions';
import { WINDOWS_SECURITY_VALUES } from './windows-security';

export const REGISTRY_VALUES: readonly RegistryValueInfo[] = [...CONNECTION_VALUES, ...SECURITY_VALUES, ...SESSION_VALUES, ...WINDOWS_SECURITY_VALUES];

const byValue = new Map<string, RegistryValueInfo>();
for (const info of REGISTRY_VALUES) for (const key of info.keys) byValue.set(`${normalizeKey(key)}\\${info.valueName.toLowerCase()}`, info);

/** What RDP Doctor knows about a value, if anything. */
export function findValueInfo(key: string, valueName: string): RegistryValueInfo | undefined {
  return byValue.get(`${normalizeKey(key)}\\${valueName.toLowerCase()}`);
}

/** The documented meaning of one value. */
export function meaningOf(info: RegistryValueInfo, value: number | string): string | undefined {
  return info.values?.find((v) => v.value === value || String(v.value) === String(value))?.meaning;
}
