import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { CLI, ROOT, sarifSchemaErrors } from './cli-harness';

const MAX_FILES = 40;
// Guards against shipping sources, tests or source maps (megabytes), not against rule text: raised from 400 KB in
// session 24, when GPO001 learnt firewall policy and logon rights (the package was then ~405 KB).
const MAX_BYTES = 448 * 1024;
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const WARN = 'full address:s:10.0.0.5\r\n'; // RDP012 warning
const ERROR = 'full address:s:rdsh01.contoso.com\r\ndesktopwidth:s:1024\r\n'; // RDP003 error
const UNRELATED_XML = '<?xml version="1.0"?>\n<project><modelVersion>4.0.0</modelVersion></project>\n';

/** PATH with the folder of this node first, so `#!/usr/bin/env node` finds it. */
function pathWith(...folders: string[]): string {
  return [...folders, dirname(process.execPath), process.env.PATH ?? ''].join(':');
}

function sh(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('the npm package, the pre-commit hook and the GitHub Action', { skip: !existsSync(CLI) && 'dist/cli.js is not built' }, () => {
  let dir: string;
  let packed: { entryCount: number; size: number; files: { path: string }[]; filename: string };
  let bin: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-package-'));
    // --ignore-scripts: no `prepare` build while other tests read dist/ and out/.
    const pack = sh(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT);
    assert.equal(pack.code, 0, pack.stderr);
    packed = JSON.parse(pack.stdout)[0];
    const prefix = join(dir, 'prefix');
    const install = sh(NPM, ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(dir, packed.filename)], dir);
    assert.equal(install.code, 0, install.stderr);
    bin = join(prefix, 'bin');
    const work = join(dir, 'checkout');
    mkdirSync(join(work, 'dist/profiles'), { recursive: true });
    writeFileSync(join(work, 'dist/profiles/warn.rdp'), WARN);
    writeFileSync(join(work, 'error.rdp'), ERROR);
    writeFileSync(join(work, 'pom.xml'), UNRELATED_XML);
    writeFileSync(join(work, 'notes.txt'), 'not linted\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`packs at most ${MAX_FILES} files and ${MAX_BYTES / 1024} KB: the CLI bundle, no sources, tests or source maps`, () => {
    const paths = packed.files.map((f) => f.path).sort();
    assert.ok(packed.entryCount <= MAX_FILES, `${packed.entryCount} files`);
    assert.ok(packed.size <= MAX_BYTES, `${packed.size} bytes`);
    for (const needed of ['dist/cli.js', 'dist/cli-commands.js', 'dist/cli-lint.js', 'dist/forge.js', 'dist/yaml.js', 'dist/saxes.js', 'dist/tinyglobby.js', 'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) assert.ok(paths.includes(needed), needed);
    assert.deepEqual(
      paths.filter((p) => /^(src|test|bench|out|node_modules)\//.test(p) || p.endsWith('.map') || p === 'dist/extension.js'),
      [],
    );
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.dependencies ?? {}, {}, 'everything the CLI runs is bundled');
  });

  it('runs rdp-doctor lint and explain from the installed package, offline', () => {
    const work = join(dir, 'checkout');
    const lint = sh(join(bin, 'rdp-doctor'), ['lint', '**/*.rdp', '--max-warnings', '0', '--format', 'sarif', '-o', 'rdp.sarif'], work, { PATH: pathWith(bin) });
    assert.equal(lint.code, 1, lint.stderr);
    const log = JSON.parse(readFileSync(join(work, 'rdp.sarif'), 'utf8'));
    assert.deepEqual(sarifSchemaErrors(log), []);
    const results = log.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
    assert.deepEqual(results.map((r) => `${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.ruleId}`).sort(), ['dist/profiles/warn.rdp:RDP012', 'error.rdp:RDP003']);
    for (const r of results) assert.ok(r.locations[0]!.physicalLocation.region.startLine >= 1);
    const explain = sh(join(bin, 'rdp-doctor'), ['explain', '0x904'], work, { PATH: pathWith(bin) });
    assert.equal(explain.code, 0, explain.stderr);
    assert.match(explain.stdout, /rdp-doctor check HOST/);
  });

  it('runs the pre-commit hook\'s entry as pre-commit would: the YAML\'s command line plus the staged files its pattern selects', () => {
    const [hook] = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string; language: string }[];
    assert.equal(hook!.id, 'rdp-doctor');
    assert.equal(hook!.files, '\\.(rdp|reg|pol|inf|xml)$');
    const pattern = new RegExp(hook!.files); // pre-commit uses Python's re.search: the same for this pattern
    const staged = ['dist/profiles/warn.rdp', 'pom.xml', 'notes.txt'].filter((f) => pattern.test(f));
    assert.deepEqual(staged, ['dist/profiles/warn.rdp', 'pom.xml']);
    const [command, ...args] = hook!.entry.split(/\s+/);
    const work = join(dir, 'checkout');
    const clean = sh(command!, [...args, ...staged], work, { PATH: pathWith(bin) });
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /RDP012/);
    const failing = sh(command!, [...args, ...staged, 'error.rdp'], work, { PATH: pathWith(bin) });
    assert.equal(failing.code, 1);
    assert.match(failing.stdout, /error\.rdp/);
  });

  it('runs the Action\'s lint step as a runner would: globs unexpanded by the shell, SARIF written, the exit code kept for the last step', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      runs: { using: string; steps: { id?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }[] };
    };
    assert.equal(action.runs.using, 'composite');
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload?.with?.sarif_file, '${{ inputs.sarif-file }}');
    const lint = action.runs.steps.find((s) => s.id === 'lint')!;
    const work = join(dir, 'checkout');
    const outputs = join(dir, 'github-output');
    writeFileSync(outputs, '');
    const script = join(dir, 'lint-step.sh');
    writeFileSync(script, lint.run!);
    chmodSync(script, 0o755);
    const r = sh('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], work, {
      RDP_DOCTOR: CLI,
      PATHS: '**/*.rdp',
      MAX_WARNINGS: '0',
      ARGS: '',
      SARIF_FILE: 'action.sarif',
      GITHUB_OUTPUT: outputs,
      PATH: pathWith(),
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(outputs, 'utf8').trim(), 'exit-code=1');
    const log = JSON.parse(readFileSync(join(work, 'action.sarif'), 'utf8'));
    assert.deepEqual(sarifSchemaErrors(log), []);
    assert.equal(log.runs[0].results.length, 2);
  });
});
