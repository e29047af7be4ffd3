import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRdp } from '../../../src/core/rdp/parse';
import { lintRdp } from '../../../src/core/rules/engine';
import { rdp040 } from '../../../src/core/rules/rdp/rdp040-stored-password';
import { rdp041, signatureBlobProblem } from '../../../src/core/rules/rdp/rdp041-signature-invalid';
import { rdp042 } from '../../../src/core/rules/rdp/rdp042-unsigned-secure-setting';
import { rdp043 } from '../../../src/core/rules/rdp/rdp043-redirection-exposure';
import { testRule } from '../rule-harness';

/** A blob with rdpsign's header around a minimal DER signedData shell: structurally valid. */
function blob(der = '300f06092a864886f70d010702a0023000'): string {
  const body = Buffer.from(der, 'hex');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('0100010001000000', 'hex'), length, body]).toString('base64');
}

const SIGNED = `full address:s:h.contoso.com\nalternate full address:s:h.contoso.com\nsignscope:s:Full Address,Alternate Full Address\nsignature:s:${blob()}`;

describe('RDP040 stored-password', () => {
  testRule(rdp040, {
    accept: ['full address:s:h', 'username:s:CONTOSO\\u', 'password:i:1', 'passwordless:s:x'],
    reject: [
      { text: 'full address:s:h\npassword 51:b:01000000D08C9DDF0115D1118C7A00C04FC297EB00\n', ranges: [[2, 1, 2, 12]], message: /protected with DPAPI/, fixed: 'full address:s:h\n' },
      { text: 'full address:s:h\r\nPassword:b:0a0b0c0d', ranges: [[2, 1, 2, 9]], message: /hex blob that is not DPAPI/, title: 'a "Password:b:" hex blob that is not DPAPI data' },
      { text: 'password 51:b:01000000d08c9ddf0115d1118c7a00c04fc297eb', ranges: [[1, 1, 1, 12]], message: /protected with DPAPI.*FreeRDP ignores "b" lines/, title: 'a lower-case DPAPI blob' },
      { text: 'password:s:hunter2\r\nx:i:1', ranges: [[1, 1, 1, 9]], severity: 'error', message: /plain text \(FreeRDP reads "password:s:"\)/, fixed: 'x:i:1' },
      { text: 'clear password:s:hunter2', ranges: [[1, 1, 1, 15]], severity: 'error', message: /plain text under "clear password"/ },
    ],
  });

  it('its own messages never carry the value, even before the engine redacts', () => {
    const secret = 'Sup3rSecretValue';
    const doc = parseRdp(`password:s:${secret}\nclear password:s:${secret}\npassword 51:b:01000000d08c9ddf${secret}\nPassword:b:${secret}`);
    const messages: string[] = [];
    rdp040.check({ doc, property: () => undefined, report: (r) => messages.push(r.message) });
    assert.equal(messages.length, 4);
    for (const m of messages) assert.ok(!m.includes(secret) && !m.toLowerCase().includes('01000000d08c9ddf'), m);
  });

  it('never shows a saved password, whatever rule reports on the line', () => {
    const secret = 'Sup3rSecretValue';
    const text = `password:s:${secret}\npassword:i:${secret}\nPASSWORD 51:s:${secret}\nPassword:b:${secret}\npasswrd:s:${secret}\nfull address:s:${secret}`;
    const { findings } = lintRdp(text);
    assert.ok(findings.length > 3);
    for (const f of findings) assert.ok(!f.message.includes(secret), f.message);
  });
});

describe('RDP041 signature-invalid', () => {
  it('accepts a structurally valid signature', () => assert.equal(signatureBlobProblem(blob()), undefined));
  testRule(rdp041, {
    accept: ['full address:s:h', SIGNED, SIGNED.replace(/signature:s:(.*)$/, (_, b: string) => `signature:s:${b.slice(0, 20)}  ${b.slice(20)}`)],
    reject: [
      { text: 'full address:s:h\nsignature:s:AAAA', ranges: [[2, 1, 2, 10]], message: /no "signscope"/ },
      { text: 'full address:s:h\nsignscope:s:Full Address', ranges: [[2, 1, 2, 10]] },
      { text: 'full address:s:h\nsignscope:s:Full Address\nsignature:s:not base64!', ranges: [[3, 13, 3, 24]], message: /base64/ },
      { text: `full address:s:h\nsignscope:s:Full Address\nsignature:s:${blob().slice(0, -8)}`, ranges: [[3, 13, 3, 13 + blob().length - 8]], message: /says it holds|not valid base64/, title: 'a truncated signature' },
      { text: `full address:s:h\nsignscope:s:Full Address,Server Port\nsignature:s:${blob()}`, ranges: [[2, 13, 2, 37]], message: /"server port"/, title: 'a signed line that was removed' },
      { text: `full address:s:h\nsignscope:s:Full Address,Bogus\nsignature:s:${blob()}`, ranges: [[2, 13, 2, 31]], message: /"bogus"/ },
    ],
  });
});

describe('RDP042 unsigned-secure-setting', () => {
  testRule(rdp042, {
    accept: [SIGNED, 'full address:s:h\nredirectdrives:i:1', `${SIGNED}\nusername:s:u`],
    reject: [{ text: `${SIGNED}\nredirectclipboard:i:1`, ranges: [[5, 1, 5, 18]], message: /added or changed after signing/ }],
  });
});

describe('RDP043 redirection-exposure', () => {
  testRule(rdp043, {
    accept: ['redirectclipboard:i:0\ndrivestoredirect:s:', `${SIGNED}\nredirectclipboard:i:1`],
    reject: [
      { text: 'full address:s:h\ndrivestoredirect:s:*\nredirectclipboard:i:1', ranges: [[2, 1, 2, 21]], message: /local drives and the clipboard/ },
      { text: 'redirectsmartcards:i:1', ranges: [[1, 1, 1, 23]], message: /smart cards/, severity: 'info' },
    ],
  });
});
