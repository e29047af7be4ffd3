// Where VS Code's text of a file differs from its bytes: what the editor leaves out of its lint, and how it keeps the
// disk's odd line endings on their lines through edits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LineEndingsOnDisk } from '../../src/core/rdp/line-endings';
import { decodeBytes } from '../../src/core/text/decode';
import { oddByteLength, shiftLineEndings, type LineChange } from '../../src/extension/document-bytes';

const TEXT = 'full address:s:rdsh01.corp.example\r\nscreen mode id:i:2\r\n';

describe("what VS Code makes of a UTF-16 file's lone last byte", () => {
  it('UTF-16LE: a NUL character at the end, left out of the lint while the document ends with it', () => {
    const facts = decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le'), Buffer.from([0x41])]));
    assert.equal(facts.text, TEXT, 'the CLI drops the byte');
    assert.equal(oddByteLength(facts, '\0'), 1, 'the last line is that character alone');
    assert.equal(oddByteLength(facts, 'screen mode id:i:2\0'), 1);
    assert.equal(oddByteLength(facts, '\0x'), 0, 'typed after: a NUL like any other');
    assert.equal(oddByteLength(facts, ''), 0, 'deleted: nothing to leave out');
  });
  it('UTF-16BE: nothing (its decoder drops the byte), nor for an even byte count or 8-bit text', () => {
    const body = Buffer.from(TEXT, 'utf16le').swap16();
    assert.equal(oddByteLength(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), body, Buffer.from([0x41])])), '\0'), 0);
    assert.equal(oddByteLength(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])), '\0'), 0);
    assert.equal(oddByteLength(decodeBytes(Buffer.from(`${TEXT}\0`)), '\0'), 0, 'a NUL of the file itself is linted');
    assert.equal(oddByteLength(undefined, '\0'), 0);
  });
});

describe("the disk's odd line endings through edits", () => {
  const onDisk: LineEndingsOnDisk = { most: '\r\n', odd: [{ line: 1, eol: '\n' }, { line: 4, eol: '\n' }] };
  const change = (first: number, last: number, text: string): LineChange => ({ range: { start: { line: first }, end: { line: last } }, text });
  const lines = (shifted: LineEndingsOnDisk | undefined): number[] | undefined => shifted?.odd.map((o) => o.line);

  it('stay on their lines when an edit adds or removes no line, and keep their endings', () => {
    assert.equal(shiftLineEndings(onDisk, [change(1, 1, '2')]), onDisk, 'a character on the odd line itself');
    assert.equal(shiftLineEndings(onDisk, [change(0, 0, 'x'), change(3, 3, '')]), onDisk);
  });
  it('move with lines added or removed above them', () => {
    assert.deepEqual(lines(shiftLineEndings(onDisk, [change(0, 0, 'desktopwidth:i:1920\r\n')])), [2, 5]);
    assert.deepEqual(lines(shiftLineEndings(onDisk, [change(2, 3, '')])), [1, 3], 'line 3 joined to line 4');
    assert.deepEqual(lines(shiftLineEndings(onDisk, [change(1, 1, '\r\n\r\n')])), [3, 6], 'lines broken on the odd line: its ending follows its end');
    assert.deepEqual(shiftLineEndings(onDisk, [change(0, 0, 'a\nb\rc\r\n')])!.odd, [{ line: 4, eol: '\n' }, { line: 7, eol: '\n' }], 'every kind of break counts once');
  });
  it('apply changes in order, each in the text the ones before it left', () => {
    assert.deepEqual(lines(shiftLineEndings(onDisk, [change(5, 5, 'x\r\n'), change(0, 0, 'y\r\n')])), [2, 5]);
  });
  it('lose a line whose line break an edit took away, and are gone with the last', () => {
    assert.deepEqual(lines(shiftLineEndings(onDisk, [change(1, 2, '')])), [3], 'line 2 joined to line 3');
    assert.equal(shiftLineEndings(onDisk, [change(0, 5, 'full address:s:h')]), undefined, 'the whole text replaced (a revert)');
  });
});
