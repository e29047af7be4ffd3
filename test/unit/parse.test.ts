import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { effectiveEntry, parseRdp } from '../../src/core/rdp/parse';
import { printRdp } from '../support/print-rdp';

describe('parseRdp', () => {
  it('gives exact spans for name, type and value; values keep their colons', () => {
    const text = 'screen mode id:i:2\r\nfull address:s:rdsh01.contoso.com:3390\r\ndrivestoredirect:s:C:\\;E:\\;';
    const doc = parseRdp(text);
    const full = effectiveEntry(doc, 'full address')!;
    assert.equal(full.value, 'rdsh01.contoso.com:3390');
    assert.equal(text.slice(full.nameSpan.start, full.nameSpan.end), 'full address');
    assert.equal(text.slice(full.typeSpan.start, full.typeSpan.end), 's');
    assert.equal(text.slice(full.valueSpan.start, full.valueSpan.end), 'rdsh01.contoso.com:3390');
    assert.equal(effectiveEntry(doc, 'drivestoredirect')!.value, 'C:\\;E:\\;');
    assert.equal(doc.eol, '\r\n');
    assert.equal(doc.mixedEol, false);
  });

  it('compares names case-insensitively and keeps every duplicate in order', () => {
    const doc = parseRdp('Full Address:s:a\nFULL ADDRESS:s:b\n');
    assert.deepEqual(doc.byKey.get('full address')!.map((e) => e.value), ['a', 'b']);
    assert.equal(effectiveEntry(doc, 'full address')!.value, 'b');
  });

  it('turns unreadable lines into malformed lines instead of throwing', () => {
    const doc = parseRdp('nonsense\n:s:x\nname:xy:1\nname:q:1\n   \n');
    assert.deepEqual(doc.lines.map((l) => l.kind), ['malformed', 'malformed', 'malformed', 'malformed', 'blank']);
    assert.equal(doc.entries.length, 0);
  });

  it('handles empty text, lone CR line breaks and a missing final line break', () => {
    assert.equal(parseRdp('').lines.length, 1);
    const doc = parseRdp('a:s:1\rb:s:2');
    assert.deepEqual(doc.entries.map((e) => e.key), ['a', 'b']);
    assert.equal(doc.lines[1]!.eol, '');
  });

  it('never throws and prints back exactly what it read (property test)', () => {
    const piece = fc.oneof(
      fc.constantFrom('full address', ':', 's', 'i', 'b', ':s:', ':i:', '\r\n', '\n', '\r', ' ', '\0', '\uFEFF', 'é', '😀', 'x'),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        const doc = parseRdp(text);
        assert.equal(printRdp(doc), text);
        for (const e of doc.entries) {
          assert.equal(text.slice(e.valueSpan.start, e.valueSpan.end), e.value);
          assert.ok(e.nameSpan.start <= e.nameSpan.end && e.typeSpan.end <= e.valueSpan.start);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
