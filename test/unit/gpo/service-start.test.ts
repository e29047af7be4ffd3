// A GPO that disables the Remote Desktop Services service (TermService) refuses every connection: a review found
// `rdp-doctor lint samples/gpo/GptTmpl.inf` printed no problem for its `"TermService",4,""` (gpo-formats.md §6: "would
// disable RDP entirely"). GPO001 reports it from a security template, a report's System Services and a GPO backup.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { readSecurityTemplate } from '../../../src/core/gpo/read-security-template';
import { lintGpoBackup, lintText } from '../../../src/core/lint/lint-file';
import type { PolicyFinding } from '../../../src/core/rules/gpo/types';
import { LineIndex } from '../../../src/core/text/line-index';
import { assertMessage, backupFiles, fixtureText, lintExport } from './helpers';

const DISABLED = /^The Remote Desktop Services service \(TermService\) is Disabled \(start type 4\) in the service's configuration \(System Services\): it does not start, so the server accepts no Remote Desktop connections at all, whatever "fDenyTSConnections" says\./;

const template = (services: string) => `[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature="$CHICAGO$"\r\nRevision=1\r\n[Service General Setting]\r\n${services}[Privilege Rights]\r\nSeDenyRemoteInteractiveLogonRight = *S-1-5-32-546\r\n`;

