import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PolicyDocument, PolicySetting } from '../../../src/core/gpo/model';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { readGppRegistryFile } from '../../../src/core/gpo/read-gpp-file';
import { readRsop } from '../../../src/core/gpo/read-rsop';
import { readSecurityTemplate } from '../../../src/core/gpo/read-security-template';
import { REPORT_SKIP } from '../../../src/core/gpo/namespaces';
import { scanXml } from '../../../src/core/gpo/xml-scan';
import { parseXml } from '../../../src/core/gpo/xml-tree';
import { decodeBytes } from '../../../src/core/text/decode';
import { LineIndex } from '../../../src/core/text/line-index';
import { fixture, fixtureText, policyXml, reportXml, dropDown, TS } from './helpers';

/** `name=data@line` for each setting, the compact view the assertions compare. */
function summary(doc: PolicyDocument, text: string): string[] {
  const index = new LineIndex(text);
  return doc.settings.map((s: PolicySetting) => `${s.hive}:${s.valueName}=${s.deleted ? '-' : JSON.stringify(s.data)}@${index.positionAt(s.source.span.start).line + 1}`);
}

describe('GPP collections', () => {
  it('reads items in document order through collections nested 100,000 deep (no recursion), skipping disabled ones', () => {
    const item = (name: string): string =>
      `<Registry clsid="{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}" name="${name}"><Properties action="U" hive="HKEY_LOCAL_MACHINE" key="SOFTWARE\\x" name="${name}" type="REG_DWORD" value="00000001"/></Registry>`;
    const open = '<Collection clsid="{53B533F5-224C-47e3-B01B-CA3B3F3FF4BF}" name="c">';
    const depth = 100_000;
    const text = `<?xml version="1.0" encoding="utf-8"?>\n<RegistrySettings clsid="{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}">${item('a')}${open}${item('b')}${open.repeat(depth)}${item('deep')}${'</Collection>'.repeat(depth)}${item('c')}<Collection clsid="{53B533F5-224C-47e3-B01B-CA3B3F3FF4BF}" name="off" disabled="1">${item('skipped')}</Collection></Collection>${item('d')}</RegistrySettings>`;
    const doc = readGppRegistryFile(text);
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(doc.settings.map((x) => x.valueName), ['a', 'b', 'deep', 'c', 'd']);
  });
});

describe('reader problems never quote a secret', () => {
  it('a security template line that names a password, a preference item of a password with an invalid value', () => {
    const inf = readSecurityTemplate('[Unicode]\nUnicode=yes\n[Version]\nsignature="$CHICAGO$"\n[Registry Values]\nMACHINE\\X\\DefaultPassword hunter1\nMACHINE\\X\\Plain value2\n');
    assert.equal(inf.problems.length, 2);
    assert.doesNotMatch(inf.problems[0]!.message, /hunter1/);
    assert.match(inf.problems[0]!.message, /names a password or secret/);
    assert.match(inf.problems[1]!.message, /Plain value2/);
    // A password whose quoted data is left open: the next line may be the rest of it.
    const open = readSecurityTemplate('[Unicode]\nUnicode=yes\n[Registry Values]\nMACHINE\\X\\DefaultPassword=1,"hunter5-i\nhunter5-j"\nMACHINE\\X\\Plain=4,1\nstray value3\n');
    assert.deepEqual(open.problems.map((p) => /names a password or secret/.test(p.message) || p.message.includes('stray value3')), [true, true]);
    assert.doesNotMatch(open.problems.map((p) => p.message).join('\n'), /hunter5/);
    const item = (name: string, value: string): string =>
      `<Registry clsid="{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}" name="${name}"><Properties action="U" hive="HKEY_LOCAL_MACHINE" key="SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon" name="${name}" type="REG_DWORD" value="${value}"/></Registry>`;
    const gpp = readGppRegistryFile(`<?xml version="1.0" encoding="utf-8"?>\n<RegistrySettings clsid="{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}">${item('DefaultPassword', 'hunter2')}${item('Plain', 'value3')}</RegistrySettings>`);
    assert.equal(gpp.problems.length, 2);
    assert.doesNotMatch(gpp.problems[0]!.message, /hunter2/);
    assert.match(gpp.problems[0]!.message, /password or secret/);
    assert.match(gpp.problems[1]!.message, /"value3"/);
  });
});

