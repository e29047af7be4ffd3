// The output of `rdp-doctor lint` over test/fixtures and examples/ is byte-identical to the snapshot taken before the speed work
// (issue 16): every format, stdout, stderr and exit code. `RDP_DOCTOR_UPDATE_SNAPSHOT=1` rewrites the snapshot after a deliberate change.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'dist/cli.js');
const SNAPSHOTS = join(ROOT, 'test/snapshots/lint');
const UPDATE = process.env.RDP_DOCTOR_UPDATE_SNAPSHOT === '1';

describe('lint output snapshot', () => {
  for (const folder of ['test/fixtures', 'examples']) {
    for (const format of ['text', 'json', 'sarif']) {
      it(`${folder} as ${format} is byte-identical to the snapshot`, () => {
        const r = spawnSync(process.execPath, [CLI, 'lint', folder, '--format', format], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 26 });
        // The run's end time is the one thing that changes from run to run.
        // So is the folder it ran in, which SARIF states as the base of its relative paths.
        const stdout = r.stdout.replace(/"endTimeUtc": "[^"]*"/g, '"endTimeUtc": "…"').replaceAll(`${pathToFileURL(ROOT).href}/`, 'file:///ROOT/');
        const actual = `exit ${r.status}\n--- stderr\n${r.stderr}--- stdout\n${stdout}`;
        const file = join(SNAPSHOTS, `${folder.replace(/\//g, '-')}.${format}.txt`);
        if (UPDATE) {
          mkdirSync(SNAPSHOTS, { recursive: true });
          writeFileSync(file, actual);
        }
        assert.ok(existsSync(file), `no snapshot ${file}: take it with RDP_DOCTOR_UPDATE_SNAPSHOT=1`);
        assert.equal(actual, readFileSync(file, 'utf8'));
      });
    }
  }
});
