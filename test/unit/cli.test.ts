import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'dist/cli.js');
const SECRET = 'Hunter2-Plaintext';
const DPAPI = '01000000D08C9DDF0115D1118C7A00C04FC297EB0000AABBCCDD';

function run(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function utf16(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

describe('rdp-doctor CLI', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-cli-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'good.rdp'), utf16('full address:s:rdsh01.contoso.com\r\nauthentication level:i:2\r\n'));
    writeFileSync(join(dir, 'sub', 'bad.rdp'), utf16(`full address:s:10.0.0.5\r\nenablecredsspsupport:i:0\r\npassword 51:b:${DPAPI}\r\nremoteapplicationmode:i:1\r\n`));
    writeFileSync(join(dir, 'plain.rdp'), `full address:s:h.contoso.com\npassword:s:${SECRET}\n`);
    writeFileSync(join(dir, 'notes.md'), '# not linted\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lints a folder recursively and exits 1 on error findings (text)', () => {
    const r = run(['lint', '.'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /sub[\\/]bad\.rdp/);
    assert.match(r.stdout, /1:16 +warning +The target "10\.0\.0\.5" is an IP address/);
    assert.match(r.stdout, /RDP035/);
    assert.doesNotMatch(r.stdout, /good\.rdp/);
  });

  it('prints the SPEC JSON shape with 1-based positions', () => {
    const r = run(['lint', 'sub', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.tool, 'rdp-doctor');
    assert.match(out.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(out.errors, []);
    const [file] = out.files;
    assert.equal(file.format, 'rdp');
    const rdp020 = file.findings.find((f: { ruleId: string }) => f.ruleId === 'RDP020');
    assert.deepEqual(rdp020, {
      ruleId: 'RDP020',
      severity: 'warning',
      message: rdp020.message,
      line: 2,
      column: 24,
      endLine: 2,
      endColumn: 25,
      subject: 'enablecredsspsupport',
      // The fix is offered, but --fix leaves it: CredSSP on changes how the user signs in.
      fixable: false,
    });
  });

  it('emits SARIF 2.1.0 with rules and results', () => {
    const r = run(['lint', 'sub', '--format', 'sarif'], dir);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.ok(run0.tool.driver.rules.some((rule: { id: string; helpUri: string }) => rule.id === 'RDP012' && rule.helpUri.endsWith('docs/rules/RDP012.md')));
    const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'RDP012');
    assert.equal(result.level, 'warning');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 1, startColumn: 16, endLine: 1, endColumn: 24 });
  });

  it('never prints a saved password in any format', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const r = run(['lint', '.', '--format', format], dir);
      assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET), format);
      assert.ok(!r.stdout.includes(DPAPI), format);
    }
  });

  it('--fix writes the file back with its encoding, BOM and line endings', () => {
    const path = join(dir, 'fixme.rdp');
    writeFileSync(path, utf16('full address:s:rdsh01.contoso.com\r\nauthentication level:i:0\r\nenablecredsspsupport:i:0\r\nscreen mode id:i:2\r\nscreen mode id:i:1\r\n'));
    const r = run(['lint', 'fixme.rdp', '--fix', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const bytes = readFileSync(path);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(
      bytes.subarray(2).toString('utf16le'),
      // The duplicate has another value: which one stays is the user's call, so --fix leaves both.
      'full address:s:rdsh01.contoso.com\r\nauthentication level:i:2\r\nenablecredsspsupport:i:0\r\nscreen mode id:i:2\r\nscreen mode id:i:1\r\n',
    );
    assert.equal(JSON.parse(r.stdout).files[0].fixed, 1);
    rmSync(path);
  });

  it('--fix leaves a signed file as it is and says why', () => {
    const path = join(dir, 'signed.rdp');
    const text = 'full address:s:rdsh01.contoso.com\r\nauthentication level:i:0\r\nsignscope:s:Full Address,Authentication Level\r\nsignature:s:AQABAAEAAAA=\r\n';
    writeFileSync(path, text);
    const r = run(['lint', 'signed.rdp', '--fix', '--format', 'json'], dir);
    assert.equal(readFileSync(path, 'utf8'), text);
    const file = JSON.parse(r.stdout).files[0];
    assert.equal(file.fixed, undefined);
    assert.match(file.notFixed, /signed/);
    assert.deepEqual(file.findings.map((f: { ruleId: string }) => f.ruleId), ['RDP022', 'RDP041']);
    assert.match(run(['lint', 'signed.rdp', '--fix'], dir).stdout, /signed\.rdp {2}\(not fixed: signed/);
    rmSync(path);
  });

  it('--fix leaves a file whose bytes would not survive being written again as they are, and says why', () => {
    // Found by a hostile-input review: each of these gained or lost bytes besides the fix (compression:i:01 → 1).
    const body = (extra: string): Buffer => Buffer.from(`full address:s:h.example.invalid\r\ncompression:i:01\r\n${extra}`, 'utf16le');
    const cases: [string, Buffer][] = [
      ['lone-surrogate.rdp', Buffer.concat([Buffer.from([0xff, 0xfe]), body('x:s:'), Buffer.from([0x00, 0xd8]), Buffer.from('\r\n', 'utf16le')])],
      ['odd-byte.rdp', Buffer.concat([Buffer.from([0xff, 0xfe]), body(''), Buffer.from([0x41])])],
      ['two-boms.rdp', Buffer.concat([Buffer.from([0xff, 0xfe, 0xff, 0xfe]), body('')])],
      ['two-utf8-boms.rdp', Buffer.from(`\ufeff\ufefffull address:s:h.example.invalid\r\ncompression:i:01\r\n`, 'utf8')],
    ];
    for (const [name, bytes] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const r = run(['lint', name, '--fix', '--format', 'json'], dir);
      assert.ok(readFileSync(path).equals(bytes), `${name} is unchanged`);
      const file = JSON.parse(r.stdout).files[0];
      assert.match(file.notFixed ?? '', /do not survive being read and written again/, name);
      rmSync(path);
    }
    // The same fix on a file that round-trips is applied.
    const clean = join(dir, 'clean.rdp');
    writeFileSync(clean, Buffer.concat([Buffer.from([0xff, 0xfe]), body('')]));
    run(['lint', 'clean.rdp', '--fix'], dir);
    assert.match(readFileSync(clean).subarray(2).toString('utf16le'), /compression:i:1\r\n/);
    rmSync(clean);
  });

  it('an argument echoed in an error never reaches the terminal raw (escape sequences, an endless argument)', () => {
    const evil = '\x1b]0;pwn\x07\x1b[2J';
    for (const args of [[evil], ['lint', `--x${evil}`], ['explain', `0x${evil}`], ['explain', '0x904', '--extended', evil], ['check', '--timeout', evil], ['rules', evil]]) {
      const r = run(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.doesNotMatch(r.stderr, /[\x1b\x07]/, args.join(' '));
      // Shown escaped; explain does not repeat a text no code looks like at all (it may be a pasted password).
      assert.match(r.stderr, args[0] === 'explain' ? /\\x1b|\(\d+ characters(, with blanks)?, not shown\)/ : /\\x1b/, args.join(' '));
    }
    const long = run(['explain', `0x${'z'.repeat(100_000)}`], dir);
    assert.ok(long.stderr.length < 5000, `${long.stderr.length} characters`);
  });

  it('-o /dev/stdout into a pipe writes the whole report through it (a link to a pipe is written, not replaced)', () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    const text = readFileSync(join(__dirname, '../../../examples/legacy-by-ip.rdp'));
    for (let i = 0; i < 80; i++) writeFileSync(join(many, `f${i}.rdp`), text);
    const viaO = run(['lint', 'many', '--format', 'json', '-o', '/dev/stdout'], dir);
    const plain = run(['lint', 'many', '--format', 'json'], dir);
    assert.ok(plain.stdout.length > 200_000, `${plain.stdout.length} bytes: more than a pipe holds`);
    assert.equal(viaO.stdout, plain.stdout);
    assert.equal(viaO.code, plain.code);
    rmSync(many, { recursive: true });
  });

  it('reports unreadable and binary inputs, processes the rest, and exits 2', () => {
    writeFileSync(join(dir, 'garbage.rdp'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 131 + 7) % 256)));
    const r = run(['lint', '.', 'missing.rdp', '--format', 'json'], dir);
    assert.equal(r.code, 2);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(
      out.errors.map((e: { path: string }) => e.path).sort(),
      ['garbage.rdp', 'missing.rdp'],
    );
    assert.match(out.errors.find((e: { path: string }) => e.path === 'garbage.rdp').message, /binary/);
    assert.ok(out.files.some((f: { path: string }) => f.path.endsWith('bad.rdp')));
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    rmSync(join(dir, 'garbage.rdp'));
    // UTF-32 text is said to be UTF-32, not binary data; an empty --config is a usage error (session 16 review).
    writeFileSync(join(dir, 'wide.rdp'), Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('f\0\0\0u\0\0\0l\0\0\0l\0\0\0', 'latin1')]));
    const wide = run(['lint', 'wide.rdp', '--format', 'json'], dir);
    assert.equal(wide.code, 2);
    assert.match(JSON.parse(wide.stdout).errors[0].message, /^The file is UTF-32 text \(its byte-order mark says so\), an encoding RDP Doctor does not read/);
    rmSync(join(dir, 'wide.rdp'));
    const emptyConfig = run(['lint', 'sub', '--config', ''], dir);
    assert.equal(emptyConfig.code, 2);
    assert.match(emptyConfig.stderr, /--config needs a file, not an empty name\./);
  });

  it('handles a 200 KB line without echoing it', () => {
    const path = join(dir, 'long.rdp');
    writeFileSync(path, `full address:s:${'a'.repeat(200_000)}\r\n`);
    const r = run(['lint', 'long.rdp'], dir);
    assert.equal(r.code, 1);
    assert.ok(r.stdout.length < 2000, `output is ${r.stdout.length} characters`);
    rmSync(path);
  });

  it('reports a folder it cannot read', { skip: process.getuid?.() === 0 ? 'root reads every folder' : false }, () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0);
    const r = run(['lint', 'locked'], dir);
    chmodSync(locked, 0o755);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /Permission denied/);
  });

  it('applies .rdpdoctor.yaml found above the file, and reports its own errors', () => {
    writeFileSync(join(dir, '.rdpdoctor.yaml'), 'rules:\n  RDP035: off\n  RDP012: error\n');
    const out = JSON.parse(run(['lint', 'sub', '--format', 'json'], dir).stdout);
    const ids = out.files[0].findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`);
    assert.ok(ids.includes('RDP012:error'));
    assert.ok(!ids.some((id: string) => id.startsWith('RDP035')));
    writeFileSync(join(dir, '.rdpdoctor.yaml'), 'rules:\n  RDP035: sometimes\n');
    const bad = JSON.parse(run(['lint', '.rdpdoctor.yaml', '--format', 'json'], dir).stdout);
    assert.equal(bad.files[0].format, 'config');
    assert.deepEqual(bad.files[0].findings.map((f: { ruleId: string; line: number; column: number }) => [f.ruleId, f.line, f.column]), [['CFG001', 2, 11]]);
    rmSync(join(dir, '.rdpdoctor.yaml'));
  });

  it('detects an .rdp file by content when named explicitly, and refuses other files', () => {
    writeFileSync(join(dir, 'profile.txt'), 'full address:s:10.1.1.1\r\nscreen mode id:i:2\r\n');
    const r = run(['lint', 'profile.txt', 'notes.md', '--format', 'json'], dir);
    const out = JSON.parse(r.stdout);
    assert.equal(out.files[0].format, 'rdp');
    assert.equal(out.errors[0].path, 'notes.md');
    assert.equal(r.code, 2);
  });

  it('explains 0x904 with extended 0x7 as text and JSON', () => {
    const text = run(['explain', '0x904', '--extended', '0x7'], dir);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /disconnectReasonAtClientWinsockFDCLOSE/);
    assert.match(text.stdout, /exDiscReasonServerDeniedConnection/);
    const json = JSON.parse(run(['explain', '2308', '0x7', '--format', 'json'], dir).stdout);
    assert.equal(json.code, '0x904');
    assert.equal(json.decimal, 2308);
    assert.equal(json.extended.decimal, 7);
    assert.ok(json.checks.includes('NET002'));
    assert.ok(json.sources.length > 0);
  });

  it('explains a lone code in the family --family names', () => {
    const text = run(['explain', '--family', 'extended', '0x3'], dir);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^Extended error code 0x3\n/);
    assert.match(text.stdout, /exDiscReasonServerIdleTimeout/);
    const json = JSON.parse(run(['explain', '0xC', '--family', 'errinfo', '--format', 'json'], dir).stdout);
    assert.equal(json.name, 'ERRINFO_LOGOFF_BY_USER');
    assert.equal(json.family, 'errinfo');
    const plain = JSON.parse(run(['explain', '0x904', '--format', 'json'], dir).stdout);
    assert.equal('family' in plain, false, 'the SPEC shape is unchanged without --family');
  });

  it('reads what the explainer reads: a pair in one argument, a family and a code, a line of the dialog', () => {
    for (const [args, code, extended] of [
      [['0x904 0x7'], '0x904', '0x7'],
      [['errinfo', '0xC'], '0xC', null],
      [['Error code: 0x904'], '0x904', null],
      [['error code 0x3 extended error 0x11'], '0x3', '0x11'],
      [['Error code: 0x904', 'Extended error code: 0x7'], '0x904', '0x7'],
    ] as const) {
      const r = run(['explain', ...args, '--format', 'json'], dir);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      const json = JSON.parse(r.stdout);
      assert.equal(json.code, code, args.join(' '));
      assert.equal(json.extended?.code ?? null, extended, args.join(' '));
    }
    const pasted = run(['explain', 'xfreerdp /v:h.example.invalid /p:Secret1'], dir);
    assert.equal(pasted.code, 2);
    assert.doesNotMatch(pasted.stderr + pasted.stdout, /Secret1/);
  });

  it('explains every code typed or exits 2, never one with the other dropped (a review of session 21)', () => {
    for (const [args, code, extended] of [
      [['0x904 ext 7'], '0x904', '0x7'],
      [['Error code: 0x904 ext 7'], '0x904', '0x7'],
      [['0x904', 'ext', '7'], '0x904', '0x7'],
      [['0x904 - 7'], '0x904', '0x7'],
      [['0x904 and 7'], '0x904', '0x7'],
      [['0x904 — 7'], '0x904', '0x7'],
      [['0x904 7 extra'], '0x904', '0x7'],
      [['2308 ext 0x107'], '0x904', '0x107'],
      [['0x3 and 0x107'], '0x3', '0x107'],
      [['2308 ext 0x7'], '0x904', '0x7'],
      [['0x3 ext 0x11'], '0x3', '0x11'],
    ] as const) {
      const r = run(['explain', ...args, '--format', 'json'], dir);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      const json = JSON.parse(r.stdout);
      assert.deepEqual([json.code, json.extended?.code], [code, extended], args.join(' '));
    }
    const unread = run(['explain', 'Error code: 0x904 with 7 /p:123456'], dir);
    assert.equal(unread.code, 2);
    assert.equal(unread.stdout, '');
    assert.match(unread.stderr, /^rdp-doctor: The 2nd and 3rd numbers of the text given, counting from the left, are not read as codes \(.*\); 0x904 is\. /);
    assert.doesNotMatch(unread.stderr, /123456/);
  });

  it('says a lone number that is no OnDisconnected code is read as the extended code, as text and JSON', () => {
    const text = run(['explain', '0x4'], dir);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^Extended error code 0x4\n/);
    assert.match(text.stdout, /Not an OnDisconnected code/);
    const json = JSON.parse(run(['explain', '0x4', '--format', 'json'], dir).stdout);
    assert.equal(json.family, 'extended');
    assert.match(json.meaning, /read as the extended error code 0x4/);
  });

  it('refuses --extended or --family given twice, rather than reading the last one', () => {
    for (const [args, message] of [
      [['explain', '0x904', '--extended', '0x7', '--extended', '0x3'], /^rdp-doctor: explain takes --extended once, not 2 times\.\n/],
      [['explain', '0x7', '--family', 'errinfo', '--family', 'extended'], /^rdp-doctor: explain takes --family once, not 2 times\.\n/],
    ] as const) {
      const r = run([...args], dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
  });

  it('heads a pair whose first code is read in another family with the "Error code" it was given as', () => {
    const r = run(['explain', '0x4', '--extended', '0x0'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Error code 0x4 \(read as an extended error code\) \/ extended 0x0\n/);
  });

  it('exits 2 with a clear message for unknown codes, commands and options', () => {
    for (const args of [['explain', '0xZZZ'], ['explain'], ['explain', '0x3', '--family', 'bogus'], ['explain', '0x904', '0x7', '--family', 'extended'], ['frobnicate'], ['lint', '--bogus'], ['lint', '--format', 'xml'], []]) {
      const r = run(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
    // Node's multi-line advice on an option is one line, not escapes between its sentences.
    const dash = run(['lint', '--max-warnings', '-1', 'x.rdp'], dir);
    assert.equal(dash.code, 2);
    assert.match(dash.stderr, /^rdp-doctor: Option '--max-warnings' argument is ambiguous\. Did you forget .* use '--max-warnings=-XYZ'\.\nRun "rdp-doctor lint --help" for usage\.\n$/);
  });

  it('gives the same report from worker threads as from one thread on a large tree', () => {
    const big = join(dir, 'big');
    mkdirSync(big);
    for (let i = 0; i < 1100; i++) {
      writeFileSync(join(big, `h${String(i).padStart(4, '0')}.rdp`), utf16(`full address:s:${i % 3 ? `h${i}.contoso.com` : `10.0.${i >> 8}.${i & 255}`}\r\nenablecredsspsupport:i:${i % 2}\r\n`));
    }
    const one = spawnSync(process.execPath, [CLI, 'lint', 'big', '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, RDP_DOCTOR_THREADS: '1' }, maxBuffer: 1 << 26 });
    const many = spawnSync(process.execPath, [CLI, 'lint', 'big', '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, RDP_DOCTOR_THREADS: '2' }, maxBuffer: 1 << 26 });
    assert.equal(one.status, 0);
    assert.equal(many.status, 0);
    assert.equal(JSON.parse(many.stdout).files.length, 1100);
    assert.equal(many.stdout, one.stdout);
    rmSync(big, { recursive: true });
  });

  it('lists the rules as text and JSON', () => {
    const json = JSON.parse(run(['rules', '--format', 'json'], dir).stdout);
    assert.ok(json.rules.some((r: { id: string; fixable: boolean }) => r.id === 'RDP020' && r.fixable));
    // SPEC §2's `ps`: the rule links a PowerShell fix, named for `rdp-doctor fix`.
    const gpo001 = json.rules.find((r: { id: string }) => r.id === 'GPO001');
    assert.equal(gpo001.ps, gpo001.powershellFixes.length > 0);
    assert.ok(json.rules.some((r: { ps: boolean; powershellFixes: string[] }) => r.ps && r.powershellFixes.length > 0));
    assert.ok(json.rules.some((r: { ps: boolean; powershellFixes: string[] }) => !r.ps && r.powershellFixes.length === 0));
    const listed = new Set(JSON.parse(run(['fix', '--list', '--format', 'json'], dir).stdout).fixes.map((f: { id: string }) => f.id));
    for (const r of json.rules as { powershellFixes: string[] }[]) for (const id of r.powershellFixes) assert.ok(listed.has(id), id);
    assert.match(run(['rules'], dir).stdout, /RDP012 +ip-address-target +warning/);
  });
});
