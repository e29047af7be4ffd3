// What `lint --fix` says it fixes is what it fixes (a review: "N problems can be fixed with the --fix option"
// counted the guesses and removals --fix leaves to the user, and a fix run cut short by its pass limit said nothing).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintPaths } from '../../../src/core/lint/session';

describe('lint --fix reports what it fixes', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-fix-report-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('fixable is true only for what --fix applies: not a closest-name guess, a duplicate of another value or a saved password', async () => {
    const file = join(dir, 'review.rdp');
    const text = 'full address:s:h.example.invalid\r\nscreen mode id:i:2\r\nscreen mode id:i:1\r\ndesktopwidht:i:1024\r\npassword 51:b:01000000\r\nsession bpp:i:32\r\nsession bpp:i:32\r\n';
    writeFileSync(file, text);
    const { report } = await lintPaths({ paths: [file], fix: false });
    const fixable = report.files[0]!.findings.map((f) => `${f.ruleId} ${f.line} ${f.fixable}`);
    assert.deepEqual(fixable, ['RDP005 3 false', 'RDP002 4 false', 'RDP040 5 false', 'RDP005 7 true']);
    const fixed = await lintPaths({ paths: [file], fix: true });
    assert.equal(fixed.report.files[0]!.fixed, 1);
    assert.equal(fixed.report.files[0]!.notFixed, undefined);
    assert.equal(readFileSync(file, 'utf8'), text.replace(/session bpp:i:32\r\n$/, ''));
    assert.deepEqual(fixed.report.files[0]!.findings.map((f) => f.fixable), [false, false, false]);
  });

  it('--fix removes no line of a property whose lines disagree, not even one equal to the first (FreeRDP reads the last)', async () => {
    const file = join(dir, 'abA.rdp');
    const text = 'full address:s:h.example.invalid\r\naudiomode:i:0\r\naudiomode:i:2\r\naudiomode:i:0\r\n';
    writeFileSync(file, text);
    const { report } = await lintPaths({ paths: [file], fix: true });
    assert.equal(readFileSync(file, 'utf8'), text);
    assert.deepEqual(report.files[0]!.findings.map((f) => `${f.ruleId} ${f.line} ${f.fixable}`), ['RDP005 3 false', 'RDP005 4 false']);
  });

  it('a signed file: --fix leaves it, so no finding is fixable', async () => {
    const file = join(dir, 'signed.rdp');
    writeFileSync(file, 'full address:s:h.example.invalid\r\nscreen mode id:i:+1\r\nsignscope:s:Full Address\r\nsignature:s:AAAA\r\n');
    const { report } = await lintPaths({ paths: [file], fix: false });
    assert.ok(report.files[0]!.findings.some((f) => f.ruleId === 'RDP004'));
    assert.deepEqual(report.files[0]!.findings.filter((f) => f.fixable), []);
  });

  it('a run its pass limit cut short says so, and the next run goes on', async () => {
    const file = join(dir, 'many.rdp');
    writeFileSync(file, 'full address:s:h.example.invalid\r\n'.repeat(12_001));
    const first = (await lintPaths({ paths: [file], fix: true })).report.files[0]!;
    assert.equal(first.fixed, 10_000);
    assert.match(first.notFixed ?? '', /^at least 1,000 left: --fix stops after 10 passes of at most 1,000 fixes a rule; run it again$/);
    const second = (await lintPaths({ paths: [file], fix: true })).report.files[0]!;
    assert.deepEqual([second.fixed, second.notFixed, second.findings.length], [2_000, undefined, 0]);
  });

  it('no note when what is left is not --fix\'s to fix (1,200 unknown names past the list)', async () => {
    const file = join(dir, 'unknown.rdp');
    writeFileSync(file, `full address:s:h.example.invalid\r\nscreen mode id:i:+1\r\n${Array.from({ length: 1200 }, (_, i) => `unknownprop${i}:s:x\r\n`).join('')}`);
    const report = (await lintPaths({ paths: [file], fix: true })).report.files[0]!;
    assert.deepEqual([report.fixed, report.notFixed], [1, undefined]);
  });
});
