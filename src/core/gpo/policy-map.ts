import type { RegType } from './model';
import { builtOnFirstUse } from '../built-once';
import { clientAdmxPolicies } from './policy-map-client';
import { sessionLimitValues } from './policy-values/sessions';
import { normalizeKey } from './registry-path';
import type { SourceId } from '../knowledge/sources';
import { KEYS } from './well-known-keys';

/** Presentation elements of an Administrative Template policy in a GPO report (gpo-formats.md §1.2). */
export type ElementKind = 'DropDownList' | 'Numeric' | 'CheckBox' | 'EditText';

/** One element of a policy and the registry value it writes. */
export interface PolicyElement {
  readonly kind: ElementKind;
  /** The en-US label (`DropDownList/Name`); reports list elements in ADMX order, which is how they are matched. */
  readonly label: string;
  readonly valueName: string;
  readonly type: RegType;
  /** DropDownList: item display text → value. Matched after trimming, case-insensitively. */
  readonly items?: Readonly<Record<string, number>>;
  /** DropDownList whose item texts start with the number they write ("300000 or 5 minutes"). */
  readonly itemsStartWithValue?: boolean;
  /**
   * What Disabled writes for this element, as the ADMX `disabledList` types it: a number is written with the
   * element's type, a string as REG_SZ. The value is deleted (`**del.`) when absent.
   */
  readonly disabled?: number | string;
}

/** An Administrative Template policy: its en-US display name and what Enabled and Disabled write. */
export interface AdmxPolicy {
  readonly id: string;
  readonly displayName: string;
  readonly category: string;
  /** Machine, User, or both (the `_1`/`_2` pairs share a display name; the report section decides the hive). */
  readonly classes: 'Machine' | 'User' | 'Both';
  readonly key: string;
  /** The policy's own value, with what Enabled and Disabled write. */
  readonly value?: { readonly name: string; readonly enabled: number; readonly disabled: number };
  readonly elements: readonly PolicyElement[];
  readonly sources: readonly SourceId[];
}

const RDSH = 'Windows Components/Remote Desktop Services/Remote Desktop Session Host';
const TS = KEYS.tsPolicy;
const DWORD: RegType = 'REG_DWORD';

/**
 * The display-name → registry table of gpo-formats.md §8 and policy-registry.md, for the settings the rules read:
 * the Session Host's and the computer's here, the client's in `policy-map-client.ts`; built on first use: a lint of
 * `.rdp` files reads none (issue 16).
 */
