// positionsInRdp (issue 16) places spans from the parser's lines exactly as positionsIn does by scanning the text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { positionsIn, positionsInRdp } from '../../../src/core/lint/output';
import { parseRdp } from '../../../src/core/rdp/parse';

const piece = fc.oneof(fc.constantFrom('a:s:1', 'full address:s:h', '\r\n', '\n', '\r', '\r\r\n', ' ', 'x', '😀', ''), fc.string({ maxLength: 4 }));

describe('positionsInRdp', () => {
  it('gives the positions positionsIn gives, for every span of every text (property test)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), fc.array(fc.tuple(fc.integer({ min: -2, max: 200 }), fc.integer({ min: -2, max: 200 })), { maxLength: 20 }), (text, spans) => {
        const fast = positionsInRdp(parseRdp(text));
        const straight = positionsIn(text);
        for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(fast({ start: offset, end: offset }), straight({ start: offset, end: offset }), `offset ${offset}`);
        for (const [a, b] of spans) assert.deepEqual(fast({ start: a, end: b }), straight({ start: a, end: b }));
      }),
      { numRuns: 2000 },
    );
  });
});
