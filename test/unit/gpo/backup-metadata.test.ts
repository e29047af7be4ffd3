// A GPO backup's bkupInfo.xml, Backup.xml and gpreport.xml (read for the GPO's name, flags and links): a damaged one
// is a problem of that file, saying what was lost (a review's backups cut short said nothing, and read both halves
// of a GPO whose computer half is disabled as enabled).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readBackupFlags, readBackupInfo, readBackupLinks } from '../../../src/core/gpo/backup-metadata';
import { readGpoBackup, type BackupFile } from '../../../src/core/gpo/read-gpo-backup';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { backupFiles, backupXml, FIXTURES, ROOT } from './helpers';

const ID = '{40144D25-C0AB-42E5-B1FB-D89261259A27}';
const FILES = backupFiles('backup', ID);
const BACKUP_XML = backupXml('2');
const BOTH = 'so its computer and user settings are both checked as enabled.';

const cut = (text: string, marker: string, extra = 0): string => text.slice(0, text.indexOf(marker) + extra);
const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const withFile = (path: string, bytes: Buffer): BackupFile[] => [...FILES.filter((f) => f.path.toLowerCase() !== path.toLowerCase()), { path, bytes }];
/** [severity, file, message] of each problem that is not a disabled half's note. */
const problemsOf = (files: readonly BackupFile[]) =>
  readGpoBackup(files)
    .doc.problems.filter((p) => p.severity !== 'info')
    .map((p) => [p.severity, p.file, p.message]);

