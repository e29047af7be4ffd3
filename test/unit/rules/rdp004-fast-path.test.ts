// RDP004 skips the remembered verdicts for a plain decimal among the allowed values (issue 16): that fast path
// must answer only where the full check finds nothing wrong, and take every plain allowed value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PROPERTIES } from '../../../src/core/rdp/properties/index';
import { checkInteger, plainAndAllowed } from '../../../src/core/rules/rdp/rdp004-invalid-value';

const integers = PROPERTIES.filter((p) => p.type === 'i');
const value = fc.oneof(
  fc.integer({ min: 0, max: 70000 }).map(String),
  fc.integer({ min: 0, max: 9 }).map((n) => `0${n}`),
  fc.constantFrom('0', '00', '1', '+1', '-1', ' 1', '1 ', '0x1', '1e3', '1.0', '', '٣', '１', '2147483647', '4294967296', '9999999999', '0000000001'),
  fc.stringMatching(/^[0-9+\- x]{0,11}$/),
);

describe('RDP004 fast path', () => {
  it('accepts a value only where checkInteger finds nothing wrong, and every value checkInteger accepts that is plain (property test)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...integers), value, (info, raw) => {
        const fast = plainAndAllowed(raw, info);
        const verdict = checkInteger(raw, info);
        if (fast) assert.equal(verdict, undefined, `${info.name}:i:${raw}`);
        // A plain decimal (no sign, no blank, no leading zero, up to 9 digits) that checkInteger accepts takes the fast path.
        if (verdict === undefined && /^(0|[1-9][0-9]{0,8})$/.test(raw)) assert.ok(fast, `${info.name}:i:${raw}`);
      }),
      { numRuns: 20000 },
    );
  });
});
