import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { templateFolder } from '../../../src/core/lint/path-parts';
import { describe, it } from 'node:test';
import { parseRdp } from '../../../src/core/rdp/parse';
import { signerThumbprints } from '../../../src/core/rdp/signer';
import { thumbprintsIn } from '../../../src/core/gpo/trusted-publishers';
import { lintRdp } from '../../../src/core/rules/engine';
import { rdp040 } from '../../../src/core/rules/rdp/rdp040-stored-password';
import { rdp041 } from '../../../src/core/rules/rdp/rdp041-signature-invalid';
import { signatureBlobProblem } from '../../../src/core/rules/rdp/signing';
import { rdp042 } from '../../../src/core/rules/rdp/rdp042-unsigned-secure-setting';
import { rdp043 } from '../../../src/core/rules/rdp/rdp043-redirection-exposure';
import type { RdpRule } from '../../../src/core/rules/types';
import { findingsOf, testRule } from '../rule-harness';

/** A blob with rdpsign's header around a minimal DER signedData shell: structurally valid. */
function blob(der = '300f06092a864886f70d010702a0023000'): string {
  const body = Buffer.from(der, 'hex');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('0100010001000000', 'hex'), length, body]).toString('base64');
}

const SIGNED = `full address:s:h.contoso.com\nalternate full address:s:h.contoso.com\nsignscope:s:Full Address,Alternate Full Address\nsignature:s:${blob()}`;
/** A file signed the way rdpsign signs (test/fixtures/rdp/README.md): its signature verifies. */
const CONTOSO = readFileSync(join(__dirname, '../../../../test/fixtures/rdp/signed-by-contoso.rdp'), 'utf8');

