import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeParamValue, psQuote, validateParam } from '../../../src/core/fixes/index';
import type { FixParam, FixParamKind } from '../../../src/core/fixes/index';
import { HOSTILE } from './hostile';
import { lexPowerShell } from './ps-lexer';

function param(kind: FixParamKind, extra: Partial<FixParam> = {}): FixParam {
  return { key: 'p', label: 'P', description: 'A value.', kind, required: true, placeholder: 'x', ...extra };
}

const CHOICE = param('choice', { choices: ['tls', 'negotiate', 'rdp'] });

/** Valid and invalid values per kind, as a table. */
const TABLE: ReadonlyArray<{ param: FixParam; accept: string[]; reject: string[] }> = [
  {
    param: param('host'),
    accept: ['rdsh01', 'rdsh01.contoso.com', 'rdsh01.contoso.com.', 'my_host.corp', '10.0.0.12', '::1', 'fe80::1%12', '2001:db8::3389', 'xn--bcher-kva.example'],
    reject: ['', ' rdsh01', 'rdsh01 ', 'rdsh 01', '-rdsh01', 'rdsh01-.contoso.com', '10.0.0.256', '1.2.3', '[::1]', 'rdsh01:3389', 'a..b', 'a'.repeat(64) + '.com', 'rdsh\u00fc', 'rdsh01\u200b'],
  },
  {
    param: param('computerName'),
    accept: ['RDSH01', 'rdsh01.contoso.com', '192.168.1.1'],
    reject: ['rdsh01;calc', 'rdsh01,rdsh02', '*', 'localhost/x'],
  },
  {
    param: param('thumbprint'),
    accept: ['4249E12CA59D6B0F7E112233445566778899AABB', '4249e12ca59d6b0f7e112233445566778899aabb', '42 49 e1 2c a5 9d 6b 0f 7e 11 22 33 44 55 66 77 88 99 aa bb', '42:49:E1:2C:A5:9D:6B:0F:7E:11:22:33:44:55:66:77:88:99:AA:BB', '\u200e4249E12CA59D6B0F7E112233445566778899AABB'],
    reject: ['', '4249E12CA59D6B0F7E112233445566778899AAB', '4249E12CA59D6B0F7E112233445566778899AABBC', 'G249E12CA59D6B0F7E112233445566778899AABB', '4249E12CA59D6B0F7E112233445566778899AABB\n', '0x4249E12CA59D6B0F7E112233445566778899AA'],
  },
  {
    param: param('port'),
    accept: ['1', '3389', '65535'],
    reject: ['', '0', '65536', '03389', '+3389', '-1', '3389.0', '0x50', '1e3', ' 3389', '3389 ', '٣٣٨٩'],
  },
  {
    param: param('minutes'),
    accept: ['1', '4', '999'],
    reject: ['', '0', '1000', '01', '1.5', 'four'],
  },
  {
    param: CHOICE,
    accept: ['tls', 'negotiate', 'rdp', 'TLS', 'Negotiate'],
    reject: ['', 'ssl', 'tls ', '2', 'tls;rdp'],
  },
  {
    param: param('azureName'),
    accept: ['rg-rdsh', 'RG_Prod.01', 'rg(test)', 'a'.repeat(90)],
    reject: ['', 'rg.', 'rg rdsh', 'rg/rdsh', 'a'.repeat(91), 'rg\u00e9'],
  },
  {
    param: param('azureName', { maxLength: 64 }),
    accept: ['rdsh01', 'a'.repeat(64)],
    reject: ['a'.repeat(65)],
  },
];


