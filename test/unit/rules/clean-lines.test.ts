// The engine passes over a line the per-entry rules found clean before (issue 16: names.ts remembers the last clean
// value of each name). That memo must never hide a finding: linting a text after any other texts gives the findings
// a lint without the memo gives. `rules: [...RDP_RULES]` is the same rules as another list, which the engine neither
// reads from nor writes to the memo.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lintRdp } from '../../../src/core/rules/engine';
import { RDP_RULES } from '../../../src/core/rules/registry';

const withoutMemo = [...RDP_RULES];
/** The findings of the per-entry rules (RDP010's "no full address" aside, which every one-line text here has). */
const perEntry = (text: string, severities?: Record<string, 'off'>): string[] =>
  lintRdp(text, severities ? { severities } : {}).findings.map((f) => f.ruleId).filter((id) => id !== 'RDP010');

// Names the table knows (integers with closed sets and ranges, strings, a secret, a deprecated one) and unknown ones,
// written plain and not; values and type letters that are right for some names and wrong for others.
const name = fc.constantFrom('screen mode id', 'session bpp', 'desktopwidth', 'full address', 'username', 'password 51', 'authentication level', 'redirectprinters', 'drivestoredirect', 'camerastoredirect', 'selectedmonitors', 'x-unknown', 'screen mode', ' session bpp', 'Session BPP', 'audiomode ');
const type = fc.constantFrom('i', 's', 'b', 'i', 's');
const value = fc.constantFrom('0', '1', '2', '3', '7', '32', '1920', '01', '+1', ' 1', '1 ', '-1', '0x10', '', 'host.invalid', '127.0.0.1:99999', '*', 'C:', 'DynamicDrives', '0,1');
const line = fc.tuple(name, type, value).map(([n, t, v]) => `${n}:${t}:${v}`);
const text = fc.array(line, { maxLength: 12 }).map((lines) => lines.join('\r\n'));

describe('lines found clean before', () => {
  it('are passed over only where the rules would find nothing: the same findings as a lint without the memo (property test)', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (texts) => {
        for (const t of texts) assert.deepEqual(lintRdp(t).findings, lintRdp(t, { rules: withoutMemo }).findings, JSON.stringify(t));
      }),
      { numRuns: 1500 },
    );
  });

  it('a line found clean does not pass a line with another value or type letter of the same name', () => {
    assert.deepEqual(perEntry('screen mode id:i:2'), []);
    assert.deepEqual(perEntry('screen mode id:i:2'), []);
    assert.deepEqual(perEntry('screen mode id:i:9'), ['RDP004']);
    assert.deepEqual(perEntry('screen mode id:s:2'), ['RDP003']);
    assert.deepEqual(perEntry('screen mode id:i:2 '), ['RDP004']);
    assert.deepEqual(perEntry('screen mode id:i:2'), []);
  });

  it('runs only with per-entry rules that decide from the line alone: each of the project\'s says so (lineLocal)', () => {
    // A per-entry rule that reads the document, its bytes or the options to decide turns the memo off for every file
    // (engine.ts): this list is where adding one shows.
    const perEntry = RDP_RULES.filter((r) => r.checkEntry);
    assert.deepEqual(perEntry.map((r) => r.id), ['RDP002', 'RDP003', 'RDP004', 'RDP007', 'RDP008']);
    for (const r of perEntry) assert.equal(r.lineLocal, true, r.id);
  });

  it('a line linted with a rule turned off is not remembered as clean', () => {
    assert.deepEqual(perEntry('session bpp:i:33', { RDP004: 'off' }), []);
    assert.deepEqual(perEntry('session bpp:i:33'), ['RDP004']);
  });
});
