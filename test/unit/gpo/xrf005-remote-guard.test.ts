// XRF005 for a client that must use Remote Credential Guard ("Restrict delegation of credentials to remote servers" set
// to "Require Remote Credential Guard"), found in a real GPO backup: GuyGuy-59/Sec_AD, GPO/{98713E77-38FA-43CD-8D6A-
// E2B6FDA9B788} "Remote-Credential-Guard-Enabled" (registry.pol and gpreport.xml). Remote Credential Guard signs in with
// Kerberos only and "does not allow NTLM fallback" (Microsoft Learn, "Remote Credential Guard"), so an IP target or a
// local account of the server cannot sign in, as when outgoing NTLM is denied.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { readGppRegistryFile } from '../../../src/core/gpo/read-gpp-file';
import { readLgpoText } from '../../../src/core/gpo/read-lgpo-text';
import { readReg } from '../../../src/core/gpo/read-reg';
import { readRegistryPol } from '../../../src/core/gpo/read-registry-pol';
import { settingMarkdown } from '../../../src/core/gpo/setting-docs';
import { KEYS } from '../../../src/core/gpo/well-known-keys';
import { crossCheck } from '../../../src/core/rules/xrf/cross-check';
import { xrf005 } from '../../../src/core/rules/xrf/xrf005-ntlm-restricted-vs-target';
import { writeRegistryPol } from '../../support/registry-pol-writer';
import { assertMessage } from './helpers';
import { exported, ids, MSV, rdp } from './xrf005-fixtures';

const CD = KEYS.credentialsDelegation;
const NAMES: Readonly<Record<number, string>> = { 1: 'Require Restricted Admin', 2: 'Require Remote Credential Guard', 3: 'Restrict Credential Delegation' };

/** The policy as Get-GPOReport wrote it in the real backup's gpreport.xml (its Explain text left out). */
const report = (state: 'Enabled' | 'Disabled', mode: number) =>
  readGpoReport(`<?xml version="1.0" encoding="utf-16"?>
<GPO xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
  <Name>Remote-Credential-Guard-Enabled</Name>
  <Computer>
    <Enabled>true</Enabled>
    <ExtensionData>
      <Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Registry" xsi:type="q1:RegistrySettings">
        <q1:Policy>
          <q1:Name>Restrict delegation of credentials to remote servers</q1:Name>
          <q1:State>${state}</q1:State>
          <q1:Supported>At least Windows Server 2012 R2, Windows 8.1 or Windows RT 8.1</q1:Supported>
          <q1:Category>System/Credentials Delegation</q1:Category>
          ${state === 'Enabled' ? `<q1:DropDownList><q1:Name>Use the following restricted mode:</q1:Name><q1:State>Enabled</q1:State><q1:Value><q1:Name>${NAMES[mode]}</q1:Name></q1:Value></q1:DropDownList>` : ''}
        </q1:Policy>
        <q1:Blocked>false</q1:Blocked>
      </Extension>
      <Name>Registry</Name>
    </ExtensionData>
  </Computer>
</GPO>
`);

/** "Restrict delegation of credentials to remote servers": RestrictedRemoteAdministration = on, …Type = mode, in each format. */
const FORMATS: Readonly<Record<string, (on: number, mode: number) => ReturnType<typeof exported>>> = {
  '.reg': (on, mode) =>
    exported('client.reg', readReg(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${CD}]\r\n"RestrictedRemoteAdministration"=dword:0000000${on}\r\n"RestrictedRemoteAdministrationType"=dword:0000000${mode}\r\n`)),
  'Registry.pol': (on, mode) =>
    exported(
      'Machine/Registry.pol',
      readRegistryPol(
        writeRegistryPol([
          { key: CD, valueName: 'RestrictedRemoteAdministration', type: 'REG_DWORD', data: on },
          { key: CD, valueName: 'RestrictedRemoteAdministrationType', type: 'REG_DWORD', data: mode },
        ]),
      ).doc,
    ),
  'LGPO text': (on, mode) =>
    exported('client.lgpo.txt', readLgpoText(`Computer\r\n${CD}\r\nRestrictedRemoteAdministration\r\nDWORD:${on}\r\n\r\nComputer\r\n${CD}\r\nRestrictedRemoteAdministrationType\r\nDWORD:${mode}\r\n`)),
  'GPP registry XML': (on, mode) =>
    exported(
      'Registry.xml',
      readGppRegistryFile(
        `<?xml version="1.0" encoding="utf-8"?>\n<RegistrySettings clsid="{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}">${[
          ['RestrictedRemoteAdministration', on],
          ['RestrictedRemoteAdministrationType', mode],
        ]
          .map(([name, n]) => `<Registry clsid="{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}" name="${name}"><Properties action="U" hive="HKEY_LOCAL_MACHINE" key="${CD}" name="${name}" type="REG_DWORD" value="0000000${n}"/></Registry>`)
          .join('')}</RegistrySettings>`,
      ),
    ),
  'Get-GPOReport XML': (on, mode) => exported('gpreport.xml', report(on === 1 ? 'Enabled' : 'Disabled', mode)),
};

const IP_CLIENT = 'full address:s:10.0.0.12\r\nusername:s:CORP\\alice\r\n';
const tryIpSpn = () => exported('kerberos.reg', readReg(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${KEYS.kerberosParameters}]\r\n"TryIPSPN"=dword:00000001\r\n`));

