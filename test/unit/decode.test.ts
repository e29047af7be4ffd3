import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeBytes, encodeText, type Encoding } from '../../src/core/text/decode';
import { LineIndex } from '../../src/core/text/line-index';
import { applyEdits } from '../../src/core/text/edits';

const TEXT = 'screen mode id:i:2\r\nfull address:s:rdsh01.contoso.com\r\n';

describe('decodeBytes', () => {
  const cases: [string, Buffer, Encoding, boolean][] = [
    ['UTF-16LE with BOM (as mstsc writes)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf-16le', true],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]), 'utf-16be', true],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), 'utf-8', true],
    ['UTF-8 without BOM', Buffer.from(TEXT), 'utf-8', false],
    ['UTF-16LE without BOM', Buffer.from(TEXT, 'utf16le'), 'utf-16le', false],
    ['UTF-16BE without BOM', Buffer.from(TEXT, 'utf16le').swap16(), 'utf-16be', false],
    ['ANSI that is not UTF-8', Buffer.from('username:s:J\xfcrgen\r\n', 'latin1'), 'latin1', false],
  ];
  for (const [title, bytes, encoding, bom] of cases) {
    it(`detects ${title} and writes the same bytes back`, () => {
      const decoded = decodeBytes(bytes);
      assert.equal(decoded.encoding, encoding);
      assert.equal(decoded.bom, bom);
      assert.equal(decoded.binary, false);
      assert.ok(!decoded.text.startsWith('\uFEFF'));
      assert.deepEqual(encodeText(decoded.text, decoded.encoding, decoded.bom), bytes);
    });
  }

  it('reports NUL characters and binary garbage', () => {
    assert.equal(decodeBytes(Buffer.from('a:s:1\0\r\nb:s:2')).nul, true);
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    assert.equal(decodeBytes(garbage).binary, true);
    assert.equal(decodeBytes(Buffer.alloc(0)).text, '');
  });

  it('round-trips any text through every encoding (property test)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom<Encoding>('utf-8', 'utf-16le', 'utf-16be'), fc.boolean(), (text, encoding, bom) => {
        const bytes = encodeText(text, encoding, bom);
        if (!bom && encoding !== 'utf-8') return; // without a BOM, short UTF-16 is only guessed
        const decoded = decodeBytes(bytes);
        assert.equal(decoded.text, text);
        assert.deepEqual(encodeText(decoded.text, decoded.encoding, decoded.bom), bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('decodes UTF-16 exactly as TextDecoder does (unpaired surrogates, a second BOM), but for an odd last byte, which it drops', () => {
    const reference = new TextDecoder('utf-16le');
    const le = (units: number[], extra: number[] = []): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(new Uint16Array(units).buffer), Buffer.from(extra)]);
    const samples = [le([0x61, 0xd800, 0x62]), le([0xdc00]), le([0xd83d, 0xde00, 0x63]), le([0x61], [0x62]), le([0xfeff, 0x61]), le([0x61, 0xfffe, 0])];
    const even = (body: Uint8Array): Uint8Array => body.subarray(0, body.length & ~1);
    for (const bytes of samples) assert.equal(decodeBytes(bytes).text, reference.decode(even(bytes.subarray(2))), bytes.toString('hex'));
    assert.equal(decodeBytes(le([0x61, 0xd800])).text, 'a\uFFFD');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), (body, bigEndian) => {
        const bytes = Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]);
        const swapped = Buffer.from(body.subarray(0, body.length & ~1)).swap16();
        assert.equal(decodeBytes(bytes).text, reference.decode(bigEndian ? swapped : even(body)));
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes large UTF-16 exactly as TextDecoder does, Latin-1 or not (the one-byte path and its fallbacks)', () => {
    const reference = new TextDecoder('utf-16le');
    const base = '<Policy><Name>Turn off Autoplay</Name><State>Enabled</State></Policy>\r\n'.repeat(4000); // ~300 KB as UTF-16
    const odd = fc.constantFrom('?', '??', '\u001A', '\u00E9', '\u00FF', '\u0100', '\u20AC', '\uFEFF', '\uFFFD', '\uD800', '\uDC00', '\uD83D\uDE00', '\0', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000), odd), { maxLength: 4 }), fc.boolean(), (inserts, bigEndian) => {
        let text = base;
        for (const [where, piece] of inserts) {
          const at = Math.floor(where * text.length);
          text = text.slice(0, at) + piece + text.slice(at);
        }
        const body = Buffer.from(text, 'utf16le');
        const bytes = Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), bigEndian ? Buffer.from(body).swap16() : body]);
        const decoded = decodeBytes(bytes).text;
        assert.ok(decoded === reference.decode(body), JSON.stringify(inserts));
      }),
      { numRuns: 150 },
    );
  });

  it('decodes large BOM-less UTF-16LE at every byte offset and length as TextDecoder does, a wide character first, last or anywhere', () => {
    // The one-byte path reads four code units at a time from a 4-byte boundary: the first and last units, at any
    // alignment of the bytes in their buffer, are checked one by one.
    const reference = new TextDecoder('utf-16le');
    const base = '<Policy><Name>Turn off Autoplay</Name><State>Enabled</State></Policy>\r\n'.repeat(4000);
    for (const wide of ['\u0100', '\uD800', '']) {
      for (const at of [0, 1, 2, 3, 4, base.length - 3, base.length - 2, base.length - 1, base.length]) {
        for (const extra of ['', 'x']) {
          const text = base.slice(0, at) + wide + base.slice(at) + extra;
          const body = Buffer.from(text, 'utf16le');
          for (let offset = 0; offset < 4; offset++) {
            for (const oddByte of [false, true]) {
              const backing = new Uint8Array(offset + body.length + 1);
              backing.set(body, offset);
              const bytes = new Uint8Array(backing.buffer, offset, body.length + (oddByte ? 1 : 0));
              const decoded = decodeBytes(bytes);
              assert.equal(decoded.encoding, 'utf-16le');
              assert.ok(decoded.text === reference.decode(body), `${JSON.stringify(wide)} at ${at}, offset ${offset}, ${extra.length} more, odd byte ${oddByte}`);
            }
          }
        }
      }
    }
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => void decodeBytes(bytes)), { numRuns: 1000 });
  });
});

