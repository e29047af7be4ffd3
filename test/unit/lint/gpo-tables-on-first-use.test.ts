// A lint of `.rdp` files builds none of the Group Policy tables (issue 16: building them at load was ~15% of
// dist/cli-lint.js's top level); a Group Policy input builds them when its rules first run.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCommand } from '../../../src/cli/lint-command';
import { tablesBuilt } from '../../../src/core/built-once';

const ROOT = resolve(__dirname, '../../../..');
const FIXTURES = join(ROOT, 'test', 'fixtures');

describe('Group Policy tables built on first use', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-tables-'));
    for (const folder of [join(FIXTURES, 'rdp'), join(ROOT, 'examples')]) {
      for (const name of readdirSync(folder)) if (name.endsWith('.rdp')) copyFileSync(join(folder, name), join(dir, name));
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  // Through the lint command (to an output file: standard output is the test runner's), in each output format.
  async function lint(path: string, format: string): Promise<string> {
    const out = join(dir, `report.${format}`);
    await runCommand('lint', [path, '--no-ignore', '--format', format, '--output-file', out]);
    return readFileSync(out, 'utf8');
  }

  it('a lint of .rdp files, in text, JSON and SARIF, builds none', async () => {
    for (const format of ['text', 'json', 'sarif', 'compact']) {
      const report = await lint(join(dir, '*.rdp'), format);
      assert.match(report, /RDP0\d\d/, `${format}: no finding, so the test lints nothing`);
      assert.deepEqual(tablesBuilt(), [], `${format}: built ${tablesBuilt().join(', ')}`);
    }
  });

  it('a Group Policy export builds them when its rules run', async () => {
    const report = await lint(join(FIXTURES, 'gpo', 'samples', 'gpreport-rdp.xml'), 'json');
    assert.match(report, /GPO0\d\d/);
    for (const table of ['GPO value refs', 'policy values', 'ADMX policies', 'well-known keys']) assert.ok(tablesBuilt().includes(table), `${table} not built: ${tablesBuilt().join(', ')}`);
  });
});
