// parseAddress (colons found with indexOf, issue 16; results remembered across files) reads every value as
// the straightforward reader does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseAddress } from '../../src/core/text/address';
import { readAddressStraight } from '../support/read-address-straight';

const piece = fc.oneof(fc.constantFrom(':', '::', '[', ']', ' ', '.', '3389', '0', '65536', 'rdsh01', 'contoso.com', '10.0.0.1', 'fe80::1', '%eth0', '-', '_'), fc.string({ maxLength: 3 }));

describe('parseAddress fast path', () => {
  it('gives what the straightforward reader gives (property test)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), (value) => {
        assert.deepStrictEqual(JSON.parse(JSON.stringify(parseAddress(value))), JSON.parse(JSON.stringify(readAddressStraight(value))));
      }),
      { numRuns: 5000 },
    );
  });
});
