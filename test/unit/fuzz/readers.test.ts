import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PropertyBroken, runTarget, TARGETS, type FuzzTarget } from '../../fuzz/targets';

/** Cases per reader in the unit suite (a few thousand; `npm run fuzz` runs 100,000). FUZZ_UNIT_RUNS overrides it. */
const RUNS = Number(process.env.FUZZ_UNIT_RUNS) || 3000;

describe('every reader survives mutated and arbitrary input', () => {
  for (const target of TARGETS) {
    it(target.name, () => {
      const tally = runTarget(target, Math.ceil(RUNS / (target.weight ?? 1)));
      assert.ok(tally.cases > 0);
      assert.deepEqual({ escaped: tally.escaped, broken: tally.broken }, { escaped: 0, broken: 0 }, tally.examples.join('\n'));
    });
  }
});

describe('the fuzz harness', () => {
  it('counts errors that escape a reader and answers that break a property, without stopping at the first', () => {
    const target: FuzzTarget<number> = {
      name: 'a reader that fails on some inputs',
      input: fc.integer({ min: 0, max: 99 }),
      check(n) {
        if (n % 10 === 1) throw new TypeError('escaped');
        if (n % 10 === 2) throw new PropertyBroken('span outside');
      },
    };
    const tally = runTarget(target, 500, 7);
    assert.equal(tally.cases, 500);
    assert.ok(tally.escaped > 10 && tally.broken > 10, JSON.stringify(tally));
    assert.ok(tally.examples.some((e) => e.startsWith('escaped: TypeError: escaped')) && tally.examples.length === 3);
  });
});
