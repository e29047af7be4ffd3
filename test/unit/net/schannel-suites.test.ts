// Which suites Windows' Schannel enables by default (Microsoft's "TLS Cipher Suites in Windows …" pages), and what the
// check does with a handshake that ended on another one (a review: xrdp offering only ChaCha20 for TLS 1.2 passed).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSteps } from '../../../src/core/net/ladder';
import { needsSchannelProbe, schannelSuiteFinding } from '../../../src/core/net/schannel-probe';
import { CURRENT_SCHANNEL_OFFER, CURRENT_SCHANNEL_SUITES, SCHANNEL_SUITES, schannelEnablesByDefault } from '../../../src/core/net/schannel-suites';
import type { NegotiationSummary, NetFinding } from '../../../src/core/net/types';

describe('cipher suites Schannel enables by default', () => {
  const table: readonly [string, string, 'yes' | 'no' | 'unknown'][] = [
    // Microsoft lists no ChaCha20 suite for TLS 1.2, and TLS_CHACHA20_POLY1305_SHA256 as supported but not enabled.
    ['TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 'TLSv1.2', 'no'],
    ['TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', 'TLSv1.2', 'no'],
    ['TLS_CHACHA20_POLY1305_SHA256', 'TLSv1.3', 'no'],
    ['TLS_AES_128_CCM_SHA256', 'TLSv1.3', 'no'],
    ['TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256', 'TLSv1.2', 'no'],
    ['TLS_RSA_WITH_CAMELLIA_128_CBC_SHA', 'TLSv1.2', 'no'],
    ['TLS_ECDHE_ECDSA_WITH_AES_128_CCM', 'TLSv1.2', 'no'],
    ['TLS_AES_256_GCM_SHA384', 'TLSv1.3', 'yes'],
    ['TLS_AES_128_GCM_SHA256', 'TLSv1.3', 'yes'],
    ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLSv1.2', 'yes'],
    ['TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLSv1.2', 'yes'],
    ['TLS_RSA_WITH_AES_256_CBC_SHA256', 'TLSv1.2', 'yes'],
    // By version: AES-GCM is a TLS 1.2 suite, the CBC-SHA ones go back to TLS 1.0.
    ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLSv1', 'no'],
    ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLSv1', 'yes'],
    ['TLS_AES_256_GCM_SHA384', 'TLSv1.2', 'no'],
    // Enabled on releases still in support only: Windows Server 2016 and 2019, Windows 10 21H2, Windows 11 21H2, Server 2022.
    ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLSv1.2', 'yes'],
    ['TLS_DHE_RSA_WITH_AES_128_CBC_SHA', 'TLSv1', 'yes'],
    // Not an IANA name (a runtime without standardName), or no version Schannel has: nothing is claimed.
    ['ECDHE-RSA-CHACHA20-POLY1305', 'TLSv1.2', 'unknown'],
    ['unknown', 'TLSv1.2', 'unknown'],
    ['TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 'unknown', 'unknown'],
  ];
  for (const [suite, version, expected] of table) {
    it(`${suite} with ${version}: ${expected}`, () => assert.equal(schannelEnablesByDefault(suite, version), expected));
  }

  it('the offer of current Windows: its TLS 1.3 AES-GCM suites and its TLS 1.2 ones, no ChaCha20, nothing only older releases enable', () => {
    assert.equal(CURRENT_SCHANNEL_OFFER.ciphersuites, 'TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256');
    const ciphers = CURRENT_SCHANNEL_OFFER.ciphers.split(':');
    assert.equal(ciphers[0], 'ECDHE-ECDSA-AES256-GCM-SHA384');
    for (const name of ['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-SHA384', 'AES128-GCM-SHA256', 'DHE-RSA-AES256-GCM-SHA384', 'DES-CBC3-SHA']) assert.ok(ciphers.includes(name), name);
    for (const name of ['DHE-RSA-AES128-SHA', 'DHE-DSS-AES128-SHA256', 'RC4-SHA']) assert.ok(!ciphers.includes(name), name);
    assert.ok(!/CHACHA/.test(`${CURRENT_SCHANNEL_OFFER.ciphers}:${CURRENT_SCHANNEL_OFFER.ciphersuites}`));
    assert.ok(CURRENT_SCHANNEL_SUITES.every((s) => SCHANNEL_SUITES.includes(s)));
  });

  it('every row is well formed: IANA and OpenSSL names, a version, at least one release', () => {
    assert.equal(new Set(SCHANNEL_SUITES.map((s) => s.iana)).size, SCHANNEL_SUITES.length);
    for (const s of SCHANNEL_SUITES) {
      assert.match(s.iana, /^TLS_[A-Z0-9_]+$/);
      assert.ok(s.versions.length > 0 && s.enabledBy.length > 0, s.iana);
      assert.equal(s.versions.includes('TLSv1.3'), s.openssl === s.iana, `${s.iana}: TLS 1.3 suites keep their IANA name`);
    }
  });
});

describe('the Schannel handshake and its finding', () => {
  const main = (cipher: string, protocol = 'TLSv1.2') => ({ ok: true as const, protocol, cipher, chain: [], authorizationError: null });

  it('is asked only after a handshake that ended on a suite Schannel does not enable', () => {
    assert.equal(needsSchannelProbe(main('TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256')), true);
    assert.equal(needsSchannelProbe(main('TLS_CHACHA20_POLY1305_SHA256', 'TLSv1.3')), true);
    assert.equal(needsSchannelProbe(main('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256')), false);
    assert.equal(needsSchannelProbe(main('TLS_AES_256_GCM_SHA384', 'TLSv1.3')), false);
    assert.equal(needsSchannelProbe(main('unknown')), false);
    assert.equal(needsSchannelProbe(undefined), false);
    assert.equal(needsSchannelProbe({ ok: false, error: { kind: 'tls-error', message: 'The TLS handshake failed.' } }), false);
  });

  it('NET028 is an error only when every Schannel suite was refused', () => {
    const facts = { suite: 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', protocol: 'TLSv1.2' };
    const refused = schannelSuiteFinding({ ...facts, accepted: false });
    assert.equal(refused?.ruleId, 'NET028');
    assert.equal(refused?.severity, 'error');
    assert.match(refused!.message, /^Windows clients \(Remote Desktop Connection, which uses Schannel\) cannot complete the TLS handshake: the server chose TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 with TLS 1\.2, a suite Schannel does not enable/);
    assert.match(refused!.message, /Enable an AES-GCM suite on the server \(for xrdp, .*tls_ciphers in xrdp\.ini\)\.$/);
    assert.equal(schannelSuiteFinding({ ...facts, accepted: true }), undefined);
    assert.equal(schannelSuiteFinding({ ...facts, accepted: null }), undefined);
    assert.equal(schannelSuiteFinding(undefined), undefined);
  });

  it('the TLS step is never ✓ when Windows clients cannot use the suite, and says so', () => {
    const negotiation: NegotiationSummary = {
      rdp: false, ssl: true, hybrid: false, hybridEx: false, rdstls: false, nlaRequired: false,
      failures: { rdp: 'SSL_REQUIRED_BY_SERVER' }, unusable: {}, selected: 'SSL', legacy: false, flags: null, connections: 3,
    };
    const tls = { protocol: 'TLSv1.2', cipher: 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', accepted: null };
    const steps = (accepted: boolean | null, findings: NetFinding[] = []) =>
      buildSteps({ stoppedAt: null, cancelled: false, addresses: ['127.0.0.1'], port: 3389, negotiation, tls, certificate: null, findings, windowsSuites: { accepted } }).tls;
    const error: NetFinding = { ruleId: 'NET028', severity: 'error', message: 'Windows clients cannot complete the TLS handshake.' };
    assert.deepEqual(steps(false, [error]), {
      status: 'error',
      detail: 'TLSv1.2, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256. Windows clients cannot use it: none of the cipher suites Schannel enables by default is accepted.',
    });
    assert.equal(steps(false).status, 'warning', 'NET028 turned off');
    assert.deepEqual(steps(true), { status: 'ok', detail: 'TLSv1.2, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256.' });
    assert.equal(steps(null).status, 'ok');
    assert.match(steps(null).detail, /Whether Windows clients can use it is not known/);
  });
});
