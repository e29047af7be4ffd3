import { setting, type PolicySetting, type ReadProblem } from './model';
import { NS } from './namespaces';
import { readAdmxPolicy, type SettingOrigin } from './read-admx-policy';
import { readGppRegistry } from './read-gpp-registry';
import { readGppServices } from './read-gpp-services';
import { readFirewallAdmxPolicy, readFirewallElement } from './read-firewall-xml';
import { splitHive, trimKey } from './registry-path';
import { serviceStartSetting, startupModeNumber } from './service-start';
import { readUserRightElement } from './logon-rights-read';
import { quote } from '../text/quote';
import type { Span } from '../text/line-index';
import { childNamed, childrenNamed, childText, trimmedSpan, type XmlElement } from './xml-tree';
import { appendAll } from '../text/collections';

/** What reading one GPO section (Computer or User) collects. */
export interface ExtensionReader {
  readonly text: string;
  /** The hive, GPO and precedence of one setting element (gpresult puts them on each setting). */
  originOf(element: XmlElement): SettingOrigin;
  readonly settings: PolicySetting[];
  readonly problems: ReadProblem[];
  /** Policies not in the map whose names look localized (the others are dropped as they are read: a large report has thousands). */
  readonly unmapped: { name: string; category: string; span: Span }[];
}

/** `RegistrySetting`: a raw registry value no ADMX on the reporting machine explains (gpo-formats.md §1.3). */
function readRegistrySetting(r: ExtensionReader, element: XmlElement): void {
  const keyPath = childText(r.text, element, NS.registry, 'KeyPath');
  if (!keyPath) return;
  const origin = r.originOf(element);
  const valueEl = childNamed(element, NS.registry, 'Value');
  const common = { hive: origin.hive, key: trimKey(keyPath.value), ...(origin.gpo !== undefined && { gpo: origin.gpo }), ...(origin.precedence !== undefined && { precedence: origin.precedence }) };
  if (!valueEl) {
    r.settings.push(setting({ ...common, valueName: '', type: 'REG_NONE', data: null, action: 'create-key', source: { span: keyPath.span } }));
    return;
  }
  const name = childText(r.text, valueEl, NS.registry, 'Name')?.value ?? '';
  const number = childText(r.text, valueEl, NS.registry, 'Number');
  const string = childText(r.text, valueEl, NS.registry, 'String');
  if (number && /^\d+$/.test(number.value)) {
    r.settings.push(setting({ ...common, valueName: name, type: 'REG_DWORD', data: Number(number.value), action: 'set', source: { span: number.span } }));
  } else if (string) {
    r.settings.push(setting({ ...common, valueName: name, type: 'REG_SZ', data: string.value, action: 'set', source: { span: string.span } }));
  } else {
    r.problems.push({ severity: 'warning', message: `The registry setting ${quote(name)} under ${quote(keyPath.value)} has no value RDP Doctor can read.`, span: trimmedSpan(r.text, valueEl.span) });
  }
}

/** Security option with a registry path (`KeyName` = `MACHINE\…\ValueName`), gpo-formats.md §1.5. */
function readSecurityOption(r: ExtensionReader, element: XmlElement): void {
  const keyName = childText(r.text, element, NS.security, 'KeyName');
  if (!keyName) return;
  const split = splitHive(keyName.value);
  const cut = split ? split.key.lastIndexOf('\\') : -1;
  if (!split || cut < 0) return;
  const origin = r.originOf(element);
  const common = { hive: split.hive, key: split.key.slice(0, cut), valueName: split.key.slice(cut + 1), ...(origin.gpo !== undefined && { gpo: origin.gpo }), ...(origin.precedence !== undefined && { precedence: origin.precedence }) };
  const number = childText(r.text, element, NS.security, 'SettingNumber');
  const string = childText(r.text, element, NS.security, 'SettingString');
  const strings = childNamed(element, NS.security, 'SettingStrings');
  if (number && /^\d+$/.test(number.value)) {
    r.settings.push(setting({ ...common, type: 'REG_DWORD', data: Number(number.value), action: 'set', source: { span: number.span } }));
  } else if (string) {
    r.settings.push(setting({ ...common, type: 'REG_SZ', data: string.value.replace(/^"(.*)"$/s, '$1'), action: 'set', source: { span: string.span } }));
  } else if (strings) {
    // A multi-string option (REG_MULTI_SZ, a template's type 7): one `Value` per string, as GPMC writes "Network access:
    // Remotely accessible registry paths" (t0x01/group-policy-objects, GPOs/{BCC33A6A-…}/gpreport.xml) and so the NTLM
    // server exception list ("ClientAllowedNTLMServers"), which XRF005 reads.
    const values = childrenNamed(strings, NS.security, 'Value').map((v) => v.text.trim());
    r.settings.push(setting({ ...common, type: 'REG_MULTI_SZ', data: values, action: 'set', source: { span: trimmedSpan(r.text, strings.span) } }));
  }
}

