/** The shape of a row of the policy-value table (`index.ts`), and the shorthands its rows are written with. */
import type { Hive } from '../model';
import type { SourceId } from '../../knowledge/sources';
import { KEYS } from '../well-known-keys';

/** One documented value and what it does. */
export interface RegistryValueMeaning {
  readonly value: number | string;
  readonly meaning: string;
}

/** `number`: compared by value. `nonzero-switch`: 0 is off and every other value is on (Schannel's `Enabled`). */
export type ValueKind = 'number' | 'nonzero-switch';

/** What RDP Doctor knows about one registry value: the data behind hovers and messages. */
export interface RegistryValueInfo {
  readonly valueName: string;
  /** The keys it is read from (the policy key and the listener's own key share most values). */
  readonly keys: readonly string[];
  readonly hives: readonly Hive[];
  readonly summary: string;
  readonly values?: readonly RegistryValueMeaning[];
  /** Free-form values: what the number counts. */
  readonly unit?: string;
  /** How Windows reads the number: by value (the default), or as a switch where any non-zero value means on. */
  readonly kind?: ValueKind;
  readonly sources: readonly SourceId[];
}

/** The Remote Desktop policy key and the listener's own key, which most rows read. */
export const TS = KEYS.tsPolicy;
export const RDP_TCP = KEYS.listener;
/** The hives a value is set in: the computer's, or the computer's and the user's. */
export const MACHINE: readonly Hive[] = ['HKLM'];
export const BOTH: readonly Hive[] = ['HKLM', 'HKCU'];
/** The meanings of a 1/0 switch. */
export const ON_OFF = (on: string, off: string): RegistryValueMeaning[] => [
  { value: 1, meaning: on },
  { value: 0, meaning: off },
];
