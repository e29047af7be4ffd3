import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { terminalSafe } from '../../src/core/text/terminal';

describe('terminalSafe', () => {
  it('shows C0 and C1 controls, ESC, DEL and line breaks as escapes', () => {
    assert.equal(terminalSafe('h\x1b]0;PWNED\x07ost'), 'h\\x1b]0;PWNED\\x07ost');
    assert.equal(terminalSafe('a\x00b\x7fc\x9bd\x85e'), 'a\\x00b\\x7fc\\x9bd\\x85e');
    assert.equal(terminalSafe('one\r\ntwo\x0bthree'), 'one\\x0d\\x0atwo\\x0bthree');
  });

  it('shows bidi overrides, embeddings, isolates and marks as \\u escapes', () => {
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
    for (const c of bidi) assert.equal(terminalSafe(`x${c}y`), `x\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}y`);
  });

  it('shows what prints as nothing, and the Unicode line and paragraph separators, as \\u escapes', () => {
    // "pass\u200bword" printed as "password" in an unknown-property message (a hostile-input review).
    assert.equal(terminalSafe('pass\u00adword'), 'pass\\xadword');
    for (const c of ['\u200b', '\u2060', '\u2061', '\u2064', '\ufeff', '\u2028', '\u2029']) {
      assert.equal(terminalSafe(`pass${c}word`), `pass\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}word`);
    }
    // Joiners that scripts and emoji need stay.
    assert.equal(terminalSafe('\u0645\u200c\u06cc 👩\u200d💻'), '\u0645\u200c\u06cc 👩\u200d💻');
  });

  it('leaves tabs and printable text, accents and other scripts as they are', () => {
    const text = 'Größe\tÜberprüfung — 日本語 ✓ "quoted" \\ backslash';
    assert.equal(terminalSafe(text), text);
  });
});
