import assert from 'node:assert/strict';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { CLI, problemMatcherRegExp, runCli, sarifSchemaErrors, utf16 } from './cli-harness';

const WARNINGS = 'full address:s:10.0.0.5\r\nenablecredsspsupport:i:0\r\n'; // RDP012, RDP020 (its fix reviewed first)
const ERROR = 'full address:s:rdsh01.contoso.com\r\ndesktopwidth:s:1024\r\n'; // RDP003 error
const HOSTILE = 'full address:s:h\x1b]0;PWNED\x07ost.contoso.com\r\nalternate shell:s:\u202eexe.txt\r\n';
const ESC = '\x1b';

describe('rdp-doctor lint: output options (SPEC §3)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-output-'));
    mkdirSync(join(dir, 'files'));
    writeFileSync(join(dir, 'files/warn.rdp'), utf16(WARNINGS));
    writeFileSync(join(dir, 'files/error.rdp'), ERROR);
    writeFileSync(join(dir, 'hostile.rdp'), HOSTILE);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--max-warnings 0 exits 1 when there are warnings, and a higher limit does not', () => {
    const over = runCli(['lint', 'files/warn.rdp', '--max-warnings', '0'], dir);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /2 warnings, more than --max-warnings 0 allows\./);
    assert.equal(runCli(['lint', 'files/warn.rdp', '--max-warnings', '2'], dir).code, 0);
    assert.equal(runCli(['lint', 'files/warn.rdp'], dir).code, 0);
    assert.equal(runCli(['lint', 'files/warn.rdp', '--max-warnings', 'x'], dir).code, 2);
  });

  it('--quiet reports errors only, in every format', () => {
    const text = runCli(['lint', 'files', '--quiet'], dir);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /RDP003/);
    assert.doesNotMatch(text.stdout, /RDP012|RDP020/);
    const json = JSON.parse(runCli(['lint', 'files', '--quiet', '--format', 'json'], dir).stdout);
    const severities = json.files.flatMap((f: { findings: { severity: string }[] }) => f.findings.map((x) => x.severity));
    assert.deepEqual([...new Set(severities)], ['error']);
  });

  it('says how many findings --fix can fix', () => {
    const r = runCli(['lint', 'files/error.rdp'], dir);
    const json = JSON.parse(runCli(['lint', 'files/error.rdp', '--format', 'json'], dir).stdout);
    const fixable = json.files[0].findings.filter((f: { fixable: boolean }) => f.fixable).length;
    assert.ok(fixable > 0);
    assert.match(r.stdout, new RegExp(`^${fixable} problems? can be fixed with the --fix option\\.$`, 'm'));
  });

  it('-o writes the report to a file through a rename, stdout empty, no temporary file left', () => {
    const r = runCli(['lint', 'files', '--format', 'json', '-o', 'report.json'], dir);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    const written = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    assert.equal(written.files.length, 2);
    assert.deepEqual(readdirSync(dir).filter((n) => n.includes('.tmp')), []);
    const bad = runCli(['lint', 'files', '--output-file', 'no/such/folder/out.json'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Cannot write no\/such\/folder\/out\.json: No such file or folder\. Nothing was written there\./);
  });

  it('-o never replaces a file the command read: an input however it was named, the config, an inventory, a CA file (session 16 review)', () => {
    const work = mkdtempSync(join(tmpdir(), 'rdp-doctor-output-over-'));
    try {
      const rdp = 'full address:s:h.localhost\n';
      writeFileSync(join(work, 'a.rdp'), rdp);
      writeFileSync(join(work, 'b.rdp'), rdp);
      writeFileSync(join(work, 'cfg.yaml'), 'rules: {}\n');
      writeFileSync(join(work, 'inv.yaml'), 'hosts:\n  - host: h.invalid\n');
      writeFileSync(join(work, 'ca.pem'), 'not a certificate\n');
      const refused = (args: string[], file: string, env: Record<string, string> = {}) => {
        const r = runCli(args, work, { env });
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
        assert.match(r.stderr, new RegExp(`The output file ${file.replace('.', '\\.')} is a file this command read .* Nothing was written there\\.`), args.join(' '));
      };
      refused(['lint', '*.rdp', '-o', 'a.rdp'], 'a.rdp');
      refused(['lint', '-o', 'b.rdp'], 'b.rdp');
      // Lint threads start from 1,000 files: a thousand, and another name for the last one (a hard link, a symbolic
      // link) outside them; the later names of a file are dropped before the work is split (a review of the change).
      mkdirSync(join(work, 'many'));
      for (let i = 0; i < 1000; i++) writeFileSync(join(work, 'many', `n${String(i).padStart(4, '0')}.rdp`), rdp);
      mkdirSync(join(work, 'other'));
      linkSync(join(work, 'many/n0999.rdp'), join(work, 'other/hard.rdp'));
      symlinkSync(join(work, 'many/n0998.rdp'), join(work, 'other/soft.rdp'));
      for (const name of ['other/hard.rdp', 'other/soft.rdp']) {
        const r = runCli(['lint', 'many', '-o', name], work, { env: { RDP_DOCTOR_THREADS: '2' } });
        assert.equal(r.code, 2, `${name}: ${r.stderr}`);
        assert.match(r.stderr, /is a file this command read/);
      }
      assert.equal(readFileSync(join(work, 'many/n0999.rdp'), 'utf8'), rdp);
      assert.equal(readFileSync(join(work, 'many/n0998.rdp'), 'utf8'), rdp);
      // Standard input that is a file is a file read too (`lint - -o s.rdp < s.rdp`).
      const stdinFile = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" lint - --stdin-filename x.rdp -o b.rdp < b.rdp`], { cwd: work, encoding: 'utf8' });
      assert.equal(stdinFile.status, 2, stdinFile.stderr);
      assert.match(stdinFile.stderr, /The output file b\.rdp is a file this command read/);
      refused(['lint', 'b.rdp', '--config', 'cfg.yaml', '-o', 'cfg.yaml'], 'cfg.yaml');
      // A config named like no lint format, in the linted folder: looked at as an input, and read as the config.
      writeFileSync(join(work, 'rules.txt'), 'rules: {}\n');
      refused(['lint', '.', '--config', 'rules.txt', '-o', 'rules.txt'], 'rules.txt');
      refused(['lint', '.', '--fix', '-o', 'b.rdp'], 'b.rdp');
      refused(['check', 'a.rdp', '--timeout', '200', '-o', 'a.rdp'], 'a.rdp');
      refused(['check', '--inventory', 'inv.yaml', '--timeout', '200', '-o', 'inv.yaml'], 'inv.yaml');
      refused(['check', 'h.invalid', '--ca', 'ca.pem', '--timeout', '200', '-o', 'ca.pem'], 'ca.pem');
      assert.equal(readFileSync(join(work, 'cfg.yaml'), 'utf8'), 'rules: {}\n');
      assert.equal(readFileSync(join(work, 'inv.yaml'), 'utf8'), 'hosts:\n  - host: h.invalid\n');
      assert.equal(readFileSync(join(work, 'ca.pem'), 'utf8'), 'not a certificate\n');
      assert.equal(readFileSync(join(work, 'rules.txt'), 'utf8'), 'rules: {}\n');
      for (const name of ['a.rdp', 'b.rdp']) assert.equal(readFileSync(join(work, name), 'utf8'), rdp);
      // A file that is only looked at and read as nothing (a report in a linted folder) may be written again.
      assert.equal(runCli(['lint', '.', '-o', 'report.txt'], work).code, 0);
      assert.equal(runCli(['lint', '.', '-o', 'report.txt'], work).code, 0);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('colours with --color and FORCE_COLOR, not with --no-color, NO_COLOR or into a pipe; the last flag wins', () => {
    const colored = (args: string[], env: Record<string, string> = {}): boolean => runCli(['lint', 'files/warn.rdp', ...args], dir, { env }).stdout.includes(ESC);
    assert.equal(colored([]), false, 'a pipe is not a terminal');
    assert.equal(colored(['--color']), true);
    assert.equal(colored([], { FORCE_COLOR: '1' }), true);
    assert.equal(colored([], { FORCE_COLOR: '0' }), false);
    assert.equal(colored(['--color'], { NO_COLOR: '1' }), true);
    assert.equal(colored(['--no-color'], { FORCE_COLOR: '1' }), false);
    assert.equal(colored(['--color', '--no-color']), false);
    assert.equal(colored(['--no-color', '--color']), true);
    assert.equal(colored([], { NO_COLOR: '1' }), false);
    // JSON is data: never coloured.
    assert.equal(runCli(['lint', 'files/warn.rdp', '--format', 'json', '--color'], dir).stdout.includes(ESC), false);
  });

  it('--format compact: one line a finding that the $rdp-doctor problem matcher reads', () => {
    const compact = runCli(['lint', 'files', '--format', 'compact'], dir);
    assert.equal(compact.code, 1);
    const json = JSON.parse(runCli(['lint', 'files', '--format', 'json'], dir).stdout);
    const matcher = problemMatcherRegExp();
    const lines = compact.stdout.trimEnd().split('\n');
    const parsed = lines.map((line) => {
      const m = matcher.exec(line);
      assert.ok(m, `the problem matcher does not read: ${line}`);
      return { path: m[1], line: Number(m[2]), column: Number(m[3]), severity: m[4], message: m[5], ruleId: m[6] };
    });
    const expected = json.files.flatMap((f: { path: string; findings: { line: number; column: number; severity: string; message: string; ruleId: string }[] }) =>
      f.findings.map((x) => ({ path: f.path, line: x.line, column: x.column, severity: x.severity, message: x.message, ruleId: x.ruleId })),
    );
    assert.deepEqual(parsed, expected);
  });

  it('never writes a control character from a file to the terminal: text and compact escape it, JSON keeps it', () => {
    for (const format of ['text', 'compact']) {
      const r = runCli(['lint', 'hostile.rdp', '--format', format], dir);
      assert.doesNotMatch(r.stdout, /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/, format);
      assert.match(r.stdout, /h\\x1b\]0;PWNED\\x07ost/, format);
    }
    const json = JSON.parse(runCli(['lint', 'hostile.rdp', '--format', 'json'], dir).stdout);
    assert.ok(JSON.stringify(json).includes('\\u001b]0;PWNED'), 'JSON keeps the raw value (escaped by JSON itself)');
  });

  it('lint SARIF is valid SARIF 2.1.0, with invocations that list unreadable inputs', () => {
    const r = runCli(['lint', 'files', 'hostile.rdp', 'missing.rdp', '--format', 'sarif'], dir);
    assert.equal(r.code, 2);
    const log = JSON.parse(r.stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    // The validator can fail: a wrong level or a missing message are caught.
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].results[1].message;
    assert.equal(sarifSchemaErrors(broken).length >= 2, true);
    const [run] = log.runs;
    assert.ok(run.results.length >= 3);
    for (const result of run.results) assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
    assert.equal(run.invocations[0].executionSuccessful, false);
    assert.deepEqual(
      run.invocations[0].toolExecutionNotifications.map((n: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => n.locations[0]!.physicalLocation.artifactLocation.uri),
      ['missing.rdp'],
    );
    const clean = JSON.parse(runCli(['lint', 'files/warn.rdp', '--format', 'sarif'], dir).stdout);
    assert.deepEqual(sarifSchemaErrors(clean), []);
    assert.equal(clean.runs[0].invocations[0].executionSuccessful, true);
  });

  it('lint SARIF states the folder its relative paths start from (SARIF §3.4.4); a file outside it is an absolute file URI', () => {
    const r = runCli(['lint', '../hostile.rdp', join(dir, 'files', 'warn.rdp'), '--format', 'sarif'], join(dir, 'files'));
    const log = JSON.parse(r.stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    const [run] = log.runs;
    assert.deepEqual(run.originalUriBaseIds, { ROOT: { uri: `${pathToFileURL(join(dir, 'files')).href}/` } });
    const places = run.results.map((x: { locations: { physicalLocation: { artifactLocation: object } }[] }) => JSON.stringify(x.locations[0]!.physicalLocation.artifactLocation));
    // Not `../hostile.rdp` under ROOT, which code scanning cannot place (a review).
    assert.ok(places.includes(JSON.stringify({ uri: pathToFileURL(join(dir, 'hostile.rdp')).href })), places.join());
    assert.ok(places.includes(JSON.stringify({ uri: 'warn.rdp', uriBaseId: 'ROOT' })), places.join());
  });

  it('lint SARIF of standard input: no file URI unless --stdin-filename names one; valid SARIF either way', () => {
    const plain = JSON.parse(runCli(['lint', '-', '--format', 'sarif'], dir, { input: WARNINGS }).stdout);
    assert.deepEqual(sarifSchemaErrors(plain), []);
    assert.deepEqual(plain.runs[0].artifacts, [{ description: { text: 'Standard input.' }, roles: ['analysisTarget'] }]);
    assert.equal(plain.runs[0].results.length, 2);
    for (const result of plain.runs[0].results) assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { index: 0 });
    const named = JSON.parse(runCli(['lint', '-', '--stdin-filename', 'files/typed.rdp', '--format', 'sarif'], dir, { input: WARNINGS }).stdout);
    assert.deepEqual(sarifSchemaErrors(named), []);
    assert.equal(named.runs[0].artifacts, undefined);
    for (const result of named.runs[0].results) assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'files/typed.rdp', uriBaseId: 'ROOT' });
    // Unreadable standard input is a notification on the same artifact.
    const binary = JSON.parse(runCli(['lint', '-', '--format', 'sarif'], dir, { input: Buffer.from([0, 1, 2, 0xff, 0xfe, 0]) }).stdout);
    assert.deepEqual(sarifSchemaErrors(binary), []);
    assert.deepEqual(binary.runs[0].invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation, { artifactLocation: { index: 0 } });
  });

  it('lint SARIF results carry a fingerprint that a line added above them leaves as it was', () => {
    const fingerprintsOf = (text: string): string[] => {
      writeFileSync(join(dir, 'moving.rdp'), text);
      const log = JSON.parse(runCli(['lint', 'moving.rdp', '--format', 'sarif'], dir).stdout);
      assert.deepEqual(sarifSchemaErrors(log), []);
      return log.runs[0].results.map((x: { partialFingerprints: Record<string, string> }) => x.partialFingerprints['rdpDoctor/findingHash/v1']);
    };
    const before = fingerprintsOf(WARNINGS);
    assert.equal(before.length, 2);
    assert.equal(new Set(before).size, 2);
    assert.deepEqual(fingerprintsOf(`screen mode id:i:2\r\n${WARNINGS}`), before);
  });
});

