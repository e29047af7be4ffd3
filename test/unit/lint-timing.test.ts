// How long the editor waits after an edit before linting again: VS Code's own rule for its providers (a sliding average
// of the last 6 durations, clamped to [min, min²]), so a file whose lint takes seconds is linted when typing pauses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LintDurations } from '../../src/extension/lint-timing';

describe('lint debounce', () => {
  it('is the setting until the document has been linted, and while its lints are quicker', () => {
    const d = new LintDurations();
    assert.equal(d.delay('a', 200), 200);
    d.record('a', 3);
    assert.equal(d.delay('a', 200), 200);
  });

  it('grows to the average of the last six lints, up to the square of the setting', () => {
    const d = new LintDurations();
    for (const ms of [100, 900, 2000, 2000, 2000, 2000, 2000]) d.record('big', ms);
    // 100 left the window of six: (900 + 5 × 2000) / 6.
    assert.equal(d.delay('big', 200), Math.round(10_900 / 6));
    d.record('huge', 90_000);
    assert.equal(d.delay('huge', 200), 40_000);
    assert.equal(d.delay('huge', 0), 0, 'a debounce of 0 asks for no wait');
    assert.equal(d.delay('other', 200), 200, 'per document');
    d.forget('big');
    assert.equal(d.delay('big', 200), 200);
  });
});
