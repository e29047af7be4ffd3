import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { tsFilesUnder } from '../support/source-files';

const ROOT = resolve(__dirname, '../../..');

/**
 * The folders of src/core from the bottom up (CONTRIBUTING.md): a file may import from its own folder and
 * from folders below it, never from one above.
 */
const CORE_LAYERS = ['text', 'findings', 'knowledge', 'config', 'rdp', 'gpo', 'rules', 'net', 'fixes', 'lint', 'explain', 'report'] as const;

/** The relative imports of a file, resolved to paths under the repository (without extension). */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import|require\()\s*['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((s) => relative(ROOT, resolve(dirname(file), s)));
}

/** Every import of `files` that breaks `allowed`, as "file -> import" lines. */
function violations(files: readonly string[], allowed: (from: string, to: string) => boolean): string[] {
  return files.flatMap((file) => relativeImports(file).filter((to) => !allowed(relative(ROOT, file), to)).map((to) => `${relative(ROOT, file)} -> ${to}`));
}

function coreLayer(path: string): number {
  const match = /^src\/core\/([^/]+)\//.exec(path);
  return match ? CORE_LAYERS.indexOf(match[1] as (typeof CORE_LAYERS)[number]) : -1;
}

describe('layers', () => {
  it('every folder of src/core has a place in the layer order', () => {
    const folders = readdirSync(join(ROOT, 'src/core')).filter((n) => statSync(join(ROOT, 'src/core', n)).isDirectory());
    assert.deepEqual(folders.filter((f) => !(CORE_LAYERS as readonly string[]).includes(f)), []);
  });

  it('src/core has no import pointing back up a layer, nor out of the core', () => {
    const found = violations(tsFilesUnder(join(ROOT, 'src/core')), (from, to) => {
      if (to === 'package.json') return true; // the version stamped into reports
      if (!to.startsWith('src/core/')) return false;
      return coreLayer(to) <= coreLayer(from);
    });
    assert.deepEqual(found, []);
  });

  it('the checker itself sees an upward import (a net file importing the lint session)', () => {
    const from = 'src/core/net/x.ts';
    assert.ok(coreLayer('src/core/lint/session.ts') > coreLayer(from));
    assert.equal(coreLayer('src/core/nowhere/x.ts'), -1);
  });

  it('src/extension imports nothing from src/cli, and src/cli nothing from src/extension', () => {
    assert.deepEqual(violations(tsFilesUnder(join(ROOT, 'src/extension')), (_from, to) => !to.startsWith('src/cli/')), []);
    assert.deepEqual(violations(tsFilesUnder(join(ROOT, 'src/cli')), (_from, to) => !to.startsWith('src/extension/')), []);
  });

  it('src/shared (process plumbing both front ends use) imports nothing from src/cli, src/extension or src/core', () => {
    assert.deepEqual(violations(tsFilesUnder(join(ROOT, 'src/shared')), (_from, to) => to.startsWith('src/shared/')), []);
  });

  it('no file of dist/extension.js comes from src/cli', { skip: !existsSync(join(ROOT, 'dist/extension.meta.json')) && 'not built' }, () => {
    const meta = JSON.parse(readFileSync(join(ROOT, 'dist/extension.meta.json'), 'utf8')) as { inputs: Record<string, unknown> };
    const inputs = Object.keys(meta.inputs);
    assert.ok(inputs.some((i) => i.startsWith('src/core/')), 'the bundle lists its inputs');
    assert.deepEqual(inputs.filter((i) => i.startsWith('src/cli/')), []);
  });
});
