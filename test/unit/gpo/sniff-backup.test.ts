import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backupPartOf, isBackupFolder, readGpoBackup } from '../../../src/core/gpo/read-gpo-backup';
import { readSecurityTemplate } from '../../../src/core/gpo/read-security-template';
import { looksLikeSecurityTemplate, sniffPolicyExport, TEMPLATE_SNIFF_CHARS } from '../../../src/core/gpo/sniff';
import { detectFormat, isCandidateName } from '../../../src/core/lint/formats';
import { lintGpoBackup } from '../../../src/core/lint/lint-file';
import { decodeBytes } from '../../../src/core/text/decode';
import { backupFiles, fixture, fixtureText } from './helpers';

function format(path: string, named = false): string | undefined {
  const bytes = fixture(path);
  return detectFormat(path, decodeBytes(bytes), named, bytes);
}

describe('format sniffing', () => {
  it('recognizes every export by its content', () => {
    assert.deepEqual(
      Object.fromEntries(
        ['samples/gpreport-rdp.xml', 'samples/gpresult-rdp.xml', 'samples/rdp-bad.pol', 'samples/rdp-bad.reg', 'samples/rdp-bad.regedit4.reg', 'samples/rdp-bad.lgpo.txt', 'samples/Registry.xml', 'samples/GptTmpl.inf', 'report-all-lying-utf8.xml', 'gpresult-no-bom.xml', 'handmade-utf8.reg', 'lgpo-utf16.txt', 'truncated.pol'].map((p) => [p, format(p)]),
      ),
      {
        'samples/gpreport-rdp.xml': 'gpo-report-xml',
        'samples/gpresult-rdp.xml': 'rsop-xml',
        'samples/rdp-bad.pol': 'registry-pol',
        'samples/rdp-bad.reg': 'reg',
        'samples/rdp-bad.regedit4.reg': 'reg',
        'samples/rdp-bad.lgpo.txt': 'lgpo-text',
        'samples/Registry.xml': 'gpp-registry-xml',
        'samples/GptTmpl.inf': 'security-template',
        'report-all-lying-utf8.xml': 'gpo-report-xml',
        'gpresult-no-bom.xml': 'rsop-xml',
        'handmade-utf8.reg': 'reg',
        'lgpo-utf16.txt': 'lgpo-text',
        'truncated.pol': 'registry-pol',
      },
    );
  });

  it('a -All report whose <report> is in the settings namespace, as the reader and its tests take it, is a report too', () => {
    const gpo = '<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings"><Name>x</Name></GPO>';
    for (const root of ['<report>', '<report xmlns="http://www.microsoft.com/GroupPolicy/Settings">', '<r:report xmlns:r="http://www.microsoft.com/GroupPolicy/Settings">']) {
      const close = root.startsWith('<r:') ? '</r:report>' : '</report>';
      assert.equal(sniffPolicyExport(undefined, `<?xml version="1.0" encoding="utf-8"?>\n${root}\n  ${gpo}\n${close}\n`), 'gpo-report-xml', root);
    }
    assert.equal(sniffPolicyExport(undefined, '<report xmlns="urn:other"><GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings"/></report>'), undefined, 'another namespace');
    assert.equal(sniffPolicyExport(undefined, '<report xmlns="http://www.microsoft.com/GroupPolicy/Settings"><Other/></report>'), undefined, 'no GPO in it');
  });

  it('never takes unrelated XML, a .reg-named file or notes for an export, even when named', () => {
    for (const p of ['unrelated/pom.xml', 'unrelated/settings.reg', 'unrelated/notes.txt']) {
      assert.equal(format(p), undefined, p);
      assert.equal(format(p, true), undefined, p);
    }
  });

  it('the content decides, not the extension: a report saved as .txt is a report', () => {
    const bytes = fixture('samples/gpreport-rdp.xml');
    assert.equal(detectFormat('exported.txt', decodeBytes(bytes), false, bytes), 'gpo-report-xml');
    assert.equal(detectFormat('no-extension', decodeBytes(bytes), false, bytes), undefined, 'only candidate names are read while walking');
    assert.equal(detectFormat('no-extension', decodeBytes(bytes), true, bytes), 'gpo-report-xml');
    assert.ok(isCandidateName('Registry.POL') && isCandidateName('x.inf') && !isCandidateName('x.json'));
  });
});

