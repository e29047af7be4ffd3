// The extension's workspace scan: exclude globs flattened into one brace group, and a few files read at a time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandBraces, inPool } from '../../src/extension/scan-helpers';

describe('workspace scan helpers', () => {
  it('expandBraces flattens brace groups, nested and in sequence, and leaves other patterns alone', () => {
    assert.deepEqual(expandBraces('**/node_modules'), ['**/node_modules']);
    assert.deepEqual(expandBraces('**/*.{js,map}'), ['**/*.js', '**/*.map']);
    assert.deepEqual(expandBraces('**/{out,dist/{a,b}}/**'), ['**/out/**', '**/dist/a/**', '**/dist/b/**']);
    assert.deepEqual(expandBraces('{a,b}/{c,d}'), ['a/c', 'a/d', 'b/c', 'b/d']);
    assert.deepEqual(expandBraces('**/{unbalanced'), ['**/{unbalanced']);
  });

  it('inPool runs every item, never more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    const items = Array.from({ length: 23 }, (_, i) => i);
    await inPool(items, 4, async (i) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5));
      done.push(i);
      running -= 1;
    });
    assert.equal(peak, 4);
    assert.deepEqual([...done].sort((a, b) => a - b), items);
    await inPool([], 4, async () => assert.fail('no work for no items'));
  });
});