/**
 * System Services (gpo-formats.md §1.5): `<Name>` and `<StartupMode>` Automatic, Manual or Disabled, read as the `Start`
 * value of the service's key (`service-start.ts`). The security descriptor is not read.
 */
function readSystemService(r: ExtensionReader, element: XmlElement): void {
  const name = childText(r.text, element, NS.security, 'Name');
  const mode = childText(r.text, element, NS.security, 'StartupMode');
  if (!name || !mode || name.value === '' || name.value.includes('\\')) return;
  const start = startupModeNumber(mode.value);
  if (start === undefined) {
    r.problems.push({ severity: 'warning', message: `The system service ${quote(name.value)} has the startup mode ${quote(mode.value)}, which is not Automatic, Manual or Disabled.`, span: mode.span });
    return;
  }
  const origin = r.originOf(element);
  r.settings.push(serviceStartSetting(name.value, start, mode.span, { ...(origin.gpo !== undefined && { gpo: origin.gpo }), ...(origin.precedence !== undefined && { precedence: origin.precedence }) }));
}

/**
 * The open elements of a truncated report (`XmlTree.unclosed`) that can still be read: those that only hold settings
 * (`containers`, by local name) are kept, with the settings that closed inside them; the first that is not, a setting
 * cut short, is dropped from its parent with everything below it, so half a policy is never read as a whole one.
 */
export function openContainers(unclosed: readonly XmlElement[], containers: ReadonlySet<string>): XmlElement[] {
  const cut = unclosed.findIndex((e) => !containers.has(e.local));
  if (cut < 0) return [...unclosed];
  if (cut > 0) unclosed[cut - 1]!.children.pop();
  return unclosed.slice(0, cut);
}

/**
 * Whether an `ExtensionData/Name` shows a report made in another display language: GPMC and gpresult translate the
 * extensions' names (gpo-formats.md §2: a Chinese gpresult names the Registry extension "注册表"), and the Security
 * extension is "Security" in English. A gpresult names a logon right's members by name only, so in such a report
 * "VORDEFINIERT\Administratoren" may be Administrators (S-1-5-32-544) and cannot be told from a group of the domain.
 */
export function isLocalizedExtensionName(name: string | undefined): boolean {
  const n = name?.trim() ?? '';
  return n !== '' && n.toLowerCase() !== 'security';
}

/**
 * Reads the settings of one `Extension` element, whatever its prefix: dispatch is on the children's namespace URI.
 * `extensionName`: its `ExtensionData/Name`, when the report gives one.
 */
