import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { JSON_PIECE_CHARS, JsonArrayText, toJsonChunks, toJsonOutput } from '../../../src/cli/version';

describe('JSON written in pieces', () => {
  it('is byte for byte the document JSON.stringify writes, for any report', () => {
    const finding = fc.record({ ruleId: fc.string(), severity: fc.constantFrom('error', 'warning', 'info'), message: fc.string(), line: fc.nat(), related: fc.option(fc.array(fc.record({ path: fc.string() })), { nil: undefined }) });
    const report = fc.record({
      files: fc.array(fc.record({ path: fc.string(), format: fc.string(), findings: fc.array(finding, { maxLength: 4 }), fixed: fc.option(fc.nat(), { nil: undefined }) }), { maxLength: 5 }),
      errors: fc.array(fc.record({ path: fc.string(), message: fc.string() }), { maxLength: 3 }),
      extra: fc.option(fc.dictionary(fc.string(), fc.jsonValue()), { nil: undefined }),
    });
    fc.assert(
      fc.property(report, (r) => {
        assert.equal([...toJsonChunks(r)].join(''), toJsonOutput(r));
      }),
      { numRuns: 500 },
    );
  });

  it('yields pieces of about 64 KB, never the report as one string', () => {
    const files = Array.from({ length: 3000 }, (_, i) => ({ path: `folder/host-${i}.rdp`, format: 'rdp', findings: [{ ruleId: 'RDP002', severity: 'info', message: `Unknown property ${i}.` }] }));
    const chunks = [...toJsonChunks({ files, errors: [] })];
    assert.equal(chunks.join(''), toJsonOutput({ files, errors: [] }));
    assert.ok(chunks.length >= 5, String(chunks.length));
    // A piece closes once it reaches the size: it holds at most one batch of 32 files more.
    assert.ok(Math.max(...chunks.map((c) => c.length)) < 2 * JSON_PIECE_CHARS, String(Math.max(...chunks.map((c) => c.length))));
  });

  it('writes an array field filled element by element (JsonArrayText) as JSON.stringify writes the whole array', () => {
    // Any number of elements (batches of 32, pieces of 64 KB crossed by long strings) and any other fields around it.
    const element = fc.oneof(fc.jsonValue(), fc.record({ path: fc.string(), text: fc.string({ maxLength: 5000 }).map((t) => t.repeat(8)) }));
    fc.assert(
      fc.property(fc.array(element, { maxLength: 120 }), fc.array(fc.record({ path: fc.string(), message: fc.string() }), { maxLength: 3 }), (items, errors) => {
        const array = new JsonArrayText();
        for (const item of items) array.add(item);
        assert.equal(array.length, items.length);
        assert.equal([...toJsonChunks({ files: array, errors })].join(''), toJsonOutput({ files: items, errors }));
      }),
      { numRuns: 200 },
    );
  });
});
