import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { PolicyDocument } from '../../../src/core/gpo/model';
import { readLgpoText } from '../../../src/core/gpo/read-lgpo-text';
import { hexBytes, quoted, readReg } from '../../../src/core/gpo/read-reg';
import { SECRET_NOT_SHOWN } from '../../../src/core/gpo/secret-names';
import { splitLines } from '../../../src/core/gpo/text-lines';
import { decodeBytes } from '../../../src/core/text/decode';
import { LineIndex } from '../../../src/core/text/line-index';
import { fixture, fixtureText, TS } from './helpers';

function summary(doc: PolicyDocument, text: string): string[] {
  const index = new LineIndex(text);
  return doc.settings.map((s) => `${s.hive}:${s.valueName}=${s.deleted ? `-${s.action}` : JSON.stringify(s.data)}(${s.type})@${index.positionAt(s.source.span.start).line + 1}`);
}

describe('text lines', () => {
  it('splits at CRLF, LF and a lone CR like the regular expression, each line made when asked for', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '\r', '\n', '\r\n', 'é', '\\'), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const lines = splitLines(text);
        const expected = text.split(/\r\n|\r|\n/);
        assert.equal(lines.count, expected.length);
        assert.deepEqual([...lines].map((l) => l.text), expected);
        for (const [i, line] of [...lines].entries()) {
          assert.deepEqual(lines.at(i), line);
          assert.equal(text.slice(line.span.start, line.span.end), line.text);
        }
        assert.equal(lines.at(-1), undefined);
        assert.equal(lines.at(lines.count), undefined);
      }),
      { numRuns: 300 },
    );
  });
});

