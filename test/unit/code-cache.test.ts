// The extension loads its code through a V8 code cache (src/shared/code-cache.ts, issue 16).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { requireWithCodeCache } from '../../src/shared/code-cache';

type Loaded = { answer: number; helper: string; dir: string; where: () => string };

/**
 * The same bundle, under the same name (the cache file is named by it) in a new folder: V8 keeps what this process
 * compiled (by source and path) and would answer a second load of the same path from memory without reading the
 * cache at all.
 */
let copies = 0;
function copyOf(bundle: string): string {
  const folder = join(dirname(bundle), `copy-${++copies}`);
  mkdirSync(folder);
  for (const name of ['helper.js', basename(bundle)]) copyFileSync(join(dirname(bundle), name), join(folder, name));
  return join(folder, basename(bundle));
}

/** The timers the loader defers the cache write to. */
const writesDone = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

describe('requireWithCodeCache', () => {
  let dir: string;
  let bundle: string;
  let cache: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-code-cache-'));
    bundle = join(dir, 'bundle.js');
    cache = join(dir, 'storage', 'code-cache');
    writeFileSync(join(dir, 'helper.js'), 'module.exports = "beside";\n');
    // Runs as a CommonJS module: module.exports, a require relative to its own file, __dirname.
    writeFileSync(
      bundle,
      '"use strict";\nconst helper = require("./helper.js");\nfunction answer() { return 6 * 7; }\nconst where = () => new Error("here").stack.split("\\n")[1];\nmodule.exports = { answer: answer(), helper, dir: __dirname, where };\n',
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('compiles and writes the cache the first time, uses it the next, and the module is the same either way', async () => {
    const first = requireWithCodeCache<Loaded>(bundle, 'abc123', cache);
    assert.equal(first.codeCache, 'missing');
    assert.deepEqual({ ...first.exports, where: undefined }, { answer: 42, helper: 'beside', dir, where: undefined });
    // Stack traces name the bundle's own line and column, as with require.
    assert.match(first.exports.where(), /bundle\.js:4:21\)$/);
    await writesDone();
    assert.equal(readdirSync(cache).filter((n) => n.endsWith('.bin')).length, 1);
    const copy = copyOf(bundle);
    const second = requireWithCodeCache<Loaded>(copy, 'abc123', cache);
    assert.equal(second.codeCache, 'used');
    assert.equal(second.exports.answer, 42);
    assert.equal(second.exports.dir, dirname(copy));
  });

  it('another hash (a new build) does not read the old cache, and its write drops it', async () => {
    requireWithCodeCache<Loaded>(bundle, 'old', cache);
    await writesDone();
    const [old] = readdirSync(cache);
    const next = requireWithCodeCache<Loaded>(bundle, 'new', cache);
    assert.equal(next.codeCache, 'missing');
    await writesDone();
    const names = readdirSync(cache);
    assert.equal(names.length, 1);
    assert.notEqual(names[0], old);
  });

  it('two bundles in one folder each keep their own cache; a cache named the older way (no bundle name) is dropped', async () => {
    const other = join(dir, 'other.js');
    writeFileSync(other, 'module.exports = { answer: 7 };\n');
    requireWithCodeCache<Loaded>(bundle, 'aaa', cache);
    await writesDone();
    const legacy = join(cache, '0123456789abcdef-x64-v8-11.3.244.8-node.38.bin');
    writeFileSync(legacy, 'an older cache');
    requireWithCodeCache<{ answer: number }>(other, 'bbb', cache);
    await writesDone();
    assert.deepEqual(readdirSync(cache).sort(), [`bundle-aaa-${process.arch}-v8-${process.versions.v8}.bin`, `other-bbb-${process.arch}-v8-${process.versions.v8}.bin`]);
    assert.equal(requireWithCodeCache<Loaded>(copyOf(bundle), 'aaa', cache).codeCache, 'used');
  });

  it('a cache V8 does not accept is rejected, the code compiled and the cache rewritten', async () => {
    requireWithCodeCache<Loaded>(bundle, 'h', cache);
    await writesDone();
    const [name] = readdirSync(cache);
    const garbage = Buffer.from('not a code cache at all, just bytes');
    writeFileSync(join(cache, name!), garbage);
    const loaded = requireWithCodeCache<Loaded>(copyOf(bundle), 'h', cache);
    assert.equal(loaded.codeCache, 'rejected');
    assert.equal(loaded.exports.answer, 42);
    await writesDone();
    assert.notDeepEqual(readFileSync(join(cache, name!)), garbage);
    assert.equal(requireWithCodeCache<Loaded>(copyOf(bundle), 'h', cache).codeCache, 'used');
  });

  it('without a hash or a folder there is no cache; an unwritable folder costs only the cache', async () => {
    assert.equal(requireWithCodeCache<Loaded>(bundle, '', cache).codeCache, 'off');
    assert.equal(requireWithCodeCache<Loaded>(bundle, 'h', undefined).codeCache, 'off');
    await writesDone();
    assert.equal(existsSync(cache), false);
    // A file where the folder should be: mkdir fails, quietly.
    writeFileSync(join(dir, 'storage'), 'a file, not a folder');
    const loaded = requireWithCodeCache<Loaded>(bundle, 'h', cache);
    assert.equal(loaded.codeCache, 'missing');
    assert.equal(loaded.exports.answer, 42);
    await writesDone();
    assert.equal(requireWithCodeCache<Loaded>(bundle, 'h', cache).codeCache, 'missing');
  });
});

for (const [bundle, metaFile] of [
  ['extension-code.js', 'extension.meta.json'],
  ['extension-core.js', 'extension-core.meta.json'],
  ['cli-commands.js', 'cli-commands.meta.json'],
  ['cli-lint.js', 'cli-lint.meta.json'],
] as const) {
  describe(`dist/${bundle}`, () => {
    // vm.Script runs the bundle without a dynamic import() callback: an import() left in it would fail at run time.
    const meta = join(__dirname, '../../../dist', metaFile);
    it('has no dynamic import() the code cache could not run', { skip: !existsSync(meta) && 'not built' }, () => {
      const outputs = JSON.parse(readFileSync(meta, 'utf8')).outputs as Record<string, { imports: { path: string; kind: string }[] }>;
      const code = Object.entries(outputs).find(([path]) => path.endsWith(`dist/${bundle}`));
      assert.ok(code, Object.keys(outputs).join(', '));
      assert.deepEqual(code[1].imports.filter((i) => i.kind === 'dynamic-import'), []);
    });
  });
}
