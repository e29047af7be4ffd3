import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
    accept: ['full address:s:h', 'username:s:CONTOSO\\u'],
    reject: [
      { text: 'full address:s:h\npassword 51:b:01000000D08C9DDF0115D1118C7A00C04FC297EB00\n', ranges: [[2, 1, 2, 12]], message: /DPAPI/, fixed: 'full address:s:h\n' },
      { text: 'password:s:hunter2\r\nx:i:1', ranges: [[1, 1, 1, 9]], severity: 'error', message: /plain text/, fixed: 'x:i:1' },
    ],
  });

  it('never shows a saved password, whatever rule reports on the line', () => {
    const secret = 'Sup3rSecretValue';
    const text = `password:s:${secret}\npassword:i:${secret}\nPASSWORD 51:s:${secret}\npasswrd:s:${secret}\nfull address:s:${secret}`;
    const { findings } = lintRdp(text);
    assert.ok(findings.length > 3);
    for (const f of findings) assert.ok(!f.message.includes(secret), f.message);
  });

  it('redacts quoted values only: a password that is a word of the message does not garble it', () => {
    const { findings } = lintRdp('full address:s:h.example.invalid\r\npassword:s:password\r\n');
    const rdp040 = findings.find((f) => f.ruleId === 'RDP040')!;
    assert.doesNotMatch(rdp040.message, /a saved a saved/);
    assert.match(rdp040.message, /password/);
    const quoted = lintRdp('full address:s:Sup3rSecretValue\r\npassword:s:Sup3rSecretValue\r\n').findings.filter((f) => f.message.includes('"'));
    assert.ok(quoted.length > 0);
    for (const f of quoted) assert.doesNotMatch(f.message, /Sup3rSecretValue/);
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
