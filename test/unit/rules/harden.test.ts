import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hardenConnectionFile, hardeningSummary, ipAddressTarget, type HardenOptions, type Hardening } from '../../../src/core/fixes/harden';
import { lintRdp } from '../../../src/core/rules/engine';
import { applyEdits } from '../../../src/core/text/edits';

const HARDENED = 'authentication level:i:2\nenablecredsspsupport:i:1\nnegotiate security layer:i:1\n';

function harden(text: string, options: HardenOptions = {}): Hardening {
  const result = hardenConnectionFile(text, options);
  assert.ok(!('error' in result), 'error' in result ? result.error : '');
  return result;
}

/** The hardened text; every edit applies (none overlaps another). */
function hardened(text: string, options: HardenOptions = {}): string {
  const { text: out, dropped } = applyEdits(text, harden(text, options).edits);
  assert.deepEqual(dropped, []);
  return out;
}

const TABLE: readonly { title: string; text: string; options?: HardenOptions; expected: string }[] = [
  {
    title: 'sets the three settings in place and removes the saved password',
    text: 'full address:s:rdsh01.contoso.com\nauthentication level:i:0\npassword 51:b:01000000D08C9DDF\nenablecredsspsupport:i:0\nnegotiate security layer:i:0\nusername:s:ana\n',
    expected: 'full address:s:rdsh01.contoso.com\nauthentication level:i:2\nenablecredsspsupport:i:1\nnegotiate security layer:i:1\nusername:s:ana\n',
  },
  {
    title: 'appends missing settings with the file’s CRLF',
    text: 'full address:s:h.contoso.com\r\nusername:s:ana\r\n',
    expected: 'full address:s:h.contoso.com\r\nusername:s:ana\r\nauthentication level:i:2\r\nenablecredsspsupport:i:1\r\nnegotiate security layer:i:1\r\n',
  },
  {
    title: 'adds a line break first when the file does not end with one, and keeps it without',
    text: 'full address:s:h.contoso.com\r\nenablecredsspsupport:i:1',
    expected: 'full address:s:h.contoso.com\r\nenablecredsspsupport:i:1\r\nauthentication level:i:2\r\nnegotiate security layer:i:1',
  },
  {
    title: 'an unterminated saved password on the last line goes, and the additions follow the break before it',
    text: 'full address:s:h.contoso.com\npassword 51:b:0100',
    expected: `full address:s:h.contoso.com\n${HARDENED}`,
  },
  {
    title: 'an empty file',
    text: '',
    expected: 'authentication level:i:2\r\nenablecredsspsupport:i:1\r\nnegotiate security layer:i:1\r\n',
  },
  {
    title: 'removes duplicates, keeping and fixing the line clients use',
    text: 'authentication level:i:2\nenablecredsspsupport:i:1\nauthentication level:i:0\nnegotiate security layer:i:1\nenablecredsspsupport:i:1\n',
    expected: 'authentication level:i:2\nnegotiate security layer:i:1\nenablecredsspsupport:i:1\n',
  },
  {
    title: 'fixes a wrong type letter and keeps the name as written',
    text: 'Authentication Level:s:2\nenablecredsspsupport:i:01\nnegotiate security layer:i:7\n',
    expected: 'Authentication Level:i:2\nenablecredsspsupport:i:1\nnegotiate security layer:i:1\n',
  },
  {
    title: 'keeps authentication level 1, which is stricter',
    text: `authentication level:i:1\n${HARDENED.slice(HARDENED.indexOf('\n') + 1)}`,
    expected: `authentication level:i:1\n${HARDENED.slice(HARDENED.indexOf('\n') + 1)}`,
  },
  {
    title: 'removes every kind of saved password, keeps integer settings about one',
    text: `password:s:hunter2\nclear password:s:hunter2\nwinrtencryptedpassword:s:QUJD\nwinrtpasswordencoding:i:1\n${HARDENED}`,
    expected: `winrtpasswordencoding:i:1\n${HARDENED}`,
  },
  {
    // MsRdpEx reads a smart-card PIN and a private key from these lines (dll/RdpSettings.cpp); IronRDP lists its
    // RDCleanPath token among its secrets (crates/ironrdp-cfg/src/lib.rs, SECRET_KEYS).
    title: 'removes the other clients\' secrets: a smart-card PIN, a private key, a token',
    text: `WinSCardSmartcardPin:s:123456\nWinSCardPrivateKeyFileData:s:QUJD\nironrdp_rdcleanpathtoken:s:eyJ0\n${HARDENED}`,
    expected: HARDENED,
  },
  {
    title: 'replaces an IPv4 target, keeping the port',
    text: `full address:s:10.0.0.12:3390\n${HARDENED}`,
    options: { hostName: 'rdsh02.contoso.com' },
    expected: `full address:s:rdsh02.contoso.com:3390\n${HARDENED}`,
  },
  {
    title: 'replaces a bracketed IPv6 target, dropping the brackets and keeping the port',
    text: `full address:s:[fd00::12]:3390\n${HARDENED}`,
    options: { hostName: 'rdsh02.contoso.com' },
    expected: `full address:s:rdsh02.contoso.com:3390\n${HARDENED}`,
  },
  {
    title: 'replaces a bare IPv6 target',
    text: `full address:s:fd00::12\n${HARDENED}`,
    options: { hostName: ' rdsh02.contoso.com ' },
    expected: `full address:s:rdsh02.contoso.com\n${HARDENED}`,
  },
  {
    title: 'replaces the same IP in alternate full address, not a different one',
    text: `full address:s:10.0.0.12\nalternate full address:s:10.0.0.12\n${HARDENED}`,
    options: { hostName: 'rdsh02.contoso.com' },
    expected: `full address:s:rdsh02.contoso.com\nalternate full address:s:rdsh02.contoso.com\n${HARDENED}`,
  },
  {
    title: 'leaves a host-name target alone',
    text: `full address:s:rdsh01.contoso.com\n${HARDENED}`,
    options: { hostName: 'rdsh02.contoso.com' },
    expected: `full address:s:rdsh01.contoso.com\n${HARDENED}`,
  },
];

