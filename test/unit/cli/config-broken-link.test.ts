// A project `.rdpdoctor.yaml` that is a broken symbolic link (to nothing, or to itself) is there and cannot be read: it
// is reported (exit 2) as a config that is a folder is, never passed over for a config above that turns rules off.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findConfigFor } from '../../../src/core/lint/read-file';
import { runCli } from './cli-harness';

describe('a project config that is a broken symbolic link', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-config-link-'));
    // The folder above turns RDP012 off; the projects below must not get that config.
    writeFileSync(join(dir, '.rdpdoctor.yaml'), 'rules:\n  RDP012: off\n');
    for (const [project, target] of [['dangling', 'missing.yaml'], ['loop', '.rdpdoctor.yaml']] as const) {
      mkdirSync(join(dir, project));
      symlinkSync(target, join(dir, project, '.rdpdoctor.yaml'));
      writeFileSync(join(dir, project, 'x.rdp'), 'full address:s:10.0.0.5\r\n');
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is the config found for the files below it, not the one above', () => {
    for (const project of ['dangling', 'loop']) {
      assert.equal(findConfigFor(join(dir, project, 'x.rdp'), new Map(), { root: dir, uid: process.getuid?.() }), join(dir, project, '.rdpdoctor.yaml'));
    }
  });

  it('lint: "Cannot read the config" with what is wrong, exit 2, and the files linted with the defaults (RDP012 not off)', () => {
    const expected = { dangling: /Cannot read the config: A symbolic link to "missing\.yaml", which does not exist\./, loop: /Cannot read the config: Too many symbolic links/ };
    for (const project of ['dangling', 'loop'] as const) {
      const r = runCli(['lint', 'x.rdp'], join(dir, project));
      assert.equal(r.code, 2, `${project}: ${r.stdout}${r.stderr}`);
      assert.match(r.stdout, expected[project]);
      assert.match(r.stdout, /RDP012/);
    }
  });

  it('check: the same error for the config of the working folder', () => {
    const r = runCli(['check', '127.0.0.1:9', '--timeout', '2000'], join(dir, 'dangling'));
    assert.equal(r.code, 2);
    assert.match(r.stdout + r.stderr, /Cannot read the config: A symbolic link to "missing\.yaml"/);
  });
});