describe('.reg reader', () => {
  it('reads regedit 5.00 (UTF-16LE with BOM): dword, strings with escapes, hex(b), wrapped hex(2)/hex(7), @=, "name"=-, [-key]', () => {
    const bytes = fixture('samples', 'rdp-bad.reg');
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    const text = decodeBytes(bytes).text;
    const doc = readReg(text);
    assert.deepEqual(doc.problems, []);
    const s = summary(doc, text);
    assert.equal(s.length, 19);
    assert.deepEqual(s.slice(0, 7), [
      'HKLM:SecurityLayer=0(REG_DWORD)@5',
      'HKLM:UserAuthentication=0(REG_DWORD)@6',
      'HKLM:MinEncryptionLevel=1(REG_DWORD)@7',
      'HKLM:fDenyTSConnections=1(REG_DWORD)@8',
      'HKLM:SelectTransport=1(REG_DWORD)@9',
      'HKLM:CertTemplateName="RDP \\"Auth\\" Template"(REG_SZ)@10',
      'HKLM:fAllowToGetHelp=-delete(REG_NONE)@11',
    ]);
    assert.deepEqual(s.slice(14), [
      'HKLM:QwordValue=300000(REG_QWORD)@27',
      'HKLM:ExpandValue="%SystemRoot%\\\\System32\\\\mstsc.exe"(REG_EXPAND_SZ)@28',
      'HKLM:MultiValue=["lic01.contoso.local","lic02.contoso.local"](REG_MULTI_SZ)@31',
      'HKLM:=-"default value"(REG_SZ)@35'.replace('=-"', '="'),
      'HKLM:=-delete-key(REG_NONE)@37',
    ]);
    // The wrapped value's span covers all three physical lines.
    const multi = doc.settings[16]!;
    assert.equal(new LineIndex(text).positionAt(multi.source.span.end).line + 1, 34);
  });

  it('reads REGEDIT4 (ANSI): single-byte hex(7)', () => {
    const text = fixtureText('samples', 'rdp-bad.regedit4.reg');
    assert.deepEqual(summary(readReg(text), text).at(-1), 'HKLM:LicenseServers2=["lic01","lic02"](REG_MULTI_SZ)@7');
  });

  it('tolerates UTF-8, LF and a blank line after every line, and reports lines it cannot read', () => {
    const text = fixtureText('handmade-utf8.reg');
    const doc = readReg(text);
    assert.deepEqual(summary(doc, text).slice(0, 2), ['HKLM:PortNumber=3390(REG_DWORD)@5', 'HKLM:SSLCertificateSHA1Hash="4249e12ca59d6b0f7e112233445566778899aabb"(REG_BINARY)@7']);
    assert.ok(doc.settings.some((s) => s.hive === 'HKCU' && s.valueName === 'MaxIdleTime'));
    const index = new LineIndex(text);
    assert.deepEqual(doc.problems.map((p) => `${index.positionAt(p.span.start).line + 1}: ${p.message}`), [
      '28: Line is not a key, a value or a comment: "this line is not valid".',
      '30: The value "Broken" cannot be read: a dword needs 1 to 8 hex digits.',
    ]);
  });

  it('reports a missing header, values outside a key and unknown roots', () => {
    const doc = readReg('"a"=dword:1\n[HKEY_NOWHERE\\x]\n"b"=dword:1\n');
    assert.deepEqual(doc.problems.map((p) => p.message.split(' ').slice(0, 4).join(' ')), ['The first line is', 'The value "a" is', 'The key "HKEY_NOWHERE\\x" does', 'The value "b" is']);
  });

  it('reads past a million line breaks of every kind (lines read one at a time) and ends a continuation at the last line', () => {
    const key = `[HKEY_LOCAL_MACHINE\\${TS}]`;
    for (const eol of ['\r', '\n', '\r\n']) {
      const text = `Windows Registry Editor Version 5.00${eol}${eol.repeat(1_000_000)}${key}${eol}"a"=dword:00000001${eol}"b"=hex:01,\\${eol}  02${eol}"c"=hex:03,\\`;
      const doc = readReg(text);
      assert.deepEqual(summary(doc, text), ['HKLM:a=1(REG_DWORD)@1000003', 'HKLM:b="0102"(REG_BINARY)@1000004']);
      // The last line has no line after it to continue on: its `\` stays and the value cannot be read.
      assert.deepEqual(doc.problems.map((p) => [p.message.slice(0, 29), new LineIndex(text).positionAt(p.span.start).line + 1]), [['The value "c" cannot be read:', 1000006]]);
    }
  });

  it('places a continued value and its problems on the physical lines: the first, a middle one, the last, past indents and blank continuations', () => {
    const head = `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${TS}]\r\n`;
    const at = (text: string, span: { start: number; end: number }): string => text.slice(span.start, span.end);
    // A value read whole: its span runs from the first byte to the last, across every line.
    const good = `${head}"a"=hex:01,\\\r\n  02,\\\n\t\t03\r\n`;
    const read = readReg(good);
    assert.deepEqual(read.settings.map((s) => s.data), ['010203']);
    assert.equal(at(good, read.settings[0]!.source.span), 'hex:01,\\\r\n  02,\\\n\t\t03');
    // The last line blank after its indent: the data ends on the line before, found by walking the lines again.
    const tail = `${head}"a"=hex:01,\\\r\n  02,\\\r\n  03,\\\r\n    \r\n"b"=dword:1\r\n`;
    assert.equal(at(tail, readReg(tail).settings[0]!.source.span), 'hex:01,\\\r\n  02,\\\r\n  03,');
    // A line that breaks the value, first, in the middle or last: the problem's span is the whole value's data, and the next value is read.
    for (const lines of [['zz,', '02,', '03'], ['01,', 'zz,', '03'], ['01,', '02,', 'zz']]) {
      const text = `${head}"a"=hex:${lines.join('\\\r\n   ')}\r\n"b"=dword:1\r\n`;
      const doc = readReg(text);
      assert.deepEqual(doc.problems.map((p) => [p.message, at(text, p.span)]), [['The value "a" cannot be read: the hex data is not a comma-separated list of bytes.', `hex:${lines.join('\\\r\n   ')}`]]);
      assert.deepEqual(doc.settings.map((s) => s.valueName), ['b']);
    }
  });

  it('joins a value continued over more lines than one batch of joined lines, and places it', () => {
    const head = `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${TS}]\r\n`;
    for (const count of [4095, 4096, 4097, 10_000]) {
      const text = `${head}"a"=hex(7):${'41,00,\\\r\n  '.repeat(count)}00,00\r\n`;
      const doc = readReg(text);
      assert.deepEqual(doc.settings.map((s) => s.data), [['A'.repeat(count)]]);
      const span = doc.settings[0]!.source.span;
      assert.equal(text.slice(span.start, span.end), text.slice(text.indexOf('hex(7)'), text.lastIndexOf('00,00') + 5));
    }
  });

  it('never quotes a line that names a password, nor the lines that may be the rest of its open value', () => {
    const doc = readReg('Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\x]\r\nDefaultPassword=hunter2\r\n"DefaultPassword"="hunter4\r\nhunter4-rest"\r\n"x"=dword:1\r\nstray hunter3 line\r\n');
    assert.equal(doc.problems.length, 4);
    assert.doesNotMatch(doc.problems.map((p) => p.message).join('\n'), /hunter2|hunter4/);
    assert.match(doc.problems[0]!.message, /names a password or secret/);
    // The line after the open string is the rest of the password (a hostile-input review saw it quoted).
    assert.match(doc.problems[2]!.message, /names a password or secret/);
    // Once a line reads again, stray lines are quoted as before.
    assert.match(doc.problems[3]!.message, /"stray hunter3 line"/);
  });

  it('treats a token, a PIN and a private key as the secrets they are in .rdp files: no rest of an open one is quoted', () => {
    // A session 29 review: the line after an open `GatewayAccessToken` string was quoted as a stray line.
    for (const name of ['GatewayAccessToken', 'SmartcardPin', 'PrivateKey']) {
      const doc = readReg(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\x]\r\n"${name}"="tok3n-first\r\ntok3n-rest\r\n`);
      assert.equal(doc.problems.length, 2, name);
      assert.doesNotMatch(doc.problems.map((p) => p.message).join('\n'), /tok3n/, name);
      assert.match(doc.problems[1]!.message, /names a password or secret/, name);
    }
  });

  it('quotes no stray line that names a PIN before its = (a session 29 review: only a name ending in "pin" was a secret)', () => {
    for (const line of ['SmartcardPin=1234', '"SmartcardPin=1234"', 'UserPIN = 987654']) {
      const doc = readReg(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\x]\r\n${line}\r\n`);
      assert.equal(doc.problems.length, 1, line);
      assert.doesNotMatch(doc.problems[0]!.message, /1234|987654/, line);
    }
    // A word with "pin" inside is not a PIN: such a stray line is quoted as before.
    assert.match(readReg('Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\x]\r\nSpinning=1\r\n').problems[0]!.message, /Spinning=1/);
  });

  it('quotes no key or value name from the lines that may be the rest of an open secret, until a line reads as a value', () => {
    // A security review: the key, "no =" and "not under a key" problems quoted fragments of the open password.
    const text =
      'Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon]\n"DefaultPassword"="first\n"Hunter2Part" tail"\n[Secret2Part]"\n' +
      '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\x]\n"Tail3Part"=x\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\y]\n"Tail4Part"=zzz\n"Ok"=dword:1\n"Plain"=zzz\n';
    const messages = readReg(text).problems.map((p) => p.message);
    assert.equal(messages.length, 6);
    assert.doesNotMatch(messages.join('\n'), /Hunter2Part|Secret2Part|Tail3Part|Tail4Part|first/);
    // No "=", a key with no root, not under a key, and a value that does not read: none of them is a value that reads, so the secret stays open.
    assert.deepEqual(messages.slice(1, 5).map((m) => m.includes(SECRET_NOT_SHOWN)), [true, true, true, true]);
    // Once a value reads ("Ok"), names are quoted again.
    assert.match(messages[5]!, /^The value "Plain" cannot be read/);
  });

  it('never throws on garbage, and every span stays inside the text', () => {
    const regish = fc.array(fc.oneof(fc.constantFrom('Windows Registry Editor Version 5.00', 'REGEDIT4', `[HKEY_LOCAL_MACHINE\\${TS}]`, '[-HKEY_CURRENT_USER\\x]', '"a"=dword:', '"b"=hex(7):00,\\', '  41,00', '@=-', '"c"="x\\"', ';', '\\'), fc.string()), { maxLength: 30 });
    fc.assert(
      fc.property(regish, fc.constantFrom('\r\n', '\n', '\r'), (lines, eol) => {
        const text = lines.join(eol);
        const doc = readReg(text);
        for (const x of [...doc.settings.map((s) => s.source.span), ...doc.problems.map((p) => p.span)]) assert.ok(x.start >= 0 && x.start <= x.end && x.end <= text.length);
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => void readReg(text)), { numRuns: 300 });
  });
});

describe('LGPO text reader', () => {
  it('reads the shared sample record for record like its Registry.pol', () => {
    const text = fixtureText('samples', 'rdp-bad.lgpo.txt');
    const doc = readLgpoText(text);
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.settings.length, 17);
    assert.deepEqual(summary(doc, text).slice(-2), ['HKLM:=-delete-values(REG_NONE)@83', 'HKLM:RemoteDesktop-UserMode-In-TCP="v2.31|Action=Block|Active=TRUE|Dir=In|Protocol=6|LPort=3389|App=%SystemRoot%\\\\system32\\\\svchost.exe|Svc=termservice|Name=RDP block (test)|"(REG_SZ)@88']);
  });

  it('reads UTF-16LE, User configurations, every action kind, and reports a bad action', () => {
    const text = fixtureText('lgpo-utf16.txt');
    const doc = readLgpoText(text);
    assert.deepEqual(summary(doc, text), [
      'HKCU:MaxConnectionTime=3600000(REG_DWORD)@7',
      'HKCU:fResetBroken=1(REG_DWORD)@12',
      'HKLM:SecurityLayer=-delete(REG_NONE)@17',
      'HKLM:=-delete-values(REG_NONE)@22',
      'HKLM:=null(REG_NONE)@27',
      'HKLM:=-delete-key(REG_NONE)@32',
      'HKLM:=-delete-key(REG_NONE)@32',
      'HKLM:LicenseServers2=["lic01","lic02"](REG_MULTI_SZ)@37',
      'HKLM:Big=4294967296(REG_QWORD)@42',
      'HKLM:fEncryptRPCTraffic=0(REG_DWORD)@52',
    ]);
    assert.equal(doc.settings[5]!.key, `${TS}\\Old`);
    assert.deepEqual(doc.problems.map((p) => p.message), ['The action of "fEncryptRPCTraffic" cannot be read: "zero" is not a DWORD number.']);
  });

  it('never quotes the action of a value that names a password, nor a stray line of its entry', () => {
    const wl = 'SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon';
    const text = [
      `Computer\n${wl}\nDefaultPassword\nXX:hunter1\n`,
      `Computer\n${wl}\nDefaultPassword\nDWORD:hunter2\n`,
      `Computer\n${wl}\nDefaultPassword\n\nSZ:hunter3\n`,
      `Computer\n${wl}\nDefaultPassword\nSZ\nhunter4\n`,
      `Computer\n${wl}\nLegalNoticeText\nDWORD:plain5\n`,
      `stray plain6 line\n`,
    ].join('\n');
    const doc = readLgpoText(text);
    const messages = doc.problems.map((p) => p.message).join('\n');
    assert.doesNotMatch(messages, /hunter/);
    assert.match(messages, /"plain5" is not a DWORD number/);
    assert.match(messages, /"stray plain6 line"/);
    assert.equal(doc.problems.filter((p) => /password or secret/.test(p.message)).length, 5);
  });

  it('keeps a password unquoted however many blank and comment lines stand between its name and it', () => {
    const wl = 'SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon';
    for (const gap of ['\n\n\n', '\n; note\n\n; another\n\n\n']) {
      const doc = readLgpoText(`Computer\n${wl}\nDefaultPassword\n${gap}SZ:Hunter7!\n`);
      assert.doesNotMatch(doc.problems.map((p) => p.message).join('\n'), /Hunter7/, JSON.stringify(gap));
    }
  });

  it('reports an entry cut short and a line that starts no entry', () => {
    const doc = readLgpoText('Computer\nSOFTWARE\\x\n\nNonsense\nmore\n');
    assert.deepEqual(doc.problems.map((p) => p.message.slice(0, 30)), ['The entry needs four lines (co', 'Line is not Computer, User or ']);
  });
});

describe('.reg hex data', () => {
  /** The reading the reader had before it went one pass: a regular expression, then split. */
  function byRegex(text: string): number[] | undefined {
    const list = text.replace(/\s+/g, '');
    if (list !== '' && !/^[0-9a-f]{1,2}(,[0-9a-f]{1,2})*,?$/i.test(list)) return undefined;
    return list.split(',').filter((b) => b !== '').map((b) => parseInt(b, 16));
  }

  it('reads hex lists exactly as the regular expression did, in one pass', () => {
    const piece = fc.constantFrom('0', 'a', 'F', '4a', 'ff', '00', ',', ' ', '\t', 'g', '123', ',,');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }).map((p) => p.join('')), (text) => {
        const ours = hexBytes(text);
        assert.deepEqual(ours === undefined ? undefined : [...ours], byRegex(text), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a 48 MB value without overflowing the stack', () => {
    const bytes = hexBytes('00,'.repeat(16 << 20) + '01');
    assert.equal(bytes?.length, (16 << 20) + 1);
    assert.equal(bytes?.[16 << 20], 1);
  });
});

describe('.reg quoted names and strings', () => {
  /** The plain reading: a character at a time. */
  function reference(s: string, at: number): [string, number] | undefined {
    let out = '';
    for (let i = at + 1; i < s.length; i++) {
      const c = s[i]!;
      if (c === '\\' && i + 1 < s.length) out += s[++i];
      else if (c === '"') return [out, i + 1];
      else out += c;
    }
    return undefined;
  }

  it('reads what a character-at-a-time reading reads, escapes and unclosed strings included', () => {
    const pieces = fc.constantFrom('a', 'é', '\\', '"', '\\"', '\\\\', ' ', '=', 'x\\');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }).map((p) => `"${p.join('')}`), fc.nat(3), (s, extra) => {
        const line = `${'x'.repeat(extra)}${s}`;
        assert.deepEqual(quoted(line, extra), reference(line, extra));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a 50 MB value as one string (a character at a time made a 1.8 GB rope)', () => {
    const value = 'A'.repeat(50 * 1024 * 1024);
    const read = quoted(`"${value}"`, 0);
    assert.equal(read?.[0].length, value.length);
    assert.equal(read?.[1], value.length + 2);
  });
});

describe('.reg limits (a session 19 review: 4.8 million one-line values took 2.6 GB)', () => {
  const HEAD = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services]\r\n';

  it('reads the first values up to the limit and says where it stopped, at the first line not read', () => {
    const text = HEAD + Array.from({ length: 7 }, (_, i) => `"v${i}"=dword:0000000${i}\r\n`).join('');
    const doc = readReg(text, { values: 5, problems: 100 });
    assert.deepEqual(doc.settings.map((s) => s.valueName), ['v0', 'v1', 'v2', 'v3', 'v4']);
    assert.equal(doc.problems.length, 1);
    assert.equal(doc.problems[0]!.message, 'RDP Doctor reads the first 5 values and key deletions of a .reg file: the rest of this one, from this line on, is not read or checked.');
    assert.equal(doc.problems[0]!.span.start, text.indexOf('"v5"'));
    // At the limit exactly, nothing is said, nor for a key line after it with no value (a review of the change).
    assert.deepEqual(readReg(HEAD + '"a"=dword:00000001\r\n', { values: 1, problems: 100 }).problems, []);
    assert.deepEqual(readReg(HEAD + '"a"=dword:00000001\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Y]\r\n', { values: 1, problems: 100 }).problems, []);
    assert.equal(readReg(HEAD + '"a"=dword:00000001\r\n[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Y]\r\n', { values: 1, problems: 100 }).problems.length, 1, 'a key deletion counts');
  });

  it('lists the first problems up to the limit and counts the rest in one, placed at the first not listed', () => {
    const text = HEAD + 'x\r\n'.repeat(4) + 'y\r\n' + 'z\r\n' + '"ok"=dword:00000001\r\n';
    const doc = readReg(text, { values: 100, problems: 4 });
    assert.equal(doc.settings.length, 1, 'values after the problems are still read');
    assert.equal(doc.problems.length, 5);
    assert.equal(doc.problems[4]!.message, '2 more problems of this file from here on are not listed (RDP Doctor lists the first 4).');
    assert.equal(doc.problems[4]!.span.start, text.indexOf('\r\ny\r\n') + 2);
    assert.equal(doc.problems[4]!.unlisted, 2);
  });

  it('with both limits reached, the count of problems not listed comes before where reading stopped, as in the file', () => {
    const text = HEAD + 'x\r\n'.repeat(3) + '"a"=dword:00000001\r\n"b"=dword:00000001\r\n';
    const doc = readReg(text, { values: 1, problems: 1 });
    assert.deepEqual(doc.problems.map((p) => [p.unlisted, p.essential]), [[undefined, undefined], [2, undefined], [undefined, true]]);
  });
});
