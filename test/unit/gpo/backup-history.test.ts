// Backups of one GPO in one run (Backup-GPO run weekly into one folder): only the most recent stands for the GPO, as
// Restore-GPO restores it "from its most recent backup". A review's repro: the January backup set UserAuthentication 1,
// the November one no longer did, and XRF001 still failed the client; with 0 then 1, XRF001 became a warning "which of
// them wins depends on link order", GPO003 warned about the old backup and GPO013 said the two exports disagree.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { backupTime, supersededBackups } from '../../../src/core/gpo/backup-history';
import { readGpoBackup } from '../../../src/core/gpo/read-gpo-backup';
import { lintPaths } from '../../../src/core/lint/session';
import { writeRegistryPol } from '../../support/registry-pol-writer';
import { TS } from './helpers';

const GPO = '{39D5A6AA-3C00-4A7A-B932-CBAA0099455F}';

const bkupInfo = (id: string, time: string | undefined, gpo = GPO, domain = 'corp.invalid'): string =>
  '<BackupInst xmlns="http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest">' +
  `<GPOGuid><![CDATA[${gpo}]]></GPOGuid><GPODomain><![CDATA[${domain}]]></GPODomain>` +
  (time !== undefined ? `<BackupTime><![CDATA[${time}]]></BackupTime>` : '') +
  `<ID><![CDATA[${id}]]></ID><Comment><![CDATA[Weekly Backup]]></Comment><GPODisplayName><![CDATA[RDS Session Hosts]]></GPODisplayName></BackupInst>`;

const pol = (values: Record<string, number>): Buffer => writeRegistryPol(Object.entries(values).map(([valueName, data]) => ({ key: TS, valueName, type: 'REG_DWORD', data })));

interface Backup {
  readonly id: string;
  readonly time?: string;
  readonly gpo?: string;
  readonly domain?: string;
  readonly values: Record<string, number>;
}

const OLD = '{11111111-1111-1111-1111-111111111111}';
const NEW = '{22222222-2222-2222-2222-222222222222}';
const JANUARY = '2023-01-02T10:00:00';
const NOVEMBER = '2023-11-06T14:38:44';

/** A folder of backups and a client without CredSSP, linted; each finding as `file ruleId severity`, each note as `file read`. */
function lintFolder(root: string, name: string, backups: readonly Backup[]) {
  const dir = join(root, name);
  for (const b of backups) {
    mkdirSync(join(dir, b.id, 'DomainSysvol', 'GPO', 'Machine'), { recursive: true });
    writeFileSync(join(dir, b.id, 'bkupInfo.xml'), bkupInfo(b.id, b.time, b.gpo, b.domain));
    writeFileSync(join(dir, b.id, 'DomainSysvol', 'GPO', 'Machine', 'registry.pol'), pol(b.values));
  }
  writeFileSync(join(dir, 'client.rdp'), 'full address:s:rdsh01.corp.invalid\r\nenablecredsspsupport:i:0\r\n');
  return lintPaths({ paths: [dir], fix: false }).then(({ report, exitCode }) => ({
    exitCode,
    files: report.files,
    found: report.files.flatMap((f) => [
      ...f.findings.map((x) => `${f.path.slice(dir.length + 1, dir.length + 3)} ${x.ruleId} ${x.severity}`),
      ...(f.problems ?? []).map((p) => `${f.path.slice(dir.length + 1, dir.length + 3)} read ${p.severity}`),
    ]),
  }));
}

