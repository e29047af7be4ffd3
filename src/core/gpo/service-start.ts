import { setting, type Hive, type PolicySetting } from './model';
import type { Span } from '../text/line-index';

// A service's start type is the `Start` value of its key, HKLM\SYSTEM\CurrentControlSet\Services\<name>: 2 Automatic,
// 3 Manual, 4 Disabled ("Start", Windows 2000 registry reference cc959920; ServiceStartMode). Security Settings > System
// Services sets it through the Service Control Manager, so a GPO's service start type is read as that registry value.

/** The start types by the words a Get-GPOReport or gpresult report gives them (`<StartupMode>`). */
const STARTUP_MODES: Readonly<Record<string, number>> = { automatic: 2, manual: 3, disabled: 4 };

/** The start type a report's `<StartupMode>` names, if it is one of GPMC's. */
export function startupModeNumber(mode: string): number | undefined {
  return STARTUP_MODES[mode.trim().toLowerCase()];
}

/** The start types a security template's `[Service General Setting]` line can give a service (ServiceStartMode: 0 Boot … 4 Disabled). */
export function isStartType(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 4;
}

/** The setting a service's start type makes: `HKLM\SYSTEM\CurrentControlSet\Services\<name>\Start`, a DWORD. */
export function serviceStartSetting(name: string, start: number, span: Span, origin: { gpo?: string; precedence?: number; targeted?: boolean } = {}): PolicySetting {
  const hive: Hive = 'HKLM';
  return setting({ hive, key: `SYSTEM\\CurrentControlSet\\Services\\${name}`, valueName: 'Start', type: 'REG_DWORD', data: start, action: 'set', ...origin, source: { span } });
}
