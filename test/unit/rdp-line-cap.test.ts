// An .rdp text of more than MAX_RDP_LINES lines is read up to there, and says so (hostile input: a 64 MB file of
// line breaks took gigabytes of line objects).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { lintText } from '../../src/core/lint/lint-file';
import { MAX_RDP_LINES, parseRdp, READ_UP_TO_MESSAGE } from '../../src/core/rdp/parse';

const CLI = resolve(__dirname, '../../../dist/cli.js');

describe('the .rdp line cap', () => {
  const text = `full address:s:a.contoso.localhost\r\n${'\r\n'.repeat(MAX_RDP_LINES + 4)}username:s:late\r\n`;

  it('reads the first MAX_RDP_LINES lines, and says where it stopped', () => {
    const doc = parseRdp(text);
    assert.equal(doc.lines.length, MAX_RDP_LINES);
    assert.equal(doc.readUpTo, 'full address:s:a.contoso.localhost\r\n'.length + 2 * (MAX_RDP_LINES - 1));
    assert.deepEqual(doc.entries.map((e) => e.key), ['full address']);
    const linted = lintText('rdp', text);
    assert.deepEqual(linted.problems, [{ severity: 'warning', message: READ_UP_TO_MESSAGE, span: { start: doc.readUpTo, end: doc.readUpTo } }]);
  });

  it('a text of MAX_RDP_LINES lines is read whole, with no problem', () => {
    const whole = `full address:s:a.contoso.localhost\n${'\n'.repeat(MAX_RDP_LINES - 2)}username:s:last`;
    const doc = parseRdp(whole);
    assert.equal(doc.lines.length, MAX_RDP_LINES);
    assert.equal(doc.readUpTo, undefined);
    assert.deepEqual(doc.entries.map((e) => e.key), ['full address', 'username']);
    assert.equal(lintText('rdp', whole).problems, undefined);
    // Its last line ended by a line break, as editors write files: nothing follows, so nothing is said not read.
    const ended = `${whole}\r\n`;
    assert.equal(parseRdp(ended).readUpTo, undefined);
    assert.equal(lintText('rdp', ended).problems, undefined);
    assert.notEqual(parseRdp(`${ended}x:s:1`).readUpTo, undefined);
  });

  it('stops at MAX_RDP_LINES when its lines were met before, one after another (the parser takes them as runs)', () => {
    // The same clean line again and again: linted once (found clean), then parsed as lines remembered in runs of up
    // to 256; a run is never taken past the cap.
    const line = 'screen mode id:i:2\r\n';
    const long = line.repeat(MAX_RDP_LINES + 300);
    lintText('rdp', long);
    for (let pass = 0; pass < 2; pass++) {
      const doc = parseRdp(long);
      assert.equal(doc.lines.length, MAX_RDP_LINES);
      assert.equal(doc.readUpTo, line.length * MAX_RDP_LINES);
      assert.equal(doc.lines[MAX_RDP_LINES - 1]!.line, MAX_RDP_LINES - 1);
    }
  });

  it('the CLI lists it as a read problem at the line where reading stopped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-line-cap-'));
    try {
      writeFileSync(join(dir, 'long.rdp'), text);
      const r = spawnSync(process.execPath, [CLI, 'lint', 'long.rdp', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 24 });
      const file = JSON.parse(r.stdout).files[0];
      assert.deepEqual(file.problems, [{ severity: 'warning', line: MAX_RDP_LINES + 1, column: 1, message: READ_UP_TO_MESSAGE }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