describe('backups of one GPO in one run', () => {
  let root: string;
  before(() => (root = mkdtempSync(join(tmpdir(), 'rdp-doctor-backups-'))));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads the GPO\'s GUID, domain and backup time from bkupInfo.xml', () => {
    const read = readGpoBackup([
      { path: 'bkupInfo.xml', bytes: Buffer.from(bkupInfo(OLD, JANUARY)) },
      { path: 'DomainSysvol/GPO/Machine/registry.pol', bytes: pol({ SecurityLayer: 2 }) },
    ]);
    assert.deepEqual(read.doc.backup, { gpo: { name: 'RDS Session Hosts', id: GPO, domain: 'corp.invalid' }, time: JANUARY });
  });

  it('the newer backup no longer sets UserAuthentication (the review\'s f1a): no XRF001 from the January backup', async () => {
    const r = await lintFolder(root, 'dropped', [
      { id: OLD, time: JANUARY, values: { UserAuthentication: 1, SecurityLayer: 2 } },
      { id: NEW, time: NOVEMBER, values: { SecurityLayer: 2 } },
    ]);
    assert.deepEqual(r.found, ['cl RDP020 warning', '{1 read info']);
    assert.equal(r.exitCode, 0);
    const note = r.files.find((f) => f.path.includes(OLD))!.problems![0]!;
    const newer = r.files.find((f) => f.path.includes(NEW))!.path;
    const folder = newer.slice(0, newer.indexOf(NEW) + NEW.length);
    assert.equal(note.message, `An older backup of GPO "RDS Session Hosts" (BackupTime ${JANUARY}): the backup in ${folder} (BackupTime ${NOVEMBER}) is more recent, and Restore-GPO restores a GPO from its most recent backup, so this one's values are not checked, here or against the other files. Lint its folder alone to check it.`);
  });

  it('0 then 1 (the review\'s f1b): XRF001 an error from the newer backup; no GPO003 on the older one, no GPO013', async () => {
    const r = await lintFolder(root, 'raised', [
      { id: OLD, time: JANUARY, values: { UserAuthentication: 0, SecurityLayer: 2 } },
      { id: NEW, time: NOVEMBER, values: { UserAuthentication: 1, SecurityLayer: 2 } },
    ]);
    assert.deepEqual(r.found, ['cl RDP020 warning', 'cl XRF001 error', '{1 read info']);
    const xrf = r.files.find((f) => f.path.endsWith('client.rdp'))!.findings.find((f) => f.ruleId === 'XRF001')!;
    assert.match(xrf.message, new RegExp(`but the server requires it \\("UserAuthentication" is 1 in .*${NEW.replace(/[{}]/g, '\\$&')}/DomainSysvol/GPO/Machine/registry\\.pol\\)`));
  });

  it('the same time, or a time missing: which one stands is not guessed (two GPOs, as before)', async () => {
    for (const [name, times] of [['same', [NOVEMBER, NOVEMBER]], ['untimed', [undefined, NOVEMBER]]] as const) {
      const r = await lintFolder(root, name, [
        { id: OLD, ...(times[0] !== undefined && { time: times[0] }), values: { UserAuthentication: 0 } },
        { id: NEW, time: times[1], values: { UserAuthentication: 1 } },
      ]);
      assert.deepEqual(r.found, ['cl RDP020 warning', 'cl XRF001 warning', '{1 GPO003 warning', '{1 GPO013 warning', '{2 GPO013 warning'], name);
    }
  });

  it('backups of two GPOs, or of one GUID in two domains, are two GPOs', async () => {
    const other = await lintFolder(root, 'two-gpos', [
      { id: OLD, time: JANUARY, gpo: '{6F1C2B3A-1111-4A4A-9B9B-0123456789AB}', values: { UserAuthentication: 0 } },
      { id: NEW, time: NOVEMBER, values: { UserAuthentication: 1 } },
    ]);
    assert.ok(other.found.includes('{1 GPO003 warning') && other.found.includes('cl XRF001 warning'), other.found.join(', '));
    const domains = await lintFolder(root, 'two-domains', [
      { id: OLD, time: JANUARY, domain: 'other.invalid', values: { UserAuthentication: 0 } },
      { id: NEW, time: NOVEMBER, values: { UserAuthentication: 1 } },
    ]);
    assert.ok(domains.found.includes('{1 GPO003 warning'), domains.found.join(', '));
  });
});

describe('supersededBackups', () => {
  const backup = (path: string, time: string | undefined, id = GPO) => ({ path, facts: { backup: { gpo: { id, domain: 'corp.invalid' }, ...(time !== undefined && { time }) } } });

  it('maps each older backup to the newest of its GPO; GUIDs compare without case or braces', () => {
    const a = backup('a', JANUARY);
    const b = backup('b', '2023-06-01T00:00:00', GPO.slice(1, -1).toLowerCase());
    const c = backup('c', NOVEMBER);
    assert.deepEqual([...supersededBackups([a, b, c])].map(([old, newer]) => `${old.path}>${newer.path}`), ['a>c', 'b>c']);
  });

  it('reads BackupTime as Backup-GPO writes it, with fractions or a zone; anything else is no time', () => {
    assert.equal(backupTime('2023-11-06T14:38:44'), Date.UTC(2023, 10, 6, 14, 38, 44));
    assert.equal(backupTime('2023-11-06T14:38:44.5Z'), Date.UTC(2023, 10, 6, 14, 38, 44, 500));
    assert.equal(backupTime('2023-11-06T16:38:44+02:00'), Date.UTC(2023, 10, 6, 14, 38, 44));
    for (const bad of [undefined, '', 'yesterday', '06/11/2023 14:38']) assert.equal(backupTime(bad), undefined, String(bad));
  });
});
