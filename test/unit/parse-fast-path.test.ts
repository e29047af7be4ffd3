// The parser's fast paths (issue 16: names remembered across lines and files, line breaks found with indexOf)
// give exactly what the straightforward parser gives, on one text and on many texts parsed one after another.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseRdp, plainDecimal, plainDecimalValue, propertyOf, type RdpDocument, type RdpEntry } from '../../src/core/rdp/parse';
import { MAX_RUN_CHARS, MAX_RUN_LINES, nameAt, rememberedSlot, rememberRunAfter, runMemoryChars } from '../../src/core/rdp/names';
import { findProperty, KEY_IDS, knownKeyName, knownKeyProperty, PROPERTIES } from '../../src/core/rdp/properties/index';
import { parseRdpStraight } from '../support/parse-rdp-straight';
import { lintRdp } from '../../src/core/rules/engine';
import { intValue } from '../../src/core/rdp/values';

const piece = fc.oneof(
  fc.constantFrom('full address', 'Full Address', ' full address', 'redirectclipboard', 'redirectclipbaord', 'a', 'b', 'x'.repeat(70), 'x'.repeat(64)),
  fc.constantFrom(':', 's', 'i', 'b', ':s:', ':i:', ':b:', '\r\n', '\n', '\r', ' ', '\t', '\0', '\uFEFF', 'é', 'İ', '😀', '1920', 'rdsh01.contoso.com:3390'),
  fc.string({ maxLength: 6 }),
);
/** A document as plain data: every field of every line and entry, the spans made on demand included. */
function plain(doc: RdpDocument): unknown {
  const entry = (e: RdpEntry) => ({ line: e.line, rawName: e.rawName, key: e.key, type: e.type, value: e.value, span: e.span, nameSpan: e.nameSpan, typeSpan: e.typeSpan, valueSpan: e.valueSpan });
  return {
    text: doc.text,
    // The fields of a line, picked one by one: a property line is its entry (one object), so a spread would copy the entry's fields too.
    lines: doc.lines.map((l) => ({ line: l.line, kind: l.kind, span: l.span, eol: l.eol, ...(l.problem !== undefined && { problem: l.problem }), ...(l.entry && { entry: entry(l.entry) }) })),
    entries: doc.entries.map(entry),
    byKey: [...doc.byKey].map(([k, list]) => [k, list.map((e) => e.line)]),
    eol: doc.eol,
    mixedEol: doc.mixedEol,
  };
}

/** A name's hash, as parseLine makes it (names.ts slots names by it). */
function hashOf(name: string): number {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (Math.imul(hash, 31) + name.charCodeAt(i)) | 0;
  return hash;
}