export function readExtension(r: ExtensionReader, extension: XmlElement, extensionName?: string): void {
  for (const child of extension.children) {
    if (child.uri === NS.registry) {
      if (child.local === 'Policy') {
        // The Windows Firewall policies GPO001 reads: one display name for two keys, which the map cannot hold.
        if (readFirewallAdmxPolicy(r, child)) continue;
        const result = readAdmxPolicy(r.text, child, NS.registry, r.originOf(child));
        appendAll(r.settings, result.settings);
        appendAll(r.problems, result.problems);
        if (result.unmapped && looksLocalized(result.unmapped)) r.unmapped.push(result.unmapped);
      } else if (child.local === 'RegistrySetting') readRegistrySetting(r, child);
    } else if (child.uri === NS.firewall) {
      readFirewallElement(r, child);
    } else if (child.uri === NS.security && child.local === 'SecurityOptions') {
      readSecurityOption(r, child);
    } else if (child.uri === NS.security && child.local === 'SystemServices') {
      readSystemService(r, child);
    } else if (child.uri === NS.security && child.local === 'UserRightsAssignment') {
      // The two Remote Desktop logon rights (logon-rights.ts); the others are no concern here. Rights are the computer's.
      const { gpo, precedence } = r.originOf(child);
      const localizedNames = isLocalizedExtensionName(extensionName);
      const right = readUserRightElement(r.text, child, { ...(gpo !== undefined && { gpo }), ...(precedence !== undefined && { precedence }), ...(localizedNames && { localizedNames }) });
      if (right) r.settings.push(right);
    } else if (child.uri === NS.gppRegistry && (child.local === 'RegistrySettings' || child.local === 'Registry')) {
      const origin = r.originOf(child);
      const result = readGppRegistry(r.text, NS.gppRegistry, child, origin);
      // GPP items carry their own hive; the section only supplies the GPO.
      appendAll(r.settings, result.settings);
      appendAll(r.problems, result.problems);
    } else if (child.uri === NS.gppServices && (child.local === 'NTServices' || child.local === 'NTService')) {
      const result = readGppServices(r.text, NS.gppServices, child, r.originOf(child));
      appendAll(r.settings, result.settings);
      appendAll(r.problems, result.problems);
    }
  }
}

/** The first segment of "Windows Components" and "System" in some GPMC languages (gpo-formats.md §0.1). */
const LOCALIZED_TOP_CATEGORIES = new Set([
  'windows-komponenten', 'composants windows', 'componentes de windows', 'componenti di windows', 'windows-onderdelen',
  'componentes do windows', 'système', 'sistema', 'systeem', 'składniki systemu windows',
].map((s) => s.toLowerCase()));

/**
 * A letter outside ASCII (é, ß, 日): the sign of a localized name. Not any non-ASCII character: en-US ADML names carry
 * typographic punctuation (Office's "Don’t allow Dynamic Data Exchange (DDE) server launch in Excel", with U+2019),
 * and a session 16 review found such a report called localized.
 */
const NON_ASCII_LETTER = /(?=[^\x00-\x7f])\p{L}/u;
/** Any character outside ASCII: a plain class, tested first (the Unicode property test cost ~1 µs a name, 6,500 names in the bench's report). */
const NON_ASCII = /[^\x00-\x7f]/;

function hasNonAsciiLetter(text: string): boolean {
  return NON_ASCII.test(text) && NON_ASCII_LETTER.test(text);
}

function looksLocalized(u: { name: string; category: string }): boolean {
  const slash = u.category.indexOf('/');
  return hasNonAsciiLetter(u.name) || hasNonAsciiLetter(u.category) || LOCALIZED_TOP_CATEGORIES.has((slash < 0 ? u.category : u.category.slice(0, slash)).trim().toLowerCase());
}

/**
 * What to lint instead of a localized report. A gpresult report is of no single GPO: it has no Registry.pol of its
 * own, and it is in the display language of the machine it ran on.
 */
const LOCALIZED_ADVICE: Readonly<Record<'gpo-report-xml' | 'rsop-xml', string>> = {
  'gpo-report-xml': "Lint the GPO's Registry.pol instead.",
  'rsop-xml': "Run gpresult again under an en-US display language, or lint the backups (or Registry.pol files) of the GPOs it lists instead.",
};

/**
 * Policies whose display names are not in the map are skipped (most are unrelated to Remote Desktop);
 * when they look localized, one problem says so, since their values may matter and are not guessed.
 */
export function unmappedProblems(unmapped: readonly { name: string; category: string; span: Span }[], format: keyof typeof LOCALIZED_ADVICE): ReadProblem[] {
  const localized = unmapped.filter(looksLocalized);
  if (localized.length === 0) return [];
  const n = localized.length;
  return [
    {
      severity: 'warning',
      message: `${n} Administrative Template ${n === 1 ? 'policy has a name' : 'policies have names'} RDP Doctor cannot map, such as ${quote(localized[0]!.name)}: the report looks localized, and only en-US display names are mapped, so ${n === 1 ? 'its registry value is' : 'their registry values are'} not checked. ${LOCALIZED_ADVICE[format]}`,
      span: localized[0]!.span,
    },
  ];
}