export const admxPolicies = builtOnFirstUse('ADMX policies', (): readonly AdmxPolicy[] => {
  /** The session time-limit drop-down: item text → milliseconds. */
  const sessionLimitItems: Readonly<Record<string, number>> = Object.fromEntries(sessionLimitValues().map((v) => [v.meaning, Number(v.value)]));
  return [
    {
      id: 'TS_SECURITY_LAYER_POLICY',
      displayName: 'Require use of specific security layer for remote (RDP) connections',
      category: `${RDSH}/Security`,
      classes: 'Machine',
      key: TS,
      elements: [{ kind: 'DropDownList', label: 'Security Layer', valueName: 'SecurityLayer', type: DWORD, items: { RDP: 0, Negotiate: 1, SSL: 2, 'SSL (TLS 1.0)': 2 } }],
      sources: ['TS-ADMX'],
    },
    {
      id: 'TS_USER_AUTHENTICATION_POLICY',
      displayName: 'Require user authentication for remote connections by using Network Level Authentication',
      category: `${RDSH}/Security`,
      classes: 'Machine',
      key: TS,
      value: { name: 'UserAuthentication', enabled: 1, disabled: 0 },
      elements: [],
      sources: ['TS-ADMX'],
    },
    {
      id: 'TS_ENCRYPTION_POLICY',
      displayName: 'Set client connection encryption level',
      category: `${RDSH}/Security`,
      classes: 'Machine',
      key: TS,
      elements: [{ kind: 'DropDownList', label: 'Encryption Level', valueName: 'MinEncryptionLevel', type: DWORD, items: { 'Low Level': 1, 'Client Compatible': 2, 'High Level': 3 } }],
      sources: ['TS-ADMX'],
    },
    {
      id: 'TS_DISABLE_CONNECTIONS',
      displayName: 'Allow users to connect remotely by using Remote Desktop Services',
      category: `${RDSH}/Connections`,
      classes: 'Machine',
      key: TS,
      // Inverted: Enabled allows connections.
      value: { name: 'fDenyTSConnections', enabled: 0, disabled: 1 },
      elements: [],
      sources: ['TS-ADMX'],
    },
    {
      id: 'TS_CERTIFICATE_TEMPLATE_POLICY',
      displayName: 'Server authentication certificate template',
      category: `${RDSH}/Security`,
      classes: 'Machine',
      key: TS,
      elements: [{ kind: 'EditText', label: 'Certificate Template Name', valueName: 'CertTemplateName', type: 'REG_SZ' }],
      sources: ['TS-ADMX'],
    },
    {
      id: 'TS_KEEP_ALIVE',
      displayName: 'Configure keep-alive connection interval',
      category: `${RDSH}/Connections`,
      classes: 'Machine',
      key: TS,
      value: { name: 'KeepAliveEnable', enabled: 1, disabled: 0 },
      elements: [{ kind: 'Numeric', label: 'Keep-Alive interval:', valueName: 'KeepAliveInterval', type: DWORD }],
      sources: ['TS-ADMX'],
    },
    {
      id: 'TS_SELECT_TRANSPORT',
      displayName: 'Select RDP transport protocols',
      category: `${RDSH}/Connections`,
      classes: 'Machine',
      key: TS,
      elements: [
        {
          kind: 'DropDownList',
          label: 'Select Transport Type',
          valueName: 'SelectTransport',
          type: DWORD,
          items: { 'Use both UDP and TCP': 0, 'Use only TCP': 1, 'Use either UDP or TCP': 2 },
        },
      ],
      sources: ['TS-ADMX'],
    },
    {
      id: 'TS_LICENSING_MODE',
      displayName: 'Set the Remote Desktop licensing mode',
      category: `${RDSH}/Licensing`,
      classes: 'Machine',
      key: TS,
      elements: [
        {
          kind: 'DropDownList',
          label: 'Specify the licensing mode for the RD Session Host server.',
          valueName: 'LicensingMode',
          type: DWORD,
          items: { 'Per Device': 2, 'Per User': 4, 'AAD Per User': 6 },
        },
      ],
      sources: ['TS-ADMX'],
    },
    {
      id: 'TS_LICENSE_SERVERS',
      displayName: 'Use the specified Remote Desktop license servers',
      category: `${RDSH}/Licensing`,
      classes: 'Machine',
      key: TS,
      elements: [{ kind: 'EditText', label: 'License servers to use:', valueName: 'LicenseServers', type: 'REG_SZ' }],
      sources: ['TS-ADMX'],
    },
    {
      id: 'TS_PASSWORD',
      displayName: 'Always prompt for password upon connection',
      category: `${RDSH}/Security`,
      classes: 'Machine',
      key: TS,
      value: { name: 'fPromptForPassword', enabled: 1, disabled: 0 },
      elements: [],
      sources: ['TS-ADMX'],
    },
    {
      id: 'TS_RPC_ENCRYPTION',
      displayName: 'Require secure RPC communication',
      category: `${RDSH}/Security`,
      classes: 'Machine',
      key: TS,
      value: { name: 'fEncryptRPCTraffic', enabled: 1, disabled: 0 },
      elements: [],
      sources: ['TS-ADMX'],
    },
    {
      id: 'TS_SESSIONS_Idle_Limit',
      displayName: 'Set time limit for active but idle Remote Desktop Services sessions',
      category: `${RDSH}/Session Time Limits`,
      classes: 'Both',
      key: TS,
      elements: [{ kind: 'DropDownList', label: 'Idle session limit:', valueName: 'MaxIdleTime', type: DWORD, items: sessionLimitItems }],
      sources: ['TS-ADMX'],
    },
    {
      id: 'TS_SESSIONS_Disconnected_Timeout',
      displayName: 'Set time limit for disconnected sessions',
      category: `${RDSH}/Session Time Limits`,
      classes: 'Both',
      key: TS,
      elements: [
        // TerminalServer.admx disabledList: <string>0</string>, so Disabled writes REG_SZ "0" (no limit), not a DWORD.
        { kind: 'DropDownList', label: 'End a disconnected session', valueName: 'MaxDisconnectionTime', type: DWORD, items: sessionLimitItems, disabled: '0' },
      ],
      sources: ['TS-ADMX'],
    },
    {
      id: 'TS_SESSIONS_Limits',
      displayName: 'Set time limit for active Remote Desktop Services sessions',
      category: `${RDSH}/Session Time Limits`,
      classes: 'Both',
      key: TS,
      elements: [{ kind: 'DropDownList', label: 'Active session limit :', valueName: 'MaxConnectionTime', type: DWORD, items: sessionLimitItems }],
      sources: ['TS-ADMX'],
    },
    {
      id: 'TS_Session_End_On_Limit',
      displayName: 'End session when time limits are reached',
      category: `${RDSH}/Session Time Limits`,
      classes: 'Both',
      key: TS,
      value: { name: 'fResetBroken', enabled: 1, disabled: 0 },
      elements: [],
      sources: ['TS-ADMX'],
    },
    {
      id: 'MSS_KeepAliveTime',
      displayName: 'MSS: (KeepAliveTime) How often keep-alive packets are sent in milliseconds',
      category: 'MSS (Legacy)',
      classes: 'Machine',
      key: KEYS.tcpip,
      elements: [{ kind: 'DropDownList', label: 'KeepAliveTime', valueName: 'KeepAliveTime', type: DWORD, itemsStartWithValue: true }],
      sources: ['MSS-ADMX'],
    },
    ...clientAdmxPolicies(),
  ];
});