describe('Get-GPOReport XML reader', () => {
  it('reads the shared sample (UTF-16LE with BOM): policies by display name, RegistrySetting, Security KeyName and System Services, firewall rules, GPP items', () => {
    const bytes = fixture('samples', 'gpreport-rdp.xml');
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    const text = decodeBytes(bytes).text;
    const doc = readGpoReport(text);
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(summary(doc, text), [
      'HKLM:SeDenyRemoteInteractiveLogonRight=["*S-1-5-32-555|BUILTIN\\\\Remote Desktop Users"]@20',
      'HKLM:Enabled=1@28',
      'HKLM:Start=4@37',
      // The Windows Firewall rule, written back into the registry's rule grammar (MS-GPFAS 2.2.2.19).
      'HKLM:InboundFirewallRules@2539="v2.31|Action=Block|Name=@FirewallAPI.dll,-28775|Dir=In|App=%SystemRoot%\\\\system32\\\\svchost.exe|Svc=termservice|Profile=Domain|LPort=3389|Protocol=6|Active=TRUE|EmbedCtxt=@FirewallAPI.dll,-28752|"@51',
      'HKLM:SecurityLayer=0@77',
      'HKLM:UserAuthentication=0@86',
      'HKLM:MinEncryptionLevel=1@101',
      'HKLM:CertTemplateName="RDP-Cert-Template-Typo"@117',
      'HKLM:fDenyTSConnections=1@122',
      'HKLM:KeepAliveEnable=1@129',
      'HKLM:KeepAliveInterval=1@136',
      'HKLM:SelectTransport=1@149',
      'HKLM:LicensingMode=4@163',
      'HKLM:LicenseServers="lic01.contoso.local"@176',
      'HKLM:AllowEncryptionOracle=2@189',
      'HKLM:Enabled=0@198',
      'HKLM:KeepAliveTime=300000@206',
      'HKLM:Enabled=0@218',
    ]);
    assert.ok(doc.settings.every((s) => s.gpo === 'RDS - Session Hosts (BROKEN TEST)'));
    assert.equal(doc.settings.find((s) => s.valueName === 'SecurityLayer')?.policy, 'Require use of specific security layer for remote (RDP) connections');
  });

  it('ignores a lying XML declaration, reads -All reports, and resolves default namespaces and any prefix', () => {
    const bytes = fixture('report-all-lying-utf8.xml');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
    const text = decodeBytes(bytes).text;
    assert.match(text, /encoding="utf-16"/);
    const doc = readGpoReport(text);
    assert.deepEqual(summary(doc, text), [
      'HKLM:SecurityLayer=2@18',
      'HKLM:UserAuthentication=1@24',
      'HKLM:MaxDisconnectionTime=60000@33',
      'HKLM:KeepAliveEnable=0@39',
      'HKLM:KeepAliveInterval=-@39',
      'HKCU:DisablePasswordSaving=0@51',
      'HKLM:SecurityLayer=0@71',
    ]);
    assert.deepEqual([...new Set(doc.settings.map((s) => s.gpo))], ['RDS Baseline', 'RDS Legacy Clients']);
  });

  it('reads a report once when the scanner gives up after reading GPOs and saxes reads it again', () => {
    const text = fixtureText('report-all-lying-utf8.xml');
    const end = text.lastIndexOf('</report>');
    // A processing instruction after the last GPO: the scanner has read (and handed over) both GPOs when it leaves the text to saxes.
    const withPi = `${text.slice(0, end)}<?pi ignored?>${text.slice(end)}`;
    assert.equal(scanXml(withPi, REPORT_SKIP), false);
    const doc = readGpoReport(withPi);
    assert.equal(doc.settings.length, 7);
    assert.deepEqual(doc, readGpoReport(text));
  });

  it('reports a drop-down without a value and localized names that do not map, without guessing', () => {
    const text = fixtureText('report-all-lying-utf8.xml');
    const doc = readGpoReport(text);
    const index = new LineIndex(text);
    const problems = doc.problems.map((p) => `${index.positionAt(p.span.start).line + 1}: ${p.message}`);
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /^79: The drop-down "Encryption Level" of "Set client connection encryption level" has no value \(NotConfigured\), so MinEncryptionLevel is unknown/);
    assert.match(problems[1]!, /^84: 2 Administrative Template policies have names RDP Doctor cannot map, such as "Sicherheitsebene für Remoteverbindungen \(RDP\) anfordern": the report looks localized/);
    assert.ok(!doc.settings.some((s) => s.valueName === 'MinEncryptionLevel'));
    assert.equal(doc.settings.filter((s) => s.gpo === 'RDS Legacy Clients').length, 1, 'the German policies are not guessed');
  });

  it('reports an unknown drop-down item and an unknown state', () => {
    const xml = reportXml(policyXml('Require use of specific security layer for remote (RDP) connections', 'Enabled', dropDown('Security Layer', 'TLS 1.3 only')));
    assert.match(readGpoReport(xml).problems[0]!.message, /shows "TLS 1\.3 only", which is not one of its known items, so SecurityLayer is unknown\./);
    const odd = reportXml(policyXml('Require secure RPC communication', 'Enabled').replace('Enabled', 'Sometimes'));
    assert.match(readGpoReport(odd).problems[0]!.message, /has the state "Sometimes", not Enabled or Disabled/);
  });

  it('English policies it does not map are skipped quietly', () => {
    const doc = readGpoReport(reportXml(policyXml('Do not allow drive redirection', 'Enabled')));
    assert.deepEqual([doc.settings, doc.problems], [[], []]);
    // en-US names with typographic punctuation (Office's ADML writes "Don’t") are English, not localized.
    for (const name of ['Don\u2019t allow Dynamic Data Exchange (DDE) server launch in Excel', 'Block macros \u2014 \u201cInternet\u201d files\u2026', 'Turn off Windows\u00ae Ink\u00a0Workspace']) {
      assert.deepEqual(readGpoReport(reportXml(policyXml(name, 'Enabled'))).problems, [], name);
    }
    // A letter outside ASCII still is a sign of a localized report.
    assert.equal(readGpoReport(reportXml(policyXml('Configuración de seguridad', 'Enabled'))).problems.length, 1);
  });

  it('a file that is not well-formed gives positions, not an exception', () => {
    const text = reportXml(policyXml('Require secure RPC communication', 'Disabled')).replace('</q1:State>', '</q1:Stat>');
    const doc = readGpoReport(text);
    assert.ok(doc.problems.length > 0);
    assert.match(doc.problems[0]!.message, /^The XML is not well-formed: /);
    assert.equal(new LineIndex(text).positionAt(doc.problems[0]!.span.start).line + 1, 9);
  });

  describe('a report cut short (a review\'s gpreport-rdp.xml cut after its last complete Policy)', () => {
    const RPC = policyXml('Require secure RPC communication', 'Disabled');
    const LAYER = policyXml('Require use of specific security layer for remote (RDP) connections', 'Enabled', dropDown('Security Layer', 'RDP'));
    const cutAfter = (text: string, marker: string): string => text.slice(0, text.indexOf(marker) + marker.length);

    it('reads the settings that closed before the cut, keeps the reader error, and reads them once', () => {
      const text = cutAfter(reportXml(`${RPC}\n${LAYER}`), '</q1:Policy>\n');
      assert.equal(scanXml(text, REPORT_SKIP), false, 'the scanner leaves a truncated text to saxes');
      const doc = readGpoReport(text);
      assert.deepEqual(summary(doc, text), ['HKLM:fEncryptRPCTraffic=0@9']);
      assert.equal(doc.settings[0]!.gpo, 'Test GPO');
      assert.deepEqual(doc.problems.map((p) => [p.severity, p.message]), [['error', 'The XML is not well-formed: the file ends inside <Extension> (4 elements left open).']]);
    });

    it('one problem for one cut, however many elements it leaves open (a review\'s cut inside <q1:Name>RDP: 8 problems)', () => {
      const full = reportXml(`${RPC}\n${LAYER}`);
      const cut = full.indexOf('>RDP<') + '>RD'.length;
      const text = full.slice(0, cut);
      const doc = readGpoReport(text);
      assert.deepEqual(summary(doc, text), ['HKLM:fEncryptRPCTraffic=0@9']);
      assert.deepEqual(
        doc.problems.map((p) => [p.severity, p.span, p.message]),
        [['error', { start: cut - 1, end: cut }, 'The XML is not well-formed: the file ends inside <q1:Name> (8 elements left open).']],
      );
    });

    it('a policy cut short is not read, not even its state (its drop-down never came)', () => {
      const full = reportXml(`${RPC}\n${LAYER}`);
      const text = full.slice(0, full.indexOf('<q1:DropDownList>'));
      const doc = readGpoReport(text);
      assert.deepEqual(summary(doc, text), ['HKLM:fEncryptRPCTraffic=0@9']);
      assert.deepEqual(doc.problems.filter((p) => !p.message.startsWith('The XML is not well-formed')), []);
    });

    it('a -All report: the GPOs that closed and the part of the one cut short', () => {
      const gpo = (name: string, inner: string) => reportXml(inner, { gpo: name }).replace(/^<\?xml[^>]*>\n/, '');
      const full = `<?xml version="1.0" encoding="utf-16"?>\n<report xmlns="http://www.microsoft.com/GroupPolicy/Settings">\n${gpo('First', LAYER)}${gpo('Second', `${RPC}\n${LAYER}`)}</report>\n`;
      const text = full.slice(0, full.lastIndexOf('<q1:DropDownList>'));
      const doc = readGpoReport(text);
      assert.deepEqual(doc.settings.map((s) => `${s.gpo}:${s.valueName}=${JSON.stringify(s.data)}`), ['First:SecurityLayer=0', 'Second:fEncryptRPCTraffic=0']);
    });

    it('a cut anywhere in a report never throws and never reads a setting the whole report lacks', () => {
      const full = reportXml(`${RPC}\n${LAYER}`);
      const whole = readGpoReport(full).settings.map((s) => `${s.valueName}=${JSON.stringify(s.data)}`);
      for (let end = 0; end < full.length; end += 7) {
        const part = readGpoReport(full.slice(0, end)).settings.map((s) => `${s.valueName}=${JSON.stringify(s.data)}`);
        assert.deepEqual(part, whole.slice(0, part.length), `cut at ${end}`);
      }
    });
  });

  it('a stray close tag that skips several open elements is one problem, not the same message once per element', () => {
    const text = '<?xml version="1.0"?>\n<GPO><Computer><Extension></Name></GPO>\n';
    const problems = parseXml(text).problems.map((p) => [p.span.start, p.message]);
    const at = text.indexOf('</Name>') + '</Name>'.length - 1;
    assert.deepEqual(problems.filter(([start]) => start === at), [
      [at, 'The XML is not well-formed: unexpected close tag.'],
      [at, 'The XML is not well-formed: unmatched closing tag: Name.'],
    ]);
  });

  it('other XML is not a report', () => {
    const doc = readGpoReport(fixtureText('unrelated', 'pom.xml'));
    assert.deepEqual(doc.settings, []);
    assert.match(doc.problems[0]!.message, /not a Group Policy report/);
  });
});

