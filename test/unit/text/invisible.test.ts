import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { showHidden } from '../../../src/core/text/invisible';
import { jsonSafe } from '../../../src/core/text/json-safe';
import { terminalSafe } from '../../../src/core/text/terminal';

const ROOT = resolve(__dirname, '../../../..');
const u = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Characters a security review found shown as nothing by the terminal or the JSON escape, or by neither. */
const ADDED = [0x180e, 0x034f, 0x115f, 0x1160, 0x3164, 0xffa0, 0xfff9, 0xfffa, 0xfffb];
const TAGS = [0xe0000, 0xe0001, 0xe0041, 0xe007f];
/** Each UTF-16 unit of a code point as `\uXXXX`: a tag character as its two surrogates, as JSON writes it. */
const tagEscape = (code: number): string => {
  const c = String.fromCodePoint(code);
  return Array.from({ length: c.length }, (_, i) => u(c.charCodeAt(i))).join('');
};

describe('showHidden (the Problems panel)', () => {
  it('shows bidi controls, zero-width characters, and every C0 and C1 control, tab and line breaks too, as \\uXXXX', () => {
    const codes = [...range(0x202a, 0x202e), ...range(0x2066, 0x2069), 0x200e, 0x200f, ...range(0x200b, 0x200d), 0x2060, 0xfeff, ...range(0x00, 0x1f), ...range(0x7f, 0x9f)];
    for (const code of codes) assert.equal(showHidden(`a${String.fromCharCode(code)}b`), `a${u(code)}b`, u(code));
    assert.equal(showHidden('The value "pass\u200bword" \u202egpj.exe'), 'The value "pass\\u200bword" \\u202egpj.exe');
  });

  it('shows the other invisible characters and the tag characters (as their surrogates), and leaves other text alone', () => {
    for (const code of ADDED) assert.equal(showHidden(`a${String.fromCharCode(code)}b`), `a${u(code)}b`);
    for (const code of TAGS) assert.equal(showHidden(`a${String.fromCodePoint(code)}b`), `a${tagEscape(code)}b`);
    const text = 'Größe — 日本語 ✓ 😀 "quoted" \\ backslash, a \\u202e written out';
    assert.equal(showHidden(text), text);
  });
});

describe('the terminal and JSON escapes agree on what is invisible', () => {
  it('both escape the Hangul fillers, the Mongolian vowel separator, the grapheme joiner, the annotation controls and tag characters', () => {
    for (const code of [...ADDED, ...TAGS]) {
      const c = String.fromCodePoint(code);
      assert.equal(terminalSafe(`a${c}b`), `a${tagEscape(code)}b`, code.toString(16));
      const json = jsonSafe(JSON.stringify(`a${c}b`));
      assert.equal(json, `"a${tagEscape(code)}b"`, code.toString(16));
      assert.equal(JSON.parse(json), `a${c}b`);
    }
  });

  it('escape the same characters from DEL up, but for the joiners a terminal keeps for scripts and emoji; the Problems panel escapes all of them', () => {
    const codes = [...range(0x7f, 0xd7ff), ...range(0xe000, 0xffff), ...range(0xe0000, 0xe00ff)];
    const differ: string[] = [];
    for (const code of codes) {
      const c = String.fromCodePoint(code);
      const terminal = terminalSafe(c) !== c;
      const json = jsonSafe(c) !== c;
      if (terminal !== json) differ.push(code.toString(16));
      if ((terminal || json) && showHidden(c) === c) differ.push(`panel ${code.toString(16)}`);
    }
    assert.deepEqual(differ, ['200c', '200d']);
  });
});

describe('the extension', () => {
  it('passes every diagnostic message, related message and check message through showHidden', () => {
    const dir = join(ROOT, 'src/extension');
    const calls = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').map((line) => ({ f, line })))
      .filter(({ line }) => /new vscode\.(Diagnostic|DiagnosticRelatedInformation)\(/.test(line));
    assert.ok(calls.length >= 6, `${calls.length} calls`);
    assert.deepEqual(calls.filter(({ line }) => !line.includes('showHidden(')).map(({ f, line }) => `${f}: ${line.trim()}`), []);
  });
});
