import { quote } from '../text/quote';

// Windows Firewall rules as Group Policy stores them: REG_SZ values under Software\Policies\Microsoft\WindowsFirewall\
// FirewallRules, named by the rule's ID, whose data is `v2.31|Action=Block|Active=TRUE|Dir=In|Protocol=6|LPort=3389|…|`
// ([MS-GPFAS] 2.2.2.19 "Firewall Rule and the Firewall Rule Grammar Rule": RULE = "v" VERSION "|" 1*FIELD, FIELD =
// TYPE-VALUE "|"; the fields stand for the members of [MS-FASP] 2.2.37 FW_RULE). A Get-GPOReport or gpresult report
// gives the same fields as elements of `InboundFirewallRules` / `OutboundFirewallRules` (gpo-formats.md §1.6), which
// `ruleString` writes back into this grammar, so that every export is read by the one parser below.

export type FirewallProfile = 'Domain' | 'Private' | 'Public';
export const FIREWALL_PROFILES: readonly FirewallProfile[] = ['Domain', 'Private', 'Public'];

/** One rule, as far as the checks of Remote Desktop read it; `fields` keeps every field as written, in order. */
export interface FirewallRule {
  readonly version: string;
  readonly fields: readonly (readonly [string, string])[];
  /** `Action=`: Allow, Block or ByPass ([MS-FASP] 2.2.34 FW_RULE_ACTION), lower-cased; '' when absent. */
  readonly action: string;
  /** `Active=TRUE` ([MS-FASP] FW_RULE_FLAGS_ACTIVE): a rule without it is not enabled. */
  readonly active: boolean;
  /** `Dir=` In or Out, lower-cased; '' when absent. */
  readonly dir: string;
  /** `Protocol=`: the IP protocol number (6 TCP, 17 UDP); undefined for any protocol. */
  readonly protocol?: number;
  /** `Profile=` fields; empty means every profile. */
  readonly profiles: readonly FirewallProfile[];
  /** `LPort=`, `LPort2_10=`, `LPort2_20=`… fields: numbers, ranges (`3000-4000`) or keywords (`RPC`, `DHCP`); empty means every port. */
  readonly localPorts: readonly string[];
  readonly app?: string;
  readonly svc?: string;
  readonly name?: string;
  /** Conditions that narrow the rule to some traffic, by field name (`RA4`, `RA6`, `LA4`, `IF`, `RPort`…). */
  readonly limits: readonly (readonly [string, string])[];
}

/**
 * Fields that narrow a rule to part of the traffic to its ports; each is listed in a message when present. Later
 * grammar versions add fields under a versioned name ([MS-GPFAS] 2.2.2.19: `RA42=`/`RA62=` address keywords such as
 * `IntErnet`, `LUOwn=` the owner of the local process, `AppPkgId=` an app container's package, `TTK=`/`TTK2_22=`…
 * trust tuple keywords, `LUAuth2_24=`, `NNm=` network names), so the address, port and keyword families are matched
 * by name pattern: a rule of a later version that narrows by a new field of a known family is not taken as whole.
 */
const LIMITING_FIELDS = new Set(['if', 'iftype', 'rmauth', 'ruauth', 'luauth', 'luown', 'apppkgid', 'nnm', 'platform', 'platform2']);
const LIMITING_FAMILIES = /^(?:[rl]a[46]\d*|rport(?:2_\d+)?|luauth2_\d+|ttk(?:2_\d+)?)$/;
/** `LPort=`, and the versioned `LPort2_10=`, `LPort2_20=` (`DHCP`, `Ply2Disc`), `LPort2_24=`, `LPort2_29=` (`TcpCDPSvc`): [MS-GPFAS] 2.2.2.3, 2.2.2.19. */
const LOCAL_PORT_FIELD = /^lport(?:2_\d+)?$/;

/** Whether a field narrows the traffic a rule matches (`LIMITING_FIELDS`, `LIMITING_FAMILIES`). */
function isLimit(field: string): boolean {
  const k = field.toLowerCase();
  return LIMITING_FIELDS.has(k) || LIMITING_FAMILIES.test(k);
}

