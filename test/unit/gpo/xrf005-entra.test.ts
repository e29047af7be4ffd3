// XRF005 for a `.rdp` file that signs in with Microsoft Entra ID (`enablerdsaadauth:i:1`, RDS AAD Auth): by name the
// client uses it "if the remote PC supports it" (Supported RDP properties) and sends no NTLM, so a local account's NTLM
// verdict is a warning that says so; by IP address "IP address can't be used" with it (Microsoft Learn, "Sign in to a
// Windows virtual machine in Azure by using Microsoft Entra ID"), so the verdict stands and says why.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XRF_RULES } from '../../../src/core/rules/xrf/index';
import { crossCheck } from '../../../src/core/rules/xrf/cross-check';
import { assertMessage } from './helpers';
import { FORMATS, MSV, rdp } from './xrf005-fixtures';

const BY_NAME = 'full address:s:rdsh01.corp.invalid\r\nusername:s:.\\admin\r\n';
const BY_IP = 'full address:s:127.0.0.7\r\nusername:s:CORP\\alice\r\n';
const ENTRA_BY_NAME =
  / The file signs in with Microsoft Entra ID \("enablerdsaadauth" is 1\), which sends no NTLM: Microsoft says the client uses it if the remote PC supports it, so this holds only for a server that does not, and whether this one does is not known here\.$/;
const ENTRA_BY_IP = / The file's Microsoft Entra ID sign-in \("enablerdsaadauth" is 1\) does not help: Microsoft says an IP address cannot be used with it\.$/;

/** The Entra ID line as a file may write it, and whether it turns the sign-in on (the table's key). */
const ENTRA_ON: readonly [string, string][] = [
  ['enablerdsaadauth:i:1', 'enablerdsaadauth:i:1\r\n'],
  ['the last of two lines is 1', 'enablerdsaadauth:i:0\r\nenablerdsaadauth:i:1\r\n'],
];
const ENTRA_OFF: readonly [string, string][] = [
  ['no line', ''],
  ['enablerdsaadauth:i:0', 'enablerdsaadauth:i:0\r\n'],
  ['enablerdsaadauth:i:2 (not a documented value)', 'enablerdsaadauth:i:2\r\n'],
  ['the last of two lines is 0', 'enablerdsaadauth:i:1\r\nenablerdsaadauth:i:0\r\n'],
];

const found = (text: string, n: number, name: string) => crossCheck(XRF_RULES, { rdpFiles: [rdp(text)], exports: [FORMATS['.reg']!(MSV, name, n)] });

describe('XRF005: a file that signs in with Microsoft Entra ID', () => {
  for (const [side, name] of [
    ['the client denies outgoing NTLM', 'RestrictSendingNTLMTraffic'],
    ['the server refuses every incoming NTLM sign-in', 'RestrictReceivingNTLMTraffic'],
  ] as const) {
    describe(side, () => {
      for (const [title, entra] of ENTRA_ON) {
        it(`a local account by name is a warning that says the Entra ID sign-in sends no NTLM: ${title}`, () => {
          const f = found(BY_NAME + entra, 2, name);
          assert.deepEqual(f.map((x) => [x.ruleId, x.severity]), [['XRF005', 'warning']]);
          assertMessage('XRF005', f[0]!.message);
          assert.match(f[0]!.message, /is a local account of the server, which Windows signs in with NTLM only/);
          assert.match(f[0]!.message, ENTRA_BY_NAME);
        });
        it(`an IP address stays an error and says the Entra ID sign-in cannot be used with it: ${title}`, () => {
          const f = found(BY_IP + entra, 2, name);
          assert.deepEqual(f.map((x) => [x.ruleId, x.severity]), [['XRF005', 'error']]);
          assertMessage('XRF005', f[0]!.message);
          assert.match(f[0]!.message, ENTRA_BY_IP);
        });
      }
      for (const [title, entra] of ENTRA_OFF) {
        it(`without the Entra ID sign-in both stay errors with no word of it: ${title}`, () => {
          for (const text of [BY_NAME, BY_IP]) {
            const f = found(text + entra, 2, name);
            assert.deepEqual(f.map((x) => x.severity), ['error'], text);
            assert.doesNotMatch(f[0]!.message, /Entra/, text);
          }
        });
      }
    });
  }

  it('a gpresult of another computer stays information, and says the Entra ID sign-in sends no NTLM', () => {
    const other = crossCheck(XRF_RULES, {
      rdpFiles: [rdp('full address:s:legacy01.corp.invalid\r\nusername:s:LEGACY01\\admin\r\nenablerdsaadauth:i:1\r\n')],
      exports: [FORMATS['gpresult XML']!(MSV, 'RestrictReceivingNTLMTraffic', 2)],
    });
    assert.deepEqual(other.map((x) => x.severity), ['info']);
    assert.match(other[0]!.message, ENTRA_BY_NAME);
  });

  it('a domain account by name is not reported, Entra ID or not', () => {
    for (const entra of ['', 'enablerdsaadauth:i:1\r\n']) {
      assert.deepEqual(found(`full address:s:rdsh01.corp.invalid\r\nusername:s:CORP\\alice\r\n${entra}`, 2, 'RestrictSendingNTLMTraffic'), []);
    }
  });
});
