// `rdp-doctor lint --format compact` and the problem matcher `$rdp-doctor` that reads it in VS Code (package.json):
// the matcher's own regular expression, read from package.json, must take every line apart into what the JSON says.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'dist/cli.js');

interface Matcher {
  name: string;
  fileLocation: unknown;
  pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number };
}
const matcher = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { problemMatchers: Matcher[] } }).contributes.problemMatchers.find(
  (m) => m.name === 'rdp-doctor',
)!;

function run(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}

describe('lint --format compact and the $rdp-doctor problem matcher', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-compact-'));
    mkdirSync(join(dir, 'sub dir'));
    writeFileSync(join(dir, 'sub dir', 'bad.rdp'), 'full address:s:127.0.0.1\r\nenablecredsspsupport:i:0\r\nredirectclipbaord:i:1\r\nauthentication level:i:0\r\n');
    // A value with a control character and a bidi override: each finding must stay on one line.
    writeFileSync(join(dir, 'hostile.rdp'), 'full address:s:host\u001b[31m\u202e.invalid\r\nauthentication level:i:9\r\n');
    writeFileSync(join(dir, 'clean.rdp'), 'full address:s:rdsh01.invalid\r\nauthentication level:i:2\r\nenablecredsspsupport:i:1\r\n');
    writeFileSync(join(dir, 'policy.reg'), readFileSync(join(ROOT, 'test/fixtures/gpo/samples/rdp-bad.reg')));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('package.json declares the matcher with a pattern for every field', () => {
    assert.ok(matcher, 'contributes.problemMatchers has "rdp-doctor"');
    for (const field of ['file', 'line', 'column', 'severity', 'message', 'code'] as const) assert.equal(typeof matcher.pattern[field], 'number', field);
  });

  it('every line of the compact output is one finding the matcher reads as the JSON output says', () => {
    const compact = run(['lint', '--format', 'compact', '.'], dir);
    const json = run(['lint', '--format', 'json', '.'], dir);
    assert.equal(compact.code, json.code, compact.stderr);
    const report = JSON.parse(json.stdout) as { files: { path: string; findings: JsonFinding[] }[] };
    const expected = report.files.flatMap((f) => f.findings.map((x) => ({ file: f.path, line: x.line, column: x.column, severity: x.severity, rule: x.ruleId, message: x.message })));
    assert.ok(expected.length >= 6, `the fixtures have findings (${expected.length})`);
    const lines = compact.stdout.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, expected.length, 'one line per finding, nothing else');
    const regexp = new RegExp(matcher.pattern.regexp);
    const p = matcher.pattern;
    const parsed = lines.map((line) => {
      const m = regexp.exec(line);
      assert.ok(m, `the matcher reads: ${line}`);
      return { file: m[p.file], line: Number(m[p.line]), column: Number(m[p.column]), severity: m[p.severity], rule: m[p.code], message: m[p.message] };
    });
    const plain = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
    assert.deepEqual(
      parsed.map((x) => ({ ...x, message: plain(x.message!.replace(/\\x[0-9a-f]{2}|\\u[0-9a-f]{4}/g, '')) })),
      expected.map((x) => ({ ...x, message: plain(x.message) })),
    );
    assert.ok(parsed.some((x) => x.file === join('sub dir', 'bad.rdp') && x.rule === 'RDP002'), 'a path with a blank');
    assert.ok(parsed.some((x) => x.file === 'policy.reg' && /^GPO/.test(x.rule!)), 'policy exports too');
    assert.doesNotMatch(compact.stdout, /[\u001b\u202e]/, 'no control character from a file reaches the output');
  });

  it('a file named like a finding cannot pass for another file or severity', () => {
    const spoof = mkdtempSync(join(tmpdir(), 'rdp-doctor-compact-spoof-'));
    try {
      writeFileSync(join(spoof, 'evil:1:1: error pwn.rdp'), 'full address:s:127.0.0.1\r\n');
      const r = run(['lint', '--format', 'compact', '.'], spoof);
      const m = new RegExp(matcher.pattern.regexp).exec(r.stdout.trimEnd());
      assert.ok(m, r.stdout);
      assert.deepEqual([m[matcher.pattern.file], m[matcher.pattern.severity], m[matcher.pattern.code]], ['evil%3A1%3A1: error pwn.rdp', 'warning', 'RDP012']);
    } finally {
      rmSync(spoof, { recursive: true, force: true });
    }
  });

  it('prints nothing for a clean file and exits 0', () => {
    const r = run(['lint', '--format', 'compact', 'clean.rdp'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
  });
});
