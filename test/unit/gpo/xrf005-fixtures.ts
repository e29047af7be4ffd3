// The policy exports XRF005's server-side tests read, one DWORD in each format that can carry a security option:
// shared by the tests of IP targets (xrf005-incoming.test.ts) and of local accounts reached by name.
import type { PolicyDocument } from '../../../src/core/gpo/model';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { readGppRegistryFile } from '../../../src/core/gpo/read-gpp-file';
import { readLgpoText } from '../../../src/core/gpo/read-lgpo-text';
import { readReg } from '../../../src/core/gpo/read-reg';
import { readRegistryPol } from '../../../src/core/gpo/read-registry-pol';
import { readRsop } from '../../../src/core/gpo/read-rsop';
import { readSecurityTemplate } from '../../../src/core/gpo/read-security-template';
import { KEYS } from '../../../src/core/gpo/well-known-keys';
import { parseRdp } from '../../../src/core/rdp/parse';
import { policyFacts, rdpFacts } from '../../../src/core/rules/xrf/facts';
import { writeRegistryPol } from '../../support/registry-pol-writer';

export const MSV = KEYS.ntlm;
export const NETLOGON = KEYS.netlogon;

export const rdp = (text: string, path = 'client.rdp') => ({ path, facts: rdpFacts(parseRdp(text), (span) => `${path}:${span.start}`) });
export const exported = (path: string, doc: PolicyDocument) => ({ path, facts: policyFacts(doc, (s) => `${path}:${s.source.span.start}`) });
export const ids = (found: readonly { ruleId: string; path: string }[]) => found.map((f) => `${f.ruleId}:${f.path}`);

const types = 'xmlns="http://www.microsoft.com/GroupPolicy/Types"';
const base = 'xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base"';
/** A security option as Get-GPOReport writes it (gpo-formats.md §1.5); in a gpresult it starts with its GPO and precedence. */
export const securityOption = (key: string, name: string, n: number, display: string, rsop = false) =>
  `<q1:SecurityOptions>${rsop ? `<GPO ${base}><Identifier ${types}>{7A3C1E52-9D4B-4F2A-8C61-2B5E0D9F4A13}</Identifier><Domain ${types}>corp.invalid</Domain></GPO><Precedence ${base}>1</Precedence>` : ''}<q1:KeyName>MACHINE\\${key}\\${name}</q1:KeyName><q1:SettingNumber>${n}</q1:SettingNumber><q1:Display><q1:Name>${display}</q1:Name><q1:Units /><q1:DisplayString>x</q1:DisplayString></q1:Display></q1:SecurityOptions>`;
export const securityExtension = (options: string) =>
  `<ExtensionData><Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Security" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="q1:SecuritySettings" xmlns="http://www.microsoft.com/GroupPolicy/Settings">${options}</Extension><Name xmlns="http://www.microsoft.com/GroupPolicy/Settings">Security</Name></ExtensionData>`;
const INCOMING = 'Network security: Restrict NTLM: Incoming NTLM traffic';

/** One DWORD under `key` in each export format that can carry a security option. */
export const FORMATS: Readonly<Record<string, (key: string, name: string, n: number, display?: string) => ReturnType<typeof exported>>> = {
  '.reg': (key, name, n) => exported('server.reg', readReg(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${key}]\r\n"${name}"=dword:0000000${n}\r\n`)),
  'Registry.pol': (key, name, n) => exported('Machine/Registry.pol', readRegistryPol(writeRegistryPol([{ key, valueName: name, type: 'REG_DWORD', data: n }])).doc),
  'LGPO text': (key, name, n) => exported('server.lgpo.txt', readLgpoText(`Computer\r\n${key}\r\n${name}\r\nDWORD:${n}\r\n`)),
  'GptTmpl.inf': (key, name, n) => exported('GptTmpl.inf', readSecurityTemplate(`[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature="$CHICAGO$"\r\nRevision=1\r\n[Registry Values]\r\nMACHINE\\${key}\\${name}=4,${n}\r\n`)),
  'Get-GPOReport XML': (key, name, n, display = INCOMING) =>
    exported('gpo.xml', readGpoReport(`<?xml version="1.0" encoding="utf-16"?>\n<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings"><Name>Server hardening</Name><Computer><Enabled>true</Enabled>${securityExtension(securityOption(key, name, n, display))}</Computer></GPO>\n`)),
  'gpresult XML': (key, name, n, display = INCOMING) =>
    exported(
      'gpresult.xml',
      readRsop(
        `<?xml version="1.0" encoding="utf-16"?>\n<Rsop xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Rsop"><ComputerResults><Name>CORP\\RDSH01$</Name><GPO><Name>Server hardening</Name><Path><Identifier ${types}>{7A3C1E52-9D4B-4F2A-8C61-2B5E0D9F4A13}</Identifier><Domain ${types}>corp.invalid</Domain></Path></GPO>${securityExtension(securityOption(key, name, n, display, true))}</ComputerResults></Rsop>\n`,
      ),
    ),
  'GPP registry XML': (key, name, n) =>
    exported(
      'Registry.xml',
      readGppRegistryFile(
        `<?xml version="1.0" encoding="utf-8"?>\n<RegistrySettings clsid="{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}"><Registry clsid="{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}" name="${name}"><Properties action="U" hive="HKEY_LOCAL_MACHINE" key="${key}" name="${name}" type="REG_DWORD" value="0000000${n}"/></Registry></RegistrySettings>`,
      ),
    ),
};
