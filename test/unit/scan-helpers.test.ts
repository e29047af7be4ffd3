// The extension's workspace scan: exclude globs flattened into one brace group, and a few files read at a time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excludePatterns, expandBraces, inPool, MAX_BRACE_EXPANSIONS, MAX_EXCLUDE_PATTERNS } from '../../src/extension/scan-helpers';

describe('workspace scan helpers', () => {
  it('expandBraces flattens brace groups, nested and in sequence, and leaves other patterns alone', () => {
    assert.deepEqual(expandBraces('**/node_modules'), ['**/node_modules']);
    assert.deepEqual(expandBraces('**/*.{js,map}'), ['**/*.js', '**/*.map']);
    assert.deepEqual(expandBraces('**/{out,dist/{a,b}}/**'), ['**/out/**', '**/dist/a/**', '**/dist/b/**']);
    assert.deepEqual(expandBraces('{a,b}/{c,d}'), ['a/c', 'a/d', 'b/c', 'b/d']);
    assert.deepEqual(expandBraces('**/{unbalanced'), ['**/{unbalanced']);
    assert.deepEqual(expandBraces('a{,b}'), ['a', 'ab']);
  });

  // A workspace's .vscode/settings.json may hold a brace bomb in files.exclude: 33 million patterns held the extension
  // host until it ran out of memory. The test's own timeout bounds it; the expansion stops at its limit.
  it('expandBraces refuses a brace bomb without expanding it, and a pattern longer than a path', { timeout: 20_000 }, () => {
    assert.equal(expandBraces('{a,b}'.repeat(25)), undefined);
    assert.equal(expandBraces('{a,b}'.repeat(819)), undefined);
    assert.equal(expandBraces(`{${Array.from({ length: 2000 }, (_, i) => i).join(',')}}`), undefined);
    assert.equal(expandBraces(`**/${'x'.repeat(5000)}`), undefined);
    assert.equal(expandBraces('{a,b}'.repeat(9))!.length, 512);
    assert.equal(expandBraces(`{${Array.from({ length: MAX_BRACE_EXPANSIONS }, (_, i) => i).join(',')}}`)!.length, MAX_BRACE_EXPANSIONS);
  });

  it('excludePatterns leaves out the entries too large to expand and keeps the group within its limit', { timeout: 20_000 }, () => {
    const bomb = '**/{a,b}'.repeat(30);
    const { patterns, dropped } = excludePatterns(['**/.git/**'], [['**/out/**', true], [bomb, true], ['**/{x,y}', true], ['**/off', false]]);
    assert.deepEqual(patterns, ['**/.git/**', '**/out/**', '**/x', '**/y']);
    assert.deepEqual(dropped, [bomb]);
    const many = Array.from({ length: 30 }, (_, i): [string, unknown] => [`**/${i}/{${Array.from({ length: 999 }, (_, j) => j).join(',')}}`, true]);
    const capped = excludePatterns([], many);
    assert.ok(capped.patterns.length <= MAX_EXCLUDE_PATTERNS);
    assert.equal(capped.patterns.length + capped.dropped.length * 999, 30 * 999);
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
