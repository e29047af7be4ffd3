// Export Report lints the workspace in this thread, a slice at a time: a slice is bounded by bytes as well as by files,
// so a few large files are not linted in one stretch (a session 22 review: 50 files of 1–58 MB blocked the host 52 s).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintReportInSlices } from '../../../src/core/lint/session';
import { inputSize, SLICE_BYTES, SLICE_FILES, slices } from '../../../src/core/lint/slices';

const all = (sizes: number[], maxFiles?: number, maxBytes?: number): [number, number][] => [...slices(sizes.length, (i) => sizes[i]!, maxFiles, maxBytes)];

describe('report slices', () => {
  it('ends a slice at the file count', () => {
    assert.deepEqual(all([1, 1, 1, 1, 1], 2, 100), [[0, 2], [2, 4], [4, 5]]);
  });

  it('ends a slice once its files reach the byte bound, and a file over it is a slice of its own', () => {
    assert.deepEqual(all([40, 40, 40, 500, 10, 10], 50, 100), [[0, 3], [3, 4], [4, 6]]);
    assert.deepEqual(all([500, 500], 50, 100), [[0, 1], [1, 2]]);
  });

  it('covers every input once, in order, with no empty slice', () => {
    const sizes = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 20_000);
    const got = all(sizes);
    assert.equal(got[0]![0], 0);
    assert.equal(got.at(-1)![1], sizes.length);
    for (let k = 0; k < got.length; k++) {
      const [start, end] = got[k]!;
      assert.ok(end > start);
      if (k > 0) assert.equal(start, got[k - 1]![1]);
      assert.ok(end - start <= SLICE_FILES);
      // Past its first file, a slice stays under the bound until its last file.
      assert.ok(sizes.slice(start, end - 1).reduce((a, b) => a + b, 0) < SLICE_BYTES);
    }
    assert.deepEqual(all([]), []);
  });

  it('sizes an input by its bytes, its size on disk, or (a file it cannot look at) as empty', () => {
    assert.equal(inputSize({ path: '<stdin>', named: true, bytes: new Uint8Array(12) }), 12);
    assert.equal(inputSize({ path: join(tmpdir(), 'rdp-doctor-no-such-file.rdp'), named: false }), 0);
  });

  it('lintReportInSlices yields between large files instead of linting them in one stretch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-slices-'));
    try {
      const line = 'redirectclipboard:i:1\r\n';
      const big = `full address:s:rdsh01.contoso.localhost\r\n${line.repeat(Math.ceil(SLICE_BYTES / line.length))}`;
      for (const name of ['a.rdp', 'b.rdp', 'c.rdp']) writeFileSync(join(dir, name), big);
      let asked = 0;
      const report = await lintReportInSlices([dir], undefined, () => {
        asked += 1;
        return false;
      });
      assert.equal(report.files.length, 3);
      assert.equal(asked, 3, 'one slice (and one yield) per file over the byte bound');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