describe('rdp-doctor: every command', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-commands-'));
    writeFileSync(join(dir, 'a.rdp'), WARNINGS);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints each command\'s own help for COMMAND --help', () => {
    const helps = new Map<string, string>();
    for (const command of ['lint', 'check', 'explain', 'fix', 'rules']) {
      const r = runCli([command, '--help'], dir);
      assert.equal(r.code, 0);
      assert.match(r.stdout, new RegExp(`^Usage: rdp-doctor ${command}\\b`), command);
      assert.match(r.stdout, /--output-file FILE/);
      helps.set(command, r.stdout);
      assert.equal(runCli([command, '-h'], dir).stdout, r.stdout);
    }
    assert.equal(new Set(helps.values()).size, 5);
    assert.match(helps.get('lint')!, /--max-warnings N/);
    assert.match(helps.get('check')!, /--inventory FILE/);
    assert.match(runCli(['--help'], dir).stdout, /Run "rdp-doctor COMMAND --help"/);
  });

  it('starts every JSON with "tool", "version" and "schemaVersion": 1', () => {
    const outputs = {
      lint: runCli(['lint', 'a.rdp', '--format', 'json'], dir),
      explain: runCli(['explain', '0x904', '--format', 'json'], dir),
      fix: runCli(['fix', 'require-nla', '--format', 'json'], dir),
      'fix --list': runCli(['fix', '--list', '--format', 'json'], dir),
      rules: runCli(['rules', '--format', 'json'], dir),
      check: runCli(['check', 'no-full-address.rdp', '--format', 'json'], dir),
    };
    for (const [name, r] of Object.entries(outputs)) {
      const keys = Object.keys(JSON.parse(r.stdout));
      assert.deepEqual(keys.slice(0, 3), ['tool', 'version', 'schemaVersion'], name);
      const json = JSON.parse(r.stdout);
      assert.equal(json.tool, 'rdp-doctor');
      assert.equal(json.schemaVersion, 1);
      assert.match(json.version, /^\d+\.\d+\.\d+/);
    }
  });

  it('explain prints terminal text: no Markdown marks, links as text <url>, ending with the commands to run next', () => {
    const r = runCli(['explain', '0x904', '0x7'], dir);
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.stdout, /\*\*|`|\]\(|^#/m);
    assert.match(r.stdout, /^Likely causes$/m);
    assert.match(r.stdout, /^ {2}• .+ <https:\/\/learn\.microsoft\.com\/[^>]+>$/m);
    const next = r.stdout.trimEnd().split('\n\n').at(-1)!;
    assert.match(next, /^Next\n/);
    assert.match(next, /rdp-doctor check HOST/);
  });

  it('explain refuses codes it would drop, and check refuses a --name that is no host name or address (session 16 review)', () => {
    const three = runCli(['explain', '0x904', '0x1', '0x2'], dir);
    assert.equal(three.code, 2);
    assert.match(three.stderr, /explain takes an error code and at most one extended code, not 3 codes/);
    const both = runCli(['explain', '0x904', '0x7', '--extended', '0x7'], dir);
    assert.equal(both.code, 2);
    for (const name of ['', 'a b', '--x', 'h\x1b[2J']) {
      const r = runCli(['check', 'h.invalid', `--name=${name}`, '--timeout', '200'], dir);
      assert.equal(r.code, 2, name);
      assert.match(r.stderr, /--name must be a host name or an IP address/);
    }
    assert.equal(runCli(['check', 'h.invalid', '--name', '*.contoso.com', '--timeout', '200'], dir).code, 1);
  });

  it('explain reads a dialog line typed without quotes and an extended code in its brackets (session 19 and 18 gaps)', () => {
    const quoted = runCli(['explain', 'Error code: 0x904 Extended error code: 0x7'], dir);
    assert.equal(quoted.code, 0, quoted.stderr);
    const unquoted = runCli(['explain', 'Error', 'code:', '0x904', 'Extended', 'error', 'code:', '0x7'], dir);
    assert.equal(unquoted.code, 0, unquoted.stderr);
    assert.equal(unquoted.stdout, quoted.stdout);
    assert.match(unquoted.stdout, /^0x904 \/ extended 0x7$/m);
    const pair = runCli(['explain', '0x904', '0x7'], dir);
    for (const written of ['(0x7)', '[0x7]', ' ( 0x7 ) ']) {
      const r = runCli(['explain', '0x904', '--extended', written], dir);
      assert.equal(r.code, 0, `${written}: ${r.stderr}`);
      assert.equal(r.stdout, pair.stdout);
    }
    const prose = runCli(['explain', 'no', 'code', 'here'], dir);
    assert.equal(prose.code, 2);
    assert.doesNotMatch(prose.stderr, /not 3 codes/);
  });

  it('fix takes the ID with or without rdp-, parameter names in any case, and lists both', () => {
    const plain = runCli(['fix', 'test-port', '--param', 'host=rdsh01.contoso.com', '--param', 'port=3390'], dir);
    assert.equal(plain.code, 0, plain.stderr);
    const prefixed = runCli(['fix', 'rdp-test-port', '--param', 'HOST=rdsh01.contoso.com', '--param', 'Port=3390'], dir);
    assert.equal(prefixed.code, 0, prefixed.stderr);
    assert.equal(prefixed.stdout, plain.stdout);
    assert.match(plain.stdout, /'rdsh01\.contoso\.com'/);
    const twice = runCli(['fix', 'test-port', '--param', 'host=a.contoso.com', '--param', 'HOST=b.contoso.com'], dir);
    assert.equal(twice.code, 2);
    assert.equal(runCli(['fix', 'rdp-no-such-fix'], dir).code, 2);
    const list = runCli(['fix', '--list'], dir);
    assert.match(list.stdout, /^test-port +rdp-test-port +client +/m);
    const json = JSON.parse(runCli(['fix', '--list', '--format', 'json'], dir).stdout);
    assert.ok(json.fixes.every((f: { id: string; snippetPrefix: string }) => f.snippetPrefix === `rdp-${f.id}`));
  });
});
