// quote() cuts long values for messages; the cut never splits a surrogate pair (half an emoji is a lone surrogate,
// which strict JSON readers refuse: session 15 review, 59 "a" then emoji).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cutAt, quote } from '../../src/core/text/quote';

const isWellFormed = (s: string): boolean => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('quote and cutAt', () => {
  it('cut before a pair the limit would split, and keep short values whole', () => {
    assert.equal(quote(`${'a'.repeat(59)}😀😀😀`), `"${'a'.repeat(59)}…"`);
    assert.equal(quote(`${'a'.repeat(58)}😀😀😀`), `"${'a'.repeat(58)}😀…"`);
    assert.equal(quote('short 😀'), '"short 😀"');
    assert.equal(cutAt('ab😀', 3), 'ab');
  });

  it('never leave a lone surrogate from well-formed text (property test)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 1, max: 90 }), (text, length) => {
        assert.ok(isWellFormed(cutAt(text, length)));
        assert.ok(isWellFormed(quote(text)));
        assert.ok(text.startsWith(cutAt(text, length)));
      }),
      { numRuns: 5000 },
    );
  });
});
