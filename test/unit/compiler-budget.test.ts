// A lint of many files gives TurboFan a smaller inlining budget and puts it back before the code cache is written
// (src/cli/compiler-budget.ts, issue 16).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Script } from 'node:vm';
import { describe, it } from 'node:test';
import { lessInliningFor, MANY_FILES } from '../../src/cli/compiler-budget';

const CLI = resolve(__dirname, '../../../dist/cli.js');

// Run as a child of the tests below: compile a script, set the budget, put it back or not, write its code cache;
// or read that cache and say whether V8 took it. Each in a process of its own, as the CLI's runs are.
const child = process.env.RDP_DOCTOR_BUDGET_CHILD;
if (child !== undefined) {
  const [step, cacheFile] = child.split('|') as [string, string];
  const source = 'function twice(x) { return 2 * x; }\ntwice(21);\n';
  if (step === 'read') {
    const script = new Script(source, { filename: 'budget.js', cachedData: readFileSync(cacheFile) });
    // A file, not standard output: that is the test runner's, in the child too.
    writeFileSync(`${cacheFile}.read`, script.cachedDataRejected ? 'rejected' : 'used');
  } else {
    const script = new Script(source, { filename: 'budget.js' });
    script.runInThisContext();
    const restore = lessInliningFor(MANY_FILES, [], '');
    if (!restore) throw new Error('nothing was set');
    if (step === 'write-restored') restore();
    writeFileSync(cacheFile, script.createCachedData());
  }
}

const inChild = (step: string, cacheFile: string): string => {
  const r = spawnSync(process.execPath, [__filename], { encoding: 'utf8', env: { ...process.env, RDP_DOCTOR_BUDGET_CHILD: `${step}|${cacheFile}`, NODE_OPTIONS: '' }, timeout: 30_000 });
  assert.equal(r.status, 0, r.stderr);
  return step === 'read' ? readFileSync(`${cacheFile}.read`, 'utf8') : '';
};

describe('lessInliningFor', { skip: child !== undefined && 'a child run' }, () => {
  it('puts V8’s flags back as they were: a code cache written after that is taken by the next process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-budget-'));
    try {
      inChild('write-restored', join(dir, 'restored.bin'));
      assert.equal(inChild('read', join(dir, 'restored.bin')), 'used');
      // The control: left as set, the flags key the cache differently and the next process rejects it.
      inChild('write-left', join(dir, 'left.bin'));
      assert.equal(inChild('read', join(dir, 'left.bin')), 'rejected');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does nothing for a few files, or when the command line or NODE_OPTIONS sets an inlining flag itself', () => {
    for (const [files, argv, options] of [
      [MANY_FILES - 1, [], ''],
      [10_000, ['--max-inlined-bytecode-size=100'], ''],
      [10_000, [], '--no-turbo-inlining'],
    ] as const) {
      assert.equal(lessInliningFor(files, argv, options), undefined, `${files} files, ${argv.join(' ')}${options}`);
    }
  });
});

describe('the CLI’s code cache after a lint of many files', { skip: (child !== undefined && 'a child run') || (!existsSync(CLI) && 'not built') }, () => {
  it('is written once and used by the next lint, not rejected and written again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-budget-cli-'));
    try {
      const files = join(dir, 'files');
      mkdirSync(files);
      for (let n = 0; n < MANY_FILES + 20; n++) writeFileSync(join(files, `host-${n}.rdp`), `full address:s:rdsh${n}.contoso.invalid\r\nscreen mode id:i:2\r\n`);
      const cacheRoot = join(dir, 'cache');
      const lint = (): string => {
        const r = spawnSync(process.execPath, [CLI, 'lint', '--no-ignore', files, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, RDP_DOCTOR_CACHE_DIR: cacheRoot, RDP_DOCTOR_CODE_CACHE: '', NODE_OPTIONS: '' }, timeout: 60_000 });
        assert.ok(r.status === 0 || r.status === 1, r.stderr);
        return r.stdout;
      };
      const first = lint();
      const cacheDir = join(cacheRoot, 'code-cache');
      const [name] = readdirSync(cacheDir).filter((n) => n.endsWith('.bin'));
      assert.ok(name, 'no cache was written');
      // A rejected cache is written again through a temporary file and a rename: a new inode.
      const before = statSync(join(cacheDir, name));
      const second = lint();
      const after = statSync(join(cacheDir, name));
      assert.equal(after.ino, before.ino, 'the cache was written again: the second lint found it rejected');
      assert.equal(after.mtimeMs, before.mtimeMs);
      assert.equal(second, first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
