import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURES, ROOT } from './helpers';

const CLI = join(ROOT, 'dist/cli.js');

interface Json {
  files: { path: string; format: string; findings: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; subject: string | null; byteOffset?: number; related?: { path: string; line: number; message: string }[] }[] }[];
  errors: { path: string; message: string; line?: number; byteOffset?: number }[];
}

function lint(args: string[], cwd = FIXTURES, env: NodeJS.ProcessEnv = {}): { code: number; json: Json; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args, '--format', 'json'], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { code: r.status ?? -1, json: JSON.parse(r.stdout) as Json, stdout: r.stdout, stderr: r.stderr };
}

const file = (json: Json, suffix: string) => json.files.find((f) => f.path.replace(/\\/g, '/').endsWith(suffix));

describe('rdp-doctor lint on policy exports', () => {
  it('lints every sample format with the SPEC §3 format values', () => {
    const { code, json } = lint(['samples']);
    assert.equal(code, 1);
    assert.deepEqual(json.errors, []);
    assert.deepEqual(Object.fromEntries(json.files.map((f) => [f.path.replace(/\\/g, '/'), f.format])), {
      'samples/GptTmpl-custom-rdp.inf': 'security-template',
      'samples/GptTmpl.inf': 'security-template',
      'samples/Registry.xml': 'gpp-registry-xml',
      'samples/gpreport-rdp.xml': 'gpo-report-xml',
      'samples/gpresult-rdp.xml': 'rsop-xml',
      'samples/rdp-bad.lgpo.txt': 'lgpo-text',
      'samples/rdp-bad.pol': 'registry-pol',
      'samples/rdp-bad.reg': 'reg',
      'samples/rdp-bad.regedit4.reg': 'reg',
      'samples/rdp-min.pol': 'registry-pol',
    });
  });

  it('Registry.pol findings: line = record number, column 1, and the byte offset', () => {
    const { json } = lint(['samples/rdp-min.pol']);
    assert.deepEqual(
      file(json, 'rdp-min.pol')!.findings.map((f) => [f.ruleId, f.line, f.column, f.endLine, f.endColumn, f.byteOffset, f.subject]),
      [
        ['GPO002', 1, 1, 1, 1, 8, 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\SecurityLayer'],
        ['GPO003', 2, 1, 2, 1, 174, 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\UserAuthentication'],
        ['GPO004', 3, 1, 3, 1, 350, 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\MinEncryptionLevel'],
      ],
    );
  });

  it('GPO013 against a GPO backup names the part file that holds the value (GptTmpl.inf), not the backup\'s first part', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-gpo013-backup-'));
    try {
      cpSync(join(FIXTURES, 'backup'), join(dir, 'backup'), { recursive: true });
      writeFileSync(join(dir, 'other.reg'), 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\CredSSP\\Parameters]\r\n"AllowEncryptionOracle"=dword:00000000\r\n');
      const { json } = lint(['.'], dir);
      const conflict = file(json, 'other.reg')!.findings.find((f) => f.ruleId === 'GPO013')!;
      const part = 'backup/{40144D25-C0AB-42E5-B1FB-D89261259A27}/DomainSysvol/GPO/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf';
      assert.equal(conflict.message.split('\\').join('/'), `"AllowEncryptionOracle" is 0 here but 2 in ${part}; the two exports disagree.`);
      assert.equal(conflict.related![0]!.path.split('\\').join('/'), part);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('XRF messages against a GPO backup name the part that holds the value, as the related location does', () => {
    // As in real GPO backups (GuyGuy-59/Sec_AD's): the NTLM security options sit in GptTmpl.inf, the Remote Desktop
    // policies in registry.pol; the message named the backup's first part (registry.pol) for a value of GptTmpl.inf.
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-xrf-backup-'));
    try {
      cpSync(join(FIXTURES, 'backup'), join(dir, 'backup'), { recursive: true });
      const part = 'backup/{40144D25-C0AB-42E5-B1FB-D89261259A27}/DomainSysvol/GPO/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf';
      const template = '[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature="$CHICAGO$"\r\nRevision=1\r\n[Registry Values]\r\nMACHINE\\System\\CurrentControlSet\\Control\\Lsa\\MSV1_0\\RestrictSendingNTLMTraffic=4,2\r\n';
      writeFileSync(join(dir, part), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(template, 'utf16le')]));
      writeFileSync(join(dir, 'ip.rdp'), 'full address:s:192.0.2.10\r\n');
      const { json } = lint(['.'], dir);
      const xrf005 = file(json, 'ip.rdp')!.findings.find((f) => f.ruleId === 'XRF005')!;
      assert.equal(xrf005.related![0]!.path.split('\\').join('/'), part);
      assert.ok(xrf005.message.split('\\').join('/').includes(`("RestrictSendingNTLMTraffic" is 2 in ${part})`), xrf005.message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('SARIF: a Registry.pol region is the record\'s bytes (a binary region, SARIF §3.30.1), with its record number', () => {
    const r = spawnSync(process.execPath, [CLI, 'lint', 'samples/rdp-min.pol', '--format', 'sarif'], { cwd: FIXTURES, encoding: 'utf8' });
    const results = JSON.parse(r.stdout).runs[0].results as { ruleId: string; locations: { physicalLocation: { region: object } }[] }[];
    assert.deepEqual(
      results.map((x) => [x.ruleId, x.locations[0]!.physicalLocation.region]),
      [
        ['GPO002', { byteOffset: 8, byteLength: 166, properties: { registryPolRecord: 1 } }],
        ['GPO003', { byteOffset: 174, byteLength: 176, properties: { registryPolRecord: 2 } }],
        ['GPO004', { byteOffset: 350, byteLength: 176, properties: { registryPolRecord: 3 } }],
      ],
    );
  });

  it('text formats point at the exact line and column of the value', () => {
    const { json } = lint(['samples/gpreport-rdp.xml', 'samples/rdp-bad.reg']);
    const gpo002 = file(json, 'gpreport-rdp.xml')!.findings.find((f) => f.ruleId === 'GPO002')!;
    assert.deepEqual([gpo002.line, gpo002.column, gpo002.endLine, gpo002.endColumn], [77, 24, 77, 27]);
    const reg = file(json, 'rdp-bad.reg')!.findings.find((f) => f.ruleId === 'GPO001')!;
    assert.deepEqual([reg.line, reg.column, reg.endColumn], [8, 22, 36]);
  });

  it('a truncated Registry.pol: a problem at its byte offset on the file, the records before it still linted; what follows was not read, so exit 2', () => {
    const { code, json } = lint(['truncated.pol']);
    // SPEC §3: 2 for "an input that could not be read (the others are still processed and reported)". The rest of
    // the file was not read, so not checked: a pipeline must not pass it as it would a clean one.
    assert.equal(code, 2);
    assert.deepEqual(json.errors, []);
    assert.deepEqual((file(json, 'truncated.pol') as unknown as { problems: unknown[] }).problems, [
      { severity: 'error', line: 6, column: 1, byteOffset: 990, message: 'Record 6 (from byte 872) is damaged at byte 990: the file ends inside the value name (it is truncated). The rest of the file is not read.' },
    ]);
    assert.deepEqual(file(json, 'truncated.pol')!.findings.map((f) => f.ruleId), ['GPO002', 'GPO003', 'GPO004', 'GPO001']);
  });

  it('a Registry.pol damaged at its first record: not "no problems" and exit 0, but what was not read, exit 2, SARIF unsuccessful', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-damaged-'));
    try {
      // PReg v1, then one record whose data size (0xFFFFFFFF) runs past the end of the file.
      const utf16z = (s: string) => Buffer.from(`${s}\0`, 'utf16le');
      const ch = (c: string) => Buffer.from(c, 'utf16le');
      const size = Buffer.alloc(4, 0xff);
      const type = Buffer.from([4, 0, 0, 0]);
      writeFileSync(join(dir, 'Registry.pol'), Buffer.concat([Buffer.from('PReg\x01\0\0\0', 'latin1'), ch('['), utf16z('Software\\Policies'), ch(';'), utf16z('X'), ch(';'), type, ch(';'), size, ch(';'), Buffer.from([1, 0])]));
      const { code, json } = lint([join(dir, 'Registry.pol')]);
      assert.equal(code, 2);
      assert.match((json.files[0] as unknown as { problems: { severity: string; message: string }[] }).problems[0]!.message, /damaged.*The rest of the file is not read\./);
      const text = spawnSync(process.execPath, [CLI, 'lint', join(dir, 'Registry.pol')], { encoding: 'utf8' });
      assert.equal(text.status, 2);
      assert.match(text.stdout, /1 file checked, no findings\. 1 file could not be read in full \(above\)\.\n$/);
      const sarif = JSON.parse(spawnSync(process.execPath, [CLI, 'lint', join(dir, 'Registry.pol'), '--format', 'sarif'], { encoding: 'utf8' }).stdout);
      assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
      // Compact output (the problem matcher reads findings only) says on standard error what made the exit 2.
      const compact = spawnSync(process.execPath, [CLI, 'lint', join(dir, 'Registry.pol'), '--format', 'compact'], { encoding: 'utf8' });
      assert.equal(compact.status, 2);
      assert.equal(compact.stdout, '');
      assert.match(compact.stderr, /^rdp-doctor: .*Registry\.pol:1:1: not read in full: Record 1 .*damaged/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a stray line in a readable .reg is a problem with its place, not an unreadable input (exit follows the findings)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-stray-'));
    try {
      writeFileSync(join(dir, 'server.reg'), 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services]\r\n"fEncryptRPCTraffic"=dword:00000001\r\nstray line\r\n');
      const { code, json, stdout } = lint([dir]);
      assert.equal(code, 0, stdout);
      assert.deepEqual(json.errors, []);
      // A warning of the reader: counted in the summary, no exit of its own.
      assert.match(stdout, /"problems"/);
      const problems = (json.files[0] as unknown as { problems: { line: number; message: string }[] }).problems;
      assert.deepEqual(problems.map((p) => [p.line, p.message]), [[5, 'Line is not a key, a value or a comment: "stray line".']]);
      const text = spawnSync(process.execPath, [CLI, 'lint', dir], { encoding: 'utf8' });
      assert.match(text.stdout, /^ {2}5:1 {5}read {4}Line is not a key/m);
      // A reader warning: said in the summary, and no exit 2 (nothing after it went unread).
      assert.match(text.stdout, /1 file checked, no findings\. 1 file with lines or values not read \(above\)\.\n$/);
      assert.equal(text.status, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never lints unrelated XML, .reg-named files or notes in a folder; names them when asked', () => {
    // Nothing in the folder is linted; a folder of only such files matches nothing (SPEC §3: exit 2, with a message).
    const folder = lint(['unrelated']);
    assert.deepEqual(folder.json.files, []);
    assert.deepEqual([folder.code, folder.json.errors.map((e) => e.path)], [2, ['unrelated']]);
    const named = lint(['unrelated/pom.xml']);
    assert.equal(named.code, 2);
    assert.match(named.json.errors[0]!.message, /^Not a format RDP Doctor reads/);
  });

  it('a GPMC report saved as HTML is named as one, with the XML export to make instead (it got the generic "Not a format")', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-html-'));
    try {
      const html = '\ufeff<html dir="ltr" xmlns:v="urn:schemas-microsoft-com:vml" gpmc_reportInitialized="false">\r\n<head><title>RDS Session Hosts</title></head>\r\n<body><div class="gposummary"></div></body></html>\r\n';
      writeFileSync(join(dir, 'report.html'), Buffer.from(html, 'utf16le'));
      writeFileSync(join(dir, 'page.html'), '<html><body>Remote Desktop</body></html>\n');
      const report = lint([join(dir, 'report.html')]);
      assert.equal(report.code, 2);
      assert.match(report.json.errors[0]!.message, /^The file is a Group Policy report saved as HTML, which RDP Doctor does not read: export it as XML instead \(Get-GPOReport -ReportType Xml /);
      // Any other HTML is still not a format RDP Doctor reads.
      assert.match(lint([join(dir, 'page.html')]).json.errors[0]!.message, /^Not a format RDP Doctor reads/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lints a GPO backup folder as one export: one entry per part, format gpo-backup', () => {
    const { json } = lint(['backup']);
    const parts = json.files.map((f) => `${f.format} ${f.path.replace(/\\/g, '/').split('}/')[1]}`).sort();
    assert.deepEqual(parts, [
      'gpo-backup DomainSysvol/GPO/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf',
      'gpo-backup DomainSysvol/GPO/Machine/Preferences/Registry/Registry.xml',
      'gpo-backup DomainSysvol/GPO/Machine/Registry.pol',
      'gpo-backup DomainSysvol/GPO/User/registry.pol',
    ]);
    const user = file(json, 'User/registry.pol')!.findings[0]!;
    assert.deepEqual([user.ruleId, user.line, user.byteOffset], ['GPO007', 1, 8]);
    assert.match(user.message, /GPO "RDS Session Hosts"/);
  });

  it('a GptTmpl.inf in GPMC order (its [Version] 71 lines down) is linted as a security template', () => {
    const { code, json } = lint(['GptTmpl-gpmc.inf']);
    assert.deepEqual(json.errors, []);
    assert.equal(code, 1);
    assert.equal(json.files[0]!.format, 'security-template');
    // Line 66 is the usual deny of Local account and Guests (logon-rights.test.ts).
    assert.deepEqual(json.files[0]!.findings.map((f) => [f.ruleId, f.line]), [['GPO005', 62], ['GPO001', 66]]);
  });

  it('a GPO backup with a broken part: that part is an error with its path, the others keep their findings (exit 2)', () => {
    const { code, json } = lint(['backup-broken-part']);
    assert.equal(code, 2);
    assert.deepEqual(
      json.errors.map((e) => e.path.replace(/\\/g, '/').split('}/')[1]),
      ['DomainSysvol/GPO/User/registry.pol'],
    );
    assert.match(json.errors[0]!.message, /^Not a Registry\.pol file/);
    const parts = Object.fromEntries(json.files.map((f) => [f.path.replace(/\\/g, '/').split('}/')[1], f.findings.map((x) => x.ruleId)]));
    assert.deepEqual(parts, {
      'DomainSysvol/GPO/Machine/registry.pol': ['GPO002', 'GPO003', 'GPO004'],
      'DomainSysvol/GPO/Machine/microsoft/windows nt/SecEdit/GptTmpl.inf': ['GPO005', 'GPO001'],
    });
  });

  it('a GPO backup none of whose parts can be read names each part, then the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-backup-'));
    try {
      const backup = join(dir, '{9B1E6C52-3F0A-4D7B-8C21-5A4E2F90D1C3}');
      cpSync(join(FIXTURES, 'backup-broken-part', '{9B1E6C52-3F0A-4D7B-8C21-5A4E2F90D1C3}', 'bkupInfo.xml'), join(backup, 'bkupInfo.xml'));
      mkdirSync(join(backup, 'DomainSysvol', 'GPO', 'Machine'), { recursive: true });
      writeFileSync(join(backup, 'DomainSysvol', 'GPO', 'Machine', 'Registry.pol'), 'not a policy file');
      const { code, json } = lint(['.'], dir);
      assert.equal(code, 2);
      assert.deepEqual(json.files, []);
      assert.deepEqual(json.errors.map((e) => [e.path.replace(/\\/g, '/'), e.message.split(' ').slice(0, 4).join(' ')]), [
        ['{9B1E6C52-3F0A-4D7B-8C21-5A4E2F90D1C3}/DomainSysvol/GPO/Machine/Registry.pol', 'Not a Registry.pol file'],
        ['{9B1E6C52-3F0A-4D7B-8C21-5A4E2F90D1C3}', 'No part of the'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cross-checks a client .rdp against the server export found with it, with related locations in both files', () => {
    const { code, json } = lint(['mixed']);
    assert.equal(code, 1);
    const client = file(json, 'client/rdsh01.rdp')!;
    assert.deepEqual(client.findings.map((f) => [f.ruleId, f.line]), [['XRF002', 1], ['RDP020', 2], ['XRF001', 2], ['XRF003', 3]]);
    const xrf001 = client.findings.find((f) => f.ruleId === 'XRF001')!;
    assert.deepEqual(xrf001.related!.map((r) => [r.path.replace(/\\/g, '/'), r.line]), [['mixed/server/rdsh01.reg', 4]]);
    const conflict = file(json, 'server/rdsh01.reg')!.findings.find((f) => f.ruleId === 'GPO013')!;
    assert.equal(conflict.line, 5);
    assert.match(conflict.related![0]!.path, /Registry\.pol$/);
    assert.equal((conflict.related![0] as { byteOffset?: number }).byteOffset, 8);
  });

  it('SARIF lists the GPO and XRF findings, with the related location in the export', () => {
    const r = spawnSync(process.execPath, [CLI, 'lint', 'mixed', '--format', 'sarif'], { cwd: FIXTURES, encoding: 'utf8' });
    type Location = { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } };
    const results = JSON.parse(r.stdout).runs[0].results as { ruleId: string; locations: Location[]; relatedLocations?: (Location & { id: number; message: { text: string } })[] }[];
    assert.ok(['XRF001', 'XRF002', 'XRF003', 'GPO002', 'GPO013'].every((id) => results.some((x) => x.ruleId === id)));
    const xrf001 = results.find((x) => x.ruleId === 'XRF001')!;
    assert.equal(xrf001.locations[0]!.physicalLocation.artifactLocation.uri, 'mixed/client/rdsh01.rdp');
    const [related] = xrf001.relatedLocations!;
    assert.equal(related!.id, 0);
    assert.equal(related!.physicalLocation.artifactLocation.uri, 'mixed/server/rdsh01.reg');
    assert.equal(related!.physicalLocation.region.startLine, 4);
    assert.ok(related!.message.text.length > 0);
    assert.equal(results.find((x) => x.ruleId === 'RDP020')!.relatedLocations, undefined);
  });

  it('text output names the related location under the finding', () => {
    const r = spawnSync(process.execPath, [CLI, 'lint', 'mixed'], { cwd: FIXTURES, encoding: 'utf8' });
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => /XRF001$/.test(l));
    assert.ok(at >= 0, r.stdout);
    assert.match(lines[at + 1]!, /^ {18}see mixed\/server\/rdsh01\.reg:4:\d+ \S/);
  });

  describe('across worker threads', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-xrf-'));
      mkdirSync(join(dir, 'clients'));
      for (let i = 0; i < 1200; i++) writeFileSync(join(dir, 'clients', `h${String(i).padStart(4, '0')}.rdp`), `full address:s:h${i}.contoso.com\r\nenablecredsspsupport:i:${i === 1100 ? 0 : 1}\r\n`);
      cpSync(join(FIXTURES, 'mixed', 'server', 'rdsh01.reg'), join(dir, 'server.reg'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('the cross-file pass sees files that other threads read', () => {
      const { json } = lint(['.'], dir, { RDP_DOCTOR_THREADS: '2' });
      const hit = json.files.filter((f) => f.findings.some((x) => x.ruleId === 'XRF001')).map((f) => f.path.replace(/\\/g, '/'));
      assert.deepEqual(hit, ['clients/h1100.rdp']);
    });
  });
});
