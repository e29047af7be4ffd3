// isHostName's one-pass scanner (issue 16) agrees with the label regex it replaced.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { domainToASCII } from 'node:url';
import { parseAddress } from '../../src/core/text/address';
import { asciiHostName, hostProblem, isHostName } from '../../src/core/text/host-name';

const LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;
/** Unicode letters, digits and marks in labels that neither start nor end with "-", checked on the Punycode form (é is the only non-ASCII letter drawn). */
function reference(host: string): boolean {
  if (/[^\x00-\x7f]/.test(host)) {
    if (!/^[\p{L}\p{N}\p{M}._-]+$/u.test(host) || host.split('.').some((l) => l.startsWith('-') || l.endsWith('-'))) return false;
    const ascii = domainToASCII(host);
    return ascii !== '' && reference(ascii);
  }
  if (host.length === 0 || host.length > 253) return false;
  const labels = host.endsWith('.') ? host.slice(0, -1).split('.') : host.split('.');
  // The last label is no number: not all digits, nor 0x and hex digits (glibc's inet_aton and WHATWG read both as IPv4).
  return labels.every((l) => LABEL.test(l)) && !/^(\d+|0x[0-9a-f]*)$/i.test(labels[labels.length - 1]!);
}

const hostChar = fc.constantFrom('a', 'Z', '0', '9', '-', '_', '.', '.', ' ', 'é', ':', '/', 'x', 'X', 'f');

describe('isHostName', () => {
  it('agrees with the label regex on random names', () => {
    fc.assert(fc.property(fc.string({ unit: hostChar, maxLength: 20 }), (host) => assert.equal(isHostName(host), reference(host), JSON.stringify(host))), { numRuns: 20000 });
  });

  it('a name that ends in a hex number is an address to resolvers, not a name (session 16 review)', () => {
    for (const host of ['0x7f000001', '0x7f.0.0.0x1', '1.2.3.0x4', 'a.0X', 'a.0xFF']) assert.equal(isHostName(host), false, host);
    for (const host of ['0x7f000001x', '0xg', 'a.0xfz', 'x0x1', 'box1']) assert.equal(isHostName(host), true, host);
    assert.equal(parseAddress('0x7f000001:3389').ok, false);
  });

  it('takes names with letters of any script, as Windows resolves them (by their Punycode form)', () => {
    for (const host of ['BÜRO-PC', 'bücher.example.com', 'bücher.localhost', 'bücher.localhost.', '日本語.jp', 'ب.example', 'straße.de', 'ü_x.de', 'ü'.repeat(50)]) assert.equal(isHostName(host), true, host);
    assert.equal(asciiHostName('BÜRO-PC'), 'xn--bro-pc-3ya');
    assert.equal(asciiHostName('bücher.Example.com'), 'xn--bcher-kva.example.com');
    assert.equal(asciiHostName('Rdsh01.contoso.com'), 'Rdsh01.contoso.com');
    assert.deepEqual(parseAddress('bücher.example.com:3390'), { ok: true, address: { host: 'bücher.example.com', kind: 'name', hostStart: 0, hostEnd: 18, port: 3390 } });
  });

  it('refuses what shows as nothing, changes how text shows, or is no letter, and checks lengths on the Punycode form', () => {
    const hidden = ['bü\u200bro', 'bü\u200cro', 'bü\u200dro', 'bü\u202ero', 'bü\u2066ro', 'bü\u00adro', 'b\u3164ro', 'ㅤ.example', 'b\u034fü', 'bü\u0000ro', 'bü\u{e0041}ro', 'bü\ufeffro', 'bü\u061cro'];
    for (const host of hidden) {
      assert.equal(isHostName(host), false, JSON.stringify(host));
      assert.match(hostProblem(host), /contains U\+[0-9A-F]{4,5}, .*no place in a host name$/, JSON.stringify(host));
    }
    // Dropped by the Punycode mapping (a variation selector): shows other than it resolves.
    for (const host of ['büro\ufe0f', 'bü ro', 'bü/ro', 'bü@ro', '❤.example', '⑴.example', 'ü-.example', '-ü.example', '\u0301a.example', 'ü'.repeat(60), `${'ü.'.repeat(100)}x`]) {
      assert.equal(isHostName(host), false, JSON.stringify(host));
    }
    // Digits of other scripts that make a number: full-width 127.0.0.1 is 127.0.0.1 to the resolver.
    assert.equal(isHostName('１２７.０.０.１'), false);
    assert.match(hostProblem('１２７.０.０.１'), /ends in a number/);
  });

  it('converts a name to Punycode once, however many characters it has and however often it is asked for (review: a conversion per character)', () => {
    // Counted through node:url's exports, which the bundle reads at each call.
    const exports = createRequire(__filename)('node:url') as { domainToASCII: (domain: string) => string };
    const original = exports.domainToASCII;
    let calls = 0;
    exports.domainToASCII = (domain) => {
      calls++;
      return original(domain);
    };
    syncBuiltinESMExports();
    try {
      const host = 'bücher-überweisung-größenordnung.rechenzentrum-münchen-straße.invalid';
      const parsed = parseAddress(`${host}:3390`);
      assert.ok(parsed.ok);
      assert.equal(asciiHostName(parsed.address.host), 'xn--bcher-berweisung-grenordnung-jjc30ehff.xn--rechenzentrum-mnchen-strae-9dc51f.invalid');
      assert.equal(asciiHostName(host), asciiHostName(parsed.address.host));
      assert.equal(calls, 1);
    } finally {
      exports.domainToASCII = original;
      syncBuiltinESMExports();
    }
  });

  it('refuses exactly the letters, digits and marks the Punycode mapping drops, without converting each (all of Unicode)', () => {
    const letter = /^[\p{L}\p{N}\p{M}]$/u;
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (!letter.test(c) || domainToASCII(`a${c}`) !== 'a') continue;
      assert.equal(isHostName(`bü${c}ro`), false, `U+${cp.toString(16)}`);
    }
  });

  it('agrees on label and name length limits', () => {
    for (const host of ['a'.repeat(63), 'a'.repeat(64), `${'a'.repeat(63)}.b`, `${'a'.repeat(60)}.`.repeat(4) + 'a', `${'a.'.repeat(126)}b`, `${'a.'.repeat(127)}`, '1.2', 'a.1', 'a1', 'a-.b', '-a.b', 'a.b.', '.', '..', '']) {
      assert.equal(isHostName(host), reference(host), host);
    }
  });

  it('is what parseAddress uses, the last answer given again included (the same answer, with or without a port)', () => {
    assert.deepEqual(parseAddress('rdsh01.contoso.com:3390'), parseAddress('rdsh01.contoso.com:3390'));
    assert.equal(parseAddress('rdsh01.contoso.com:3390'), parseAddress('rdsh01.contoso.com:3390'));
    assert.equal(parseAddress('rdsh01.contoso.com:3390').ok, true);
    assert.equal(parseAddress('bad_-.contoso.com').ok, false);
    // Its keys in one order, a port only when the value has one (JSON of a cross-check summary lists them so).
    assert.deepEqual(Object.keys((parseAddress(' rdsh01.contoso.com') as { address: object }).address), ['host', 'kind', 'hostStart', 'hostEnd']);
    assert.deepEqual(parseAddress(' rdsh01.contoso.com:3390'), { ok: true, address: { host: 'rdsh01.contoso.com', kind: 'name', hostStart: 1, hostEnd: 19, port: 3390 } });
    assert.deepEqual(Object.keys((parseAddress('127.0.0.1:3390') as { address: object }).address), ['host', 'kind', 'hostStart', 'hostEnd', 'port']);
  });
});
