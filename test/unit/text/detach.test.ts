// detached() (issue 16): the copy a cache keeps instead of a slice of a file's text is the same text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { detached } from '../../../src/core/text/detach';

describe('detached', () => {
  it('is equal to the string it copies, slices of a longer text included (property test)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.nat(80), fc.nat(80), (text, a, b) => {
        const slice = text.slice(Math.min(a, b), Math.max(a, b));
        assert.equal(detached(slice), slice);
        assert.equal(detached(text), text);
      }),
      { numRuns: 2000 },
    );
  });
});