describe('RDP040 stored-password', () => {
  testRule(rdp040, {
    accept: ['full address:s:h', 'username:s:CONTOSO\\u', 'password:i:1', 'passwordless:s:x'],
    reject: [
      { text: 'full address:s:h\npassword 51:b:01000000D08C9DDF0115D1118C7A00C04FC297EB00\n', ranges: [[2, 1, 2, 12]], message: /protected with DPAPI/, fixed: 'full address:s:h\n' },
      { text: 'full address:s:h\r\nPassword:b:0a0b0c0d', ranges: [[2, 1, 2, 9]], message: /hex blob that is not DPAPI/, title: 'a "Password:b:" hex blob that is not DPAPI data' },
      { text: 'password 51:b:01000000d08c9ddf0115d1118c7a00c04fc297eb', ranges: [[1, 1, 1, 12]], message: /protected with DPAPI.*FreeRDP ignores "b" lines/, title: 'a lower-case DPAPI blob' },
      { text: 'password 51:b:@PASSWORD@', ranges: [[1, 1, 1, 12]], message: /whose value is not hex, so it is no DPAPI blob/, title: 'a template placeholder, not a hex blob (seen in a real template)' },
      { text: 'password:s:hunter2\r\nx:i:1', ranges: [[1, 1, 1, 9]], severity: 'error', message: /plain text \(FreeRDP reads "password:s:"\)/, fixed: 'x:i:1' },
      { text: '        password:s:hunter2', ranges: [[1, 9, 1, 17]], severity: 'error', message: /plain text \(FreeRDP reads "password:s:", though not on this line while blanks surround its name\)/, title: 'indented: FreeRDP does not read this line (RDP008)' },
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

  it('redacts a saved password from related notes and fix titles too (the safety net, with a rule that leaks)', () => {
    const secret = 'Sup3rSecretValue';
    const leaky: RdpRule = {
      id: 'RDP999', name: 'leaky', description: 'quotes every value', defaultSeverity: 'warning', fixable: true, tags: [],
      check({ doc, report }) {
        for (const e of doc.entries) {
          report({
            message: `"${e.key}" is "${e.value}".`,
            span: e.span,
            related: [{ message: `The value "${e.value}" again.`, span: e.span }],
            fix: { title: `Change "${e.value}"`, edits: [] },
          });
        }
      },
    };
    const { findings } = lintRdp(`full address:s:h.example.invalid\r\npassword:s:${secret}\r\n`, { rules: [leaky] });
    assert.equal(findings.length, 2);
    const texts = findings.flatMap((f) => [f.message, ...(f.related ?? []).map((r) => r.message), f.fix!.title]);
    for (const t of texts) assert.ok(!t.includes(secret), t);
    // What held no secret is left as the rule wrote it.
    assert.deepEqual(texts.slice(0, 3), ['"full address" is "h.example.invalid".', 'The value "h.example.invalid" again.', 'Change "h.example.invalid"']);
  });

  it('finds the secret lines of a file by its key index: each secret property and alias, and unknown names that look like one', () => {
    // The engine asks the key index whether a file holds a secret before it walks the entries (issue 16).
    const secret = 'Sup3rSecretValue';
    const leaky: RdpRule = {
      id: 'RDP999', name: 'leaky', description: 'quotes every value', defaultSeverity: 'warning', fixable: false, tags: [],
      check({ doc, report }) {
        for (const e of doc.entries) report({ message: `"${e.key}" is "${e.value}".`, span: e.span });
      },
    };
    // FreeRDP sends gatewayaccesstoken to the gateway as its access cookie and endpointfedauth as a sign-in token.
    for (const line of [`password:s:${secret}`, `Password 51:b:${secret}`, `winrtencryptedpassword:s:${secret}`, `clear password:s:${secret}`, `gatewaypwd:s:${secret}`, ` My Passwd :s:${secret}`, `gatewayaccesstoken:s:${secret}`, `endpointfedauth:s:${secret}`, `pasword 51:b:${secret}`, `password51:s:${secret}`, `passwd51:s:${secret}`, `passwords:s:${secret}`, `pass:s:${secret}`]) {
      const { findings } = lintRdp(`full address:s:h.example.invalid\r\n${line}\r\n`, { rules: [leaky] });
      assert.equal(findings.length, 2, line);
      for (const f of findings) assert.ok(!f.message.includes(secret), `${line}: ${f.message}`);
    }
    // A value that only looks like a password under a name that is no secret is shown.
    const { findings } = lintRdp(`full address:s:h.example.invalid\r\nusername:s:${secret}\r\n`, { rules: [leaky] });
    assert.ok(findings.some((f) => f.message.includes(secret)));
  });

  it('redacts against every saved password of a file: one quoted whole, inside a value, cut short by quote(), or longer than any quote() makes', () => {
    const secrets = Array.from({ length: 3000 }, (_, i) => `pw${i}-${'x'.repeat(i % 70)}`);
    const shown = ['pw7-xxxxxxx', `say pw2999-${'x'.repeat(59)} here`, `${'pw69-'}${'x'.repeat(55)}…`, `long ${'y'.repeat(200)} pw11-xxxxxxxxxxx`, 'pw7-xxxxxx', 'pw9', `pw69-${'x'.repeat(50)}z…`, 'ab…', 'plain value'];
    const leaky: RdpRule = {
      id: 'RDP999', name: 'leaky', description: 'quotes what it is told to', defaultSeverity: 'warning', fixable: false, tags: [],
      check({ doc, report }) {
        for (const value of shown) report({ message: `It is "${value}".`, span: doc.entries[0]!.span });
      },
    };
    const text = `full address:s:h.example.invalid\r\n${secrets.map((v) => `password 51:b:${v}\r\n`).join('')}`;
    const messages = lintRdp(text, { rules: [leaky] }).findings.map((f) => f.message);
    // The same answers as comparing each quoted value with each secret in turn.
    const naive = (value: string): boolean => secrets.some((secret) => value.includes(secret) || (value.endsWith('…') && value.length > 4 && secret.startsWith(value.slice(0, -1))));
    assert.deepEqual(shown.map(naive), [true, true, true, true, false, false, false, false, false]);
    assert.deepEqual(messages, shown.map((value) => (naive(value) ? 'It is "(a saved password)".' : `It is "${value}".`)));
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

  it('leaves a quoted name or text the file shows outside its secrets, though the password is inside it (found on a real file)', () => {
    // password:s:password made RDP040 say "FreeRDP reads "(a saved password)"": garbled, and it told what the password is part of.
    const own = lintRdp('full address:s:h.example.invalid\r\npassword:s:password\r\n').findings.find((f) => f.ruleId === 'RDP040')!;
    assert.match(own.message, /FreeRDP reads "password:s:"/);
    // A property's name, as the message writes it, whether or not the file has the line.
    const missing = lintRdp('Password:s:address\r\n').findings.find((f) => f.ruleId === 'RDP010')!;
    assert.match(missing.message, /"full address"/);
    assert.doesNotMatch(missing.message, /a saved password/);
    // A host that holds the password inside it is the file's to show; a host that is the password is not.
    const host = (address: string, password: string): string[] => lintRdp(`full address:s:${address}\r\npassword:s:${password}\r\n`).findings.filter((f) => f.ruleId === 'RDP013').map((f) => f.message);
    assert.match(host('srvbox', 'srv')[0]!, /"srvbox"/);
    assert.match(host('srv', 'srv')[0]!, /"\(a saved password\)"/);
  });

  it('still redacts a quoted text that shows the password only where the file keeps it (the safety net)', () => {
    const leaky: RdpRule = {
      id: 'RDP999', name: 'leaky', description: 'quotes what it is told to', defaultSeverity: 'warning', fixable: false, tags: [],
      check({ doc, report }) {
        for (const shown of ['password:s:hunter2', 'PASSWORD:S:hunter2', 'is hunter2 here', 'user-hunter2-x', 'word:s:']) report({ message: `It is "${shown}".`, span: doc.entries[0]!.span });
      },
    };
    const text = 'full address:s:h.example.invalid\r\nusername:s:user-hunter2-x\r\npassword:s:hunter2\r\n';
    assert.deepEqual(
      lintRdp(text, { rules: [leaky] }).findings.map((f) => f.message),
      // The line with its value, in any case, and a text the file does not have: redacted. The user name, which holds
      // the password, is the file's own text outside the secret; "word:s:" holds no secret.
      ['It is "(a saved password)".', 'It is "(a saved password)".', 'It is "(a saved password)".', 'It is "user-hunter2-x".', 'It is "word:s:".'],
    );
  });
});

describe('RDP041 signature-invalid', () => {
  it('accepts a structurally valid signature', () => assert.equal(signatureBlobProblem(blob()), undefined));
  testRule(rdp041, {
    accept: ['full address:s:h', CONTOSO, CONTOSO.replace(/signature:s:(\S+)/, (_, b: string) => `signature:s:${b.slice(0, 20)}  ${b.slice(20)}`)],
    reject: [
      {
        text: SIGNED,
        ranges: [[4, 13, 4, 13 + blob().length]],
        severity: 'warning',
        message: /^RDP Doctor could not check the signature: its signer information cannot be read\. This is no verdict that it is valid/,
        title: 'a signedData shell with no signer: not checked, a warning, never taken for valid',
      },
      { text: 'full address:s:h\nsignature:s:AAAA', ranges: [[2, 1, 2, 10]], severity: 'error', message: /no "signscope"/, title: 'a "signature" without a "signscope": an error' },
      {
        text: 'full address:s:h\nsignscope:s:Full Address',
        ranges: [[2, 1, 2, 10]],
        severity: 'warning',
        message: /^The file has a "signscope" line but no "signature": it is unsigned, and the "signscope" line is a leftover that signs nothing\. Remove it, or sign the file with rdpsign\.$/,
        title: 'a "signscope" without a "signature": an unsigned file with a leftover line, a warning (RemoteApp files copied from RD Web output)',
      },
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
  const CONTOSO_SIGNER = 'EE7982BCCEEFCAE0DAC417040349AD1094F7A853';
  const ROOT_CA = '34AA536758228E591DE7DAE513731C533F2DB534';
  const ALL = [
    'redirectclipboard:i:1', 'redirectprinters:i:1', 'audiocapturemode:i:1', 'redirectsmartcards:i:1', 'redirectwebauthn:i:1',
    'redirectcomports:i:1', 'redirectlocation:i:1', 'redirectposdevices:i:1', 'drivestoredirect:s:C:\\;', 'redirectdrives:i:1',
    'camerastoredirect:s:*', 'devicestoredirect:s:DynamicDevices', 'usbdevicestoredirect:s:*',
  ].join('\n');

  it('names the kinds in the order each file names them, whatever files came before (messages are remembered across files)', () => {
    const message = (lines: string): string => findingsOf(rdp043, `full address:s:a.contoso.localhost\n${lines}\n`)[0]!.message;
    const clipboardFirst = message('redirectclipboard:i:1\nredirectprinters:i:1\nredirectcomports:i:0');
    const printersFirst = message('redirectprinters:i:1\nredirectclipboard:i:1');
    assert.match(clipboardFirst, /^The file requests 2 redirections \(the clipboard and printers\): it is unsigned/);
    assert.match(printersFirst, /^The file requests 2 redirections \(printers and the clipboard\): it is unsigned/);
    assert.equal(message('redirectclipboard:i:1\nredirectprinters:i:1'), clipboardFirst);
    // Two properties of one kind count once; a file that looks issued by a service gets its own verdict.
    assert.match(message('drivestoredirect:s:*\nredirectdrives:i:1'), /^The file requests one redirection \(drives\): it is unsigned/);
    const service = findingsOf(rdp043, 'full address:s:a.contoso.localhost\nresourceprovider:s:arm\nredirectdrives:i:1\n')[0]!.message;
    assert.match(service, /^The file requests one redirection \(drives\): it looks like an Azure Virtual Desktop/);
    // Microsoft's macOS client exports every service property empty, for an ordinary host: not a service file.
    const macExport = 'full address:s:a.contoso.localhost\narmpath:s:\nhubdiscoverygeourl:s:\nresourceprovider:s:\nwvd endpoint pool:s:\nremotedesktopname:s:  \nredirectdrives:i:1\n';
    assert.match(findingsOf(rdp043, macExport)[0]!.message, /^The file requests one redirection \(drives\): it is unsigned, so clients/);
    assert.equal(message('redirectdrives:i:1'), 'The file requests one redirection (drives): it is unsigned, so clients updated since April 2026 show "Caution: Unknown remote connection" with each of them off until the user ticks it.');
  });

  it('reads the signer of an rdpsign signature: the certificate the SignerInfo names, not the CA beside it', () => {
    const signature = CONTOSO.split(/\r\n/).find((l) => l.startsWith('signature:s:'))!.slice('signature:s:'.length);
    assert.equal(signerThumbprints(signature)?.sha1, CONTOSO_SIGNER);
    assert.match(signerThumbprints(signature)!.sha256, /^[0-9A-F]{64}$/);
    assert.equal(signerThumbprints(blob()), undefined, 'a signedData shell names no certificate');
    assert.equal(signerThumbprints('not base64!'), undefined);
  });

  it('reads TrustedCertThumbprints as the client does: thumbprints only, SHA-1, or SHA-2 behind its prefix', () => {
    const sha256 = 'AB'.repeat(32);
    assert.deepEqual(thumbprintsIn(`ee 79 82 bc ce ef ca e0 da c4 17 04 03 49 ad 10 94 f7 a8 53, not-a-thumbprint,sha256:${sha256.toLowerCase()}`), [CONTOSO_SIGNER, sha256]);
    assert.deepEqual(thumbprintsIn(`SHA384:${'CD'.repeat(48)};sha512:${'ef'.repeat(64)}`), ['CD'.repeat(48), 'EF'.repeat(64)]);
    // No prefix is SHA-1 (64 digits are none); a prefix names a digest of its own length; no other prefix is read.
    assert.deepEqual(thumbprintsIn(`${sha256},sha384:${sha256},sha512:${'CD'.repeat(48)},x:${sha256},sha1:${CONTOSO_SIGNER}`), []);
    assert.deepEqual(thumbprintsIn(['1234', CONTOSO_SIGNER]), [CONTOSO_SIGNER]);
    assert.deepEqual(thumbprintsIn(7), []);
  });

  testRule(rdp043, {
    accept: [
      'full address:s:h\nredirectclipboard:i:0\ndrivestoredirect:s:\nredirectprinters:i:0\naudiocapturemode:i:0',
      {
        text: 'full address:s:h\nredirectclipboard:i:1\ndrivestoredirect:s:*\nredirectclipboard:i:0\ndrivestoredirect:s:',
        title: 'a later line of the same name turns each off: clients read the last (a review: "requests one redirection (the clipboard)")',
      },
      { text: 'full address:s:h\ncamerastoredirect:s:  \nredirectclipboard:s:1', title: 'blank lists and a wrong type letter request nothing' },
    ],
    reject: [
      {
        text: 'full address:s:h\ndrivestoredirect:s:*\nredirectclipboard:i:1',
        ranges: [[2, 1, 2, 21]],
        message: /^The file requests 2 redirections \(drives and the clipboard\): it is unsigned, so clients updated since April 2026 show "Caution: Unknown remote connection" with each of them off until the user ticks it\.$/,
        fixed: null,
      },
      {
        text: 'full address:s:h\nredirectclipboard:i:1\nredirectprinters:i:1\nredirectclipboard:i:0\nredirectclipboard:i:1',
        ranges: [[3, 1, 3, 21]],
        message: /^The file requests 2 redirections \(printers and the clipboard\): it is unsigned/,
        title: 'each name judged by its last line: an earlier line of it neither counts nor leads the finding',
      },
      { text: 'redirectsmartcards:i:1', ranges: [[1, 1, 1, 23]], message: /requests one redirection \(smart cards and Windows Hello for Business\)/, severity: 'info' },
      {
        text: `full address:s:h\n${ALL}`,
        ranges: [[2, 1, 2, 22]],
        message: /requests 12 redirections \(the clipboard, printers, microphones, smart cards and Windows Hello for Business, WebAuthn \(Windows Hello or security keys\), ports \(COM and LPT\), location, point-of-service devices, drives, cameras, Plug and Play devices and RemoteFX USB devices\)/,
        title: 'every kind the dialog lists, drives counted once',
      },
      {
        text: CONTOSO,
        ranges: [[3, 1, 3, 22]],
        options: { now: new Date('2030-01-01T00:00:00Z') },
        message: /^The file requests 2 redirections \(the clipboard and drives\): it is signed, so clients updated since April 2026 name the publisher .* still off until the user ticks it; only a publisher trusted by policy may be treated differently\.$/,
        title: 'a signed file gets the same dialog, with its publisher',
      },
      {
        text: `${SIGNED}\nredirectclipboard:i:1`,
        ranges: [[5, 1, 5, 22]],
        message: /^The file requests one redirection \(the clipboard\): RDP Doctor could not verify its signature \(its signer information cannot be read\); unless Remote Desktop Connection can, clients updated since April 2026 show "Caution: Unknown remote connection"/,
        title: 'a signature RDP Doctor cannot check is not called signed',
      },
      {
        text: CONTOSO,
        ranges: [[3, 1, 3, 22]],
        options: { trustedPublishers: new Map([[CONTOSO_SIGNER, 'client-policy.reg']]) },
        message: /^The file requests 2 redirections \(the clipboard and drives\): its signer EE7982BCCEEFCAE0DAC417040349AD1094F7A853 is trusted by policy \("TrustedCertThumbprints" in client-policy\.reg\), the case where Microsoft says the experience may differ: .*no security warning/,
        title: 'a signer trusted by a policy export in the workspace',
      },
      {
        text: CONTOSO,
        ranges: [[3, 1, 3, 22]],
        options: { trustedPublishers: new Map([[ROOT_CA, 'client-policy.reg']]) },
        message: /it is signed, so clients updated since April 2026 name the publisher/,
        title: 'a trusted CA is not the signer',
      },
      // The Contoso signer is valid from 2026-12-04 to 2036-12-01.
      {
        text: CONTOSO,
        ranges: [[3, 1, 3, 22]],
        options: { now: new Date('2037-01-01T00:00:00Z') },
        message: /^The file requests 2 redirections \(the clipboard and drives\): it is signed, but its signer certificate expired on 2036-12-01: Microsoft does not document .* expect "Caution: Unknown remote connection" with each of them off until the user ticks it\. Sign the file again with a valid certificate\.$/,
        title: 'a signer certificate that has expired',
      },
      {
        text: CONTOSO,
        ranges: [[3, 1, 3, 22]],
        options: { now: new Date('2026-01-01T00:00:00Z'), trustedPublishers: new Map([[CONTOSO_SIGNER, 'client-policy.reg']]) },
        message: /it is signed, but its signer certificate is not valid until 2026-12-04: /,
        title: 'a signer certificate not valid yet, trusted or not',
      },
      {
        text: CONTOSO,
        ranges: [[3, 1, 3, 22]],
        options: { now: new Date('2036-11-29T00:00:00Z') },
        message: /it is signed, so clients updated since April 2026 name the publisher/,
        title: 'a signer certificate within its validity',
      },
      {
        text: `full address:s:rdgateway-r1.wvd.microsoft.com\nremotedesktopname:s:Cloud PC Enterprise\nredirectclipboard:i:1\nsignscope:s:Full Address\nsignature:s:${blob()}`,
        ranges: [[3, 1, 3, 22]],
        message: /: RDP Doctor could not verify its signature \(its signer information cannot be read\); unless Remote Desktop Connection can/,
        title: 'a Windows 365 file whose signature RDP Doctor cannot check: not "Microsoft signs these"',
      },
      // A signature that cannot verify (RDP041) names no publisher: the dialog is the unknown publisher's.
      {
        text: 'full address:s:h\nsignscope:s:Full Address\nsignature:s:not base64!\nredirectclipboard:i:1',
        ranges: [[4, 1, 4, 22]],
        message: /^The file requests one redirection \(the clipboard\): its signature cannot verify, so clients updated since April 2026 treat it as from an unknown publisher: they show "Caution: Unknown remote connection" with each of them off until the user ticks it\.$/,
        title: 'a signature that cannot verify',
      },
      {
        text: 'full address:s:rdgateway-r1.wvd.microsoft.com\nremotedesktopname:s:Cloud PC Enterprise\nredirectclipboard:i:1\nsignscope:s:Full Address\nsignature:s:AAAA',
        ranges: [[3, 1, 3, 22]],
        message: /Azure Virtual Desktop or Windows 365 file, which Microsoft signs, yet its signature cannot verify: clients updated since April 2026 warn "Caution: Unknown remote connection" and Microsoft advises not to connect but to investigate where it came from\.$/,
        title: 'a Windows 365 file whose signature cannot verify',
      },
      {
        text: CONTOSO.replace('signscope:s:', 'signscope:s:Server Port,'),
        ranges: [[3, 1, 3, 22]],
        options: { trustedPublishers: new Map([[CONTOSO_SIGNER, 'client-policy.reg']]) },
        message: /its signature cannot verify, so clients updated since April 2026 treat it as from an unknown publisher/,
        title: 'a trusted signer whose signature no longer covers its lines',
      },
      {
        text: 'full address:s:h\ngatewayhostname:s:afdfp-rdgateway-r1.wvd.microsoft.com:443\ndrivestoredirect:s:*',
        ranges: [[3, 1, 3, 21]],
        message: /looks like an Azure Virtual Desktop or Windows 365 file, which Microsoft signs, yet it is unsigned/,
        title: 'an unsigned file through the AVD gateway',
      },
    ],
  });

  it("says nothing of mstsc's per-user Default.rdp in Documents, the template for a typed computer name (session 16 review)", () => {
    assert.equal(findingsOf(rdp043, 'full address:s:\nredirectclipboard:i:1\ndrivestoredirect:s:*\n', { fileName: 'Default.rdp', folderName: 'Documents' }).length, 0);
    assert.equal(findingsOf(rdp043, 'full address:s:\nredirectclipboard:i:1\n', { fileName: 'default.RDP', folderName: 'My Documents' }).length, 0);
    assert.equal(findingsOf(rdp043, 'full address:s:h\nredirectclipboard:i:1\n', { fileName: 'Default-old.rdp', folderName: 'Documents' }).length, 1);
    // Elsewhere a Default.rdp is a file users open (a session 17 review: an Azure VM's, committed to a repository).
    assert.equal(findingsOf(rdp043, 'full address:s:h\nredirectclipboard:i:1\n', { fileName: 'Default.rdp', folderName: 'cloudvm' }).length, 1);
    assert.equal(findingsOf(rdp043, 'full address:s:h\nredirectclipboard:i:1\n', { fileName: 'Default.rdp' }).length, 1);
  });

  it('the CLI gives the folder of a Default.rdp, resolved, and only of it', () => {
    assert.equal(templateFolder('/home/ada/Documents/Default.rdp'), 'Documents');
    assert.equal(templateFolder('repo/cloudvm/Default.rdp'), 'cloudvm');
    assert.equal(templateFolder('Default.rdp'), basename(process.cwd()));
    assert.equal(templateFolder('/home/ada/Documents/work.rdp'), undefined);
  });

  it('never tells the user that signing keeps the redirections on', () => {
    for (const text of [`${SIGNED}\nredirectclipboard:i:1`, 'drivestoredirect:s:*', CONTOSO]) {
      for (const f of findingsOf(rdp043, text)) assert.doesNotMatch(f.message, /sign the file to keep/i);
    }
  });

  it('notes each further redirection line with what it requests', () => {
    const findings = findingsOf(rdp043, 'redirectprinters:i:1\r\nredirectsmartcards:i:1\r\ndrivestoredirect:s:*\r\nredirectclipboard:i:0');
    assert.equal(findings.length, 1);
    assert.deepEqual(
      findings[0]!.related?.map((r) => r.message),
      ['"redirectsmartcards" also requests smart cards and Windows Hello for Business.', '"drivestoredirect" also requests drives.'],
    );
  });
});
