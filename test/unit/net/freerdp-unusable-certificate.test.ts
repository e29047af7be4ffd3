import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freerdpUnusableCertificateFinding } from '../../../src/core/net/freerdp-unusable-certificate';

describe('freerdpUnusableCertificateFinding', () => {
  const RSA_SHA256 = '1.2.840.113549.1.1.11';
  const cases: readonly [string, string, string | null][] = [
    ['Ed25519', '1.3.101.112', 'has an Ed25519 key and is signed with Ed25519'],
    ['Ed448', '1.3.101.113', 'has an Ed448 key and is signed with Ed448'],
    ['Ed25519', RSA_SHA256, 'has an Ed25519 key'],
    ['RSA', '1.3.101.112', 'is signed with Ed25519'],
    ['RSA', RSA_SHA256, null],
    ['EC', '1.2.840.10045.4.3.2', null],
    ['RSA-PSS', '1.2.840.113549.1.1.10', 'has an RSA-PSS key'],
    // An RSA key under an RSA-PSS signature connects (xfreerdp 2.11.7 and 3.30.0 against xrdp 0.10.1).
    ['RSA', '1.2.840.113549.1.1.10', null],
  ];
  for (const [keyAlgorithm, signatureOid, what] of cases) {
    it(`${keyAlgorithm} key, signature ${signatureOid}: ${what ?? 'nothing'}`, () => {
      const f = freerdpUnusableCertificateFinding({ keyAlgorithm, signatureOid });
      if (what === null) return assert.equal(f, undefined);
      assert.equal(f?.ruleId, 'NET028');
      assert.equal(f?.severity, 'error');
      assert.ok(f?.message.includes(`the certificate ${what}, which FreeRDP cannot use`), f?.message);
      assert.match(f!.message, /^[A-Z].*\.$/);
      // Windows is named only for EdDSA, where Schannel's documented signature algorithms say something.
      assert.equal(f!.message.includes('Schannel'), /Ed/.test(what), f!.message);
    });
  }
});