/** Parses a rule string; undefined when it does not start `v<version>|` (then nothing is guessed from it). */
export function parseFirewallRule(data: string): FirewallRule | undefined {
  const m = /^v(\d+\.\d+)\|/.exec(data);
  if (!m) return undefined;
  const fields: [string, string][] = [];
  for (const part of data.slice(m[0].length).split('|')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    fields.push([part.slice(0, eq), part.slice(eq + 1)]);
  }
  const get = (name: string): string | undefined => fields.find(([k]) => k.toLowerCase() === name)?.[1];
  const all = (name: string): string[] => fields.filter(([k]) => k.toLowerCase() === name).map(([, v]) => v);
  const protocol = get('protocol');
  const profiles = all('profile')
    .map((p) => FIREWALL_PROFILES.find((q) => q.toLowerCase() === p.trim().toLowerCase()))
    .filter((p): p is FirewallProfile => p !== undefined);
  const app = get('app');
  const svc = get('svc');
  const name = get('name');
  return {
    version: m[1]!,
    fields,
    action: (get('action') ?? '').trim().toLowerCase(),
    active: (get('active') ?? '').trim().toLowerCase() === 'true',
    dir: (get('dir') ?? '').trim().toLowerCase(),
    ...(protocol !== undefined && /^\d{1,3}$/.test(protocol.trim()) && { protocol: Number(protocol.trim()) }),
    profiles: [...new Set(profiles)],
    localPorts: fields.filter(([k]) => LOCAL_PORT_FIELD.test(k.toLowerCase())).map(([, v]) => v.trim()),
    ...(app !== undefined && { app }),
    ...(svc !== undefined && { svc }),
    ...(name !== undefined && { name }),
    limits: fields.filter(([k]) => isLimit(k)),
  };
}

/**
 * Whether the rule's local ports take in `port`: no `LPort` field means any port; a number or a range `a-b` is
 * compared; keywords (`RPC`, `RPC-EPMap`, `IPHTTPSIn`, `DHCP`, `Ply2Disc`, `Teredo`, `mDNS`, `TcpCDPSvc`, [MS-GPFAS] 2.2.2.3) name
 * dynamic or other system ports, never the listener's.
 */
export function coversPort(rule: FirewallRule, port: number): boolean {
  if (rule.localPorts.length === 0) return true;
  return rule.localPorts.some((p) => {
    const range = /^(\d{1,5})\s*-\s*(\d{1,5})$/.exec(p);
    if (range) return Number(range[1]) <= port && port <= Number(range[2]);
    return /^\d{1,5}$/.test(p) && Number(p) === port;
  });
}

/**
 * Whether the rule can match the Remote Desktop listener's traffic: inbound, TCP or any protocol, the listener's
 * port, and the process it runs in. The Remote Desktop Services service (TermService) runs in svchost.exe, as
 * Windows' own rule says (`App=%SystemRoot%\system32\svchost.exe|Svc=termservice`, Microsoft Learn "Enable or disable
 * a firewall rule on an Azure VM guest OS"): a rule for another program or another service does not match it.
 */
export function matchesRdp(rule: FirewallRule, port: number): boolean {
  if (rule.dir !== 'in') return false;
  if (rule.protocol !== undefined && rule.protocol !== 6) return false;
  if (!coversPort(rule, port)) return false;
  if (rule.app !== undefined && rule.app.trim() !== '' && !/(^|\\)svchost\.exe$/i.test(rule.app.trim())) return false;
  if (rule.svc !== undefined && rule.svc.trim() !== '' && rule.svc.trim() !== '*' && rule.svc.trim().toLowerCase() !== 'termservice') return false;
  return true;
}

/** Whether the rule applies in a profile: no `Profile` field means all of them. */
export function inProfile(rule: FirewallRule, profile: FirewallProfile): boolean {
  return rule.profiles.length === 0 || rule.profiles.includes(profile);
}

/**
 * Windows' own rules name themselves by a string resource of FirewallAPI.dll. Only the one Microsoft's documentation
 * ties to its English name is given one: "Remote Desktop - User Mode (TCP-In)", rule ID RemoteDesktop-UserMode-In-TCP,
 * `Name=@FirewallAPI.dll,-28775` (Microsoft Learn, "Enable or disable a firewall rule on an Azure VM guest OS").
 */
const KNOWN_NAMES: Readonly<Record<string, string>> = {
  '@firewallapi.dll,-28775': 'Remote Desktop - User Mode (TCP-In)',
};

/** How a message names the rule: its English name where known, else its `Name` as written, else its ID. */
export function ruleLabel(rule: FirewallRule, id: string): string {
  const name = rule.name?.trim();
  if (name) {
    const known = KNOWN_NAMES[name.toLowerCase()];
    // quote(): a name (up to 10,000 characters, [MS-FASP] 2.2.37) is cut short like any other text of the export.
    return known ? `"${known}" (${name})` : quote(name);
  }
  return `with ID ${quote(id)}`;
}

/** Report elements that are not rule fields: the version, and the description skipped when reading (`Desc`). */
const NOT_FIELDS = new Set(['version']);

/** Writes a report's rule element (its children's local names and texts, in order) as the registry's rule string. */
export function ruleString(version: string | undefined, children: readonly (readonly [string, string])[]): string {
  const fields = children.filter(([k]) => !NOT_FIELDS.has(k.toLowerCase())).map(([k, v]) => `${k}=${v === 'true' ? 'TRUE' : v === 'false' ? 'FALSE' : v}|`);
  return `v${version && /^\d+\.\d+$/.test(version) ? version : '2.0'}|${fields.join('')}`;
}
