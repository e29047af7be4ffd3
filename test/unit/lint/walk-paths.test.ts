// A folder walk names each file as join(folder, name) would, however the folder was written (src/core/lint/inputs.ts
// joins the folder once and appends each name: issue 16).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { collectInputs } from '../../../src/core/lint/inputs';

describe('folder walk paths', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-walk-'));
    mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
    for (const name of ['a.rdp', '...rdp', 'b c.rdp', 'sub/x.rdp', 'sub/deeper/y.rdp']) writeFileSync(join(dir, name), 'full address:s:a.contoso.localhost\r\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the paths join() gives, for the folder written with a trailing separator, dots, doubled separators or relative', () => {
    const expected = ['...rdp', 'a.rdp', 'b c.rdp', 'sub/deeper/y.rdp', 'sub/x.rdp'].map((p) => join(dir, p)).sort();
    const rel = relative(process.cwd(), dir);
    for (const spelled of [dir, `${dir}/`, `${dir}//`, `${dir}/.`, `${dir}/sub/..`, join(dir, 'sub', '..', '.'), rel, `./${rel}/`]) {
      for (const deferFileStat of [true, false]) {
        const { files } = collectInputs([spelled], { ignore: false, deferFileStat });
        const paths = files.map((f) => f.path);
        assert.deepEqual(paths.map((p) => resolve(p)).sort(), expected, spelled);
        // Each path is already normal: what join() of the folder as written and the name gives.
        for (const p of paths) assert.equal(p, join(p), `${spelled} gave ${p}`);
      }
    }
  });
});

describe('globs the matcher cannot match in reasonable time', () => {
  it('refuses more than three "*" in one part of a pattern, at once, and still expands ordinary globs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-glob-'));
    try {
      writeFileSync(join(dir, `${'a'.repeat(40)}.rdp`), 'full address:s:a.contoso.localhost\r\n');
      const rel = relative(process.cwd(), dir);
      // A hostile-input review: 9 s with these ten stars against one 40-letter name, 57 s with twelve.
      const hostile = collectInputs([`${rel}/*a*a*a*a*a*a*a*a*a*a*b`], { ignore: false });
      assert.deepEqual(hostile.files, []);
      assert.match(hostile.errors[0]!.message, /more than 3 "\*" in one part/);
      assert.equal(collectInputs([`${rel}/*a*a*.rdp`], { ignore: false }).files.length, 1);
      assert.equal(collectInputs([`${rel}/**/*.rdp`], { ignore: false }).files.length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