describe('security templates as GPMC writes them', () => {
  const gpmc = fixtureText('GptTmpl-gpmc.inf');
  const lines = gpmc.split('\r\n');

  it('the fixture is what GPMC writes: UTF-16LE with BOM, CRLF, [Unicode] first and [Version] more than 60 lines down', () => {
    const bytes = fixture('GptTmpl-gpmc.inf');
    assert.deepEqual([bytes[0], bytes[1]], [0xff, 0xfe]);
    assert.ok(!/[^\r]\n/.test(gpmc), 'every line ends in CRLF');
    assert.equal(lines[0], '[Unicode]');
    assert.ok(lines.indexOf('[Version]') > 60, `[Version] is on line ${lines.indexOf('[Version]') + 1}`);
  });

  it('is recognized by its sections wherever [Version] is', () => {
    assert.equal(format('GptTmpl-gpmc.inf'), 'security-template');
    assert.equal(format('GptTmpl-gpmc.inf', true), 'security-template');
    const long = ['[Unicode]', 'Unicode=yes', '[Registry Values]', ...Array.from({ length: 5000 }, (_, i) => `MACHINE\\Software\\Contoso\\V${i}=4,${i}`), '[Version]', 'signature = "$CHICAGO$"', 'Revision=1'].join('\r\n');
    assert.ok(long.length < TEMPLATE_SNIFF_CHARS);
    assert.equal(sniffPolicyExport(undefined, long), 'security-template');
  });

  it('is not recognized past the bound, without its signature, or when no secedit section is there', () => {
    const filler = 'MACHINE\\Software\\Contoso\\Value=4,1\r\n'.repeat(Math.ceil(TEMPLATE_SNIFF_CHARS / 36));
    assert.equal(looksLikeSecurityTemplate(`[Unicode]\r\nUnicode=yes\r\n[Registry Values]\r\n${filler}[Version]\r\nsignature="$CHICAGO$"\r\n`), false);
    assert.equal(looksLikeSecurityTemplate(gpmc.replace('signature="$CHICAGO$"', 'Revision=1')), false);
    assert.equal(looksLikeSecurityTemplate('[Version]\r\nsignature="$CHICAGO$"\r\nClass=Image\r\n[Manufacturer]\r\n%Msft%=Generic\r\n'), false, 'a driver INF');
    assert.equal(looksLikeSecurityTemplate('Computer\r\n[Unicode]\r\n[Version]\r\nsignature="$CHICAGO$"\r\n'), false, 'text before the first section');
    assert.equal(looksLikeSecurityTemplate('; secedit export\r\n\r\n[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature="$CHICAGO$"\r\n'), true);
  });

  // Shape from z3r0page/gpocopy DomainSysvol/GPO/Machine/microsoft/windows nt/SecEdit/GptTmpl.inf (UTF-16LE with BOM,
  // CRLF): a template from Microsoft's 2008 security guides, a block of ';' comments first and an unquoted signature.
  it('recognizes the unquoted signature=$CHICAGO$ of the 2008 security guide templates, and reads them', () => {
    const text = [
      ';This Security Template provides settings to support the setting recommendations ',
      ';in the security guides.',
      '',
      '[Unicode]',
      'Unicode=yes',
      '[Version]',
      'signature=$CHICAGO$',
      'Revision=1',
      '[Registry Values]',
      'MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\MSV1_0\\RestrictSendingNTLMTraffic=4,2',
      '[Privilege Rights]',
      'SeRemoteInteractiveLogonRight=*S-1-5-32-544',
      '',
    ].join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    assert.equal(sniffPolicyExport(bytes, decodeBytes(bytes).text), 'security-template');
    assert.equal(looksLikeSecurityTemplate(text.replace('signature=$CHICAGO$', 'Signature = $Chicago$')), true);
    assert.equal(looksLikeSecurityTemplate(text.replace('signature=$CHICAGO$', 'signature=$WINDOWS NT$')), false);
    assert.deepEqual(readSecurityTemplate(text).settings.map((s) => [s.valueName, s.data]), [
      ['RestrictSendingNTLMTraffic', 2],
      ['SeRemoteInteractiveLogonRight', ['*S-1-5-32-544']],
    ]);
  });

  it('reads [Registry Values] wherever the section is, each value at its own line', () => {
    const doc = readSecurityTemplate(gpmc);
    assert.deepEqual(doc.problems, []);
    const oracle = doc.settings.find((s) => s.valueName === 'AllowEncryptionOracle')!;
    assert.equal(oracle.data, 2);
    assert.equal(gpmc.slice(0, oracle.source.span.start).split('\r\n').length, lines.findIndex((l) => l.includes('AllowEncryptionOracle')) + 1);
    // And its two Remote Desktop logon rights (logon-rights.test.ts).
    assert.equal(doc.settings.length, lines.filter((l) => l.startsWith('MACHINE\\')).length + 2);
  });
});

