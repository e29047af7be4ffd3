import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { toJsonChunks, toJsonOutput } from '../../../src/cli/version';

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

  it('yields one piece per file, not one string for the whole report', () => {
    const files = Array.from({ length: 50 }, (_, i) => ({ path: `f${i}.rdp`, findings: [] }));
    const chunks = [...toJsonChunks({ files, errors: [] })];
    assert.ok(chunks.length >= 50);
    assert.ok(Math.max(...chunks.map((c) => c.length)) < 200);
  });
});
