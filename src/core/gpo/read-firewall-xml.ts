import { setting, type PolicySetting } from './model';
import { NS } from './namespaces';
import type { SettingOrigin } from './read-admx-policy';
import { FIREWALL_KEYS, PROFILE_KEYS, PROFILE_VALUES, RD_EXCEPTION_SUBKEY } from './firewall-keys';
import { ruleString } from './firewall-rule';
import { childNamed, childText, trimmedSpan, type XmlElement } from './xml-tree';

// The Windows Firewall settings of a Get-GPOReport or gpresult report, read as the registry values the same GPO's
// Registry.pol holds (gpo-formats.md §1.6, checked on t0x01/group-policy-objects GPO {6CFB8173-…}, whose report and
// registry.pol give the same rules and profile values): one model, so GPO001 reads every export the same way.

/** What a reader of one extension element collects (read-extension.ts's `ExtensionReader`, without a cycle). */
interface Reader {
  readonly text: string;
  originOf(element: XmlElement): SettingOrigin;
  readonly settings: PolicySetting[];
}

const PROFILE_ELEMENTS: Readonly<Record<string, string>> = {
  domainprofile: PROFILE_KEYS[0]!.key,
  privateprofile: PROFILE_KEYS[1]!.key,
  publicprofile: PROFILE_KEYS[2]!.key,
};

/** The profile values read, by the element name the report gives them (the registry value's name, e.g. `<EnableFirewall><Value>true</Value>`). */
const PROFILE_VALUE_NAMES = new Map(PROFILE_VALUES.map((v) => [v.toLowerCase(), v]));

function originFields(origin: SettingOrigin): Pick<PolicySetting, 'gpo' | 'precedence'> {
  return { ...(origin.gpo !== undefined && { gpo: origin.gpo }), ...(origin.precedence !== undefined && { precedence: origin.precedence }) };
}

/** A profile's settings: `true`/`false` are the DWORDs 1/0 the registry holds; numbers as written. */
function readProfile(r: Reader, element: XmlElement, key: string): void {
  for (const child of element.children) {
    const name = PROFILE_VALUE_NAMES.get(child.local.toLowerCase());
    if (name === undefined) continue;
    const value = childText(r.text, child, NS.firewall, 'Value');
    if (!value) continue;
    const v = value.value.toLowerCase();
    const data = v === 'true' ? 1 : v === 'false' ? 0 : /^\d{1,10}$/.test(v) ? Number(v) : undefined;
    if (data === undefined) continue;
    const origin = r.originOf(child);
    r.settings.push(setting({ hive: 'HKLM', key, valueName: name, type: 'REG_DWORD', data, action: 'set', ...originFields(origin), source: { span: value.span } }));
  }
}

/**
 * A rule element: its children are the rule string's fields by name (`Action`, `Dir`, `Profile`, `LPort`, `RA4`…),
 * written back into that grammar. The report gives no rule ID (the registry value's name), so the value is named after
 * the element and its place in the file, which keeps two rules of one name apart.
 */
function readRule(r: Reader, element: XmlElement): void {
  const children: [string, string][] = [];
  let version: string | undefined;
  for (const child of element.children) {
    if (child.uri !== NS.firewall || child.children.length > 0) continue;
    if (child.local === 'Version') version = child.text.trim();
    else children.push([child.local, child.text.trim()]);
  }
  const at = childNamed(element, NS.firewall, 'Name') ?? childNamed(element, NS.firewall, 'Action');
  const origin = r.originOf(element);
  r.settings.push(
    setting({
      hive: 'HKLM',
      key: FIREWALL_KEYS.rules,
      valueName: `${element.local}@${element.start}`,
      type: 'REG_SZ',
      data: ruleString(version, children),
      action: 'set',
      ...originFields(origin),
      source: { span: trimmedSpan(r.text, at ? at.contentSpan : element.span) },
    }),
  );
}

/** Reads one child of a Windows Firewall extension; false when it is not one of the elements GPO001 needs. */
export function readFirewallElement(r: Reader, child: XmlElement): boolean {
  if (child.uri !== NS.firewall) return false;
  const profileKey = PROFILE_ELEMENTS[child.local.toLowerCase()];
  if (profileKey !== undefined) readProfile(r, child, profileKey);
  else if (child.local === 'InboundFirewallRules' || child.local === 'OutboundFirewallRules') readRule(r, child);
  return true;
}

/**
 * The legacy Administrative Template policies of WindowsFirewall.admx that GPO001 reads. Each exists twice under one
 * display name (`_1` Domain Profile, `_2` Standard Profile), so the category's last part picks the key; "Windows
 * Firewall:" is their name before Windows 10's "Windows Defender Firewall:".
 */
const ADMX_FIREWALL: readonly { readonly name: RegExp; readonly value: string; readonly sub?: string; readonly text?: string }[] = [
  { name: /^windows (defender )?firewall: allow inbound remote desktop exceptions$/i, value: 'Enabled', sub: RD_EXCEPTION_SUBKEY, text: 'RemoteAddresses' },
  { name: /^windows (defender )?firewall: do not allow exceptions$/i, value: 'DoNotAllowExceptions' },
  { name: /^windows (defender )?firewall: protect all network connections$/i, value: 'EnableFirewall' },
];

/**
 * An ADMX `Policy` element of the Registry extension that is one of the firewall policies above: its values as the
 * ADMX writes them (enabledValue 1, disabledValue 0; the text box "Allow unsolicited incoming messages from these IP
 * addresses:" as `RemoteAddresses`). False when it is not one of them.
 */
export function readFirewallAdmxPolicy(r: Reader, policy: XmlElement): boolean {
  const name = childText(r.text, policy, NS.registry, 'Name')?.value ?? '';
  const entry = ADMX_FIREWALL.find((p) => p.name.test(name));
  if (!entry) return false;
  const category = childText(r.text, policy, NS.registry, 'Category')?.value ?? '';
  const profile = /\/domain profile$/i.test(category) ? PROFILE_KEYS[0]! : /\/standard profile$/i.test(category) ? PROFILE_KEYS[3]! : undefined;
  const state = childText(r.text, policy, NS.registry, 'State');
  if (!profile || !state || !/^(enabled|disabled)$/i.test(state.value)) return false;
  const key = entry.sub ? `${profile.key}\\${entry.sub}` : profile.key;
  const origin = r.originOf(policy);
  const base = { hive: 'HKLM' as const, key, policy: name, ...originFields(origin) };
  const enabled = state.value.toLowerCase() === 'enabled';
  r.settings.push(setting({ ...base, valueName: entry.value, type: 'REG_DWORD', data: enabled ? 1 : 0, action: 'set', source: { span: state.span } }));
  if (enabled && entry.text) {
    const edit = policy.children.find((c) => c.uri === NS.registry && c.local === 'EditText');
    const value = edit ? childText(r.text, edit, NS.registry, 'Value') : undefined;
    if (value) r.settings.push(setting({ ...base, valueName: entry.text, type: 'REG_SZ', data: value.value, action: 'set', source: { span: value.span } }));
  }
  return true;
}