describe('Harden Connection File', () => {
  for (const row of TABLE) {
    it(row.title, () => {
      assert.equal(hardened(row.text, row.options), row.expected);
      assert.deepEqual(harden(row.expected, row.options).edits, [], 'hardening the result changes nothing');
    });
  }

  it('describes each change for the preview, without the password', () => {
    const text = 'full address:s:10.0.0.12\nauthentication level:i:0\nauthentication level:i:0\npassword 51:b:01000000D08C9DDF\nenablecredsspsupport:s:0\n';
    const result = harden(text, { hostName: 'rdsh02.contoso.com' });
    assert.deepEqual(result.changes, [
      'Removed the saved password (password 51) on line 4.',
      'Removed the duplicate authentication level on line 2.',
      'Set authentication level to 2 on line 3 (was "0"): warn the user and let them decide whether to connect.',
      'Set enablecredsspsupport to 1 on line 5 (was "s:0"): use CredSSP when the OS supports it.',
      'Added "negotiate security layer:i:1": negotiate between NLA and standard RDP security.',
      'Replaced the IP address 10.0.0.12 with rdsh02.contoso.com in full address on line 1, so the certificate name can match.',
    ]);
    assert.deepEqual(result.warnings, []);
    assert.ok(!result.changes.join(' ').includes('01000000'));
  });

  it('has nothing to do on a hardened file', () => {
    assert.deepEqual(harden(`full address:s:h.contoso.com\r\n${HARDENED.split('\n').join('\r\n')}`), { edits: [], changes: [], warnings: [] });
  });

  it('warns that a signed file must be signed again, and when the host name was not needed', () => {
    const signed = harden('full address:s:h.contoso.com\nenablecredsspsupport:i:0\nsignscope:s:Full Address\nsignature:s:AQABAA==\n', { hostName: 'x.contoso.com' });
    assert.deepEqual(signed.warnings, [
      'The full address is not an IP address, so x.contoso.com was not used.',
      'The file is signed: changing its secure settings invalidates the signature, so sign it again (rdpsign) before handing it out.',
    ]);
    // The confirmation the editor shows before the edit says it too, after the changes.
    const summary = hardeningSummary(signed).split('\n');
    assert.deepEqual(summary.slice(0, signed.changes.length), signed.changes.map((c) => `• ${c}`));
    assert.deepEqual(summary.slice(signed.changes.length), ['', ...signed.warnings.map((w) => `⚠ ${w}`)]);
    assert.equal(hardeningSummary({ edits: [], changes: ['One.'], warnings: [] }), '• One.');
    const onlyPassword = harden(`password 51:b:01\nsignature:s:AQABAA==\n${HARDENED}`);
    assert.equal(onlyPassword.changes.length, 1);
    assert.deepEqual(onlyPassword.warnings, [], 'a saved password is outside signscope');
  });

  it('keeps negotiation off in a Hyper-V VM console file (pcb to port 2179), which needs it off, and says so', () => {
    // FreeRDP's /vmconnect: port 2179, the VM ID as preconnection blob, negotiation off (client/common/cmdline.c).
    const vm = 'full address:s:hv01.contoso.com:2179\npcb:s:5A0A1BB5-ED4C-4C24-9F39-3F1D2E7A3C11;EnhancedMode=1\nnegotiate security layer:i:0\nauthentication level:i:0\n';
    const result = harden(vm);
    assert.equal(hardened(vm), 'full address:s:hv01.contoso.com:2179\npcb:s:5A0A1BB5-ED4C-4C24-9F39-3F1D2E7A3C11;EnhancedMode=1\nnegotiate security layer:i:0\nauthentication level:i:2\nenablecredsspsupport:i:1\n');
    assert.deepEqual(result.warnings, ['The file opens a Hyper-V VM console (a "pcb" sent to port 2179), which is opened without security-layer negotiation, so "negotiate security layer:i:0" was kept.']);
    // Without the line none is added, which would break it the same way, and nothing is said.
    assert.equal(hardened('full address:s:hv01.contoso.com:2179\npcb:s:vm\n'), 'full address:s:hv01.contoso.com:2179\npcb:s:vm\nauthentication level:i:2\nenablecredsspsupport:i:1\n');
  });

  it('refuses anything but a DNS host name', () => {
    for (const bad of ['', '   ', '10.0.0.12', 'fd00::1', '[fd00::1]', 'rdsh01.contoso.com:3389', 'a b', 'x;calc', 'host\nname', '-bad.contoso.com', 'a'.repeat(64)]) {
      const result = hardenConnectionFile('full address:s:10.0.0.12', { hostName: bad });
      assert.ok('error' in result, JSON.stringify(bad));
      assert.match(result.error, /host name/);
    }
  });

  it('names the IP target the extension may offer to replace', () => {
    assert.equal(ipAddressTarget('full address:s:10.0.0.12:3390'), '10.0.0.12');
    assert.equal(ipAddressTarget('full address:s:[fd00::12]'), 'fd00::12');
    assert.equal(ipAddressTarget('full address:s:fd00::12'), 'fd00::12');
    assert.equal(ipAddressTarget('full address:s:rdsh01.contoso.com'), undefined);
    assert.equal(ipAddressTarget('username:s:ana'), undefined);
  });
});

