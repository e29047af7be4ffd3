// Messages shared between findings (issue 16: a run over thousands of files keeps one string per distinct
// message until it prints): same text in, same text out, whatever the table holds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sharedMessage, toOutputFindings } from '../../../src/core/lint/output';
import type { Finding } from '../../../src/core/rules/types';

describe('sharedMessage', () => {
  it('returns a string equal to the one given, across many messages that fill and empty the table (property test)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('a', 'b', 'x'.repeat(600))), { maxLength: 6000 }), (messages) => {
        for (const m of messages) assert.equal(sharedMessage(m), m);
      }),
      { numRuns: 20 },
    );
  });

  it('leaves output findings as they were: messages and related messages', () => {
    const text = 'a:i:1\r\nb:i:2\r\n';
    const finding: Finding = {
      ruleId: 'RDP043',
      severity: 'info',
      message: `Two ${'lines'}.`,
      span: { start: 0, end: 5 },
      related: [{ message: `Also ${'here'}.`, span: { start: 7, end: 12 } }],
    };
    const [out] = toOutputFindings(text, [finding], undefined, 'f.rdp');
    assert.deepEqual(out, {
      ruleId: 'RDP043', severity: 'info', message: 'Two lines.', line: 1, column: 1, endLine: 1, endColumn: 6, subject: null, fixable: false,
      related: [{ path: 'f.rdp', message: 'Also here.', line: 2, column: 1, endLine: 2, endColumn: 6 }],
    });
  });
});