describe('validateParam', () => {
  for (const { param: p, accept, reject } of TABLE) {
    it(`${p.kind}${p.maxLength ? ` (max ${p.maxLength})` : ''}: accepts and refuses as listed`, () => {
      for (const value of accept) assert.equal(validateParam(p, value), undefined, `should accept ${JSON.stringify(value)}`);
      for (const value of reject) {
        const message = validateParam(p, value);
        assert.ok(message, `should refuse ${JSON.stringify(value.slice(0, 80))}`);
        assert.match(message, /^Parameter "p" .*\.$/);
      }
    });
  }

  it('refuses every hostile value for every kind, in one short line that names the parameter', () => {
    for (const { param: p } of TABLE) {
      for (const value of HOSTILE) {
        const message = validateParam(p, value);
        assert.ok(message, `${p.kind} accepted ${JSON.stringify(value.slice(0, 40))}`);
        assert.ok(message.startsWith('Parameter "p" '), message);
        assert.doesNotMatch(message, /[\n\r\u0000\u2028\u2029\u202e]/, 'the message is one clean line');
        assert.ok(message.length < 300, `message of ${message.length} characters`);
      }
    }
  });

  it('says which character is wrong', () => {
    assert.equal(
      validateParam(param('host'), "x'; Remove-Item C:\\ -Recurse #"),
      'Parameter "p" must be a host name or an IP address; "x\'; Remove-Item C:\\ -Recurse #" contains "\'".',
    );
    assert.equal(validateParam(param('computerName'), 'a\nb'), 'Parameter "p" must be a computer name or an IP address; "aU+000Ab" contains U+000A.');
    assert.equal(validateParam(param('host'), 'rdsh 01'), 'Parameter "p" must be a host name or an IP address; "rdsh 01" contains a space.');
    assert.equal(
      validateParam(param('thumbprint'), '4249E12C'),
      'Parameter "p" must be a certificate thumbprint (40 hexadecimal digits); "4249E12C" has 8.',
    );
    assert.equal(validateParam(param('port'), '0'), 'Parameter "p" must be a TCP port number from 1 to 65535, not "0".');
    assert.equal(validateParam(CHOICE, 'ssl'), 'Parameter "p" must be one of tls, negotiate, rdp, not "ssl".');
    assert.match(validateParam(param('host'), 'x'.repeat(100_000))!, /at most 253 characters; this one has 100000\.$/);
  });

  it('reads no-break and other Unicode spaces in a thumbprint as separators, and never shows them as an ordinary space', () => {
    const thumb = param('thumbprint');
    const nbsp = '42\u00a049\u00a0e1\u00a02c\u00a0a5\u00a09d\u00a06b\u00a00f\u00a07e\u00a011\u00a022\u00a033\u00a044\u00a055\u00a066\u00a077\u00a088\u00a099\u00a0aa\u00a0bb';
    assert.equal(validateParam(thumb, nbsp), undefined);
    assert.equal(normalizeParamValue(thumb, nbsp), '4249E12CA59D6B0F7E112233445566778899AABB');
    assert.equal(validateParam(thumb, '4249E12CA59D6B0F7E112233445566778899AABB'.replace(/(..)/g, '$1\u202f').replace(/\u202f$/, '')), undefined);
    assert.equal(validateParam(thumb, '4249E12CA59D6B0F7E11223344556677889\u2007'), 'Parameter "p" must be a certificate thumbprint (40 hexadecimal digits); "4249E12CA59D6B0F7E11223344556677889U+2007" has 35.');
    // Where a no-break space is refused (a host), the message names it instead of printing what looks like a space.
    assert.equal(validateParam(param('host'), 'rdsh\u00a001'), 'Parameter "p" must be a host name or an IP address; "rdshU+00A001" contains U+00A0.');
  });

  it('normalizes thumbprints and choices', () => {
    const thumb = param('thumbprint');
    assert.equal(normalizeParamValue(thumb, '\u200e42 49 e1 2c a5 9d 6b 0f 7e 11 22 33 44 55 66 77 88 99 aa bb'), '4249E12CA59D6B0F7E112233445566778899AABB');
    assert.equal(normalizeParamValue(thumb, '42:49:e1:2c:a5:9d:6b:0f:7e:11:22:33:44:55:66:77:88:99:aa:bb'), '4249E12CA59D6B0F7E112233445566778899AABB');
    assert.equal(normalizeParamValue(CHOICE, 'TLS'), 'tls');
    assert.equal(normalizeParamValue(param('host'), 'RDSH01'), 'RDSH01');
  });
});

describe('psQuote', () => {
  it('doubles every PowerShell single-quote character', () => {
    assert.equal(psQuote("O'Brien"), "'O''Brien'");
    assert.equal(psQuote('\u2018a\u2019b\u201ac\u201bd'), "'\u2018\u2018a\u2019\u2019b\u201a\u201ac\u201b\u201bd'");
    assert.equal(psQuote('$(calc) `n "x"'), "'$(calc) `n \"x\"'");
    assert.equal(psQuote(''), "''");
  });

  it('any string reads back as exactly one literal with the same value (fast-check)', () => {
    const tricky = fc.constantFrom("'", '\u2018', '\u2019', '\u201a', '\u201b', '"', '\u201c', '$', '`', '#', '\n', '\u0000', 'a', ' ', '@');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: tricky })), (value) => {
        const tokens = lexPowerShell(psQuote(value));
        assert.deepEqual(tokens, [{ kind: 'single', value }]);
      }),
      { numRuns: 3000 },
    );
  });
});
