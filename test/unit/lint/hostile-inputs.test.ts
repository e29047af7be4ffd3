import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseConfig } from '../../../src/core/config/parse';
import { LineIndex } from '../../../src/core/text/line-index';

const CLI = resolve(__dirname, '../../../../dist/cli.js');
const UTF16_BOM = Buffer.from([0xff, 0xfe]);

interface Json {
  files: { path: string; findings: { ruleId: string; severity: string }[]; omittedFindings?: number; omittedErrors?: number }[];
  errors: { path: string; message: string }[];
}

function lint(args: string[], shell?: string): { code: number; json: Json | undefined; stdout: string; stderr: string } {
  const r = shell
    ? spawnSync('bash', ['-c', `${shell}; exec "$0" "$@"`, process.execPath, CLI, 'lint', ...args, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(process.execPath, [CLI, 'lint', ...args, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  let json: Json | undefined;
  try {
    json = JSON.parse(r.stdout) as Json;
  } catch {
    json = undefined;
  }
  return { code: r.status ?? -1, json, stdout: r.stdout, stderr: r.stderr };
}

/** A Registry.pol (PReg, version 1) whose records all carry a registry type no reader knows (0x7777). */
function unknownTypePol(count: number): Buffer {
  const u16 = (s: string): Buffer => Buffer.from(s, 'utf16le');
  const dword = (n: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  const parts = [Buffer.from('PReg', 'latin1'), dword(1)];
  const key = u16('Software\\Policies\\Microsoft\\Windows NT\\Terminal Services\0');
  for (let i = 0; i < count; i++) parts.push(u16('['), key, u16(';'), u16(`V${i}\0`), u16(';'), dword(0x7777), u16(';'), dword(4), u16(';'), dword(0), u16(']'));
  return Buffer.concat(parts);
}

describe('hostile inputs: one input never hurts the run or the file', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-hostile-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lint --fix whose write fails part-way (ulimit -f) leaves the original byte for byte and says so', () => {
    const folder = join(dir, 'fix');
    mkdirSync(folder);
    const file = join(folder, 'big.rdp');
    // UTF-16LE with CRLF, 3 KB: the fixed text is written as UTF-16 too, so it passes the 1 KB limit.
    const lines = ['full address:s:fix.example.invalid', 'desktopwidth:s:1920', ...Array.from({ length: 80 }, (_, i) => `winposstr:s:0,1,${i},0,800,600`)];
    const original = Buffer.concat([UTF16_BOM, Buffer.from(lines.join('\r\n') + '\r\n', 'utf16le')]);
    writeFileSync(file, original);
    assert.ok(original.length > 3000);
    const r = lint([file, '--fix'], 'ulimit -f 1');
    assert.deepEqual(readFileSync(file), original, 'the original changed');
    assert.deepEqual(readdirSync(folder), ['big.rdp'], 'a temporary file was left behind');
    assert.equal(r.code, 2);
    const error = r.json!.errors.find((e) => e.path.endsWith('big.rdp'))!;
    assert.match(error.message, /^Cannot write the fixes: The file would exceed the file size limit \(EFBIG\)\. The file is unchanged\.$/);
  });

  it('lint --fix that succeeds replaces the file through a rename, keeping encoding, BOM and mode', () => {
    const file = join(dir, 'ok.rdp');
    const text = 'full address:s:ok.example.invalid\r\ndesktopwidth:s:1920\r\n';
    writeFileSync(file, Buffer.concat([UTF16_BOM, Buffer.from(text, 'utf16le')]), { mode: 0o640 });
    lint([file, '--fix']);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(bytes.subarray(2).toString('utf16le'), text.replace('desktopwidth:s:', 'desktopwidth:i:'));
  });

  it('a .reg with more bad lines than the reader lists: the CLI counts every one it does not show (a review of session 19)', () => {
    const folder = join(dir, 'count');
    mkdirSync(folder);
    writeFileSync(join(folder, 'bad.reg'), 'Windows Registry Editor Version 5.00\r\n\r\n' + 'x\r\n'.repeat(12_000));
    const r = lint([folder]);
    const problems = (r.json?.files[0] as unknown as { problems: { message: string }[] }).problems;
    assert.equal(problems.length, 1001);
    assert.equal(problems[1000]!.message, '… 11000 more problems in this export not listed.');
  });

  it('a .reg with 1,000,000 bad lines, a Registry.pol with 200,000 unknown-type records and a config nested thousands deep beside a normal .rdp: everything is reported', () => {
    const folder = join(dir, 'killers');
    mkdirSync(folder);
    writeFileSync(join(folder, 'client.rdp'), 'full address:s:client.example.invalid\r\nenablecredsspsupport:i:0\r\n');
    writeFileSync(join(folder, 'killer.reg'), 'Windows Registry Editor Version 5.00\r\n\r\n' + 'x\r\n'.repeat(1_000_000));
    writeFileSync(join(folder, 'Registry.pol'), unknownTypePol(200_000));
    const n = 4000;
    writeFileSync(join(folder, '.rdpdoctor.yaml'), `rules:\n  RDP013: off\nx: ${'['.repeat(n)}${']'.repeat(n)}\n`);
    const r = lint([folder]);
    assert.ok(r.json, `no JSON: ${r.stderr.slice(0, 500)}`);
    const client = r.json.files.find((f) => f.path.endsWith('client.rdp'));
    assert.deepEqual(client?.findings.map((f) => f.ruleId), ['RDP020']);
    assert.ok(r.json.files.some((f) => f.path.endsWith('.rdpdoctor.yaml') && f.findings.some((x) => x.ruleId === 'CFG001')));
    const problems = r.json.files.flatMap((f) => (f as unknown as { problems?: unknown[] }).problems ?? []);
    assert.ok(problems.length >= 2 && problems.length <= 2 * 1001, `the reader problems are reported, capped per file (${problems.length})`);
    assert.doesNotMatch(r.stdout + r.stderr, /Maximum call stack size exceeded|Invalid string length/);
  });

  it('a 50 MB one-line .reg is linted in under 500 MB of memory', () => {
    const folder = join(dir, 'big');
    mkdirSync(folder);
    const file = join(folder, 'big.reg');
    const head = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services]\r\n"Blob"=hex:';
    writeFileSync(file, Buffer.concat([Buffer.from(head), Buffer.from('00,'.repeat(16 << 20)), Buffer.from('00\r\n')]));
    const probe = join(folder, 'rss.js');
    writeFileSync(probe, "process.on('exit', () => process.stderr.write('maxRSS ' + process.resourceUsage().maxRSS + '\\n'));\n");
    const r = spawnSync(process.execPath, ['--require', probe, CLI, 'lint', file, '--format', 'json'], { encoding: 'utf8' });
    const json = JSON.parse(r.stdout) as Json;
    assert.deepEqual(json.errors, []);
    assert.equal(json.files.length, 1);
    const kilobytes = Number(/maxRSS (\d+)/.exec(r.stderr)![1]);
    assert.ok(kilobytes < 500 * 1024, `${kilobytes} kB`);
  });

  it('a .reg value continued over 2,000,000 lines and a .reg of 12,000,000 blank lines are read in a 64 MB heap', () => {
    const folder = join(dir, 'lines');
    mkdirSync(folder);
    const head = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services]\r\n';
    // One object per physical line (a piece, a part) took 1.9 GB for 10.5 million lines; a line start per line as a JavaScript number, 8 bytes.
    writeFileSync(join(folder, 'continued.reg'), `${head}"Blob"=hex:${'00,\\\r\n'.repeat(2_000_000)}00\r\n"Next"=dword:1\r\n`);
    writeFileSync(join(folder, 'blank.reg'), `${head}${'\n'.repeat(12_000_000)}"SecurityLayer"=dword:0\r\n`);
    const r = spawnSync(process.execPath, ['--max-old-space-size=64', CLI, 'lint', folder, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(r.signal, null, r.stderr.slice(0, 500));
    const json = JSON.parse(r.stdout) as Json;
    assert.deepEqual(json.errors, []);
    assert.deepEqual(json.files.map((f) => [f.path.slice(folder.length + 1), (f as unknown as { problems?: unknown[] }).problems]), [['blank.reg', undefined], ['continued.reg', undefined]]);
    // The value after all the blank lines is read, and placed on its line.
    const blank = json.files[0]! as unknown as { findings: { ruleId: string; line: number }[] };
    assert.ok(blank.findings.length > 0 && blank.findings.every((f) => f.line === 12_000_004), JSON.stringify(blank.findings));
  });

  it('findings per file are capped, the rest counted (errors apart, so the exit code stays right)', () => {
    const file = join(dir, 'many.rdp');
    writeFileSync(file, 'full address:s:many.example.invalid\r\n' + 'desktopwidth:s:1\r\n'.repeat(5000));
    const r = lint([file]);
    const report = r.json!.files[0]!;
    assert.equal(report.findings.length, 1000);
    // 5,000 RDP003 errors and 4,999 RDP005 warnings: the ones the engine counted without making them are counted too.
    assert.equal(report.findings.length + report.omittedFindings!, 5000 + 4999);
    assert.equal(report.findings.filter((f) => f.severity === 'error').length + report.omittedErrors!, 5000);
    assert.equal(r.code, 1);
  });

  it('the config reader refuses a huge file and finds duplicate keys in one pass', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  K${i}: off`).join('\n');
    const parsed = parseConfig(`rules:\n${keys}\n  K7: error\n`, new Set());
    assert.deepEqual(parsed.problems.filter((p) => p.kind === 'invalid').map((p) => p.message), ['The key "K7" appears twice in one mapping; YAML allows each key once.']);
    assert.match(parseConfig('x'.repeat(1100 * 1024), new Set()).problems[0]!.message, /larger than 1024 KB/);
  });

  it('the line index is lazy and linear for every line ending, with the same positions', () => {
    for (const eol of ['\n', '\r', '\r\n']) {
      const text = Array.from({ length: 1000 }, (_, i) => `l${i}`).join(eol);
      const index = new LineIndex(text);
      assert.deepEqual(index.positionAt(text.indexOf('l999')), { line: 999, character: 0 }, JSON.stringify(eol));
      assert.deepEqual(index.positionAt(text.indexOf('l5')), { line: 5, character: 0 });
      assert.equal(index.lineCount, 1000);
    }
  });
});
