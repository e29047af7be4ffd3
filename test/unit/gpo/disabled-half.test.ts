import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { backupPartOf, readGpoBackup } from '../../../src/core/gpo/read-gpo-backup';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { lintGpoBackup, lintText } from '../../../src/core/lint/lint-file';
import { parseRdp } from '../../../src/core/rdp/parse';
import { crossCheck } from '../../../src/core/rules/xrf/cross-check';
import { policyFacts, rdpFacts } from '../../../src/core/rules/xrf/facts';
import { XRF_RULES } from '../../../src/core/rules/xrf/index';
import { backupFiles, backupXml, dropDown, FIXTURES, policyXml, reportXml, ROOT } from './helpers';

const DENY = policyXml('Allow users to connect remotely by using Remote Desktop Services', 'Disabled');
const NLA = policyXml('Require user authentication for remote connections by using Network Level Authentication', 'Enabled');
const DISCONNECT = policyXml('Set time limit for disconnected sessions', 'Enabled', dropDown('End a disconnected session', '1 minute'));

const ruleIds = (text: string) => lintText('gpo-report-xml', text).findings.map((f) => f.ruleId);

describe('a disabled half of a GPO is not applied, so it is not linted', () => {
  it('Get-GPOReport XML: Computer "Enabled" false drops its settings, with one info note at the flag', () => {
    assert.deepEqual(ruleIds(reportXml(DENY, { enabled: true })), ['GPO001'], 'enabled: linted as before');
    const text = reportXml(DENY, { enabled: false, gpo: 'RDS lockdown (retired)' });
    assert.deepEqual(ruleIds(text), []);
    const doc = readGpoReport(text);
    assert.deepEqual(doc.settings, []);
    assert.deepEqual(
      doc.problems.map((p) => [p.severity, p.message, text.slice(p.span.start, p.span.end)]),
      [['info', 'The computer settings of GPO "RDS lockdown (retired)" are disabled (its Computer "Enabled" is false), so Windows does not apply them: its Remote Desktop value is not checked.', 'false']],
    );
    assert.deepEqual(ruleIds(reportXml(DENY, { enabled: 'FALSE' as unknown as boolean })), [], 'the flag is read without case');
  });

  it('Get-GPOReport XML: a disabled Computer half that holds only a firewall rule blocking 3389 says so (GPO001 reads it)', () => {
    const rule = (name: string, port: number) =>
      `<q1:InboundFirewallRules><q1:Version>2.31</q1:Version><q1:Action>Block</q1:Action><q1:Name>${name}</q1:Name><q1:Dir>In</q1:Dir><q1:LPort>${port}</q1:LPort><q1:Protocol>6</q1:Protocol><q1:Active>true</q1:Active></q1:InboundFirewallRules>`;
    const extension = (rules: string) =>
      `<ExtensionData><Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/WindowsFirewall" xsi:type="q1:WindowsFirewallSettings">${rules}</Extension><Name>Windows Firewall</Name></ExtensionData>`;
    const gpo = (enabled: boolean, rules: string) =>
      `<?xml version="1.0" encoding="utf-8"?>\r\n<GPO xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Settings"><Name>Firewall</Name><Computer><Enabled>${enabled}</Enabled>${extension(rules)}</Computer></GPO>\r\n`;
    assert.deepEqual(ruleIds(gpo(true, rule('Block RDP', 3389))), ['GPO001'], 'enabled: the block rule is an error');
    const doc = readGpoReport(gpo(false, rule('Block RDP', 3389) + rule('Block SMB', 445)));
    assert.deepEqual(doc.settings, []);
    assert.deepEqual(doc.problems.map((p) => p.message), ['The computer settings of GPO "Firewall" are disabled (its Computer "Enabled" is false), so Windows does not apply them: its Remote Desktop value is not checked.'], 'the rule on 445 is not counted');
    assert.deepEqual(readGpoReport(gpo(false, rule('Block SMB', 445))).problems, [], 'only rules for other ports: no note');
  });

  it('Get-GPOReport XML: User "Enabled" false drops the user settings', () => {
    assert.deepEqual(ruleIds(reportXml(DISCONNECT, { section: 'User', enabled: true })), ['GPO007']);
    const doc = readGpoReport(reportXml(DISCONNECT, { section: 'User', enabled: false }));
    assert.deepEqual(doc.settings, []);
    assert.match(doc.problems[0]!.message, /^The user settings of GPO "Test GPO" are disabled \(its User "Enabled" is false\)/);
  });

  it('a disabled half without Remote Desktop values is dropped without a note', () => {
    const other = `        <q:RegistrySetting><q:KeyPath>Software\\Contoso\\App</q:KeyPath><q:Value><q:Name>Mode</q:Name><q:Number>1</q:Number></q:Value></q:RegistrySetting>`;
    const doc = readGpoReport(reportXml(other, { enabled: false }));
    assert.deepEqual([doc.settings, doc.problems], [[], []]);
  });

  it('the cross-checks do not see a disabled half either (XRF001 against NLA required)', () => {
    const client = { path: 'client.rdp', facts: rdpFacts(parseRdp('full address:s:rdsh01.corp.invalid\nenablecredsspsupport:i:0\n'), (s) => s.start) };
    const exported = (enabled: boolean) => ({ path: 'gpo.xml', facts: policyFacts(readGpoReport(reportXml(NLA, { enabled })), (s) => s.source.span.start) });
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [client], exports: [exported(true)] }).map((f) => f.ruleId), ['XRF001']);
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [client], exports: [exported(false)] }), []);
  });

  describe('GPO backup: Backup.xml "Options" (1 user settings disabled, 2 computer settings disabled)', () => {
    const files = backupFiles('backup', '{40144D25-C0AB-42E5-B1FB-D89261259A27}');
    const withOptions = (options: string) => [...files, { path: 'Backup.xml', bytes: Buffer.from(backupXml(options)) }];
    const partOf = (path: string | undefined) => path!.replace(/\\/g, '/').split('/').slice(-2).join('/');

    it('Backup.xml is a part of the backup the folder walk passes on', () => {
      assert.equal(backupPartOf('Backup.xml'), 'coreSettings');
    });

    it('0 (and no Backup.xml): every part is linted as before', () => {
      const before = lintGpoBackup(files);
      const zero = lintGpoBackup(withOptions('0'));
      assert.deepEqual(zero.findings.map((f) => f.ruleId), before.findings.map((f) => f.ruleId));
      assert.ok(before.findings.length > 0);
      assert.deepEqual(zero.problems, before.problems);
    });

    it('2: the Machine parts (registry.pol, GptTmpl.inf, preferences) are dropped, each with a note; the User part still counts', () => {
      const linted = lintGpoBackup(withOptions('2'));
      assert.deepEqual([...new Set(linted.findings.map((f) => partOf(f.location.file)))], ['User/registry.pol']);
      assert.deepEqual(linted.policy.settings.map((s) => s.hive), ['HKCU']);
      const notes = linted.problems.filter((p) => p.severity === 'info');
      assert.deepEqual(notes.map((p) => partOf(p.file)).sort(), ['Machine/Registry.pol', 'Registry/Registry.xml', 'SecEdit/GptTmpl.inf']);
      assert.match(notes[0]!.message, /^The computer settings of GPO "RDS Session Hosts" are disabled \(Backup\.xml "Options" is 2\), so Windows does not apply them: their \d+ Remote Desktop values are not checked\.$/);
      assert.equal(linted.parts.length, 4, 'the dropped parts are still listed, so their notes are shown');
    });

    it('1: the User registry.pol is dropped; 3: everything is', () => {
      const user = readGpoBackup(withOptions('1'));
      assert.ok(user.doc.settings.length > 0 && user.doc.settings.every((s) => s.hive === 'HKLM'));
      assert.deepEqual(user.doc.problems.map((p) => [p.severity, partOf(p.file)]), [['info', 'User/registry.pol']]);
      assert.match(user.doc.problems[0]!.message, /^The user settings .* its Remote Desktop value is not checked\.$/);
      const both = readGpoBackup(withOptions('3'));
      assert.deepEqual(both.doc.settings, []);
      assert.equal(both.doc.problems.length, 4);
    });

    it('an Options that is not a number, or a Backup.xml that is not one, reads both halves, with a warning that says so', () => {
      const count = readGpoBackup(files).doc.settings.length;
      for (const read of [readGpoBackup(withOptions('two')), readGpoBackup([...files, { path: 'Backup.xml', bytes: Buffer.from('<Other><Options>2</Options></Other>') }])]) {
        assert.equal(read.doc.settings.length, count);
        assert.deepEqual(read.doc.problems.map((p) => [p.severity, p.file]), [['warning', 'Backup.xml']]);
      }
    });

    it('the CLI reads Backup.xml from the folder: no findings from the disabled Machine parts, the note in their reports', () => {
      const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-disabled-half-'));
      try {
        const backup = join(dir, '{40144D25-C0AB-42E5-B1FB-D89261259A27}');
        cpSync(join(FIXTURES, 'backup', '{40144D25-C0AB-42E5-B1FB-D89261259A27}'), backup, { recursive: true });
        writeFileSync(join(backup, 'Backup.xml'), backupXml('2'));
        const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'lint', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
        const json = JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string }[]; problems?: { severity: string; message: string }[] }[]; errors: unknown[] };
        assert.deepEqual(json.errors, []);
        const byPart = Object.fromEntries(json.files.map((f) => [partOf(f.path), [f.findings.map((x) => x.ruleId), (f.problems ?? []).map((p) => p.severity)]]));
        assert.deepEqual(byPart['Machine/Registry.pol'], [[], ['info']]);
        assert.deepEqual(byPart['SecEdit/GptTmpl.inf'], [[], ['info']]);
        assert.deepEqual(byPart['User/registry.pol'], [['GPO007'], []]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
