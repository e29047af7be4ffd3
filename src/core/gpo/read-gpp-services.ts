import { quote } from '../text/quote';
import { gppItems, hasTargeting } from './gpp-items';
import type { PolicySetting, ReadProblem } from './model';
import type { SettingOrigin } from './read-admx-policy';
import { serviceStartSetting } from './service-start';
import { childNamed, trimmedSpan, type XmlElement } from './xml-tree';

/**
 * A Group Policy Preferences service item's `startupType` as the service's start type (the `Start` value,
 * `service-start.ts`): MS-GPPREF 2.2.1.19.1, "MUST be NOCHANGE, AUTOMATIC, BOOT, DISABLED, MANUAL, or SYSTEM", the
 * SERVICE_*_START numbers 0 Boot, 1 System, 2 Automatic, 3 Manual, 4 Disabled. NOCHANGE leaves the start type alone.
 */
const STARTUP_TYPES: Readonly<Record<string, number | null>> = { nochange: null, boot: 0, system: 1, automatic: 2, manual: 3, disabled: 4 };

/**
 * Reads a GPP `NTServices` tree (`Machine\Preferences\Services\Services.xml`, or the *Services* extension of a
 * Get-GPOReport) in namespace `uri`: each `NTService` item's `Properties` gives `serviceName` and `startupType`, read
 * as that service's `Start` value. The service action (start, stop, restart) and the logon account are not read.
 */
export function readGppServices(text: string, uri: string, root: XmlElement, origin: Omit<SettingOrigin, 'hive'>): { settings: PolicySetting[]; problems: ReadProblem[] } {
  const settings: PolicySetting[] = [];
  const problems: ReadProblem[] = [];
  for (const { item, targetedAbove } of gppItems(root, uri, 'NTService')) {
    const props = childNamed(item, uri, 'Properties');
    if (!props) continue;
    const name = (props.attributes.serviceName ?? '').trim();
    const type = props.attributes.startupType ?? '';
    const span = trimmedSpan(text, props.tagSpan);
    const start = STARTUP_TYPES[type.trim().toLowerCase()];
    if (start === undefined) {
      problems.push({ severity: 'warning', message: `The preference service item ${quote(name)} has the startup type ${quote(type)}, which is not NOCHANGE, AUTOMATIC, BOOT, DISABLED, MANUAL or SYSTEM.`, span });
      continue;
    }
    // A service name is a registry key name under Services: one with a backslash names no service.
    if (start === null || name === '' || name.includes('\\')) continue;
    const targeted = targetedAbove || hasTargeting(item, uri);
    settings.push(serviceStartSetting(name, start, span, { ...(origin.gpo !== undefined && { gpo: origin.gpo }), ...(origin.precedence !== undefined && { precedence: origin.precedence }), ...(targeted && { targeted }) }));
  }
  return { settings, problems };
}
