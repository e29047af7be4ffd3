import { findAdmxPolicy, dropDownValue, type AdmxPolicy, type ElementKind, type PolicyElement } from './policy-map';
import { setting, type Hive, type PolicySetting, type ReadProblem } from './model';
import { quote } from '../text/quote';
import type { Span } from '../text/line-index';
import { childNamed, childText, trimmedSpan, type XmlElement } from './xml-tree';

/** What every setting read from one XML element shares: its hive, GPO and (gpresult) precedence. */
export interface SettingOrigin {
  readonly hive: Hive;
  readonly gpo?: string;
  readonly precedence?: number;
}

export interface AdmxPolicyResult {
  readonly settings: PolicySetting[];
  readonly problems: ReadProblem[];
  /** Set when the display name is not in the policy map. */
  readonly unmapped?: { readonly name: string; readonly category: string; readonly span: Span };
}

const ELEMENT_KINDS: ReadonlySet<string> = new Set<ElementKind>(['DropDownList', 'Numeric', 'CheckBox', 'EditText']);

function base(policy: AdmxPolicy, origin: SettingOrigin): Pick<PolicySetting, 'hive' | 'key' | 'policy' | 'gpo' | 'precedence'> {
  return {
    hive: origin.hive,
    key: policy.key,
    policy: policy.displayName,
    ...(origin.gpo !== undefined && { gpo: origin.gpo }),
    ...(origin.precedence !== undefined && { precedence: origin.precedence }),
  };
}

/** Reads one element of an Enabled policy into the value it writes, or a problem saying why it cannot. */
function readElement(
  text: string,
  uri: string,
  policy: AdmxPolicy,
  element: PolicyElement,
  shown: XmlElement | undefined,
  origin: SettingOrigin,
  fallback: Span,
): PolicySetting | ReadProblem {
  const where = `the "${element.label}" ${element.kind === 'DropDownList' ? 'drop-down' : 'option'} of "${policy.displayName}"`;
  if (!shown) return { severity: 'warning', message: `The report does not show ${where}, so ${element.valueName} is unknown.`, span: fallback };
  const labelSpan = childText(text, shown, uri, 'Name')?.span ?? trimmedSpan(text, shown.tagSpan);
  const common = { ...base(policy, origin), valueName: element.valueName, action: 'set' as const };
  switch (element.kind) {
    case 'DropDownList': {
      const valueEl = childNamed(shown, uri, 'Value');
      const item = valueEl ? childText(text, valueEl, uri, 'Name') : undefined;
      if (!item || item.value === '') {
        const state = childText(text, shown, uri, 'State')?.value ?? 'no state';
        return {
          severity: 'warning',
          message: `The drop-down "${element.label}" of "${policy.displayName}" has no value (${state}), so ${element.valueName} is unknown; the stored number is missing or matches no item.`,
          span: labelSpan,
        };
      }
      const value = dropDownValue(element, item.value);
      if (value === undefined) {
        return { severity: 'warning', message: `The drop-down "${element.label}" shows ${quote(item.value)}, which is not one of its known items, so ${element.valueName} is unknown.`, span: item.span };
      }
      return setting({ ...common, type: element.type, data: value, source: { span: item.span } });
    }
    case 'Numeric': {
      const value = childText(text, shown, uri, 'Value');
      if (!value || !/^\d+$/.test(value.value)) return { severity: 'warning', message: `${capitalize(where)} has no number, so ${element.valueName} is unknown.`, span: value?.span ?? labelSpan };
      return setting({ ...common, type: element.type, data: Number(value.value), source: { span: value.span } });
    }
    case 'EditText': {
      const value = childText(text, shown, uri, 'Value');
      if (!value) return { severity: 'warning', message: `${capitalize(where)} has no text, so ${element.valueName} is unknown.`, span: labelSpan };
      return setting({ ...common, type: element.type, data: value.value, source: { span: value.span } });
    }
    case 'CheckBox': {
      const state = childText(text, shown, uri, 'State');
      if (!state || (state.value !== 'Enabled' && state.value !== 'Disabled')) return { severity: 'warning', message: `${capitalize(where)} is not ticked or cleared, so ${element.valueName} is unknown.`, span: state?.span ?? labelSpan };
      return setting({ ...common, type: element.type, data: state.value === 'Enabled' ? 1 : 0, source: { span: state.span } });
    }
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Maps an Administrative Template `Policy` element (display name, state, presentation elements) to the
 * registry values it writes, with the policy map. Disabled enum elements are deletions (`**del.`).
 */
export function readAdmxPolicy(text: string, policyEl: XmlElement, uri: string, origin: SettingOrigin): AdmxPolicyResult {
  const settings: PolicySetting[] = [];
  const problems: ReadProblem[] = [];
  const name = childText(text, policyEl, uri, 'Name');
  const state = childText(text, policyEl, uri, 'State');
  const fallback = name?.span ?? trimmedSpan(text, policyEl.tagSpan);
  if (!name) return { settings, problems: [{ severity: 'warning', message: 'A policy in the report has no name, so it cannot be mapped to its registry value.', span: fallback }] };
  const policy = findAdmxPolicy(name.value);
  if (!policy) return { settings, problems, unmapped: { name: name.value, category: childText(text, policyEl, uri, 'Category')?.value ?? '', span: name.span } };
  const stateSpan = state?.span ?? fallback;
  if (state?.value === 'Enabled') {
    if (policy.value) settings.push(setting({ ...base(policy, origin), valueName: policy.value.name, type: 'REG_DWORD', data: policy.value.enabled, action: 'set', source: { span: stateSpan } }));
    const shownByKind = new Map<string, XmlElement[]>();
    for (const child of policyEl.children) {
      if (child.uri !== uri || !ELEMENT_KINDS.has(child.local)) continue;
      const list = shownByKind.get(child.local) ?? [];
      list.push(child);
      shownByKind.set(child.local, list);
    }
    const used = new Map<string, number>();
    for (const element of policy.elements) {
      const index = used.get(element.kind) ?? 0;
      used.set(element.kind, index + 1);
      const read = readElement(text, uri, policy, element, shownByKind.get(element.kind)?.[index], origin, stateSpan);
      if ('action' in read) settings.push(read);
      else problems.push(read);
    }
  } else if (state?.value === 'Disabled') {
    if (policy.value) settings.push(setting({ ...base(policy, origin), valueName: policy.value.name, type: 'REG_DWORD', data: policy.value.disabled, action: 'set', source: { span: stateSpan } }));
    for (const element of policy.elements) {
      if (element.disabled !== undefined) {
        const type = typeof element.disabled === 'string' ? 'REG_SZ' : element.type;
        settings.push(setting({ ...base(policy, origin), valueName: element.valueName, type, data: element.disabled, action: 'set', source: { span: stateSpan } }));
      } else {
        settings.push(setting({ ...base(policy, origin), valueName: element.valueName, type: 'REG_SZ', data: null, action: 'delete', source: { span: stateSpan } }));
      }
    }
  } else {
    problems.push({ severity: 'warning', message: `"${policy.displayName}" has the state ${quote(state?.value ?? '')}, not Enabled or Disabled, so its registry values are unknown.`, span: stateSpan });
  }
  return { settings, problems };
}
