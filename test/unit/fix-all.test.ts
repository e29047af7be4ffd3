import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintRdp } from '../../src/core/rules/engine';
import { fixAll, selectFixes } from '../../src/core/rules/fix-all';

const BROKEN = [
  'full address:s:rdsh01.contoso.com',
  'authentication level:i:0',
  'enablecredsspsupport:i:0',
  'negotiate security layer:i:0',
  'desktopwidht:s:1920',
  'screen mode idd:s:02',
  'desktopwidth:i:1024',
  'password 51:b:01000000D08C9DDF0115D1118C7A00C04FC297EB00',
  '',
].join('\r\n');

describe('fix-all', () => {
  it('applies every fix that needs no review, keeps CRLF, and leaves guesses and removals to the user', () => {
    const lint = (text: string) => lintRdp(text).findings;
    const result = fixAll(BROKEN, lint);
    assert.equal(
      result.text,
      [
        'full address:s:rdsh01.contoso.com',
        'authentication level:i:2',
        // CredSSP on changes how the user signs in: a quick fix to pick (session 16 review).
        'enablecredsspsupport:i:0',
        'negotiate security layer:i:1',
        // The closest known name is a guess; the saved password is the user's: each is a quick fix to pick.
        'desktopwidht:s:1920',
        'screen mode idd:s:02',
        'desktopwidth:i:1024',
        'password 51:b:01000000D08C9DDF0115D1118C7A00C04FC297EB00',
        '',
      ].join('\r\n'),
    );
    const left = lint(result.text).filter((f) => f.fix);
    // "desktopwidht" gets no suggestion: the file already sets "desktopwidth", so renaming would make a duplicate.
    assert.deepEqual(left.map((f) => [f.ruleId, f.fix!.reviewFirst]).sort(), [['RDP002', true], ['RDP020', true], ['RDP040', true]]);
  });

  it('re-lints between passes: a fix made possible by another is applied', () => {
    // The type fix comes first; the value of the now well-typed line is fixed in the second pass.
    const result = fixAll('authentication level:s:0\r\n', (t) => lintRdp(t).findings);
    assert.equal(result.text, 'authentication level:i:2\r\n');
    assert.deepEqual([result.applied, result.passes], [2, 2]);
  });

  it('never turns a guessed name into a duplicate and then deletes the user\'s line', () => {
    const text = 'selectedmonitors:s:0,1\r\nselectedmonitor:s:2\r\n';
    assert.equal(fixAll(text, (t) => lintRdp(t).findings).text, text);
  });

  it('removes a duplicate with the same value, and leaves one with another value to the user', () => {
    const same = fixAll('screen mode id:i:2\r\nscreen mode id:i:2\r\n', (t) => lintRdp(t).findings);
    assert.equal(same.text, 'screen mode id:i:2\r\n');
    const other = 'screen mode id:i:2\r\nscreen mode id:i:1\r\n';
    assert.equal(fixAll(other, (t) => lintRdp(t).findings).text, other);
    const finding = lintRdp(other).findings.find((f) => f.ruleId === 'RDP005')!;
    assert.equal(finding.fix?.reviewFirst, true, 'still offered as a quick fix');
  });

  it('fixes only one rule when asked', () => {
    const result = fixAll(BROKEN, (t) => lintRdp(t).findings, 'RDP022');
    assert.match(result.text, /authentication level:i:2/);
    assert.match(result.text, /negotiate security layer:i:0/);
  });

  it('drops a fix whose edits overlap one already chosen, as a whole', () => {
    const a = { title: 'a', edits: [{ span: { start: 0, end: 4 }, newText: 'A' }] };
    const b = { title: 'b', edits: [{ span: { start: 10, end: 12 }, newText: 'B' }, { span: { start: 2, end: 3 }, newText: 'b' }] };
    const c = { title: 'c', edits: [{ span: { start: 20, end: 20 }, newText: 'C' }] };
    const { chosen, dropped } = selectFixes([b, c, a]);
    assert.deepEqual(chosen.map((f) => f.title), ['a', 'c']);
    assert.deepEqual(dropped.map((f) => f.title), ['b']);
  });
});