const byName = builtOnFirstUse('ADMX policies by name', () => new Map(admxPolicies().map((p) => [p.displayName.toLowerCase(), p])));

/** ASCII words separated by single spaces: nothing for trim and /\s+/ to change. */
const PLAIN_NAME = /^[\x21-\x7f]+(?: [\x21-\x7f]+)*$/;

/** `name.trim().replace(/\s+/g, ' ').toLowerCase()`, without the replace for the usual plain ASCII name. */
function normalizedName(name: string): string {
  return PLAIN_NAME.test(name) ? name.toLowerCase() : name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The policy with this en-US display name; localized names are not guessed. */
export function findAdmxPolicy(displayName: string): AdmxPolicy | undefined {
  return byName().get(normalizedName(displayName));
}

/** The policy that writes this value, for hovers. */
export function admxPolicyForValue(key: string, valueName: string): AdmxPolicy | undefined {
  const k = normalizeKey(key);
  const v = valueName.toLowerCase();
  return admxPolicies().find(
    (p) => normalizeKey(p.key) === k && (p.value?.name.toLowerCase() === v || p.elements.some((e) => e.valueName.toLowerCase() === v)),
  );
}

/** The value a drop-down item writes, or undefined when the text is not one of its items. */
export function dropDownValue(element: PolicyElement, text: string): number | undefined {
  const wanted = normalizedName(text);
  if (element.items) {
    for (const [item, value] of Object.entries(element.items)) if (item.toLowerCase() === wanted) return value;
  }
  if (element.itemsStartWithValue) {
    const digits = /^\d+/.exec(wanted);
    if (digits) return Number(digits[0]);
  }
  return undefined;
}