describe('gpresult XML reader', () => {
  it('reads the shared sample: every setting with its GPO name (from the GPO list) and precedence 1', () => {
    const text = fixtureText('samples', 'gpresult-rdp.xml');
    const doc = readRsop(text);
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.settings.length, 16);
    assert.ok(doc.settings.every((s) => s.gpo === 'RDS - Session Hosts (BROKEN TEST)' && s.precedence === 1));
    assert.deepEqual(summary(doc, text).slice(0, 5), ['HKLM:SeDenyRemoteInteractiveLogonRight=["*S-1-5-32-555|BUILTIN\\\\Remote Desktop Users"]@60', 'HKLM:Enabled=1@73', 'HKLM:Start=4@87', 'HKLM:SecurityLayer=0@113', 'HKLM:UserAuthentication=0@127']);
  });

  it('a report cut short in a policy reads the settings before it, and not the policy cut short (a review\'s rsop-trunc.xml)', () => {
    const full = fixtureText('samples', 'gpresult-rdp.xml');
    const whole = readRsop(full);
    const cut = full.indexOf('<q2:DropDownList>', full.indexOf('Set client connection encryption level'));
    assert.ok(cut > 0);
    const doc = readRsop(full.slice(0, cut));
    const before = whole.settings.filter((s) => s.source.span.start < cut && s.valueName !== 'MinEncryptionLevel');
    assert.deepEqual(doc.settings, before);
    assert.ok(before.length > 0);
    assert.deepEqual(doc.problems.filter((p) => !p.message.startsWith('The XML is not well-formed')), [], 'no "does not show the drop-down" for the policy cut short');
  });

  it('reads UTF-16LE without a BOM and keeps losing values with their precedence', () => {
    const bytes = fixture('gpresult-no-bom.xml');
    assert.notEqual(bytes[0], 0xff);
    const text = decodeBytes(bytes).text;
    const doc = readRsop(text);
    assert.deepEqual(
      doc.settings.map((s) => `${s.valueName}=${JSON.stringify(s.data)} ${s.gpo} ${s.precedence}`),
      ['UserAuthentication=1 Winner 1', 'UserAuthentication=0 Loser 2', 'PortNumber=3390 Winner 1', 'AllowEncryptionOracle=1 Winner 1'],
    );
  });
});

