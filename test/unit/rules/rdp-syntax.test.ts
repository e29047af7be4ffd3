import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRdp } from '../../../src/core/rdp/parse';
import { decodeBytes } from '../../../src/core/text/decode';
import { lintRdpDocument, MAX_FINDINGS_PER_RULE } from '../../../src/core/rules/engine';
import { findProperty } from '../../../src/core/rdp/properties/index';
import type { Report } from '../../../src/core/rules/types';
import { rdp001 } from '../../../src/core/rules/rdp/rdp001-malformed-line';
import { MAX_SUGGESTIONS_PER_FILE, rdp002 } from '../../../src/core/rules/rdp/rdp002-unknown-property';
import { rdp003 } from '../../../src/core/rules/rdp/rdp003-type-mismatch';
import { rdp004 } from '../../../src/core/rules/rdp/rdp004-invalid-value';
import { rdp005 } from '../../../src/core/rules/rdp/rdp005-duplicate-property';
import { rdp006 } from '../../../src/core/rules/rdp/rdp006-encoding';
import { rdp007 } from '../../../src/core/rules/rdp/rdp007-deprecated-property';
import { rdp008 } from '../../../src/core/rules/rdp/rdp008-indented-property';
import { freerdpParsedText } from '../../../src/core/rules/rdp/freerdp-target';
import { findingsOf, testRule } from '../rule-harness';