describe('GPO backup folder', () => {
  const files = backupFiles('backup', '{40144D25-C0AB-42E5-B1FB-D89261259A27}');

  it('matches the parts case-insensitively', () => {
    assert.equal(backupPartOf('DomainSysvol\\GPO\\Machine\\Registry.pol'), 'machinePol');
    assert.equal(backupPartOf('domainsysvol/gpo/machine/microsoft/windows nt/secedit/GptTmpl.inf'), 'securityTemplate');
    assert.equal(backupPartOf('DomainSysvol/GPO/Machine/comment.cmtx'), undefined);
    assert.ok(isBackupFolder(['Backup.xml', 'BKUPINFO.XML']));
  });

  it('reads registry.pol (Machine and User), the template and preferences under the GPO name; gpreport.xml only without a registry.pol', () => {
    const backup = readGpoBackup(files);
    assert.equal(backup.gpoName, 'RDS Session Hosts');
    assert.deepEqual(backup.parts.map((p) => p.part).sort(), ['machinePol', 'machinePreferences', 'securityTemplate', 'userPol']);
    assert.ok(backup.doc.settings.every((s) => s.gpo === 'RDS Session Hosts'));
    assert.deepEqual(backup.doc.settings.filter((s) => s.hive === 'HKCU').map((s) => s.valueName), ['MaxDisconnectionTime']);
    const withoutPol = readGpoBackup(files.filter((f) => !/registry\.pol$/i.test(f.path)));
    assert.ok(withoutPol.parts.some((p) => p.part === 'report'));
  });

  it('lints the backup as one export: each finding names its part, Registry.pol findings keep their record', () => {
    const linted = lintGpoBackup(files);
    const where = linted.findings.map((f) => `${f.ruleId}@${f.location.file!.replace(/\\/g, '/').split('/').pop()}${f.location.record ? `#${f.location.record}` : ''}`);
    assert.ok(where.includes('GPO002@GptTmpl.inf'), where.join() + ' (the template comes after registry.pol, so its value is the one in effect)');
    assert.ok(where.includes('GPO009@Registry.xml'), where.join());
    assert.ok(where.includes('GPO007@registry.pol#1'), where.join());
    assert.ok(where.includes('GPO005@GptTmpl.inf'), where.join());
  });
});

describe('GPO backup with a part that cannot be read', () => {
  const files = backupFiles('backup-broken-part', '{9B1E6C52-3F0A-4D7B-8C21-5A4E2F90D1C3}');

  it('reports the broken part with its path and still reads and lints the others', () => {
    const linted = lintGpoBackup(files);
    assert.deepEqual(linted.parts.map((p) => p.part).sort(), ['machinePol', 'securityTemplate']);
    assert.equal(linted.problems.length, 1);
    assert.equal(linted.problems[0]!.file!.replace(/\\/g, '/'), 'DomainSysvol/GPO/User/registry.pol');
    assert.match(linted.problems[0]!.message, /^Not a Registry\.pol file .*the backup's other parts are\.$/);
    const where = linted.findings.map((f) => `${f.ruleId}@${f.location.file!.replace(/\\/g, '/').split('/').pop()}`);
    assert.ok(where.includes('GPO005@GptTmpl.inf'), where.join());
    assert.ok(where.includes('GPO002@registry.pol'), where.join());
  });

  it('the GPMC-ordered template in a backup is read as the template', () => {
    const only = readGpoBackup(files.filter((f) => /bkupinfo|gpttmpl/i.test(f.path)));
    assert.deepEqual(only.doc.problems, []);
    assert.deepEqual(only.parts.map((p) => p.part), ['securityTemplate']);
    assert.ok(only.doc.settings.some((s) => s.valueName === 'AllowEncryptionOracle' && s.gpo === 'RDS Security Baseline'));
  });
});
