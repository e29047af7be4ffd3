// SPEC §3: "Inputs that match nothing exit 2 with a message" — a folder of notes and unrelated XML matched files,
// none of them one RDP Doctor reads, and said "0 files checked, no problems" with exit 0 (a conformance review).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintPaths } from '../../../src/core/lint/session';

describe('a run with nothing RDP Doctor reads', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-nothing-'));
    writeFileSync(join(dir, 'notes.txt'), 'hello\n');
    writeFileSync(join(dir, 'other.xml'), '<a/>\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 2 and names the folder', async () => {
    const { report, exitCode } = await lintPaths({ paths: [dir], fix: false, ignore: false });
    assert.equal(exitCode, 2);
    assert.deepEqual(report.files, []);
    assert.equal(report.errors.length, 1);
    assert.match(report.errors[0]!.message, /^Nothing in it is a format RDP Doctor reads/);
  });

  it('streamed the same way', async () => {
    const { exitCode } = await lintPaths({ paths: [dir], fix: false, ignore: false }, undefined, () => undefined);
    assert.equal(exitCode, 2);
  });

  it('a config above the folder does not count as a file linted', async () => {
    const sub = join(dir, 'sub');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'readme.txt'), 'hi\n');
    writeFileSync(join(dir, '.rdpdoctor.yaml'), 'rules:\n  RDP013: loud\n');
    try {
      const { report, exitCode } = await lintPaths({ paths: [sub], fix: false, ignore: false });
      assert.equal(exitCode, 2);
      assert.match(report.errors[0]!.message, /^Nothing in it is a format RDP Doctor reads/);
    } finally {
      rmSync(join(dir, '.rdpdoctor.yaml'));
      rmSync(sub, { recursive: true });
    }
  });

  it('a pre-commit hook file list (--ignore-unknown) of such files is no error', async () => {
    const { report, exitCode } = await lintPaths({ paths: [join(dir, 'notes.txt')], fix: false, ignoreUnknown: true });
    assert.deepEqual([exitCode, report.errors], [0, []]);
  });

  it('judged per argument: a folder of notes beside a good file is still named', async () => {
    const good = mkdtempSync(join(tmpdir(), 'rdp-doctor-good-'));
    try {
      writeFileSync(join(good, 'a.rdp'), 'full address:s:rdsh01.example.invalid\r\n');
      const { report, exitCode } = await lintPaths({ paths: [dir, good], fix: false, ignore: false });
      assert.equal(exitCode, 2);
      assert.deepEqual(report.files.map((f) => f.format), ['rdp']);
      assert.deepEqual(report.errors.map((e) => e.message.slice(0, 40)), ['Nothing in it is a format RDP Doctor rea']);
    } finally {
      rmSync(good, { recursive: true, force: true });
    }
  });

  it('a folder with one .rdp file among them lints it and exits on its findings', async () => {
    writeFileSync(join(dir, 'a.rdp'), 'full address:s:rdsh01.example.invalid\r\n');
    const { report, exitCode } = await lintPaths({ paths: [dir], fix: false, ignore: false });
    assert.deepEqual([exitCode, report.errors.length, report.files.length], [0, 0, 1]);
    rmSync(join(dir, 'a.rdp'));
  });
});
