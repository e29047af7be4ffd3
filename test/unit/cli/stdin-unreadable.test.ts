// Standard input that cannot be read is an input not read, as a file is (SPEC §3: exit 2, "the others are still
// processed and reported"). A review: more than 64 MB on standard input was a usage error, so `lint - folder --format
// sarif -o out.sarif` wrote no report at all and linted nothing else, and `lint - < folder` threw EISDIR.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI, runCli, sarifSchemaErrors } from './cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-stdin-unread-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'a.rdp'), 'full address:s:\r\n');

describe('lint: standard input that cannot be read', () => {
  it('more than 64 MB: an input not read; the other paths are linted and the report written', () => {
    const r = runCli(['lint', '-', 'a.rdp', '--format', 'json'], dir, { input: Buffer.alloc(64 * 1024 * 1024 + 1, 0x61) });
    assert.equal(r.code, 2);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['a.rdp']);
    assert.deepEqual(report.errors, [{ path: '<stdin>', message: 'Standard input is larger than 64 MB; it is not read.' }]);
    assert.equal(r.stderr, 'rdp-doctor: <stdin>: Standard input is larger than 64 MB; it is not read.\n');
  });

  it('in SARIF, a notification on the standard input artifact', () => {
    const r = runCli(['lint', '-', '--format', 'sarif', '--stdin-filename', 'in.rdp'], dir, { input: Buffer.alloc(64 * 1024 * 1024 + 1, 0x61) });
    assert.equal(r.code, 2);
    const log = JSON.parse(r.stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    const notification = log.runs[0].invocations[0].toolExecutionNotifications[0];
    assert.equal(notification.message.text, 'Standard input is larger than 64 MB; it is not read.');
    assert.deepEqual(notification.locations[0].physicalLocation.artifactLocation, { uri: 'in.rdp', uriBaseId: 'ROOT' });
  });

  it('a folder as standard input: said so, the others linted', { skip: process.platform === 'win32' && 'POSIX redirection' }, () => {
    const fd = openSync(dir, 'r');
    try {
      const r = spawnSync(process.execPath, [CLI, 'lint', '-', 'a.rdp'], { cwd: dir, stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(r.status, 2);
      assert.match(r.stdout, /^a\.rdp\n/);
      assert.match(r.stdout, /^error <stdin>: Standard input cannot be read: Is a folder, not a file\.$/m);
    } finally {
      closeSync(fd);
    }
  });
});
