// folderOf and nameOf (one search for the last separator, issue 16) split every path as Node's dirname and basename do.
import assert from 'node:assert/strict';
import { basename, dirname, sep } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { folderOf, nameOf } from '../../src/core/lint/path-parts';

const piece = fc.oneof(fc.constantFrom('/', '//', '\\', '.', '..', 'a', 'host-1.rdp', ' ', 'C:', 'é', '\0'), fc.string({ maxLength: 3 }));

describe('folderOf and nameOf', () => {
  it('give what dirname and basename give (property test)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), (path) => {
        assert.equal(folderOf(path), dirname(path));
        assert.equal(nameOf(path), basename(path));
      }),
      { numRuns: 20000 },
    );
  });

  it('split the paths a walk makes, and leave roots, doubled and trailing separators to Node', () => {
    const cases = ['bench/data/rdp-1000/host-00001.rdp', '/abs/x.rdp', './x.rdp', '../x.rdp', 'a/..', '/x.rdp', 'a//x.rdp', 'a/b/', '/', '', 'x.rdp', '.', '..'];
    for (const path of cases) {
      const native = sep === '/' ? path : path.split('/').join(sep);
      assert.equal(folderOf(native), dirname(native), native);
      assert.equal(nameOf(native), basename(native), native);
    }
  });
});
