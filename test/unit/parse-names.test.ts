// The parser's fast path for names that need no trimming or lower-casing (issue 16) gives the same key and
// name span as trimming and lower-casing every name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseRdp } from '../../src/core/rdp/parse';

const nameChar = fc.constantFrom('a', 'z', 'A', 'Z', '0', ' ', ' ', '\t', '\v', '\f', '\u00a0', '\ufeff', 'É', 'é', 'ß', '-', '_', '.', '\u3000', 'İ');

describe('parseRdp names', () => {
  it('keys are the trimmed, lower-cased names and name spans cover the trimmed name', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: nameChar, maxLength: 12 }), { minLength: 1, maxLength: 8 }), (names) => {
        const text = names.map((n, i) => `${n}:s:v${i}`).join('\r\n');
        const doc = parseRdp(text);
        for (const entry of doc.entries) {
          assert.equal(entry.key, entry.rawName.trim().toLowerCase());
          const lead = entry.rawName.length - entry.rawName.trimStart().length;
          const start = entry.span.start;
          assert.deepEqual(entry.nameSpan, { start: start + lead, end: start + entry.rawName.trimEnd().length });
          assert.equal(entry.type, 's');
        }
        assert.equal(doc.entries.length, names.filter((n) => n.trim() !== '').length);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the type letter and rejects anything else between the colons', () => {
    const doc = parseRdp('a:s:1\nb:i:2\nc:b:00\nd:x:1\ne:ss:1\nf::1\nG :S:1');
    assert.deepEqual(doc.entries.map((e) => `${e.key}/${e.type}`), ['a/s', 'b/i', 'c/b']);
    assert.deepEqual(doc.lines.slice(3).map((l) => l.kind), ['malformed', 'malformed', 'malformed', 'malformed']);
  });
});