describe('XRF005 with Remote Credential Guard required', () => {
  for (const [format, make] of Object.entries(FORMATS)) {
    it(`${format}: "Require Remote Credential Guard" fails an IP target; the other modes and Disabled do not`, () => {
      const found = crossCheck([xrf005], { rdpFiles: [rdp(IP_CLIENT)], exports: [make(1, 2)] });
      assert.deepEqual(ids(found), ['XRF005:client.rdp']);
      assert.equal(found[0]!.severity, 'error');
      assert.equal(found[0]!.at, 'client.rdp:15', 'at the host in "full address"');
      assertMessage('XRF005', found[0]!.message);
      assert.match(found[0]!.message, /^The "full address" target "10\.0\.0\.12" is an IP address, which Kerberos cannot serve .* must use Remote Credential Guard .*"Require Remote Credential Guard" in .*Kerberos only.*: the connection fails\. Connect by the server's name\.$/);
      assert.deepEqual(found[0]!.related.map((r) => r.path), [make(1, 2).path]);
      for (const mode of [1, 3]) assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp(IP_CLIENT)], exports: [make(1, mode)] }), [], `mode ${mode}: Restricted Admin takes any protocol`);
      assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp(IP_CLIENT)], exports: [make(0, 2)] }), [], 'Disabled');
    });
  }

  it('by name: a local account of the server fails, a domain account does not; the Entra ID sign-in makes it a warning', () => {
    const guard = FORMATS['Registry.pol']!(1, 2);
    const local = crossCheck([xrf005], { rdpFiles: [rdp('full address:s:rdsh01.corp.invalid\r\nusername:s:RDSH01\\admin\r\n')], exports: [guard] });
    assert.deepEqual(ids(local), ['XRF005:client.rdp']);
    assert.equal(local[0]!.severity, 'error');
    assert.match(local[0]!.message, /reached by name and Remote Desktop Connection must use Remote Credential Guard .*local account of the server.*so the connection fails\. Sign in with a domain account\.$/);
    assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp('full address:s:rdsh01.corp.invalid\r\nusername:s:CORP\\alice\r\n')], exports: [guard] }), []);
    const entra = crossCheck([xrf005], { rdpFiles: [rdp('full address:s:rdsh01.corp.invalid\r\nusername:s:.\\admin\r\nenablerdsaadauth:i:1\r\n')], exports: [guard] });
    assert.equal(entra[0]!.severity, 'warning');
    assert.match(entra[0]!.message, /Microsoft Entra ID/);
  });

  it('TryIPSPN makes an IP target a warning that names the SPN, except for a local account', () => {
    const guard = FORMATS['.reg']!(1, 2);
    const found = crossCheck([xrf005], { rdpFiles: [rdp(IP_CLIENT)], exports: [guard, tryIpSpn()] });
    assert.equal(found[0]!.severity, 'warning');
    assert.match(found[0]!.message, /TERMSRV\/10\.0\.0\.12 registered as an SPN \("TryIPSPN" is 1 in kerberos\.reg\)/);
    assert.deepEqual(found[0]!.related.map((r) => r.path), ['client.reg', 'kerberos.reg']);
    const local = crossCheck([xrf005], { rdpFiles: [rdp('full address:s:10.0.0.12\r\nusername:s:.\\admin\r\n')], exports: [guard, tryIpSpn()] });
    assert.equal(local[0]!.severity, 'error');
    assert.match(local[0]!.message, /local account of the server/);
  });

  it('the NTLM server exception list does not help; with CredSSP off nothing is reported; denied NTLM keeps its own finding', () => {
    const guard = FORMATS['.reg']!(1, 2);
    const listed = exported(
      'ntlm.reg',
      readReg(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${MSV}]\r\n"RestrictSendingNTLMTraffic"=dword:00000002\r\n"ClientAllowedNTLMServers"=hex(7):31,00,30,00,2e,00,30,00,2e,00,30,00,2e,00,31,00,32,00,00,00,00,00\r\n`),
    );
    const found = crossCheck([xrf005], { rdpFiles: [rdp(IP_CLIENT)], exports: [guard, listed] });
    assert.deepEqual(ids(found), ['XRF005:client.rdp']);
    assert.match(found[0]!.message, /Remote Credential Guard/);
    assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp(`${IP_CLIENT}enablecredsspsupport:i:0\r\n`)], exports: [guard] }), []);
    const denied = exported('deny.reg', readReg(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${MSV}]\r\n"RestrictSendingNTLMTraffic"=dword:00000002\r\n`));
    const both = crossCheck([xrf005], { rdpFiles: [rdp(IP_CLIENT)], exports: [guard, denied] });
    assert.deepEqual(ids(both), ['XRF005:client.rdp'], 'one finding per target');
    assert.match(both[0]!.message, /"RestrictSendingNTLMTraffic" is 2 in deny\.reg/);
  });

  it('a hover on either value says what it does', () => {
    const [on, mode] = readReg(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${CD}]\r\n"RestrictedRemoteAdministration"=dword:00000001\r\n"RestrictedRemoteAdministrationType"=dword:00000002\r\n`).settings;
    assert.match(settingMarkdown(on!), /\*\*Restrict delegation of credentials to remote servers\*\*[\s\S]*\| \*\*1\*\* \| Enabled/);
    assert.match(settingMarkdown(mode!), /\| \*\*2\*\* \| Require Remote Credential Guard: .*Kerberos only/);
  });
});
