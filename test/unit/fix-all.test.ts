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
  it('fixes everything fixable, re-linting between passes, and keeps CRLF', () => {
    const lint = (text: string) => lintRdp(text).findings;
    const result = fixAll(BROKEN, lint);
    assert.equal(
      result.text,
      ['full address:s:rdsh01.contoso.com', 'authentication level:i:2', 'enablecredsspsupport:i:1', 'negotiate security layer:i:1', 'desktopwidth:i:1920', 'screen mode id:i:2', ''].join('\r\n'),
    );
    assert.deepEqual(lint(result.text).filter((f) => f.fix), []);
    assert.ok(result.passes >= 2, 'the value of a renamed line is fixed in a second pass');
  });

  it('fixes only one rule when asked', () => {
    const result = fixAll(BROKEN, (t) => lintRdp(t).findings, 'RDP020');
    assert.match(result.text, /enablecredsspsupport:i:1/);
    assert.match(result.text, /authentication level:i:0/);
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
