// RDP006's mixed line endings, in a text that shows them (the CLI) and in one an editor gave a single ending (VS Code).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstOddLineEnding, lineEndingsOnDisk, oddLineEndings } from '../../../src/core/rdp/line-endings';
import { parseRdp } from '../../../src/core/rdp/parse';
import { rdp006 } from '../../../src/core/rules/rdp/rdp006-encoding';
import { findingsOf, testRule } from '../rule-harness';

/** A review's file: lines 2 and 5 end in LF, the others in CRLF. */
const MIXED = 'full address:s:rdsh01.corp.example\r\nauthentication level:i:0\nscreen mode id:i:2\r\nredirectclipboard:i:1\r\nsession bpp:i:32\n';
/** The same text as VS Code holds it: every line with the ending most lines have. */
const NORMALISED = MIXED.replace(/\r?\n/g, '\r\n');
const SAVES = "VS Code shows every line with the document's line ending (CRLF) and writes them all with it when the file is saved.";

describe('line endings on disk', () => {
  it('lists every line that does not end as most do, by line number, with the ending most have', () => {
    assert.deepEqual(lineEndingsOnDisk(MIXED), { most: '\r\n', odd: [{ line: 1, eol: '\n' }, { line: 4, eol: '\n' }] });
    assert.deepEqual(lineEndingsOnDisk('a:s:1\rb:s:2\rc:s:3\n'), { most: '\r', odd: [{ line: 2, eol: '\n' }] });
    assert.deepEqual(firstOddLineEnding(parseRdp(MIXED)), { line: 1, eol: '\n' });
  });
  it('is undefined for one kind of line ending, or none', () => {
    for (const text of [NORMALISED, 'a:s:1\nb:s:2\n', 'a:s:1\rb:s:2', 'a:s:1', '']) {
      assert.equal(lineEndingsOnDisk(text), undefined, JSON.stringify(text));
      assert.deepEqual(oddLineEndings(parseRdp(text)), []);
    }
  });
});

describe('RDP006 mixed line endings', () => {
  const onDisk = lineEndingsOnDisk(MIXED)!;
  testRule(rdp006, {
    accept: [
      { text: NORMALISED, title: 'one line ending, and no facts from disk' },
      { text: 'a:s:1\r\n', options: { bytes: { encoding: 'utf-8', bom: false, nul: false, lineEndings: { most: '\r\n', odd: [{ line: 3, eol: '\n' }] } } }, title: 'an odd line the text no longer has' },
    ],
    reject: [
      { text: MIXED, ranges: [[2, 1, 2, 25]], message: /^Mixed line endings: this line ends with LF while most end with CRLF\.$/, title: 'the CLI: the text shows them' },
      {
        text: NORMALISED,
        options: { bytes: { encoding: 'utf-8', bom: false, nul: false, lineEndings: onDisk } },
        ranges: [[2, 1, 2, 25]],
        message: new RegExp(`^Mixed line endings: this line ends with LF while most end with CRLF\\. ${SAVES.replace(/[()]/g, '\\$&')}$`),
        title: "the editor: the disk's endings, and what a save does",
      },
    ],
  });

  it('says the same as the CLI on the same line, the save sentence added', () => {
    const [cli] = findingsOf(rdp006, MIXED);
    const [editor] = findingsOf(rdp006, NORMALISED, { bytes: { encoding: 'utf-8', bom: false, nul: false, lineEndings: onDisk } });
    assert.equal(editor!.message, `${cli!.message} ${SAVES}`);
    assert.deepEqual(editor!.span, cli!.span);
  });

  it('names the document\'s own line ending, which VS Code chose and may not be the one most lines had on disk', () => {
    // Two CRLF and two LF: RDP Doctor counts CRLF as most on a tie; VS Code takes CRLF only when more than half are.
    const onTie = lineEndingsOnDisk('a:s:1\r\nb:s:2\nc:s:3\r\nd:s:4\n')!;
    const [finding] = findingsOf(rdp006, 'a:s:1\nb:s:2\nc:s:3\nd:s:4\n', { bytes: { encoding: 'utf-8', bom: false, nul: false, lineEndings: onTie } });
    assert.match(finding!.message, /this line ends with LF while most end with CRLF\. VS Code shows every line with the document's line ending \(LF\)/);
  });

  it('reports the text\'s own mixed endings, not the facts from disk, when the text shows them', () => {
    const findings = findingsOf(rdp006, MIXED, { bytes: { encoding: 'utf-8', bom: false, nul: false, lineEndings: { most: '\r\n', odd: [{ line: 3, eol: '\r' }] } } });
    assert.deepEqual(findings.map((f) => f.message), ['Mixed line endings: this line ends with LF while most end with CRLF.']);
  });
});