describe('RDP001 malformed-line', () => {
  it('never quotes the value of a FreeRDP option line (a password)', () => {
    for (const f of findingsOf(rdp001, '/p:Hunter2secret\n/gp:Other2secret\n')) assert.doesNotMatch(f.message, /Hunter2|Other2/);
  });
  it('quotes only the name of a line that looks like a FreeRDP option but does not put a colon after it, and still warns of a password', () => {
    // A security review: the name was everything before the first ':', so "/p Hunter2SecretA" was quoted whole.
    const findings = findingsOf(rdp001, 'full address:s:h.contoso.com\n/p Hunter2SecretA\n/p=Hunter2SecretB\n/password\tHunter2SecretD\n/gp Other2 secret:x\n');
    assert.equal(findings.length, 4);
    for (const f of findings) {
      assert.doesNotMatch(f.message, /Hunter2|Other2|secret:/);
      assert.match(f.message, /^This line starts like the FreeRDP command-line option "\/(p|password|gp)", but no colon follows the name, .* FreeRDP 2 to 3\.27 finds no option of that name and refuses to open the file .* It looks like an option that holds a password \(or its hash\) in plain text\.$/);
    }
  });
  testRule(rdp001, {
    accept: ['full address:s:host', '', '\r\n\r\n', 'drivestoredirect:s:C:\\;E:\\;', 'x:s:'],
    reject: [
      { text: 'full address:s:a\ngarbage line\n', ranges: [[2, 1, 2, 13]], fixed: null },
      { text: 'desktopwidth: i:1920', ranges: [[1, 1, 1, 21]], message: /s, i or b/ },
      { text: 'a:x:1\r\n:s:v', ranges: [[1, 1, 1, 6], [2, 1, 2, 5]] },
      { text: 'onecolon:value', ranges: [[1, 1, 1, 15]] },
      // FreeRDP 2 to 3.27 applies a line that starts with "/" as a command-line option (client/common/file.c).
      {
        text: 'full address:s:h\n/cert-ignore\n/size:1920x1080',
        ranges: [[2, 1, 2, 13], [3, 1, 3, 16]],
        message: /^FreeRDP 2 to 3\.27 reads this line as its command-line option "\/(cert-ignore|size)" and applies it \(3\.28 and later skip it, unless built with WITH_EMBEDDED_CLI_IN_RDP_FILES\); Remote Desktop Connection skips it\.( It turns off the check of the server's certificate\.)?$/,
        title: 'FreeRDP command-line options',
      },
      { text: '/p:Hunter2secret', ranges: [[1, 1, 1, 17]], message: /option "\/p" .* It holds a password \(or its hash\) in plain text\.$/, title: 'a password option: named, its value never quoted' },
      // A name FreeRDP has in no release 2.0.0–3.27.0 (matched exactly, letter case included) fails the whole file.
      { text: '/bogus:1', ranges: [[1, 1, 1, 9]], message: /^This line starts like a FreeRDP command-line option, but FreeRDP has no option "\/bogus" \(it matches names exactly, letter case included\): FreeRDP 2 to 3\.27 refuses to open the file/, title: 'an option name FreeRDP does not have' },
      { text: '/P:Secret9', ranges: [[1, 1, 1, 11]], message: /^This line starts like a FreeRDP command-line option, but FreeRDP has no option "\/P" .* It looks like an option that holds a password/, title: 'a name in the wrong case' },
      { text: '/enforce-tlsv1_2', ranges: [[1, 1, 1, 17]], message: /^FreeRDP 2 to 3\.27 reads this line as its command-line option "\/enforce-tlsv1_2" and applies it/, title: 'a name with an underscore FreeRDP has' },
      { text: '/cert-ignore yes', ranges: [[1, 1, 1, 17]], message: /^This line starts like the FreeRDP command-line option "\/cert-ignore", but no colon follows the name, and FreeRDP splits a name from its value at a colon only: FreeRDP 2 to 3\.27 finds no option of that name and refuses to open the file \(3\.28 and later skip the line\)\. Remote Desktop Connection skips it\. It looks like an option that turns off the check of the server's certificate\.$/, title: 'no colon after the name: FreeRDP knows no such option' },
      { text: '/:x', ranges: [[1, 1, 1, 4]], message: /^This line starts with "\/" like a FreeRDP command-line option, but no option name follows/, title: 'no name at all' },
      { text: ' /drive:home,/', ranges: [[1, 1, 1, 15]], message: /^Clients skip this line/, title: 'indented: FreeRDP looks at the first column only' },
      // No comment syntax, but FreeRDP skips such a line as any other that is not name:type:value (file.c parse_line):
      // a warning, not an error (a working template of 38 "#" lines failed the lint).
      {
        text: '# Session host for the finance team\r\nfull address:s:rdsh01.contoso.com\r\n',
        ranges: [[1, 1, 1, 36]],
        message: /^This line starts with "#", but \.rdp files have no comment syntax: FreeRDP skips it as a line that is not name:type:value; whether Remote Desktop Connection skips it is not documented\.$/,
        severity: 'warning',
        fixed: null,
        title: 'a "#" line: a warning',
      },
      { text: '; old: see ticket 12', ranges: [[1, 1, 1, 21]], message: /^This line starts with ";"/, severity: 'warning', title: 'a ";" line with one colon' },
      { text: '#http://x:8080/y', ranges: [[1, 1, 1, 17]], message: /^This line starts with "#"/, severity: 'warning', title: 'a "#" line with a type field longer than one letter' },
      { text: '#', ranges: [[1, 1, 1, 2]], severity: 'warning', title: 'a lone "#"' },
      { text: ' \t# indented note', ranges: [[1, 1, 1, 18]], message: /^This line starts with "#"/, severity: 'warning', title: 'blanks before the "#"' },
      { text: 'note # not first', ranges: [[1, 1, 1, 17]], message: /^Clients skip this line/, title: 'a "#" later in the line: still an error' },
      // A whole file of XML: one finding, not one per line (shape of VirtualCable/openuds client/notes/macosx/test.rdp).
      {
        text: '\n<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n\t<key>ConnectionString</key>\n\t<string>127.0.0.1</string>\n</dict>\n</plist>\n',
        ranges: [[2, 1, 2, 39]],
        message: /^The file is an XML property list \(an Apple plist\), not name:type:value lines: clients that read \.rdp files \(Remote Desktop Connection, FreeRDP\) find no setting in it\.$/,
        fixed: null,
        title: 'an Apple property list',
      },
      { text: '<html>\n<body>x</body>\n</html>', ranges: [[1, 1, 1, 7], [2, 1, 2, 15], [3, 1, 3, 8]], title: 'other markup: each line' },
      { text: '<?xml version="1.0"?>\nfull address:s:h\n<x/>', ranges: [[1, 1, 1, 22], [3, 1, 3, 5]], title: 'XML lines in a file with settings: each line' },
    ],
  });
});

describe('RDP002 unknown-property', () => {
  it('suggests no name the file already sets, and names what Remmina reads (a session 16 review of a Remmina export)', () => {
    // Remmina writes redirectsmartcard (its own switch) beside redirectsmartcards (the standard one).
    const [remmina] = findingsOf(rdp002, 'full address:s:h\nredirectsmartcard:i:1\nredirectsmartcards:i:0\n');
    assert.equal(remmina!.severity, 'info');
    assert.equal(remmina!.fix, undefined);
    assert.match(remmina!.message, /^"redirectsmartcard" is not a Remote Desktop Connection or FreeRDP property: Remmina reads it as its smart-card switch/);
    // A near-miss whose nearest known name is already in the file: no rename into a duplicate.
    const [near] = findingsOf(rdp002, 'full address:s:h\ndesktopwidht:i:1\ndesktopwidth:i:1024\n');
    assert.equal(near!.fix, undefined);
    assert.doesNotMatch(near!.message, /did you mean/);
    assert.match(findingsOf(rdp002, 'full address:s:h\ndesktopwidht:i:1\n')[0]!.message, /did you mean "desktopwidth"\?/);
  });

  it('looks up a suggestion for the first names of a lint only, again in every lint of the same document', () => {
    const count = MAX_SUGGESTIONS_PER_FILE + 5;
    const doc = parseRdp(Array.from({ length: count }, (_, i) => `full addres${i % 10}:s:x\r\n`).join(''));
    for (let run = 0; run < 2; run++) {
      // The rule alone, every report kept (the engine keeps MAX_FINDINGS_PER_RULE of them).
      const found: Report[] = [];
      rdp002.check({ doc, property: (entry) => findProperty(entry.key), report: (r) => found.push(r) });
      assert.equal(found.length, count);
      const suggested = found.filter((f) => f.message.includes('did you mean "full address"') && f.fix !== undefined);
      assert.equal(suggested.length, MAX_SUGGESTIONS_PER_FILE);
      assert.ok(found.slice(MAX_SUGGESTIONS_PER_FILE).every((f) => f.message.includes('is in no Microsoft property list') && f.fix === undefined));
    }
  });

  it('the engine keeps the first findings of each rule in file order and counts the rest, errors apart', () => {
    const count = MAX_FINDINGS_PER_RULE + 7;
    const text = 'full address:s:h.localhost\r\n' + 'a:s:\r\n'.repeat(count) + 'b:x:1\r\n'.repeat(count);
    const { findings, omitted } = lintRdpDocument(parseRdp(text));
    const of = (id: string) => findings.filter((f) => f.ruleId === id);
    assert.equal(of('RDP002').length, MAX_FINDINGS_PER_RULE);
    assert.equal(of('RDP005').length, MAX_FINDINGS_PER_RULE);
    assert.equal(of('RDP001').length, MAX_FINDINGS_PER_RULE);
    // The first ones by position: RDP002 from line 2 on, RDP001 from the first "b:x:1" line on.
    assert.equal(of('RDP002')[0]!.span.start, text.indexOf('a:s:'));
    assert.equal(of('RDP002').at(-1)!.span.start, text.indexOf('a:s:') + (MAX_FINDINGS_PER_RULE - 1) * 6);
    assert.equal(of('RDP001')[0]!.span.start, text.indexOf('b:x:1'));
    // RDP002 and RDP005 (warnings) 7 and 8 past the cap (RDP005 starts at the second "a"), RDP001 (errors) 7.
    assert.deepEqual(omitted, { findings: 7 + 6 + 7, errors: 7 });
    assert.equal(lintRdpDocument(parseRdp('full address:s:h.localhost\r\n')).omitted, undefined);
  });

  testRule(rdp002, {
    accept: ['full address:s:host', 'FULL ADDRESS:s:host', 'screen mode id:i:2', { text: 'remotedesktopname:s:Cloud PC Enterprise\r\nclientrejectinjectedinput:i:0\r\nactivityhint:s:ms-wvd-ep:x', title: 'properties Azure Virtual Desktop and Windows 365 feeds issue' }],
    reject: [
      { text: 'redirectclipbaord:i:1', ranges: [[1, 1, 1, 18]], message: /did you mean "redirectclipboard"/, fixed: 'redirectclipboard:i:1' },
      { text: 'fulladdress:s:h', ranges: [[1, 1, 1, 12]], fixed: 'full address:s:h' },
      { text: 'x:s:1\nzzqqy frobnicate:i:1', ranges: [[1, 1, 1, 2], [2, 1, 2, 17]], fixed: null, message: /^Unknown property "[^"]+": it is in no Microsoft property list.*undocumented\.$/, title: 'names with no close match' },
      { text: 'desktopwidht:s:1920', ranges: [[1, 1, 1, 13]], fixed: 'desktopwidth:i:1920', title: 'a typo with the wrong type letter: the fix sets both' },
      // Three edits from "disableprinterredirection": suggesting it would invert the setting (rdpgw's test file).
      { text: 'EnablePrinterRedirection:i:1', ranges: [[1, 1, 1, 25]], fixed: null, message: /^Unknown property "EnablePrinterRedirection": it is in no Microsoft property list/, title: 'no suggestion that switches the other way' },
      { text: 'enable themes:i:1', ranges: [[1, 1, 1, 14]], fixed: null, message: /is in no Microsoft property list/, title: 'nor "disable themes" for "enable themes"' },
      { text: 'disableprinterredirectoin:i:1', ranges: [[1, 1, 1, 26]], message: /did you mean "disableprinterredirection"/, fixed: 'disableprinterredirection:i:1', title: 'a typo that keeps the direction' },
      // kimmknight/remoteapptool's RDPFileLib.vb writes this option with underscores for its spaces (and reads it with spaces):
      // four edits from the real name, past the distance a suggestion allows.
      { text: 'redirected_video_capture_encoding_quality:i:2', ranges: [[1, 1, 1, 42]], message: /did you mean "redirected video capture encoding quality"\?/, fixed: 'redirected video capture encoding quality:i:2', title: 'a known name written with underscores for its spaces' },
    ],
  });
});

describe('RDP003 type-mismatch', () => {
  testRule(rdp003, {
    // workspaceid: Microsoft's 2019 table documents it as a string, FreeRDP reads it as an integer (session 16 review).
    accept: ['desktopwidth:i:1920', 'full address:s:h', 'password 51:b:0100', 'unknownthing:x:1', 'workspaceid:s:feed.contoso.com', 'workspaceid:i:0'],
    reject: [
      { text: 'desktopwidth:s:1920', ranges: [[1, 14, 1, 15]], message: /integer property \(i\), not s/, fixed: 'desktopwidth:i:1920' },
      { text: 'full address:i:3', ranges: [[1, 14, 1, 15]], fixed: 'full address:s:3' },
      // Shape from hjgode/ceTSC default.rdp (Windows CE's cetsc, UTF-16LE): the saved password as `Password:b:<hex>`.
      { text: 'Password:b:02000000000000000800000072006400', ranges: [[1, 10, 1, 11]], message: /string property \(s\), not b/, fixed: null, title: 'a binary password blob gets no fix: as s it would be a plaintext password' },
      { text: 'password 51:s:0100', ranges: [[1, 13, 1, 14]], fixed: null, title: 'nor does a secret written with another letter' },
      { text: 'desktopwidth:b:0780', ranges: [[1, 14, 1, 15]], fixed: null, title: 'nor any binary line' },
    ],
  });
});

describe('RDP004 invalid-value', () => {
  testRule(rdp004, {
    accept: ['authentication level:i:2', 'desktopwidth:i:1920', 'screen mode id:i:1', 'full address:s:anything', 'desktopwidth:s:abc', 'desktopscalefactor:i:125', 'desktopscalefactor:i:500', 'clientrejectinjectedinput:i:0'],
    reject: [
      { text: 'authentication level:i:7', ranges: [[1, 24, 1, 25]], message: /allowed: 0, 1, 2, 3/, fixed: null },
      // FreeRDP 3 fails the file on a negative integer; FreeRDP 2 drops the line (client/common/file.c, 2.11.7 and 3.0.0).
      { text: 'authentication level:i:-1', ranges: [[1, 24, 1, 26]], message: /^"-1" is negative: FreeRDP 3 refuses to load the file; FreeRDP 2 ignores the line\.$/, fixed: null },
      { text: 'authentication level:i: -1abc', ranges: [[1, 24, 1, 30]], message: /^"-1abc" is negative: FreeRDP 3/, title: 'negative as strtol reads it: blanks before, text after' },
      { text: 'authentication level:i:-0', ranges: [[1, 24, 1, 26]], message: /^"-0" has a minus sign; write 0\.$/, fixed: 'authentication level:i:0', title: '-0 is 0, not negative' },
      { text: 'authentication level:i:-2147483649', ranges: [[1, 24, 1, 35]], message: /^"-2147483649" is outside the 32-bit range: FreeRDP ignores the line, logs a warning and uses the setting's default\.$/, title: 'below the 32-bit range: dropped, not negative' },
      { text: 'desktopwidth:i:0xFFFFFFFF', ranges: [[1, 16, 1, 26]], message: /outside the 32-bit range/, fixed: null },
      { text: 'screen mode id:i:0x2', ranges: [[1, 18, 1, 21]], message: /hexadecimal/, fixed: 'screen mode id:i:2' },
      { text: 'desktopwidth:i:0x780', ranges: [[1, 16, 1, 21]], fixed: 'desktopwidth:i:1920' },
      { text: 'screen mode id:i:+1', ranges: [[1, 18, 1, 20]], message: /plus sign/, fixed: 'screen mode id:i:1' },
      { text: 'desktopwidth:i:0400', ranges: [[1, 16, 1, 20]], message: /plain decimal/, fixed: null, title: 'leading zeros that octal and decimal read differently get no fix' },
      { text: 'screen mode id:i:two', ranges: [[1, 18, 1, 21]], message: /^"two" is not a number: FreeRDP ignores the line, logs a warning and uses the setting's default\.$/, severity: 'error', fixed: null, title: 'not a number, on a documented property: still an error (FreeRDP uses the default, xfreerdp 2.11.7 logs a warning)' },
      { text: 'screen mode id:i:- 1', ranges: [[1, 18, 1, 21]], message: /^"- 1" is not a number: FreeRDP ignores the line/, title: 'a sign apart from its digits is no number' },
      { text: 'desktopwidth:i:\u00a0-1', ranges: [[1, 16, 1, 19]], message: /^"\\u00a0-1" is not a number: FreeRDP ignores the line/, title: 'a no-break space, no blank to strtol, shown as an escape: it looks like a space' },
      // Written by Microsoft's older Mac client: a warning with the documented value that means the same.
      { text: 'screen mode id:i:0', ranges: [[1, 18, 1, 19]], message: /older Remote Desktop Connection Client for Mac.*Write 1\.$/, severity: 'warning', fixed: 'screen mode id:i:1' },
      { text: 'screen mode id:i:02', ranges: [[1, 18, 1, 20]], message: /octal/, fixed: 'screen mode id:i:2' },
      // FreeRDP's strtol reads " 2" and "2 " as 2; the Windows client is silent: a warning, not the rule's error.
      { text: 'screen mode id:i: 2', ranges: [[1, 18, 1, 20]], severity: 'warning', message: /blanks around it; FreeRDP reads 2/, fixed: 'screen mode id:i:2' },
      { text: 'session bpp:i:32 \r\n', ranges: [[1, 15, 1, 18]], severity: 'warning', message: /blanks/, fixed: 'session bpp:i:32\r\n', title: 'a trailing blank' },
      { text: 'screen mode id:i: 3', ranges: [[1, 18, 1, 20]], severity: 'error', message: /not a documented value/, title: 'blanks around a value out of range: still an error' },
      { text: 'desktopwidth:i:100000', ranges: [[1, 16, 1, 22]] },
      { text: 'screen mode id:i:', ranges: [[1, 18, 1, 18]], message: /^The value is empty: FreeRDP ignores the line, logs a warning and uses the setting's default\.$/ },
      { text: 'desktopscalefactor:i:110', ranges: [[1, 22, 1, 25]], message: /allowed: 100, 125, 150, 175, 200, 250, 300, 400, 500/, title: 'a scale factor between the nine supported values' },
      { text: 'desktopscalefactor:i:350', ranges: [[1, 22, 1, 25]] },
    ],
  });
});

describe('RDP004 on an integer line of any name (a review of 76 real files: FreeRDP 3 refused one RDP Doctor passed)', () => {
  // parse_line reads an `i` line by its type letter alone: freerdp_client_parse_rdp_file_integer, then
  // freerdp_client_rdp_file_set_integer's `value < 0` test, before the name is looked at (client/common/file.c).
  testRule(rdp004, {
    accept: ['my setting:i:1', 'my setting:i:-0', 'my setting:i:12abc', 'my setting:i:0x10', 'my setting:i: 7', 'my setting:s:-1', 'my setting:b:-1', 'full address:s:-1', 'MY SETTING:I:-1'],
    reject: [
      {
        text: 'full address:s:rdsh01.contoso.com\r\nmy setting:i:-1\r\n',
        ranges: [[2, 14, 2, 16]],
        message: /^The value is negative, and FreeRDP reads the value of every integer line, whatever its name: FreeRDP 3 refuses to load the file; FreeRDP 2 ignores the line\.$/,
        severity: 'error',
        fixed: null,
        title: 'a negative value under an unknown name: the same error as under a known one',
      },
      { text: 'my setting:i: -1', ranges: [[1, 14, 1, 17]], message: /^The value is negative, and FreeRDP reads/, title: 'blanks before the sign' },
      { text: 'my setting:i:-1abc', ranges: [[1, 14, 1, 19]], message: /^The value is negative/, title: 'text after the number' },
      { text: 'my setting:i:-2147483648', ranges: [[1, 14, 1, 25]], message: /is negative/, title: 'the lowest 32-bit number' },
      { text: 'my setting:i:- 1', ranges: [[1, 14, 1, 17]], severity: 'info', message: /^The value is not a number, and FreeRDP reads the value of every integer line, whatever its name: FreeRDP ignores the line, logs a warning and uses the setting's default\.$/, title: 'a sign apart from its digits' },
      { text: 'my setting:i:', ranges: [[1, 14, 1, 14]], severity: 'info', message: /^The value is empty, and FreeRDP reads/, title: 'an empty value' },
      { text: 'my setting:i:abc', ranges: [[1, 14, 1, 17]], severity: 'info', message: /^The value is not a number.*uses the setting's default\.$/, title: 'not a number under an unknown name: information (xfreerdp 2.11.7 logs "using default" and connects)' },
      { text: 'apikey:i:sk-live-123abc', ranges: [[1, 10, 1, 24]], severity: 'info', message: /^The value is not a number, and FreeRDP reads/, title: 'a value under an unknown name is not quoted: the name says nothing of what it holds (a session 19 review)' },
      { text: 'my setting:i:\u00a0-1', ranges: [[1, 14, 1, 17]], severity: 'info', message: /^The value is not a number/, title: 'a no-break space before the sign: no blank to strtol' },
      { text: 'my setting:i:2147483648', ranges: [[1, 14, 1, 24]], severity: 'info', message: /^The value is outside the 32-bit range, and FreeRDP reads .*: FreeRDP ignores the line, logs a warning and uses the setting's default\.$/, title: 'past the 32-bit range' },
      { text: 'my setting:i:-2147483649', ranges: [[1, 14, 1, 25]], severity: 'info', message: /outside the 32-bit range/, title: 'below the 32-bit range' },
      { text: 'full address:i:-1', ranges: [[1, 16, 1, 18]], message: /^The value is negative, and FreeRDP reads/, title: 'a string property written as an integer' },
      { text: 'workspaceid:i:-5', ranges: [[1, 15, 1, 17]], message: /is negative/, title: 'a property FreeRDP reads as an integer and Microsoft documents as a string' },
    ],
  });

  it('RDP002 does not call what FreeRDP does with such a line undocumented', () => {
    const [unknown] = findingsOf(rdp002, 'my setting:i:-1');
    assert.equal(unknown!.message, 'Unknown property "my setting": it is in no Microsoft property list, no client source and no service-issued file RDP Doctor knows, so no client is known to use the setting, though FreeRDP reads its value.');
    assert.match(findingsOf(rdp002, 'my setting:i:1')[0]!.message, /what clients do with it is undocumented\.$/);
    assert.match(findingsOf(rdp002, 'my setting:s:-1')[0]!.message, /what clients do with it is undocumented\.$/);
  });
});

describe('RDP005 duplicate-property', () => {
  it('reads each line of a repeated name a bounded number of times, not once per repeat', () => {
    // Which line FreeRDP reads was worked out again for every repeat: 10,000 lines of one name took 4 s to lint.
    const doc = parseRdp('a:s:0\n' + 'a:s:1\n'.repeat(2000));
    let reads = 0;
    const counted = doc.entries.map((e) => new Proxy(e, { get: (target, key) => (key === 'rawName' && reads++, Reflect.get(target, key, target)) }));
    const findings = lintRdpDocument({ ...doc, entries: counted, byKey: new Map([['a', counted]]) }, { rules: [rdp005] }).findings;
    assert.equal(findings.length, MAX_FINDINGS_PER_RULE);
    assert.match(findings[0]!.message, /\(FreeRDP takes the last\)\.$/);
    assert.ok(reads <= 2 * counted.length, `${reads} reads of the names of ${counted.length} lines`);
  });
  testRule(rdp005, {
    accept: ['full address:s:a\nalternate full address:s:a'],
    reject: [
      {
        text: 'screen mode id:i:1\r\nfull address:s:h\r\nScreen Mode ID:i:2\r\n',
        ranges: [[3, 1, 3, 15]],
        message: /already set on line 1/,
        fixed: 'screen mode id:i:1\r\nfull address:s:h\r\n',
      },
      { text: 'a:s:1\na:s:2\na:s:3', ranges: [[2, 1, 2, 2], [3, 1, 3, 2]], message: /\(FreeRDP takes the last\)\.$/, fixed: 'a:s:1\na:s:3' },
      // An indented name is one FreeRDP does not recognise (RDP008): it reads the line before, not the last.
      { text: 'username:s:bob\n username:s:alice', ranges: [[2, 2, 2, 10]], message: /\(FreeRDP takes the one on line 1: it does not recognise a name with blanks around it\)\.$/, title: 'the last line indented' },
      { text: ' username:s:bob\nusername :s:alice', ranges: [[2, 1, 2, 9]], message: /\(FreeRDP reads none of them/, title: 'every line with blanks' },
      {
        text: 'full address:s:h\r\nautoreconnection enabled:i:0\r\nAutoreconnection Enabled:i: 0 \r\n',
        ranges: [[3, 1, 3, 25]],
        message: /already set to the same value on line 2; whichever line a client reads, it reads that value/,
        severity: 'info',
        fixed: 'full address:s:h\r\nautoreconnection enabled:i:0\r\n',
        title: 'the same value twice: info, removed by --fix',
      },
      { text: 'a:s:1\na:s:2\na:s:1', ranges: [[2, 1, 2, 2], [3, 1, 3, 2]], message: /clients differ on which one wins/, title: 'one line of another value among equal ones: all warnings' },
      { text: 'a:s:1\na:i:1', ranges: [[2, 1, 2, 2]], message: /clients differ/, title: 'another type letter is another value' },
    ],
  });
});

describe('RDP006 encoding', () => {
  const UTF8_BOM = { encoding: 'utf-8', bom: true, nul: false } as const;
  testRule(rdp006, {
    accept: [
      'full address:s:h\r\nx:i:1\r\n',
      { text: 'full address:s:h\r\n', options: { bytes: { encoding: 'utf-16le', bom: true, nul: false } }, title: 'UTF-16LE with BOM' },
      { text: 'full address:s:h\n', options: { bytes: { encoding: 'utf-8', bom: false, nul: false } }, title: 'UTF-8 without BOM' },
    ],
    reject: [
      { text: 'full address:s:h\r\nx:i:1\ny:i:2\r\n', ranges: [[2, 1, 2, 6]], message: /ends with LF while most end with CRLF/ },
      {
        // What Windows PowerShell 5.1's Set-Content -Encoding UTF8 writes (a review): FreeRDP reads no "full address".
        text: 'full address:s:10.0.1.10\r\nusername:s:CORP\\admin\r\nserver port:i:3389\r\n',
        options: { bytes: UTF8_BOM },
        ranges: [[1, 1, 1, 25]],
        severity: 'error',
        message: /^The file starts with a UTF-8 byte order mark, which FreeRDP keeps in the first name: it does not recognise "full address", the first property, and no other "full address" or "alternate full address" line gives it a computer, so FreeRDP has nothing to connect to \(xfreerdp stops with "server hostname was not specified"\) unless one is given on its command line\. Save the file as UTF-16LE \(as mstsc does\) or as UTF-8 without BOM\.$/,
        title: 'UTF-8 BOM before "full address", the only target: an error',
      },
      { text: 'full address:s:h\nalternate full address:s:h', options: { bytes: UTF8_BOM }, ranges: [[1, 1, 1, 17]], severity: 'warning', message: /it does not recognise "full address", the first property, and ignores it\./, title: 'UTF-8 BOM before "full address", with an alternate FreeRDP connects to' },
      { text: 'full address:s:h\nfull address:s:h', options: { bytes: UTF8_BOM }, ranges: [[1, 1, 1, 17]], severity: 'warning', message: /"full address", the first property, and ignores it\./, title: 'UTF-8 BOM before "full address", with a later "full address" FreeRDP reads' },
      { text: 'full address:s:h\nalternate full address:s: ', options: { bytes: UTF8_BOM }, ranges: [[1, 1, 1, 17]], severity: 'error', title: 'UTF-8 BOM before "full address", with an empty alternate' },
      { text: 'Screen Mode ID:i:2\nfull address:s:h', options: { bytes: UTF8_BOM }, ranges: [[1, 1, 1, 19]], severity: 'warning', message: /it does not recognise "screen mode id", the first property, and ignores it\./, title: 'UTF-8 BOM before another property: named' },
      { text: '\nfull address:s:h', options: { bytes: UTF8_BOM }, ranges: [[1, 1, 1, 1]], severity: 'warning', message: /that line holds no property, so nothing is lost yet/, title: 'UTF-8 BOM before a blank line: FreeRDP loses nothing' },
      // FreeRDP decodes only UTF-16LE behind a BOM; it reads any other file as 8-bit text up to the first zero byte, so
      // none of these lines (xfreerdp 2.11.7: "server hostname was not specified").
      {
        text: 'full address:s:h\r\nscreen mode id:i:1\r\n',
        options: { bytes: { encoding: 'utf-16be', bom: true, nul: false } },
        ranges: [[1, 1, 1, 17]],
        severity: 'error',
        message: /^The file is UTF-16BE with BOM, which FreeRDP does not decode: it reads the bytes as 8-bit text that ends at the first zero byte, so it reads no property of the file, so FreeRDP has nothing to connect to \(xfreerdp stops with "server hostname was not specified"\) unless one is given on its command line\. Save it as UTF-16LE with a BOM, as mstsc does\.$/,
        title: 'UTF-16BE: FreeRDP reads no line, an error',
      },
      { text: 'full address:s:h\r\n', options: { bytes: { encoding: 'utf-16le', bom: false, nul: false } }, ranges: [[1, 1, 1, 17]], severity: 'error', message: /^The file is UTF-16LE, which FreeRDP does not decode: .* reads no property of the file/, title: 'UTF-16LE without a BOM: FreeRDP reads no line, an error' },
      { text: 'full address:s:h\r\n', options: { bytes: { encoding: 'utf-16be', bom: false, nul: false } }, ranges: [[1, 1, 1, 17]], severity: 'error', title: 'UTF-16BE without a BOM' },
      { text: 'a:s:1\nfull\0address:s:h', ranges: [[2, 1, 2, 17]], message: /^The text holds NUL characters:/, title: 'NUL characters' },
      {
        text: 'a:s:1\n\0\nfull address:s:h',
        ranges: [[2, 1, 2, 2]],
        severity: 'error',
        message: /^The text holds a NUL character, where FreeRDP stops reading the file: it reads no "full address" or "alternate full address" after it, so FreeRDP has nothing to connect to/,
        title: 'a NUL before the only "full address": FreeRDP stops there, an error',
      },
      { text: 'full address:s:h\0junk\n', ranges: [[1, 1, 1, 22]], severity: 'warning', title: 'a NUL after the address on its line: FreeRDP keeps the address' },
    ],
  });
});

describe("FreeRDP's view of a file it does not decode (freerdp_client_parse_rdp_file_buffer_ex: 8-bit text up to the first NUL)", () => {
  it('ends UTF-16 without a little-endian BOM at its first zero byte', () => {
    assert.equal(freerdpParsedText('full address:s:h', 'utf-16le', false), 'f');
    assert.equal(freerdpParsedText('full address:s:h', 'utf-16be', true), '\xfe\xff');
    assert.equal(freerdpParsedText('full address:s:h', 'utf-16be', false), '');
    assert.equal(freerdpParsedText('\u7566\u6c6c\u0041', 'utf-16le', false), 'fullA', 'both bytes of a character read, up to a zero byte');
  });
  it('ends any other text at its first NUL character, and reads UTF-16LE with a BOM whole', () => {
    assert.equal(freerdpParsedText('a:s:1\n\0b:s:2', 'utf-8', false), 'a:s:1\n');
    assert.equal(freerdpParsedText('a:s:1\r\n', 'utf-16le', true), undefined);
  });
  it('gives a constructed UTF-16LE file whose bytes spell a "full address" line a warning, not the error', () => {
    // "full address:s:hh\n" as byte pairs, each a character whose two bytes are not zero, then a NUL character.
    const pairs = Buffer.from('full address:s:hh\n', 'latin1');
    const text = `${String.fromCharCode(...Array.from({ length: pairs.length / 2 }, (_, i) => pairs.readUInt16LE(2 * i)))}\0`;
    const [finding] = lintRdpDocument(parseRdp(text), { rules: [rdp006], bytes: { encoding: 'utf-16le', bom: false, nul: true } }).findings;
    assert.equal(finding!.severity, 'warning');
    assert.match(finding!.message, /^The file is UTF-16LE without a byte order mark/);
  });
});

describe('RDP006 reads the bytes Windows PowerShell 5.1 writes (Set-Content -Encoding UTF8: a UTF-8 BOM)', () => {
  it('decodes them as UTF-8 with a BOM and says FreeRDP has nothing to connect to', () => {
    const decoded = decodeBytes(Buffer.from('\xef\xbb\xbffull address:s:10.0.1.10\r\nusername:s:CORP\\admin\r\nserver port:i:3389\r\n', 'latin1'));
    const findings = lintRdpDocument(parseRdp(decoded.text), { rules: [rdp006], bytes: decoded }).findings;
    assert.deepEqual(findings.map((f) => [f.severity, f.subject]), [['error', 'full address']]);
  });
});

describe('RDP007 deprecated-property', () => {
  testRule(rdp007, {
    accept: ['enablerdsaadauth:i:1', 'full address:s:h'],
    reject: [
      { text: 'targetisaadjoined:i:1', ranges: [[1, 1, 1, 18]], message: /enablerdsaadauth/, fixed: 'enablerdsaadauth:i:1' },
      { text: 'targetisaadjoined:i:0\r\nx:i:1', ranges: [[1, 1, 1, 18]], fixed: 'x:i:1', title: 'targetisaadjoined:i:0, the default: deleted' },
      { text: 'enablerdsaadauth:i:1\ntargetisaadjoined:i:1\n', ranges: [[2, 1, 2, 18]], fixed: 'enablerdsaadauth:i:1\n' },
      // Password sign-in is this file's only way to an Entra-joined host: deleting the line would break it.
      { text: 'enablerdsaadauth:i:0\ntargetisaadjoined:i:1\n', ranges: [[2, 1, 2, 18]], fixed: null, title: 'targetisaadjoined:i:1 where enablerdsaadauth is 0: no fix' },
      { text: 'targetisaadjoined:i:1\nenablerdsaadauth:i:1\nenablerdsaadauth:i:0\n', ranges: [[1, 1, 1, 18]], fixed: null, title: 'the last enablerdsaadauth decides' },
      { text: 'auto connect:i:1\r\nx:i:1', ranges: [[1, 1, 1, 13]], fixed: 'x:i:1' },
      // Diagnostics are plain text: the table's Markdown backticks read as quotes.
      { text: 'redirectdrives:i:1', ranges: [[1, 1, 1, 15]], message: /^"redirectdrives" is deprecated: Legacy all-drives switch; use "drivestoredirect" instead\.$/, fixed: null },
    ],
  });
});

describe('RDP007 advice for a legacy line that turns its feature off (session 16 review)', () => {
  it('does not tell a line at 0 to switch the replacement on', () => {
    const message = (text: string) => findingsOf(rdp007, text)[0]!.message;
    assert.equal(
      message('targetisaadjoined:i:0'),
      '"targetisaadjoined" is deprecated: Being replaced by Microsoft Entra authentication; it is 0 here, which leaves it off: remove the line rather than write "enablerdsaadauth:i:1", which would turn it on.',
    );
    assert.match(message('connect to console:i:0'), /^"connect to console" is deprecated: Legacy console-session flag; it is 0 here, which leaves it off: remove the line rather than write "administrative session:i:1"/);
    assert.match(message('connect to console:i:1'), /use "administrative session:i:1" instead\.$/);
    assert.match(message('targetisaadjoined:i:1'), /use "enablerdsaadauth:i:1" instead\.$/);
  });
});

describe('RDP007 targetisaadjoined fixes that change the sign-in', () => {
  const fixOf = (text: string) => findingsOf(rdp007, text)[0]!.fix;
  it('is reviewed first when it switches to Microsoft Entra authentication or drops the password sign-in', () => {
    assert.equal(fixOf('targetisaadjoined:i:1')?.reviewFirst, true);
    assert.equal(fixOf('enablerdsaadauth:i:1\ntargetisaadjoined:i:1')?.reviewFirst, true);
  });
  it('is applied unattended when the line does nothing (value 0)', () => {
    assert.equal(fixOf('targetisaadjoined:i:0')?.reviewFirst, undefined);
  });
});

describe('fixes that make a skipped line readable again are reviewed first when another line names the property (session 16 review)', () => {
  it('RDP008 and RDP003: reviewed first beside another line of the same name, unattended alone', () => {
    const fixOf = (rule: typeof rdp003, text: string) => findingsOf(rule, text)[0]!.fix;
    // Before: FreeRDP skips the indented or mistyped line and uses the other; after an unattended fix, the last.
    assert.equal(fixOf(rdp008, 'gatewayhostname:s:gw.localhost\n  gatewayhostname:s:evil.invalid')?.reviewFirst, true);
    assert.equal(fixOf(rdp008, 'drivestoredirect :s:*\ndrivestoredirect:s:')?.reviewFirst, true);
    assert.equal(fixOf(rdp003, 'redirectclipboard:i:0\nredirectclipboard:s:1')?.reviewFirst, true);
    assert.equal(fixOf(rdp008, '  username:s:bob')?.reviewFirst, undefined);
    assert.equal(fixOf(rdp003, 'redirectclipboard:s:1')?.reviewFirst, undefined);
  });
});

describe('RDP008 indented-property', () => {
  testRule(rdp008, {
    accept: ['full address:s:host', 'username:s:  CONTOSO\\u', '  \r\n\tgarbage', 'full address:s:h\r\n\r\nx:i:1', 'x\u00e9:i:1', '\u3000:s:x'],
    reject: [
      // The file's only computer, as FreeRDP reads it: FreeRDP has nothing to connect to (an error, as RDP010).
      { text: '  full address:s:h', ranges: [[1, 1, 1, 15]], message: /2 spaces: FreeRDP .*nothing to connect to/, fixed: 'full address:s:h', severity: 'error' },
      { text: 'full address :s:h\r\nusername:s:u', ranges: [[1, 1, 1, 14]], message: /before its colon: .*nothing to connect to/, fixed: 'full address:s:h\r\nusername:s:u', severity: 'error', title: 'the only full address, a blank before its colon' },
      { text: '  full address:s:h\r\nfull address:s:', ranges: [[1, 1, 1, 15]], message: /nothing to connect to/, fixed: 'full address:s:h\r\nfull address:s:', severity: 'error', title: 'the full address FreeRDP reads is empty' },
      { text: '  full address:s:h\r\n alternate full address:s:g', ranges: [[1, 1, 1, 15], [2, 1, 2, 24]], message: /nothing to connect to|ignores the setting/, severity: 'error', title: 'an indented alternate gives FreeRDP no computer either' },
      { text: '  full address:s:h\r\nalternate full address:s:g', ranges: [[1, 1, 1, 15]], message: /does not recognise it and ignores the setting/, fixed: 'full address:s:h\r\nalternate full address:s:g', title: 'an alternate full address FreeRDP reads: a warning' },
      { text: 'full address:s:g\r\n  full address:s:h', ranges: [[2, 1, 2, 15]], message: /does not recognise it and ignores the setting/, title: 'another full address FreeRDP reads: a warning' },
      { text: 'x:i:1\r\n\tusername:s:u\r\n', ranges: [[2, 1, 2, 10]], message: /"username" is indented by 1 tab/, fixed: 'x:i:1\r\nusername:s:u\r\n' },
      { text: ' \tA:i:1\n b:s:2', ranges: [[1, 1, 1, 4], [2, 1, 2, 3]], message: /indented by 1 space/, fixed: 'A:i:1\n b:s:2', title: 'spaces and tabs on several lines' },
      // FreeRDP cuts the name at the first colon and compares it blanks included: "desktopwidth " is no key it knows.
      { text: 'desktopwidth :i:1024', ranges: [[1, 1, 1, 14]], message: /"desktopwidth" has 1 space before its colon: FreeRDP/, fixed: 'desktopwidth:i:1024', title: 'a blank before the colon' },
      { text: 'full address\t \u00a0:s:h', ranges: [[1, 1, 1, 16]], message: /2 spaces and 1 tab before its colon/, fixed: 'full address:s:h', severity: 'error', title: 'tabs and no-break spaces before the colon' },
      { text: ' full address :s:h', ranges: [[1, 1, 1, 14], [1, 2, 1, 15]], message: /indented by 1 space|1 space before its colon/, fixed: 'full address :s:h', severity: 'error', title: 'blanks on both sides: two findings, each with its fix' },
      // FreeRDP ignores these lines; fixing them would hand it the password (RDP040 offers to remove the line).
      { text: ' password:s:Hunter2', ranges: [[1, 1, 1, 10]], fixed: null, title: 'an indented saved password: no fix' },
      { text: 'password 51 :b:01000000d08c9ddf', ranges: [[1, 1, 1, 13]], fixed: null, title: 'a saved password with a blank before the colon: no fix' },
    ],
  });
});

describe('RDP001 on UTF-16LE with a stray last byte (a review)', () => {
  it('reports no line for the lone byte: FreeRDP converts size / 2 - 1 characters after the BOM and drops it', () => {
    const text = 'full address:s:rdsh01.contoso.com\r\nscreen mode id:i:2\r\n';
    const decoded = decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le'), Buffer.from([0x41])]));
    assert.equal(decoded.text, text);
    assert.deepEqual(lintRdpDocument(parseRdp(decoded.text), { rules: [rdp001, rdp004], bytes: decoded }).findings, []);
  });

  it('RDP006 says the file has an odd byte count, on its last line that is not blank; an even one says nothing (session 21 gap)', () => {
    const text = 'full address:s:rdsh01.contoso.com\r\nscreen mode id:i:2\r\n';
    for (const [bom, encoding] of [[[0xff, 0xfe], 'UTF-16LE with BOM'], [[0xfe, 0xff], 'UTF-16BE with BOM']] as const) {
      const body = Buffer.from(text, 'utf16le');
      if (bom[0] === 0xfe) body.swap16();
      const odd = decodeBytes(Buffer.concat([Buffer.from(bom), body, Buffer.from([0x0a])]));
      assert.equal(odd.oddByte, true);
      const found = lintRdpDocument(parseRdp(odd.text), { rules: [rdp006], bytes: odd }).findings.filter((f) => /odd number of bytes/.test(f.message));
      assert.equal(found.length, 1, encoding);
      assert.equal(found[0]!.severity, 'warning');
      assert.match(found[0]!.message, new RegExp(`^The file is ${encoding} but has an odd number of bytes`));
      assert.equal(odd.text.slice(found[0]!.span.start, found[0]!.span.end), 'screen mode id:i:2');
      const even = decodeBytes(Buffer.concat([Buffer.from(bom), body]));
      assert.equal(even.oddByte, false);
      assert.deepEqual(lintRdpDocument(parseRdp(even.text), { rules: [rdp006], bytes: even }).findings.filter((f) => /odd number/.test(f.message)), []);
    }
    // An odd count in UTF-8 is no half character.
    assert.equal(decodeBytes(Buffer.from('full address:s:a\r\n')).oddByte, false);
  });
});
