// Group Policy Preferences service items (`Machine\Preferences\Services\Services.xml`, or a Get-GPOReport's Services
// extension): a GPP item that disables TermService (startupType="DISABLED") refuses every connection, as the System
// Services security setting does (GPO001). Session 22 read GptTmpl.inf, System Services and `.reg` `Start`=4 but not
// Services.xml. The shapes are GPMC's own, from the native capture in hraedon/gpo-studio
// (tests/fixtures/native-gpp-gpmc/WI01A-Services-GPMC); startupType is MS-GPPREF 2.2.1.19.1's NOCHANGE, AUTOMATIC,
// BOOT, DISABLED, MANUAL or SYSTEM.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPolicyText } from '../../../src/core/gpo/read-export';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { sniffPolicyExport } from '../../../src/core/gpo/sniff';
import { lintGpoBackup } from '../../../src/core/lint/lint-file';
import { assertMessage, lintExport } from './helpers';

const ITEM_CLSID = '{AB6F0B67-341F-4e51-92F9-005FBFBA1A43}';
const FILTER = '<Filters><FilterComputer bool="AND" not="0" type="NETBIOS" name="NOTTHISONE"/></Filters>';
const DISABLED = /^The Remote Desktop Services service \(TermService\) is Disabled \(start type 4\) /;

/** One NTService item as GPMC writes it in Services.xml, with `after` inside the item (after Properties). */
function service(name: string, startupType: string, after = '', attributes = ''): string {
  return `<NTService clsid="${ITEM_CLSID}" name="${name}" image="2" changed="2026-07-27 21:15:52" uid="{E55335A2-4C05-4DD3-B28D-2C8359205324}" userContext="0" removePolicy="0"${attributes}><Properties startupType="${startupType}" serviceName="${name}" serviceAction="START" timeout="30"/>${after}</NTService>`;
}

const servicesXml = (inner: string): string => `<?xml version="1.0" encoding="utf-8"?>\r\n<NTServices clsid="{2CFB484A-4E96-4b5d-A0B6-093D2F91E6AE}">${inner}\r\n</NTServices>\r\n`;

/** A Get-GPOReport of one GPO whose Computer half has these items in its Services extension (prefix q1, as GPMC writes it). */
function servicesReport(inner: string, gpo = 'RDS Lockdown'): string {
  const items = inner.replace(/<(\/?)(NTService|Properties|Filters|FilterComputer|Collection)\b/g, '<$1q1:$2');
  return `<?xml version="1.0" encoding="utf-16"?>
<GPO xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
  <Name>${gpo}</Name>
  <Computer>
    <Enabled>true</Enabled>
    <ExtensionData>
      <Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Services" xsi:type="q1:ServiceSettings">
        <q1:NTServices clsid="{2CFB484A-4E96-4b5d-A0B6-093D2F91E6AE}">
          ${items}
        </q1:NTServices>
      </Extension>
      <Name>Services</Name>
    </ExtensionData>
  </Computer>
</GPO>
`;
}

describe('GPO001 from Group Policy Preferences services', () => {
  it('a Services.xml is recognized by its root and class ID, and TermService DISABLED is an error at its Properties', () => {
    const text = servicesXml(service('WinRM', 'NOCHANGE') + service('TermService', 'DISABLED'));
    assert.equal(sniffPolicyExport(undefined, text), 'gpp-services-xml');
    const found = lintExport('gpp-services-xml', text);
    assert.deepEqual(found.map((f) => `${f.ruleId} ${f.severity}`), ['GPO001 error']);
    assert.match(found[0]!.message, DISABLED);
    assertMessage('GPO001', found[0]!.message);
    const span = found[0]!.finding.span;
    assert.match(text.slice(span.start, span.end), /^<Properties startupType="DISABLED" serviceName="TermService"/);
    assert.equal(found[0]!.finding.subject, 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\TermService\\Start');
  });

  it('reads each startup type as its start number; NOCHANGE sets nothing; an unknown one is a problem', () => {
    const doc = readPolicyText('gpp-services-xml', servicesXml(['NOCHANGE', 'AUTOMATIC', 'MANUAL', 'BOOT', 'SYSTEM', 'disabled', 'DELAYED'].map((t, i) => service(`Svc${i}`, t)).join('')));
    assert.deepEqual(doc.settings.map((s) => `${s.key.split('\\').pop()}=${s.data}`), ['Svc1=2', 'Svc2=3', 'Svc3=0', 'Svc4=1', 'Svc5=4']);
    assert.deepEqual(doc.problems.map((p) => p.message), ['The preference service item "Svc6" has the startup type "DELAYED", which is not NOCHANGE, AUTOMATIC, BOOT, DISABLED, MANUAL or SYSTEM.']);
    for (const t of ['AUTOMATIC', 'MANUAL', 'NOCHANGE']) assert.deepEqual(lintExport('gpp-services-xml', servicesXml(service('TermService', t))), [], t);
  });

  it('a disabled item is skipped; a targeted item (or one in a targeted collection) is a warning that says so', () => {
    assert.deepEqual(lintExport('gpp-services-xml', servicesXml(service('TermService', 'DISABLED', '', ' disabled="1"'))), []);
    const targeted = lintExport('gpp-services-xml', servicesXml(service('TermService', 'DISABLED', FILTER)));
    assert.deepEqual(targeted.map((f) => `${f.ruleId} ${f.severity}`), ['GPO001 warning']);
    assert.match(targeted[0]!.message, /The preference item is targeted/);
    const inCollection = lintExport('gpp-services-xml', servicesXml(`<Collection clsid="{53B533F5-224C-47e3-B01B-CA3B3F3FF4BF}" name="RDS">${FILTER}${service('TermService', 'DISABLED', '<Filters/>')}</Collection>`));
    assert.deepEqual(inCollection.map((f) => f.severity), ['warning']);
  });

  it("a Get-GPOReport's Services extension: the same finding, named by the GPO", () => {
    const text = servicesReport(service('WinRM', 'NOCHANGE') + service('TermService', 'DISABLED'));
    const found = lintExport('gpo-report-xml', text);
    assert.deepEqual(found.map((f) => `${f.ruleId} ${f.severity}`), ['GPO001 error']);
    assert.match(found[0]!.message, / Set by GPO "RDS Lockdown"\.$/);
    assert.deepEqual(readGpoReport(servicesReport(service('TermService', 'DISABLED', FILTER))).settings.map((s) => s.targeted), [true]);
  });

  it('a GPO backup: the finding is in its Machine\\Preferences\\Services\\Services.xml', () => {
    const bytes = Buffer.from(servicesXml(service('TermService', 'DISABLED')), 'utf8');
    const linted = lintGpoBackup([{ path: 'DomainSysvol/GPO/Machine/Preferences/Services/Services.xml', bytes }]);
    assert.deepEqual(linted.findings.map((f) => f.ruleId), ['GPO001']);
    assert.equal(linted.findings[0]!.location.file, 'DomainSysvol/GPO/Machine/Preferences/Services/Services.xml');
  });
});