describe('LineIndex and line endings', () => {
  it('maps offsets and positions both ways across CRLF, LF and CR', () => {
    const text = 'ab\r\ncd\nef\rg';
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(text.indexOf('d')), { line: 1, character: 1 });
    assert.deepEqual(index.positionAt(text.indexOf('g')), { line: 3, character: 0 });
    assert.equal(index.offsetAt({ line: 2, character: 1 }), text.indexOf('f'));
    assert.equal(index.lineEnd(0), 2);
    assert.deepEqual(index.positionAt(999), { line: 3, character: 1 });
  });

  it('finds the same positions as a character-by-character reference, whatever order offsets are asked in', () => {
    const reference = (text: string, offset: number): { line: number; character: number } => {
      let line = 0;
      let start = 0;
      for (let i = 0; i < Math.min(offset, text.length); i++) {
        const c = text[i];
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
          line++;
          start = i + 1;
        }
      }
      return { line, character: Math.min(offset, text.length) - start };
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '\r', '\n', '\r\n'), { maxLength: 40 }).map((parts) => parts.join('')), fc.array(fc.nat(50), { maxLength: 8 }), (text, offsets) => {
        const index = new LineIndex(text);
        for (const offset of offsets) assert.deepEqual(index.positionAt(offset), reference(text, offset), JSON.stringify({ text, offset }));
        const lines = text.split(/\r\n|\r|\n/).length;
        assert.equal(index.lineCount, lines);
        assert.equal(new LineIndex(text).lineCount, lines);
      }),
      { numRuns: 2000 },
    );
  });

});

describe('applyEdits', () => {
  it('applies edits in order and drops one that overlaps an earlier edit', () => {
    const result = applyEdits('0123456789', [
      { span: { start: 5, end: 7 }, newText: 'X' },
      { span: { start: 1, end: 3 }, newText: 'A' },
      { span: { start: 2, end: 6 }, newText: 'B' },
      { span: { start: 9, end: 9 }, newText: '!' },
    ]);
    assert.equal(result.text, '0A34X78!9');
    assert.equal(result.dropped.length, 1);
  });
});