/** A Get-GPOReport with one Security extension holding these System Services, as GPMC writes them. */
function servicesReport(...services: [name: string, mode: string][]): string {
  const items = services
    .map(
      ([name, mode]) => `        <q1:SystemServices>
          <q1:Name>${name}</q1:Name>
          <q1:StartupMode>${mode}</q1:StartupMode>
          <q1:SecurityDescriptor>
            <PermissionsPresent xmlns="http://www.microsoft.com/GroupPolicy/Types/Security">false</PermissionsPresent>
            <AuditingPresent xmlns="http://www.microsoft.com/GroupPolicy/Types/Security">false</AuditingPresent>
          </q1:SecurityDescriptor>
        </q1:SystemServices>
`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-16"?>
<GPO xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
  <Name>Hardening</Name>
  <Computer>
    <Enabled>true</Enabled>
    <ExtensionData>
      <Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Security" xsi:type="q1:SecuritySettings">
${items}      </Extension>
      <Name>Security</Name>
    </ExtensionData>
  </Computer>
</GPO>
`;
}

describe('GPO001: the Remote Desktop Services service disabled', () => {
  it('the review repro: the shared GptTmpl.inf sample is an error at the start type of its TermService line', () => {
    const text = fixtureText('samples', 'GptTmpl.inf');
    // Lines 12 and 13 are its logon rights (logon-rights.test.ts).
    const found = lintExport('security-template', text);
    assert.deepEqual(found.map((f) => `${f.ruleId} ${f.severity} ${f.line}`), ['GPO001 error 7', 'GPO001 info 12', 'GPO001 error 13']);
    assert.match(found[0]!.message, DISABLED);
    assertMessage('GPO001', found[0]!.message);
    const span = found[0]!.finding.span;
    assert.equal(text.slice(span.start, span.end), '4');
    assert.equal(found[0]!.finding.subject, 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\TermService\\Start');
  });

  it('a security template: only start type 4 of TermService, by any case of its name, quoted or not; the security descriptor is not read', () => {
    const gpo001 = (services: string) => lintExport('security-template', template(services)).filter((f) => f.ruleId === 'GPO001' && DISABLED.test(f.message)).map((f) => f.line);
    assert.deepEqual(gpo001('"TermService",2,""\r\n'), [], 'automatic');
    assert.deepEqual(gpo001('"TermService",3,""\r\n'), [], 'manual');
    assert.deepEqual(gpo001('"Spooler",4,""\r\n"UmRdpService",4,""\r\n'), [], 'another service disabled');
    assert.deepEqual(gpo001('"Spooler",4,""\r\n"termservice",4,"D:AR(A;;CCLCSWRPWPDTLOCRRC;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)"\r\n'), [8]);
    assert.deepEqual(gpo001('TermService, 4 ,""\r\n'), [7]);
  });

  it('a security template line that is not "name",start type,security descriptor is a problem, not a setting', () => {
    const read = readSecurityTemplate(template('"TermService",disabled,""\r\n"TermService",9,""\r\n"",4,""\r\n; a comment\r\n\r\n"Spooler",4\r\n'));
    assert.deepEqual(read.settings.map((s) => `${s.key}\\${s.valueName}=${s.data}`), [
      'SYSTEM\\CurrentControlSet\\Services\\Spooler\\Start=4',
      'Security Settings\\Local Policies\\User Rights Assignment\\SeDenyRemoteInteractiveLogonRight=*S-1-5-32-546',
    ]);
    assert.equal(read.problems.length, 3);
    assert.match(read.problems[0]!.message, /^The service line ""TermService",disabled,""" is not "name",start type,security descriptor, with a start type from 0 to 4\.$/);
  });

  it("a Get-GPOReport's System Services: Disabled is an error at its StartupMode, named by the GPO; Automatic and Manual are fine", () => {
    const text = servicesReport(['Spooler', 'Disabled'], ['TermService', 'Disabled']);
    const found = lintExport('gpo-report-xml', text);
    assert.deepEqual(found.map((f) => f.ruleId), ['GPO001']);
    assert.match(found[0]!.message, DISABLED);
    assert.match(found[0]!.message, / Set by GPO "Hardening"\.$/);
    const span = found[0]!.finding.span;
    assert.equal(text.slice(span.start, span.end), 'Disabled');
    assert.equal(new LineIndex(text).positionAt(span.start).line + 1, found[0]!.line);
    for (const mode of ['Automatic', 'Manual']) assert.deepEqual(lintExport('gpo-report-xml', servicesReport(['TermService', mode])), [], mode);
    assert.deepEqual(lintExport('gpo-report-xml', servicesReport(['termservice', 'Disabled'])).map((f) => f.ruleId), ['GPO001'], 'service names ignore case');
  });

  it('a startup mode that is not one of GPMC\'s is a problem', () => {
    const doc = readGpoReport(servicesReport(['TermService', 'Sometimes']));
    assert.deepEqual(doc.settings, []);
    assert.deepEqual(doc.problems.map((p) => p.message), ['The system service "TermService" has the startup mode "Sometimes", which is not Automatic, Manual or Disabled.']);
  });

  it('a gpresult report: the shared sample\'s TermService Disabled', () => {
    const found = lintExport('rsop-xml', fixtureText('samples', 'gpresult-rdp.xml')).filter((f) => DISABLED.test(f.message));
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'error');
  });

  it("a GPO backup: the finding is in its GptTmpl.inf", () => {
    const files = backupFiles('backup', '{40144D25-C0AB-42E5-B1FB-D89261259A27}').map((f) =>
      /gpttmpl\.inf$/i.test(f.path) ? { ...f, bytes: Buffer.from(`\ufeff${template('"TermService",4,""\r\n')}`, 'utf16le') } : f,
    );
    const found = lintGpoBackup(files).findings.filter((f) => DISABLED.test(f.message));
    assert.equal(found.length, 1);
    assert.match(found[0]!.location.file!.replace(/\\/g, '/'), /SecEdit\/GptTmpl\.inf$/);
  });

  it('a registry export of the service key reads the same', () => {
    const reg = `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\TermService]\r\n"Start"=dword:00000004\r\n"ImagePath"="%SystemRoot%\\\\System32\\\\svchost.exe -k NetworkService"\r\n`;
    assert.deepEqual((lintText('reg', reg).findings as PolicyFinding[]).map((f) => f.ruleId), ['GPO001']);
  });
});
