import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PROPERTY_NAMES } from '../../../src/core/rdp/properties/index';
import { closest, editDistance } from '../../../src/core/text/distance';

/** The whole table, every cell: the reference the banded distance must agree with. */
function reference(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('edit distance', () => {
  it('agrees with the whole table: the exact distance within the limit, limit + 1 past it', () => {
    const word = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(word, word, fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), (a, b, limit) => {
        const exact = reference(a, b);
        if (limit === undefined) assert.equal(editDistance(a, b), exact);
        else assert.equal(editDistance(a, b, limit), exact <= limit ? exact : limit + 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('suggests the known name for near misses and nothing for names far from every one', () => {
    assert.equal(closest('full adress', PROPERTY_NAMES), 'full address');
    assert.equal(closest('fulladdress', PROPERTY_NAMES), 'full address');
    assert.equal(closest('ful laddress', PROPERTY_NAMES), 'full address');
    assert.equal(closest('zzzzzzzzzzzzzzzz', PROPERTY_NAMES), undefined);
    assert.equal(closest('k'.repeat(100_000), PROPERTY_NAMES), undefined);
  });
});
