import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runTarget, TARGETS } from '../../fuzz/targets';

/** Cases per reader in the unit suite (a few thousand; `npm run fuzz` runs 100,000). FUZZ_UNIT_RUNS overrides it. */
const RUNS = Number(process.env.FUZZ_UNIT_RUNS) || 2000;

describe('every reader survives mutated and arbitrary input', () => {
  for (const target of TARGETS) {
    it(target.name, () => {
      const tally = runTarget(target, Math.ceil(RUNS / (target.weight ?? 1)));
      assert.ok(tally.cases > 0);
      assert.deepEqual({ escaped: tally.escaped, broken: tally.broken }, { escaped: 0, broken: 0 }, tally.examples.join('\n'));
    });
  }
});
