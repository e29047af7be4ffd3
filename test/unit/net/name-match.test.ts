import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkServerIdentity } from 'node:tls';
import { certificateMatchesName, dnsNameMatches, singleLabelWildcard } from '../../../src/core/net/name-match';

describe('certificate name matching', () => {
  const table: readonly [string, string, boolean][] = [
    ['rdsh01.contoso.com', 'rdsh01.contoso.com', true],
    ['RDSH01.Contoso.com', 'rdsh01.contoso.com.', true],
    ['*.contoso.com', 'rdsh01.contoso.com', true],
    ['*.contoso.com', 'contoso.com', false],
    ['*.contoso.com', 'a.b.contoso.com', false],
    ['*.com', 'contoso.com', false],
    // A wildcard over a single-label domain: not RFC 6125's rule, but Node's and browsers' (NET023 says so apart).
    ['*.localhost', 'foo.localhost', false],
    ['rd*.contoso.com', 'rdsh01.contoso.com', false],
    ['*.*.contoso.com', 'a.b.contoso.com', false],
    ['rdsh01', 'rdsh01.contoso.com', false],
    ['', '', false],
    // Internationalized names compare as A-labels (RFC 6125 §6.4.2), whichever form each side uses.
    ['münchen-rdp.example', 'xn--mnchen-rdp-9db.example', true],
    ['xn--mnchen-rdp-9db.example', 'MÜNCHEN-rdp.example', true],
    ['*.münchen.example', 'rdsh01.xn--mnchen-3ya.example', true],
    ['münchen-rdp.example', 'munchen-rdp.example', false],
  ];
  for (const [pattern, name, expected] of table) {
    it(`${JSON.stringify(pattern)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(name)}`, () => {
      assert.equal(dnsNameMatches(pattern, name), expected);
    });
  }

  it('names match DNS alternative names and the common name; IP literals match only addresses', () => {
    const names = { commonNames: ['rdsh01.contoso.com'], dnsNames: ['*.pool.contoso.com'], ipAddresses: ['10.0.0.12', '2001:db8::1'] };
    assert.equal(certificateMatchesName(names, 'rdsh01.contoso.com'), true);
    assert.equal(certificateMatchesName(names, 'x.pool.contoso.com'), true);
    assert.equal(certificateMatchesName(names, '10.0.0.12'), true);
    assert.equal(certificateMatchesName(names, '[2001:db8:0:0:0:0:0:1]'), true);
    assert.equal(certificateMatchesName(names, '10.0.0.13'), false);
    assert.equal(certificateMatchesName({ commonNames: ['10.0.0.12'], dnsNames: [], ipAddresses: [] }, '10.0.0.12'), true);
    assert.equal(certificateMatchesName({ commonNames: ['*.0.0.12'], dnsNames: [], ipAddresses: [] }, '10.0.0.12'), false);
    assert.equal(certificateMatchesName({ commonNames: [], dnsNames: ['10.0.0.12'], ipAddresses: [] }, 'x'), false);
  });

  it('a name covered only by a wildcard over a single-label domain is told apart (FreeRDP accepts it, Node does not)', () => {
    assert.equal(singleLabelWildcard(['localhost', '*.localhost'], 'foo.localhost'), '*.localhost');
    assert.equal(singleLabelWildcard(['*.LOCALHOST'], 'Foo.localhost.'), '*.LOCALHOST');
    assert.equal(singleLabelWildcard(['*.com'], 'contoso.com'), '*.com');
    // Two labels under the wildcard, a wildcard over two labels, no wildcard, an address: not this case.
    assert.equal(singleLabelWildcard(['*.localhost'], 'a.b.localhost'), undefined);
    assert.equal(singleLabelWildcard(['*.localhost'], 'localhost'), undefined);
    assert.equal(singleLabelWildcard(['*.contoso.com'], 'rdsh01.contoso.com'), undefined);
    assert.equal(singleLabelWildcard(['localhost'], 'foo.localhost'), undefined);
    assert.equal(singleLabelWildcard(['*.1'], '10.0.0.1'), undefined);
    assert.equal(singleLabelWildcard(['*.*'], 'a.b'), undefined);
    // Node's own check refuses what this names, and FreeRDP's suffix comparison accepts it.
    assert.ok(checkServerIdentity('foo.localhost', { subject: {}, subjectaltname: 'DNS:*.localhost' } as never) instanceof Error);
  });
});