describe('GPP Registry.xml and security template readers', () => {
  it('reads a GPP registry item (hex DWORD) at its Properties tag', () => {
    const text = fixtureText('samples', 'Registry.xml');
    const doc = readGppRegistryFile(text);
    assert.deepEqual(summary(doc, text), ['HKLM:Enabled=0@2']);
    assert.equal(doc.settings[0]!.key, 'SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server');
  });

  it('reads GPP delete actions, default values and nested collections, and skips disabled items', () => {
    const item = (attrs: string, disabled = ''): string => `<Registry clsid="{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}"${disabled}><Properties ${attrs}/></Registry>`;
    const xml = `<RegistrySettings clsid="{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}"><Collection name="RDP">${item(`action="D" hive="HKEY_LOCAL_MACHINE" key="${TS}" name="SecurityLayer" type="REG_DWORD" value=""`)}${item(`action="U" hive="HKEY_LOCAL_MACHINE" key="${TS}" name="" default="1" type="REG_SZ" value="x"`)}${item(`action="U" hive="HKEY_LOCAL_MACHINE" key="${TS}" name="UserAuthentication" type="REG_DWORD" value="00000000"`, ' disabled="1"')}</Collection></RegistrySettings>`;
    const doc = readGppRegistryFile(xml);
    assert.deepEqual(doc.settings.map((s) => [s.valueName, s.action, s.data]), [['SecurityLayer', 'delete', null], ['', 'set', 'x']]);
  });

  // Shape from raandree/GpoReport tests/TestData/AllPreferences1.xml (Get-GPOReport, UTF-16LE): the Registry
  // Wizard nests one Collection per key and writes a key item (type="", name="", value="") before the values.
  it('reads GPP key items (type="" and no value name) as key creations and deletions, without a problem', () => {
    const gpp = 'http://www.microsoft.com/GroupPolicy/Settings/Windows/Registry';
    const report = `<?xml version="1.0" encoding="utf-16"?>
<GPO xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
  <Name>Wizard GPO</Name>
  <Computer>
    <ExtensionData>
      <Extension xmlns:q12="${gpp}" xsi:type="q12:RegistrySettings">
        <q12:RegistrySettings clsid="{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}">
          <q12:Collection clsid="{53B533F5-224C-47e3-B01B-CA3B3F3FF4BF}" name="Registry Wizard Values">
            <q12:GPOSettingOrder>1</q12:GPOSettingOrder>
            <q12:Filters />
            <q12:Collection clsid="{53B533F5-224C-47e3-B01B-CA3B3F3FF4BF}" name="HKEY_LOCAL_MACHINE">
              <q12:Registry clsid="{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}" name="Terminal Services" image="2" descr="Wizard Generated Registry Item" status="Terminal Services">
                <q12:GPOSettingOrder>1</q12:GPOSettingOrder>
                <q12:Properties action="U" hive="HKEY_LOCAL_MACHINE" key="${TS}" type="" name="" value="">
                  <q12:Values />
                </q12:Properties>
                <q12:Filters />
              </q12:Registry>
              <q12:Registry clsid="{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}" name="SecurityLayer" descr="Wizard Generated Registry Item" image="12">
                <q12:GPOSettingOrder>2</q12:GPOSettingOrder>
                <q12:Properties action="U" hive="HKEY_LOCAL_MACHINE" key="${TS}" name="SecurityLayer" default="0" type="REG_DWORD" displayDecimal="0" value="00000000">
                  <q12:Values />
                </q12:Properties>
                <q12:Filters />
              </q12:Registry>
            </q12:Collection>
          </q12:Collection>
        </q12:RegistrySettings>
      </Extension>
      <Name>Windows Registry</Name>
    </ExtensionData>
  </Computer>
</GPO>
`;
    const doc = readGpoReport(report);
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(doc.settings.map((s) => [s.key, s.valueName, s.action, s.data]), [
      [TS, '', 'create-key', null],
      [TS, 'SecurityLayer', 'set', 0],
    ]);
    // Cut short inside the second item: the item that closed before it is still read, in its collections.
    const cut = readGpoReport(report.slice(0, report.indexOf('name="SecurityLayer" default')));
    assert.deepEqual(cut.settings.map((s) => [s.key, s.valueName, s.action, s.data]), [[TS, '', 'create-key', null]]);
    assert.ok(cut.problems.some((p) => p.message.startsWith('The XML is not well-formed')));
    // The same item in a backup's Preferences/Registry/Registry.xml (no namespace), with action D: the key goes.
    const xml = `<?xml version="1.0" encoding="utf-8"?>\r\n<RegistrySettings clsid="{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}"><Registry clsid="{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}" name="Terminal Services" image="3"><Properties action="D" hive="HKEY_LOCAL_MACHINE" key="${TS}" type="" name="" value=""/></Registry></RegistrySettings>`;
    const file = readGppRegistryFile(xml);
    assert.deepEqual(file.problems, []);
    assert.deepEqual(file.settings.map((s) => [s.valueName, s.action, s.deleted]), [['', 'delete-key', true]]);
  });

  it('reads the [Registry Values], the service start types and the Remote Desktop logon rights of a security template (UTF-16LE), and nothing else', () => {
    const text = fixtureText('samples', 'GptTmpl-custom-rdp.inf');
    assert.deepEqual(summary(readSecurityTemplate(text), text), [
      'HKLM:SecurityLayer=0@7',
      'HKLM:UserAuthentication=0@8',
      'HKLM:MinEncryptionLevel=1@9',
      'HKLM:AllowEncryptionOracle=2@10',
      'HKLM:Enabled=0@11',
    ]);
    const plain = fixtureText('samples', 'GptTmpl.inf');
    assert.deepEqual(readSecurityTemplate(plain).settings.map((s) => `${s.key}\\${s.valueName}=${s.data}`), [
      'SYSTEM\\CurrentControlSet\\Services\\TermService\\Start=4',
      'System\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy\\Enabled=1',
      'System\\CurrentControlSet\\Control\\Lsa\\LmCompatibilityLevel=5',
      'Security Settings\\Local Policies\\User Rights Assignment\\SeRemoteInteractiveLogonRight=*S-1-5-32-544',
      'Security Settings\\Local Policies\\User Rights Assignment\\SeDenyRemoteInteractiveLogonRight=*S-1-5-32-555,*S-1-5-113',
    ]);
  });

  it('a security template DWORD past 4294967295 is a problem, not a number', () => {
    const key = 'MACHINE\\System\\CurrentControlSet\\Control\\Terminal Server\\fDenyTSConnections';
    const read = readSecurityTemplate(`[Registry Values]\n${key}=4,4294967295\n${key}=4,00000000001\n${key}=4,4294967297\n${key}=4,${'1'.repeat(1000)}\n`);
    assert.deepEqual(read.settings.map((s) => s.data), [4294967295, 1]);
    assert.deepEqual(read.problems.map((p) => /holds a number past a DWORD's 4294967295\.$/.test(p.message)), [true, true]);
  });
});

describe('XML tree', () => {
  it('resolves namespaces by URI and keeps exact offsets', () => {
    const text = '<a:r xmlns:a="urn:x" xmlns="urn:d"><b>t&amp;u</b><a:c/></a:r>';
    const { root, problems } = parseXml(text);
    assert.deepEqual(problems, []);
    assert.deepEqual([root!.uri, root!.local, root!.children.map((c) => `${c.uri}|${c.local}|${c.text}`)], ['urn:x', 'r', ['urn:d|b|t&u', 'urn:x|c|']]);
    assert.equal(text.slice(root!.children[0]!.start, root!.children[0]!.end), '<b>t&amp;u</b>');
  });
});
