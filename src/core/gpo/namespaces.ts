/** Namespace URIs of Group Policy report and RSoP XML (gpo-formats.md §1.1, §2). Prefixes vary per file; these do not. */
export const NS = {
  settings: 'http://www.microsoft.com/GroupPolicy/Settings',
  types: 'http://www.microsoft.com/GroupPolicy/Types',
  base: 'http://www.microsoft.com/GroupPolicy/Settings/Base',
  rsop: 'http://www.microsoft.com/GroupPolicy/Rsop',
  registry: 'http://www.microsoft.com/GroupPolicy/Settings/Registry',
  security: 'http://www.microsoft.com/GroupPolicy/Settings/Security',
  gppRegistry: 'http://www.microsoft.com/GroupPolicy/Settings/Windows/Registry',
  /** Windows Firewall with Advanced Security (`xsi:type="q1:WindowsFirewallSettings"`, gpo-formats.md §1.6). */
  firewall: 'http://www.microsoft.com/GroupPolicy/Settings/WindowsFirewall',
  /** Group Policy Preferences services (`xsi:type="q1:ServiceSettings"`, as GPMC writes it: hraedon/gpo-studio's native capture). */
  gppServices: 'http://www.microsoft.com/GroupPolicy/Settings/Services',
  backupManifest: 'http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest',
  /** Backup.xml (`GroupPolicyBackupScheme`). */
  backupScheme: 'http://www.microsoft.com/GroupPolicy/GPOOperations',
} as const;

/** The class ID of a Group Policy Preferences registry settings collection (`RegistrySettings clsid=`). */
export const GPP_REGISTRY_SETTINGS_CLSID = '{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}';

/** The class ID of a Group Policy Preferences services collection (`NTServices clsid=`, MS-GPPREF 2.2.1.19). */
export const GPP_SERVICES_CLSID = '{2CFB484A-4E96-4b5d-A0B6-093D2F91E6AE}';

/**
 * Elements of report and RSoP XML that hold nothing a reader uses: their subtrees are not kept. Not `Filters`: a Group
 * Policy Preferences item's item-level targeting, which limits where the item applies.
 */
export const REPORT_SKIP: ReadonlySet<string> = new Set(['Explain', 'Supported', 'SecurityDescriptor', 'Text', 'EventsDetails', 'Desc']);