const LINES = [
  'full address:s:10.0.0.12',
  'full address:s:[fd00::12]:3390',
  'full address:s:rdsh01.contoso.com',
  'alternate full address:s:10.0.0.12',
  'authentication level:i:0',
  'authentication level:i:1',
  'authentication level:i:3',
  'authentication level:s:2',
  ' Authentication Level :i:0',
  'enablecredsspsupport:i: 1',
  'enablecredsspsupport:i:0',
  'enablecredsspsupport:i:1',
  'negotiate security layer:i:0',
  'negotiate security layer:s:x',
  'password 51:b:01000000D08C9DDF0115D111',
  'password:s:hunter2',
  'clear password:s:hunter2',
  'PASSWORD 51:b:00',
  'username:s:CONTOSO\\ana',
  'screen mode id:i:2',
  'signscope:s:Full Address',
  'garbage line',
  '',
  '   ',
];

const SECURITY_RULES = new Set(['RDP020', 'RDP021', 'RDP022', 'RDP040']);

describe('Harden Connection File, any file', () => {
  it('is idempotent, and the result has no security finding of these kinds', () => {
    const file = fc.record({
      lines: fc.array(fc.oneof(fc.constantFrom(...LINES), fc.string({ maxLength: 30 }).filter((s) => !/[\r\n]/.test(s))), { maxLength: 12 }),
      eol: fc.constantFrom('\r\n', '\n'),
      trailing: fc.boolean(),
      hostName: fc.constantFrom<string | undefined>(undefined, 'rdsh01.contoso.com'),
    });
    fc.assert(
      fc.property(file, ({ lines, eol, trailing, hostName }) => {
        const text = lines.join(eol) + (trailing && lines.length ? eol : '');
        const options = hostName === undefined ? {} : { hostName };
        const once = hardened(text, options);
        assert.deepEqual(harden(once, options).edits, [], JSON.stringify(once));
        const left = lintRdp(once).findings.filter((f) => SECURITY_RULES.has(f.ruleId));
        assert.deepEqual(left, [], JSON.stringify(once));
        if (eol === '\r\n') assert.doesNotMatch(once, /(?<!\r)\n/, 'a CRLF file keeps CRLF');
      }),
      { numRuns: 500 },
    );
  });
});
