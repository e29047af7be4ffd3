import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, utf16 } from './cli-harness';

const BAD = 'full address:s:10.0.0.5\r\nenablecredsspsupport:i:0\r\n'; // two warnings: RDP012, RDP020
const GOOD = 'full address:s:rdsh01.contoso.com\r\n';

interface JsonReport {
  files: { path: string; format: string; findings: { ruleId: string; severity: string; line: number }[] }[];
  errors: { path: string; message: string }[];
}

function lintedPaths(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonReport).files.map((f) => f.path.split('\\').join('/')).sort();
}

describe('rdp-doctor lint: inputs (SPEC §3)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-inputs-'));
    for (const folder of ['dist/nested', 'out', '.vscode-test', 'node_modules/pkg', '.git', 'logs', 'kept/deeper']) mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, 'dist/a.rdp'), utf16(BAD));
    writeFileSync(join(dir, 'dist/nested/b.rdp'), BAD);
    writeFileSync(join(dir, 'out/c.rdp'), BAD);
    writeFileSync(join(dir, '.vscode-test/d.rdp'), BAD);
    writeFileSync(join(dir, 'node_modules/pkg/e.rdp'), BAD);
    writeFileSync(join(dir, '.git/f.rdp'), BAD);
    writeFileSync(join(dir, 'logs/g.rdp'), BAD);
    writeFileSync(join(dir, 'kept/h.rdp'), BAD);
    writeFileSync(join(dir, 'kept/secret.rdp'), BAD);
    writeFileSync(join(dir, 'kept/deeper/back.rdp'), BAD);
    writeFileSync(join(dir, '.gitignore'), 'logs/\n');
    writeFileSync(join(dir, 'kept/.rdpdoctorignore'), '*.rdp\n!h.rdp\n');
    writeFileSync(join(dir, 'kept/deeper/.gitignore'), '!back.rdp\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('expands a quoted glob itself, as PowerShell and cmd pass it, into folders named dist', () => {
    const r = runCli(['lint', 'dist/**/*.rdp', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(lintedPaths(r.stdout), ['dist/a.rdp', 'dist/nested/b.rdp']);
  });

  it('walks dist, out and .vscode-test; only .git and node_modules are built-in skips; honours .gitignore and .rdpdoctorignore', () => {
    const r = runCli(['lint', '.', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    // logs/ is in .gitignore; kept/.rdpdoctorignore drops *.rdp but h.rdp; kept/deeper/.gitignore brings back.rdp back (the deeper file wins).
    assert.deepEqual(lintedPaths(r.stdout), ['.vscode-test/d.rdp', 'dist/a.rdp', 'dist/nested/b.rdp', 'kept/deeper/back.rdp', 'kept/h.rdp', 'out/c.rdp']);
  });

  it('applies the ignore files to glob matches too, and --no-ignore turns them off', () => {
    const ignored = runCli(['lint', '**/*.rdp', '--format', 'json'], dir);
    assert.deepEqual(lintedPaths(ignored.stdout), ['dist/a.rdp', 'dist/nested/b.rdp', 'kept/deeper/back.rdp', 'kept/h.rdp', 'out/c.rdp']);
    const all = runCli(['lint', '.', '--no-ignore', '--format', 'json'], dir);
    assert.deepEqual(lintedPaths(all.stdout), [
      '.vscode-test/d.rdp',
      'dist/a.rdp',
      'dist/nested/b.rdp',
      'kept/deeper/back.rdp',
      'kept/h.rdp',
      'kept/secret.rdp',
      'logs/g.rdp',
      'out/c.rdp',
    ]);
  });

  it('lints each file once when arguments overlap, and an overlapping argument is not "unmatched"', () => {
    const r = runCli(['lint', '.', 'dist', 'dist/a.rdp', 'dist/**/*.rdp', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(lintedPaths(r.stdout), ['.vscode-test/d.rdp', 'dist/a.rdp', 'dist/nested/b.rdp', 'kept/deeper/back.rdp', 'kept/h.rdp', 'out/c.rdp']);
  });

  it('honours the ignore files of a folder outside the working folder', () => {
    const r = runCli(['lint', join(dir, 'kept'), '--format', 'json'], join(dir, 'out'));
    assert.deepEqual(
      (JSON.parse(r.stdout) as JsonReport).files.map((f) => f.path.slice(join(dir, 'kept').length + 1).split('\\').join('/')).sort(),
      ['deeper/back.rdp', 'h.rdp'],
    );
  });

  it('lints a file named on the command line even when an ignore file lists it', () => {
    const r = runCli(['lint', 'logs/g.rdp', '--format', 'json'], dir);
    assert.deepEqual(lintedPaths(r.stdout), ['logs/g.rdp']);
  });

  it('exits 2 with a message when an input matches nothing, and still lints the others', () => {
    const glob = runCli(['lint', 'nowhere/**/*.rdp', 'dist/a.rdp'], dir);
    assert.equal(glob.code, 2);
    assert.match(glob.stdout, /nowhere\/\*\*\/\*\.rdp: No file to lint matches it/);
    assert.match(glob.stdout, /dist[\\/]a\.rdp/);
    const empty = runCli(['lint', 'logs'], dir); // a folder whose only file is ignored
    assert.equal(empty.code, 2);
    assert.match(empty.stdout, /logs: No file to lint matches it: .*, or see \.gitignore, \.rdpdoctorignore and --no-ignore\./);
    assert.doesNotMatch(empty.stdout, /no problems\.$/m);
  });

  it('does not point at the ignore files when --no-ignore is given (a folder of a format it does not read)', () => {
    const folder = join(dir, 'reports');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'Remote Desktop Service.htm'), '<html><body>GPMC HTML report</body></html>');
    const r = runCli(['lint', '--no-ignore', 'reports'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /reports: No file to lint matches it: RDP Doctor lints \.rdp files, \.rdpdoctor\.yaml and Group Policy or registry exports \(\.xml, \.pol, \.reg, \.txt, \.inf\)\.$/m);
    assert.doesNotMatch(r.stdout, /--no-ignore/);
  });

  it('reads standard input for "-", detected and reported by --stdin-filename', () => {
    const r = runCli(['lint', '-', '--stdin-filename', 'piped/conn.rdp', '--format', 'json'], dir, { input: BAD });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as JsonReport;
    assert.equal(out.files.length, 1);
    assert.equal(out.files[0]!.path, 'piped/conn.rdp');
    assert.equal(out.files[0]!.format, 'rdp');
    assert.deepEqual(
      out.files[0]!.findings.map((f) => [f.ruleId, f.line]),
      [
        ['RDP012', 1],
        ['RDP020', 2],
      ],
    );
    const unnamed = runCli(['lint', '-'], dir, { input: BAD });
    assert.match(unnamed.stdout, /^<stdin>$/m);
    const fix = runCli(['lint', '-', '--fix'], dir, { input: BAD });
    assert.equal(fix.code, 2);
    assert.match(fix.stderr, /--fix cannot write to standard input/);
  });
});

describe('rdp-doctor lint: the walk never loops and never opens a FIFO or a device (issue 13)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-walk-'));
    mkdirSync(join(dir, 'loop'));
    writeFileSync(join(dir, 'loop/one.rdp'), BAD);
    symlinkSync('.', join(dir, 'loop/x'));
    symlinkSync('.', join(dir, 'loop/y'));
    mkdirSync(join(dir, 'linked'));
    writeFileSync(join(dir, 'linked/real.rdp'), GOOD + 'enablecredsspsupport:i:0\r\n');
    symlinkSync('real.rdp', join(dir, 'linked/alias.rdp'));
    mkdirSync(join(dir, 'pipes'));
    writeFileSync(join(dir, 'pipes/ok.rdp'), BAD);
    spawnSync('mkfifo', [join(dir, 'pipes/fifo.rdp'), join(dir, 'named.rdp'), join(dir, 'pipes/.gitignore')]);
    symlinkSync('/dev/zero', join(dir, 'zero.rdp'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  // Each run may take the harness's 30 s: a walk that waited on a FIFO or read /dev/zero is killed then (exit -1), so
  // the exit code says it did not wait, whatever the machine's speed (no clock is read).
  it('walks a folder with two `ln -s . x` links once', () => {
    const r = runCli(['lint', 'loop', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(lintedPaths(r.stdout), ['loop/one.rdp']);
  });

  it('lints a file reached through a symlink once', () => {
    const r = runCli(['lint', 'linked', '--format', 'json'], dir);
    assert.equal((JSON.parse(r.stdout) as JsonReport).files.length, 1);
  });

  it('skips a FIFO in a folder, and a FIFO where an ignore file would be, without waiting on either', { skip: !existsSync('/usr/bin/mkfifo') && 'no mkfifo' }, () => {
    const r = runCli(['lint', 'pipes', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(lintedPaths(r.stdout), ['pipes/ok.rdp']);
  });

  it('refuses a named FIFO and a link to /dev/zero as unreadable inputs (exit 2)', { skip: !existsSync('/usr/bin/mkfifo') && 'no mkfifo' }, () => {
    for (const name of ['named.rdp', 'zero.rdp', '/dev/zero']) {
      const r = runCli(['lint', name, 'pipes/ok.rdp'], dir);
      assert.equal(r.code, 2, `${name}: ${r.stderr}`);
      assert.match(r.stdout, /Not a regular file \(a FIFO, socket or device\): not read\./);
      assert.match(r.stdout, /pipes[\\/]ok\.rdp/, 'the other input is still reported');
    }
  });

  it('check refuses a FIFO named like a .rdp file instead of waiting on it', { skip: !existsSync('/usr/bin/mkfifo') && 'no mkfifo' }, () => {
    const r = runCli(['check', 'named.rdp'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /Not a regular file/);
  });
});

describe('rdp-doctor lint: a folder walk does not leave the folder through a symbolic link (session 15 review)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-escape-'));
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'outside/real.rdp'), BAD);
    writeFileSync(join(dir, 'outside/single.rdp'), BAD);
    mkdirSync(join(dir, 'repo/inner'), { recursive: true });
    writeFileSync(join(dir, 'repo/own.rdp'), BAD);
    writeFileSync(join(dir, 'repo/inner/deep.rdp'), GOOD);
    symlinkSync('/', join(dir, 'repo/rootlink'));
    symlinkSync('../outside', join(dir, 'repo/dirlink'));
    symlinkSync('../outside/single.rdp', join(dir, 'repo/filelink.rdp'));
    symlinkSync('inner', join(dir, 'repo/innerlink'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('follows links to what lies inside the folder only, and --fix writes nothing outside it', () => {
    const r = runCli(['lint', 'repo', '--format', 'json'], dir, { timeout: 10000 });
    assert.deepEqual(lintedPaths(r.stdout), ['repo/inner/deep.rdp', 'repo/own.rdp']);
    const outside = readFileSync(join(dir, 'outside/real.rdp'), 'utf8');
    const single = readFileSync(join(dir, 'outside/single.rdp'), 'utf8');
    runCli(['lint', 'repo', '--fix'], dir, { timeout: 10000 });
    assert.equal(readFileSync(join(dir, 'outside/real.rdp'), 'utf8'), outside);
    assert.equal(readFileSync(join(dir, 'outside/single.rdp'), 'utf8'), single);
  });

  it('a glob matches no symbolic link (tinyglobby with followSymbolicLinks off), so --fix writes nothing outside', () => {
    for (const pattern of ['repo/*', 'repo/**/*.rdp', '**/*.rdp']) {
      const cwd = pattern.startsWith('repo') ? dir : join(dir, 'repo');
      const r = runCli(['lint', pattern, '--format', 'json'], cwd, { timeout: 10000 });
      const expected = pattern === 'repo/*' ? ['repo/inner/deep.rdp', 'repo/own.rdp'] : pattern === '**/*.rdp' ? ['inner/deep.rdp', 'own.rdp'] : ['repo/inner/deep.rdp', 'repo/own.rdp'];
      assert.deepEqual(lintedPaths(r.stdout), expected, pattern);
    }
    const outside = readFileSync(join(dir, 'outside/single.rdp'), 'utf8');
    runCli(['lint', 'repo/*.rdp', '--fix'], dir, { timeout: 10000 });
    assert.equal(readFileSync(join(dir, 'outside/single.rdp'), 'utf8'), outside);
    // A link in the glob's fixed part is the user's own naming: followed, as a named folder is.
    assert.deepEqual(lintedPaths(runCli(['lint', 'repo/dirlink/*.rdp', '--format', 'json'], dir).stdout), ['repo/dirlink/real.rdp', 'repo/dirlink/single.rdp']);
  });

  it('still lints a file or folder named on the command line through its link', () => {
    const r = runCli(['lint', 'repo/filelink.rdp', 'repo/dirlink', '--format', 'json'], dir, { timeout: 10000 });
    // single.rdp is filelink.rdp's target: linted once, under the name given first.
    assert.deepEqual(lintedPaths(r.stdout), ['repo/dirlink/real.rdp', 'repo/filelink.rdp']);
  });
});

describe('rdp-doctor lint: ignore files that would hang, abort or exhaust a walk (session 16 review)', () => {
  it('a pattern with many "**", a pattern too long for the matcher, and a file of a million patterns are not used, said so; the walk goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-ignore-hostile-'));
    try {
      const deep = join(dir, ...Array.from({ length: 40 }, () => 'a'));
      mkdirSync(deep, { recursive: true });
      writeFileSync(join(deep, 'x.rdp'), BAD);
      const cases: [string, RegExp][] = [
        [`${'a/**/'.repeat(12)}c\n`, /A pattern of the ignore file was not used: more than 3 "\*\*" parts in one pattern/],
        [`${'a'.repeat(60_000)}\n`, /A pattern of the ignore file was not used: .* longer than 4,096 characters/],
        [Array.from({ length: 1_000_000 }, (_, i) => `!x${i}`).join('\n'), /The ignore file was not used: it has 1,000,000 patterns, more than the 10,000 RDP Doctor reads/],
      ];
      for (const [text, message] of cases) {
        writeFileSync(join(dir, '.gitignore'), text);
        const r = runCli(['lint', '.', '--format', 'json'], dir, { timeout: 20_000 });
        assert.equal(r.code, 2, r.stderr);
        assert.match(r.stderr, message);
        assert.deepEqual(lintedPaths(r.stdout), [`${Array.from({ length: 40 }, () => 'a').join('/')}/x.rdp`]);
      }
      // A pattern that brings files back, left out, would hide them: the whole file goes unused instead.
      writeFileSync(join(dir, '.gitignore'), `*.rdp\n!${'**/a/'.repeat(5)}x.rdp\n`);
      const negation = runCli(['lint', '.', '--format', 'json'], dir);
      assert.match(negation.stderr, /The ignore file was not used: a pattern that brings files back/);
      assert.deepEqual(lintedPaths(negation.stdout), [`${Array.from({ length: 40 }, () => 'a').join('/')}/x.rdp`]);
      // "**" inside a name is a "*" to the matcher: no limit.
      writeFileSync(join(dir, '.gitignore'), 'a**a**a**a**b\n');
      assert.equal(runCli(['lint', '.', '--format', 'json'], dir).code, 0);
      // A usable pattern in the same file still applies.
      writeFileSync(join(dir, '.gitignore'), `${'a/**/'.repeat(12)}c\na/\n`);
      assert.deepEqual(lintedPaths(runCli(['lint', '.', '--format', 'json'], dir).stdout), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rdp-doctor lint: names that are not valid UTF-8 (session 15 review)', () => {
  it('a file or folder so named is an input not read, said so rather than "no such file"; the others are linted', { skip: process.platform !== 'linux' && 'names must be valid Unicode on this system' }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-names-'));
    try {
      writeFileSync(join(dir, 'fine.rdp'), BAD);
      // Latin-1 "café.rdp" and a folder "dé" (0xE9 alone is not UTF-8), written by byte.
      writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.rdp')]), BAD);
      const folder = Buffer.concat([Buffer.from(`${dir}/d`), Buffer.from([0xe9])]);
      mkdirSync(folder);
      writeFileSync(Buffer.concat([folder, Buffer.from('/inside.rdp')]), BAD);
      const r = runCli(['lint', '.', '--format', 'json'], dir);
      assert.equal(r.code, 2);
      const report = JSON.parse(r.stdout) as JsonReport & { errors: { path: string; message: string }[] };
      assert.deepEqual(lintedPaths(r.stdout), ['fine.rdp']);
      assert.deepEqual(report.errors.map((e) => [e.path, e.message.slice(0, 34)]), [['caf\ufffd.rdp', 'Its name is not valid UTF-8 (shown'], ['d\ufffd', 'Its name is not valid UTF-8 (shown']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rdp-doctor lint: a file with several hard links is linted once, by its first name (issue 16: no stat per file in the walk)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-links-'));
    mkdirSync(join(dir, 'few'));
    writeFileSync(join(dir, 'few/b.rdp'), BAD);
    linkSync(join(dir, 'few/b.rdp'), join(dir, 'few/d.rdp'));
    linkSync(join(dir, 'few/b.rdp'), join(dir, 'few/a-second-name.rdp'));
    symlinkSync('b.rdp', join(dir, 'few/c.rdp'));
    writeFileSync(join(dir, 'few/e.rdp'), GOOD);
    // Enough files for two lint threads (500 a thread), the two names of one file in different threads' chunks.
    mkdirSync(join(dir, 'many'));
    for (let i = 0; i < 1100; i++) writeFileSync(join(dir, `many/h${String(i).padStart(4, '0')}.rdp`), GOOD);
    writeFileSync(join(dir, 'many/a.rdp'), BAD);
    linkSync(join(dir, 'many/a.rdp'), join(dir, 'many/z.rdp'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('in a folder walk, whether the other names are hard links or a symlink, and when a hard link is named too', () => {
    const r = runCli(['lint', 'few', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(lintedPaths(r.stdout), ['few/a-second-name.rdp', 'few/e.rdp']);
    const named = runCli(['lint', 'few/d.rdp', 'few', '--format', 'json'], dir);
    assert.deepEqual((JSON.parse(named.stdout) as JsonReport).files.map((f) => f.path.split('\\').join('/')), ['few/d.rdp', 'few/e.rdp']);
  });

  for (const threads of ['1', '2']) {
    it(`across the chunks of ${threads} lint thread${threads === '1' ? '' : 's'}`, () => {
      const r = runCli(['lint', 'many', '--format', 'json'], dir, { env: { RDP_DOCTOR_THREADS: threads } });
      assert.equal(r.code, 0, r.stderr);
      const paths = lintedPaths(r.stdout);
      assert.equal(paths.length, 1101);
      assert.ok(paths.includes('many/a.rdp') && !paths.includes('many/z.rdp'));
    });
  }
});
