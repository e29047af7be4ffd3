import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runExplain } from '../../../src/cli/explain-command';
import { findErrorCodes } from '../../../src/core/knowledge/find-error-codes';
import { SOURCES } from '../../../src/core/knowledge/sources';

/** Codes admins paste from dialogs and ActiveX hosts: [as typed, hex, name, whether a primary source names the number]. */
const PASTED: readonly [string, string, string, boolean][] = [
  ['3334', '0xD06', 'undocumented', false],
  ['4360', '0x1108', 'undocumented', false],
  ['0x80080005', '0x80080005', 'CO_E_SERVER_EXEC_FAILURE', true],
  ['0x80004005', '0x80004005', 'E_FAIL', true],
  ['50331675', '0x300001B', 'Windows App / mobile client code 0x300001B', false],
  ['0x300001B', '0x300001B', 'Windows App / mobile client code 0x300001B', false],
];

describe('codes admins paste (HRESULTs, decimal codes, the 0x3000000 family)', () => {
  for (const [typed, code, name, primary] of PASTED) {
    it(`explain ${typed}: found, as text and JSON, its Remote Desktop meaning marked as reported only`, () => {
      const json = runExplain(typed, undefined, 'json');
      assert.equal(json.exitCode, 0, json.error);
      const parsed = JSON.parse(json.output);
      assert.equal(parsed.code, code);
      assert.equal(parsed.name, name);
      assert.equal(parsed.unverified, true, 'no primary source gives its Remote Desktop meaning');
      assert.ok(parsed.likelyCauses.every((c: string) => c.startsWith('Reported (unverified)')), typed);
      const titles = parsed.sources.map((s: { title: string }) => s.title);
      assert.equal(titles.some((t: string) => Object.values(SOURCES).some((s) => s.primary && s.title === t)), primary, `${typed}: primary source for the number`);
      const text = runExplain(typed, undefined, 'text');
      assert.equal(text.exitCode, 0);
      assert.ok(text.output.includes(code), `${typed}: text shows ${code}`);
      assert.match(text.output, /secondary sources/);
    });
  }

  it('a bare HRESULT in free text is not taken for a Remote Desktop code (explain still finds it)', () => {
    assert.deepEqual(findErrorCodes('CoCreateInstance failed: 0x80080005.'), []);
  });

  it('an HRESULT the authentication error dialog shows after "Code:" is found', () => {
    assert.deepEqual(
      findErrorCodes('An authentication error has occurred (Code: 0x80080005).').map((f) => [f.text, f.family, f.entry.name]),
      [['0x80080005', 'client', 'CO_E_SERVER_EXEC_FAILURE']],
    );
  });
});