describe('GPO backup metadata files', () => {
  it('an intact backup, and one without Backup.xml (most have none), has no problem', () => {
    assert.deepEqual(problemsOf(FILES), []);
    assert.deepEqual(problemsOf(withFile('Backup.xml', Buffer.from(BACKUP_XML))), []);
    assert.equal(readBackupFlags(Buffer.from(BACKUP_XML)).value, 2);
    const report = readGpoBackup(FILES);
    assert.deepEqual(report.metadata, []);
    assert.ok(report.doc.settings.every((s) => s.links?.[0] === 'contoso.local/servers/rds hosts'));
  });

  it('Backup.xml cut inside <Options> (the review\'s backupxml-truncated): an error at the cut, both halves read', () => {
    const text = cut(BACKUP_XML, '<Options>', '<Options><!['.length);
    const flags = readBackupFlags(Buffer.from(text));
    assert.equal(flags.value, undefined);
    assert.deepEqual(
      flags.problems.map((p) => [p.severity, p.span, p.message]),
      [['error', { start: text.length - 1, end: text.length }, `The XML is not well-formed: the file ends inside <Options> (4 elements left open). The GPO's flags ("Options") were not read, ${BOTH}`]],
    );
    const backup = readGpoBackup(withFile('Backup.xml', Buffer.from(text)));
    assert.deepEqual(backup.doc.settings, readGpoBackup(FILES).doc.settings, 'read as without a Backup.xml');
    assert.deepEqual(backup.metadata.map((m) => [m.path, m.part, m.text]), [['Backup.xml', 'coreSettings', text]]);
    assert.deepEqual(backup.doc.problems.filter((p) => p.file === 'Backup.xml').length, 1);
  });

  it('Backup.xml cut after <Options>: its flags still apply, and the file is still not read in full', () => {
    const text = cut(BACKUP_XML, '<GroupPolicyExtension');
    const flags = readBackupFlags(Buffer.from(text));
    assert.equal(flags.value, 2);
    assert.deepEqual(flags.problems.map((p) => [p.severity, p.message]), [['error', 'The XML is not well-formed: the file ends inside <GroupPolicyObject> (2 elements left open).']]);
    assert.ok(readGpoBackup(withFile('Backup.xml', Buffer.from(text))).doc.settings.every((s) => s.hive === 'HKCU'));
  });

  it('a whole Backup.xml that does not give the flags: a warning where they would be, both halves read', () => {
    const other = readBackupFlags(Buffer.from(BACKUP_XML.replace('<![CDATA[2]]>', '<![CDATA[two]]>')));
    assert.deepEqual(other.problems.map((p) => [p.severity, p.message, other.text.slice(p.span.start, p.span.end)]), [['warning', `The GPO's flags ("Options") are "two", not a number, ${BOTH}`, '<![CDATA[two]]>']]);
    const none = readBackupFlags(Buffer.from('<Other><Options>2</Options></Other>'));
    assert.deepEqual(none.problems.map((p) => [p.severity, p.message, none.text.slice(p.span.start, p.span.end)]), [['warning', `This file does not give the GPO's flags ("Options" in "GroupPolicyCoreSettings"), ${BOTH}`, '<Other>']]);
  });

  it('bkupInfo.xml cut short (the review\'s 120 bytes), or inside the name: the name is not read, not even half of it', () => {
    const info = FILES.find((f) => f.path === 'bkupInfo.xml')!.bytes.toString('utf8');
    const unread = 'The GPO\'s name ("GPODisplayName") was not read, so findings do not name the GPO.';
    for (const [text, inside] of [[info.slice(0, 120), 'GPOGuid> (2'], [cut(info, 'Hosts]]>'), 'GPODisplayName> (2']] as const) {
      const name = readBackupInfo(Buffer.from(text));
      assert.equal(name.value?.name, undefined);
      assert.deepEqual(name.problems.map((p) => [p.severity, p.message]), [['error', `The XML is not well-formed: the file ends inside <${inside} elements left open). ${unread}`]]);
      const backup = readGpoBackup(withFile('bkupInfo.xml', Buffer.from(text)));
      assert.ok(backup.doc.settings.length > 0 && backup.doc.settings.every((s) => s.gpo === undefined));
    }
    assert.equal(readBackupInfo(Buffer.from(info)).value?.name, 'RDS Session Hosts');
    const empty = readBackupInfo(Buffer.from(info.replace('RDS Session Hosts', '')));
    assert.deepEqual(empty.problems.map((p) => p.severity), ['warning']);
  });

  it('gpreport.xml cut short beside a registry.pol: its links are unknown, so the GPO meets every other', () => {
    const report = FILES.find((f) => f.path === 'gpreport.xml')!;
    const text = report.bytes.subarray(2).toString('utf16le');
    const damaged = utf16(cut(text, '<SOMPath>'));
    const links = readBackupLinks(damaged);
    assert.equal(links.value, undefined);
    assert.deepEqual(links.problems.map((p) => [p.severity, p.message]), [['error', 'The XML is not well-formed: the file ends inside <LinksTo> (2 elements left open). Where the GPO is linked ("LinksTo") was not read, so its values are compared with every other GPO\'s.']]);
    const backup = readGpoBackup(withFile('gpreport.xml', damaged));
    assert.ok(backup.doc.settings.length > 0 && backup.doc.settings.every((s) => s.links === undefined));
    assert.deepEqual(backup.metadata.map((m) => m.path), ['gpreport.xml']);
    const notReport = readBackupLinks(Buffer.from('<Other/>'));
    assert.deepEqual(notReport.problems.map((p) => p.severity), ['warning']);
  });

  it('a Get-GPOReport XML cut inside its links reads none of them: the ones before the cut may not be all', () => {
    const report = FILES.find((f) => f.path === 'gpreport.xml')!.bytes.subarray(2).toString('utf16le');
    const whole = readGpoReport(report);
    assert.ok(whole.settings.length > 0 && whole.settings.every((s) => s.links?.length === 1));
    const second = report.replace('</LinksTo>', '</LinksTo>\r\n  <LinksTo>\r\n    <SOMName>x</SOMName>');
    const cutShort = readGpoReport(cut(second, '<SOMName>x'));
    assert.equal(cutShort.settings.length, whole.settings.length);
    assert.ok(cutShort.settings.every((s) => s.links === undefined));
  });

  it('the CLI: each damaged file is reported where it is damaged, exit 2; without a part to read, as an input error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-backup-metadata-'));
    try {
      const backup = join(dir, ID);
      cpSync(join(FIXTURES, 'backup', ID), backup, { recursive: true });
      writeFileSync(join(backup, 'Backup.xml'), cut(BACKUP_XML, '<Options>', '<Options><!['.length));
      const run = () => spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'lint', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      const r = run();
      assert.equal(r.status, 2, r.stderr);
      const json = JSON.parse(r.stdout) as { files: { path: string; findings: unknown[]; problems?: { severity: string; line: number; column: number; message: string }[] }[]; errors: unknown[] };
      assert.deepEqual(json.errors, []);
      const file = json.files.find((f) => f.path.endsWith('Backup.xml'))!;
      assert.deepEqual(file.findings, []);
      assert.deepEqual(file.problems!.map((p) => [p.severity, p.line, p.message.startsWith('The XML is not well-formed: the file ends inside <Options>')]), [['error', 2, true]]);
      // The Machine GptTmpl.inf's findings are still there: the computer half was read as enabled.
      assert.ok(json.files.find((f) => f.path.endsWith('GptTmpl.inf'))!.findings.length > 0);

      // Only metadata left, and damaged: the backup has nothing to read, and the damage is not lost.
      for (const name of ['gpreport.xml', 'DomainSysvol']) rmSync(join(backup, name), { recursive: true });
      const bare = run();
      assert.equal(bare.status, 2);
      const errors = (JSON.parse(bare.stdout) as { errors: { path: string; message: string }[] }).errors.map((e) => [e.path.split(/[\\/]/).pop(), e.message.slice(0, 40)]);
      assert.deepEqual(errors, [
        ['Backup.xml', 'The XML is not well-formed: the file end'],
        [ID, 'The GPO backup holds no registry.pol, gp'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