const rdpText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('parseRdp fast paths', () => {
  it('parses every text as the straightforward parser does (property test)', () => {
    fc.assert(
      fc.property(rdpText, (text) => {
        assert.deepStrictEqual(plain(parseRdp(text)), plain(parseRdpStraight(text)));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same result when names were met in earlier texts (remembered names, colliding slots)', () => {
    // Many distinct names fill and overwrite the remembered slots; each text is compared in turn.
    const name = fc.oneof(fc.stringMatching(/^[a-z ]{1,20}$/), fc.constantFrom('full address', 'username', 'redirectclipboard', 'Full Address', 'x'.repeat(64), 'x'.repeat(65)));
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.stringMatching(/^[0-9]{0,11}$/), fc.constantFrom('0', '00', '1920', '+1', ' 1', '123456789', '1234567890'));
    const line = fc.tuple(name, fc.constantFrom('s', 'i', 'b', 'x'), value).map(([n, t, v]) => `${n}:${t}:${v}`);
    const file = fc.tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\r\n', '\n', '\r')).map(([lines, eol]) => lines.join(eol));
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 30 }), (texts) => {
        for (const text of texts) {
          const doc = parseRdp(text);
          assert.deepStrictEqual(plain(doc), plain(parseRdpStraight(text)));
          // The property an entry knows from its remembered name is the one a lookup finds.
          for (const e of doc.entries) {
            assert.equal(propertyOf(e), findProperty(e.key), e.key);
            // A value read in place reads as the value sliced (before and after the slice is made).
            const inPlace = plainDecimalValue(e);
            assert.equal(inPlace, plainDecimal(e.value, 0, e.value.length), e.value);
            assert.equal(plainDecimalValue(e), inPlace);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result for lines met whole before, in the order of earlier texts (lines the rules found clean)', () => {
    // Lines of known names with good and bad values, in a few orders, so that texts share layouts: the parser then
    // takes a line from what followed the line before it in an earlier text. Each text is linted (the rules remember
    // clean lines), then parsed again and compared with the straightforward parser.
    const good = ['screen mode id:i:2', 'session bpp:i:32', 'full address:s:host.invalid', 'username:s:u', 'redirectclipboard:i:1', 'alternate shell:s:', 'desktopwidth:i:1920'];
    const other = ['screen mode id:i:1', 'session bpp:i:33', 'full address:s:other.invalid:3390', 'redirectclipboard:i:0', 'desktopwidth:s:1920', 'Username:s:u', 'redirectclipboard:i:1 ', 'x-unknown:s:1', 'redirectclipboard:i:1x', ''];
    const layout = fc.shuffledSubarray(good, { minLength: 1 });
    const file = fc
      .tuple(layout, fc.array(fc.tuple(fc.nat(8), fc.constantFrom(...other)), { maxLength: 3 }), fc.constantFrom('\r\n', '\n', '\r'), fc.boolean())
      .map(([lines, swaps, eol, last]) => {
        const out = [...lines];
        for (const [at, line] of swaps) out.splice(at % (out.length + 1), 0, line);
        return out.join(eol) + (last ? eol : '');
      });
    fc.assert(
      fc.property(fc.array(file, { minLength: 2, maxLength: 20 }), (texts) => {
        for (const text of [...texts, ...texts]) {
          lintRdp(text);
          assert.deepStrictEqual(plain(parseRdp(text)), plain(parseRdpStraight(text)), JSON.stringify(text));
          // A line stops at the first line break: a known line that the text continues (no break after it) is not taken.
          const longer = text.replace(/(full address:s:host\.invalid)/, '$1x');
          assert.deepStrictEqual(plain(parseRdp(longer)), plain(parseRdpStraight(longer)), JSON.stringify(longer));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes a run of lines met before only while each of its names is still the one remembered in its slot', () => {
    // A layout linted (its lines found clean) and parsed again, so that its lines are remembered one after another as
    // a run; then thousands of other names, which take slots over; then the layout once more: where a name of the run
    // lost its slot the run is not taken, and every entry still knows its own property.
    const layout = ['screen mode id:i:2', 'session bpp:i:32', 'desktopwidth:i:1920', 'desktopheight:i:1080', 'redirectclipboard:i:1', 'alternate shell:s:', 'authentication level:i:2'].join('\r\n') + '\r\n';
    const check = (text: string): void => {
      const doc = parseRdp(text);
      assert.deepStrictEqual(plain(doc), plain(parseRdpStraight(text)));
      for (const e of doc.entries) assert.equal(propertyOf(e), findProperty(e.key), e.key);
    };
    for (let round = 0; round < 4; round++) {
      lintRdp(layout);
      check(layout);
      check(layout);
      const names: string[] = [];
      for (let i = 0; i < 3000; i++) names.push(`${round}x${i.toString(36)}:i:1`);
      for (let i = 0; i < names.length; i += 50) parseRdp(names.slice(i, i + 50).join('\r\n'));
      check(layout);
      check(`x:s:1\r\n${layout}`);
    }
  });

  it('keeps its runs within MAX_RUN_CHARS, however many long runs the texts hold', () => {
    // Runs of up to MAX_RUN_LINES long lines after every slot: the total would be many megabytes without the bound.
    const name = (i: number) => `n${i.toString(36)}`;
    for (let i = 0; i < 200; i++) nameAt(name(i), 0, name(i).length, hashOf(name(i)));
    const value = 'v'.repeat(120);
    for (let after = 0; after < 200; after++) {
      const lines: string[] = [];
      for (let i = 0; i < MAX_RUN_LINES; i++) lines.push(`${name((after + i) % 200)}:s:${value}`);
      const text = lines.join('\r\n');
      const entries = [];
      let start = 0;
      for (let i = 0; i < lines.length; i++) {
        const key = name((after + i) % 200);
        const slot = rememberedSlot(text, start, start + key.length, hashOf(key));
        if (slot < 0) continue;
        entries.push({ start, end: start + lines[i]!.length, colon: start + key.length + 2, slot, rawName: key });
        start += lines[i]!.length + 2;
      }
      if (entries.length > 1) rememberRunAfter(after, text, entries);
      assert.ok(runMemoryChars() <= MAX_RUN_CHARS, `${runMemoryChars()} characters after ${after + 1} runs`);
    }
    assert.ok(runMemoryChars() > 0);
  });

  it('reads an integer value in place as intValue always read it: trimmed, one to ten digits (property test)', () => {
    const reference = (value: string): number | undefined => (/^\d{1,10}$/.test(value.trim()) ? Number(value.trim()) : undefined);
    const value = fc.oneof(fc.stringMatching(/^[0-9]{0,12}$/), fc.stringMatching(/^[ \t]?[0-9]{0,11}[ \t]?$/), fc.constantFrom('0', '00', '01', '+1', '-1', '1e3', '1.0', '０', '4294967295', '9999999999', '12345678901', ' '), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(value, (v) => {
        if (/[\r\n]/.test(v)) return;
        const entry = parseRdp(`authentication level:i:${v}`).entries[0]!;
        assert.equal(intValue(entry), reference(v), JSON.stringify(v));
        assert.equal(intValue({ ...entry, value: entry.value } as RdpEntry), reference(v), JSON.stringify(v));
      }),
      { numRuns: 3000 },
    );
    assert.equal(intValue(undefined), undefined);
  });

  it('reads a name met in an earlier text with the positions of this text', () => {
    const first = parseRdp('averyveryverylongpropertyname:s:1\r\n').entries[0]!;
    const again = parseRdp('x:s:2\r\naveryveryverylongpropertyname:i:3\r\n').entries[1]!;
    assert.equal(first.key, 'averyveryverylongpropertyname');
    assert.equal(again.key, first.key);
    assert.deepEqual(again.nameSpan, { start: 7, end: 36 });
  });

  it('knows each property name and alias as written in files, and nothing else', () => {
    for (const p of PROPERTIES) {
      for (const name of [p.name, ...(p.aliases ?? [])]) {
        const key = name.trim().toLowerCase();
        const id = KEY_IDS.get(key);
        assert.ok(id !== undefined, key);
        assert.equal(knownKeyName(id), key);
        assert.equal(knownKeyProperty(id), p);
      }
    }
    for (const name of ['Full Address', ' full address', 'full address ', 'redirectclipbaord', '']) assert.equal(KEY_IDS.get(name), undefined);
  });
});
