import { quote } from '../text/quote';
import { namesSecret, showLine } from './secret-names';
import { setting, type PolicySetting, type ReadProblem, type RegData, type RegType } from './model';
import { hiveOf, regTypeOf, trimKey } from './registry-path';
import type { SettingOrigin } from './read-admx-policy';
import { gppItems, hasTargeting } from './gpp-items';
import { childNamed, childrenNamed, trimmedSpan, type XmlElement } from './xml-tree';

/** GPP `value` attribute → data: DWORD/QWORD are hex digits, binary is hex, strings are as written. */
function gppData(type: RegType, raw: string, multi: readonly string[]): RegData | undefined {
  switch (type) {
    case 'REG_DWORD':
    case 'REG_DWORD_BIG_ENDIAN':
      return /^[0-9a-f]{1,8}$/i.test(raw) ? parseInt(raw, 16) : undefined;
    case 'REG_QWORD': {
      if (!/^[0-9a-f]{1,16}$/i.test(raw)) return undefined;
      const big = BigInt(`0x${raw}`);
      return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big.toString();
    }
    case 'REG_MULTI_SZ':
      return multi.length > 0 ? multi : raw === '' ? [] : [raw];
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return raw;
    default:
      return raw.replace(/[\s,]/g, '').toLowerCase();
  }
}

/** One GPP `Registry` item (its `Properties` element), unless the item is disabled; `targeted`: a collection around it is. */
function readItem(text: string, uri: string, item: XmlElement, origin: Omit<SettingOrigin, 'hive'>, targetedAbove: boolean, out: PolicySetting[], problems: ReadProblem[]): void {
  const props = childNamed(item, uri, 'Properties');
  if (!props) return;
  const targeted = targetedAbove || hasTargeting(item, uri);
  const a = props.attributes;
  const span = trimmedSpan(text, props.tagSpan);
  const hive = hiveOf(a.hive ?? '');
  // A key item (the Registry Wizard writes one per key it copies; the editor's "Key" items look the same)
  // has `type=""` and no value name: it creates or, with action D, deletes the key itself.
  if (hive && a.type === '' && (a.name ?? '') === '' && a.default !== '1') {
    const remove = (a.action ?? 'U').toUpperCase() === 'D';
    out.push(setting({ hive, key: trimKey(a.key ?? ''), valueName: '', type: 'REG_NONE', data: null, action: remove ? 'delete-key' : 'create-key', ...(origin.gpo !== undefined && { gpo: origin.gpo }), ...(origin.precedence !== undefined && { precedence: origin.precedence }), ...(targeted && { targeted }), source: { span } }));
    return;
  }
  const type = regTypeOf(a.type ?? 'REG_SZ');
  if (!hive || !type) {
    problems.push({ severity: 'warning', message: `The preference item for ${quote(a.key ?? '')} has the hive ${quote(a.hive ?? '')} or type ${quote(a.type ?? '')}, which RDP Doctor does not know.`, span });
    return;
  }
  const valueName = a.default === '1' ? '' : (a.name ?? '');
  const base = { hive, key: trimKey(a.key ?? ''), valueName, type, ...(origin.gpo !== undefined && { gpo: origin.gpo }), ...(origin.precedence !== undefined && { precedence: origin.precedence }), ...(targeted && { targeted }), source: { span } };
  if ((a.action ?? 'U').toUpperCase() === 'D') {
    out.push(setting({ ...base, data: null, action: valueName === '' && a.default !== '1' ? 'delete-key' : 'delete' }));
    return;
  }
  const values = childNamed(props, uri, 'Values');
  const multi = values ? childrenNamed(values, uri, 'Value').map((v) => v.text) : [];
  const data = gppData(type, a.value ?? '', multi);
  if (data === undefined) {
    problems.push({ severity: 'warning', message: `The preference item ${quote(a.name ?? '')} has the ${type} value ${showLine(a.value ?? '', namesSecret(a.name ?? '') || namesSecret(a.key ?? ''))}, which is not valid for its type.`, span });
    return;
  }
  out.push(setting({ ...base, data, action: 'set' }));
}

/** Reads a GPP `RegistrySettings` tree (items may nest in `Collection` elements), in namespace `uri`. */
export function readGppRegistry(text: string, uri: string, root: XmlElement, origin: Omit<SettingOrigin, 'hive'>): { settings: PolicySetting[]; problems: ReadProblem[] } {
  const settings: PolicySetting[] = [];
  const problems: ReadProblem[] = [];
  for (const { item, targetedAbove } of gppItems(root, uri, 'Registry')) readItem(text, uri, item, origin, targetedAbove, settings, problems);
  return { settings, problems };
}
