import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameConstraintProblem } from '../../../src/core/net/name-constraints';
import type { NameConstraints } from '../../../src/core/net/x509-extensions';
import type { X509Fields } from '../../../src/core/net/x509-fields';

/**
 * What openssl cannot write into a test certificate (a NUL in a common name, an rfc822Name without an @), against
 * OpenSSL's v3_ncons.c; every other case is in the chain matrix, compared with `openssl verify`.
 */
const CN = '2.5.4.3';

function leaf(cn: string, names: Partial<Pick<X509Fields, 'dnsNames' | 'emailAddresses' | 'altNameTags'>> = {}): X509Fields {
  return {
    version: 3,
    notBefore: new Date(0),
    notAfter: new Date(0),
    dnsNames: names.dnsNames ?? [],
    ipAddresses: [],
    ipAddressBytes: [],
    emailAddresses: names.emailAddresses ?? [],
    otherNames: [],
    altNameTags: names.altNameTags ?? [],
    rsaBits: null,
    serialNumber: '01',
    signatureOid: '1.2.840.10045.4.3.2',
    issuer: [{ oid: CN, value: 'Root' }],
    subject: [{ oid: CN, value: cn }],
    keyAlgorithmOid: '1.2.840.10045.2.1',
    keyParameterOid: undefined,
    basicConstraints: null,
    keyUsage: null,
    extendedKeyUsage: null,
    nameConstraints: null,
    criticalExtensions: [],
  };
}

const dns: NameConstraints = { critical: true, permitted: [{ form: 'dns', name: 'corp.example.com' }], excluded: [] };
const email: NameConstraints = { critical: true, permitted: [{ form: 'email', name: 'corp.example.com' }], excluded: [] };

describe('name constraints where openssl cannot make the certificate (OpenSSL v3_ncons.c)', () => {
  it('a common name is read as a DNS name as cn2dnsid reads it: trailing NULs dropped, a NUL inside refused', () => {
    assert.equal(nameConstraintProblem(dns, leaf('rdp01.corp.example.com\0\0'), true), undefined);
    assert.match(nameConstraintProblem(dns, leaf('rdp01.other.example\0'), true) ?? '', /common name rdp01\.other\.example, read as a DNS name/);
    assert.equal(
      nameConstraintProblem(dns, leaf('rdp01.corp.example.com\0.evil.example'), true),
      'has name constraints, and the certificate has a common name with a NUL character inside it, which a client cannot check against them',
    );
    // Only the leaf's common name, and only without a DNS alternative name.
    assert.equal(nameConstraintProblem(dns, leaf('rdp01\0.evil.example'), false), undefined);
    assert.equal(nameConstraintProblem(dns, leaf('rdp01\0.evil.example', { dnsNames: ['rdp01.corp.example.com'], altNameTags: [2] }), true), undefined);
    // One label: no DNS name, whatever the constraint.
    assert.equal(nameConstraintProblem(dns, leaf('rdp01'), true), undefined);
    assert.equal(nameConstraintProblem(dns, leaf('RDP01.Corp.Example.COM'), true), undefined);
  });

  it('an email address without an @ cannot be checked against email constraints (nc_email: unsupported name syntax)', () => {
    const noAt = leaf('rdp01', { emailAddresses: ['corp.example.com'], altNameTags: [1] });
    assert.equal(
      nameConstraintProblem(email, noAt, true),
      'has name constraints on email addresses, and the certificate names the email address corp.example.com, which is not a mailbox (it has no @), so a client cannot check it against them',
    );
    // Constraints on other forms only: the name is not read.
    assert.equal(nameConstraintProblem(dns, noAt, true), undefined);
  });
});
