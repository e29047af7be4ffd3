import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { certificateDocument, certificateDocumentName } from '../../../src/core/net/certificate-text';
import type { HostCheckResult } from '../../../src/core/net/types';
import { BY_IP, LEAF, RDP_ONLY, UNRESOLVED } from './host-fixtures';

const NOW = new Date('2026-05-01T12:00:00.000Z');

/** The value column of a `Label   value` line. */
function field(doc: string, label: string): string[] {
  return doc
    .split('\n')
    .filter((l) => l.startsWith(`  ${label.padEnd(21)}`))
    .map((l) => l.slice(23));
}

describe('certificate document', () => {
  const doc = certificateDocument(BY_IP, NOW);

  it('shows every field of the leaf, with days left counted from now', () => {
    assert.ok(doc.startsWith('Certificate of 10.0.0.12:3389\n=============================\n'));
    assert.deepEqual(field(doc, 'TLS'), ['TLSv1.2, ECDHE-RSA-AES256-GCM-SHA384.']);
    assert.deepEqual(field(doc, 'Name checked'), ['10.0.0.12']);
    const leaf = doc.slice(doc.indexOf('Leaf certificate'), doc.indexOf('TLS and certificate findings'));
    assert.equal(
      leaf,
      [
        'Leaf certificate',
        '----------------',
        '  Subject              CN=rdsh02.contoso.com',
        '  Issuer               CN=Contoso Issuing CA, O=Contoso',
        '  Serial number        0A1B2C',
        '  Valid from           2025-06-01T00:00:00.000Z',
        '  Valid until          2026-06-01T00:00:00.000Z (expires in 31 days)',
        '  SHA-1 thumbprint     1111111111111111111111111111111111111111',
        '  SHA-256 thumbprint   2222222222222222222222222222222222222222222222222222222222222222',
        '  DNS names            rdsh02.contoso.com',
        '                       rdsh02',
        '  IP addresses         none',
        '  Extended key usage   Server Authentication (1.3.6.1.5.5.7.3.1)',
        '                       Remote Desktop Authentication (1.3.6.1.4.1.311.54.1.2)',
        '                       1.2.3.4',
        '  Public key           RSA, 2048 bits',
        '  Signature algorithm  sha256WithRSAEncryption',
        '  Self-signed          no',
        "  Trusted              no: it does not chain to a trusted root (Node's bundled roots, the system store where this Node can read it, and the configured CAs)",
        '  Matches the name     no: it does not name "10.0.0.12"',
        '',
        '',
      ].join('\n'),
    );
  });

  it("a server's subject, issuer, names and the findings quoting them cannot add lines or drive a terminal (a session 19 review)", () => {
    const forged = 'localhost\n  Trusted              yes: it chains to a trusted root\n  SHA-1 thumbprint     4249E12CA59D6B0F7E112233445566778899AABB';
    const hostile: HostCheckResult = {
      ...BY_IP,
      certificate: { ...BY_IP.certificate!, subject: `CN=${forged}`, issuer: 'CN=\u001b]0;owned\u0007Evil CA', dnsNames: ['a\u202etxt.exe'] },
      findings: [...BY_IP.findings, { ruleId: 'NET023', severity: 'warning', message: `The certificate names "${forged}".` }],
    };
    const text = certificateDocument(hostile, NOW);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    assert.equal(field(text, 'Trusted').length, 1, 'one Trusted line: the real one');
    assert.deepEqual(field(text, 'Trusted'), [field(doc, 'Trusted')[0]]);
    assert.equal(field(text, 'SHA-1 thumbprint').length, 1 + hostile.chain.length, 'no forged thumbprint line');
    assert.deepEqual(field(text, 'Subject').slice(0, 1), ['CN=localhost\\x0a  Trusted              yes: it chains to a trusted root\\x0a  SHA-1 thumbprint     4249E12CA59D6B0F7E112233445566778899AABB']);
    assert.deepEqual(field(text, 'Issuer').slice(0, 1), ['CN=\\x1b]0;owned\\x07Evil CA']);
    assert.match(text, /^  warning  NET023  The certificate names "localhost\\x0a  Trusted/m);
  });

  it('says an empty subject or issuer is empty, rather than leaving the value blank', () => {
    const empty = certificateDocument({ ...BY_IP, certificate: { ...BY_IP.certificate!, subject: '', issuer: '' }, chain: [] }, NOW);
    assert.deepEqual(field(empty, 'Subject'), ['(empty)']);
    assert.deepEqual(field(empty, 'Issuer'), ['(empty)']);
  });

  it('lists the TLS and certificate findings, not the others', () => {
    assert.match(doc, /^  warning  NET023  The certificate does not match "10\.0\.0\.12"/m);
    assert.match(doc, /^  warning  NET022  /m);
    assert.doesNotMatch(doc, /NET010/);
  });

  it('shows each certificate of the chain with its role, fields and PEM', () => {
    assert.match(doc, /^Chain: 2 certificates, as the listener sent them, leaf first$/m);
    assert.match(doc, /^\[1\] leaf$/m);
    assert.match(doc, /^\[2\] root \(self-signed\)$/m);
    assert.deepEqual(field(doc, 'Public key'), ['RSA, 2048 bits', 'RSA, 2048 bits', 'EC, 384 bits']);
    assert.deepEqual(field(doc, 'Extended key usage').slice(-1), ['none: the certificate has no Extended Key Usage extension, so it is valid for any purpose']);
    assert.deepEqual(field(doc, 'Valid until').slice(-1), ['2030-01-01T00:00:00.000Z (expires in 1341 days)']);
    assert.ok(doc.includes('\n-----BEGIN CERTIFICATE-----\nMIIBroot\n-----END CERTIFICATE-----\n'));
    assert.ok(doc.indexOf('MIIBleaf') < doc.indexOf('MIIBroot'));
  });

  it('counts expired and not-yet-valid certificates from now', () => {
    const at = (iso: string): string[] => field(certificateDocument(BY_IP, new Date(iso)), 'Valid until');
    assert.equal(at('2026-06-04T00:00:00.000Z')[0], '2026-06-01T00:00:00.000Z (expired 3 days ago)');
    assert.equal(at('2026-06-01T05:00:00.000Z')[0], '2026-06-01T00:00:00.000Z (expired 5 hours ago)');
    assert.equal(at('2026-05-31T23:00:00.000Z')[0], '2026-06-01T00:00:00.000Z (expires in 1 hour)');
    assert.equal(at('2026-05-31T23:00:01.000Z')[0], '2026-06-01T00:00:00.000Z (expires in less than an hour)');
    assert.equal(at('2026-05-31T00:00:00.000Z')[0], '2026-06-01T00:00:00.000Z (expires in 1 day)');
    // Days are the calendar days between the UTC dates, so the count agrees with the date shown: 9.99 days left on
    // 2026-05-22 is 10 days to 2026-06-01, 1.5 days to the start on 2025-05-30 is 2 days to 2025-06-01.
    assert.equal(at('2026-05-22T00:14:24.000Z')[0], '2026-06-01T00:00:00.000Z (expires in 10 days)');
    assert.equal(at('2026-05-30T23:00:00.000Z')[0], '2026-06-01T00:00:00.000Z (expires in 2 days)');
    assert.equal(at('2025-05-30T12:00:00.000Z')[0], '2026-06-01T00:00:00.000Z (not valid yet: starts in 2 days)');
    assert.equal(at('2026-06-04T23:59:00.000Z')[0], '2026-06-01T00:00:00.000Z (expired 3 days ago)');
  });

  it('tells a leaf without an EKU extension from one that lists none, and names a lone intermediate', () => {
    const noEku: HostCheckResult = {
      ...BY_IP,
      certificate: { ...BY_IP.certificate!, extendedKeyUsage: [], trusted: true, nameMatches: true },
      chain: [{ ...LEAF, extendedKeyUsage: null }, { ...LEAF, subject: 'CN=Issuing CA', sha1: 'AB' }],
    };
    const text = certificateDocument(noEku, NOW);
    assert.match(field(text, 'Extended key usage')[0]!, /^none: the certificate has no Extended Key Usage extension/);
    assert.deepEqual(field(text, 'Trusted'), ['yes: it chains to a trusted root']);
    assert.deepEqual(field(text, 'Matches the name'), ['yes: it names "10.0.0.12"']);
    assert.match(text, /^\[2\] intermediate \(the root was not sent\)$/m);
  });

  it('says why there is no certificate: Standard RDP Security', () => {
    assert.equal(
      certificateDocument(RDP_ONLY, NOW),
      [
        'Certificate of legacy.contoso.com:3389',
        '======================================',
        '',
        '  Target               legacy.contoso.com',
        '  Name checked         legacy.contoso.com',
        '  TLS                  none',
        '  Checked at           2026-05-01T12:00:00.000Z',
        '',
        'No certificate. The server chose Standard RDP Security: there is no TLS handshake, so it presents no X.509 certificate and the client cannot authenticate it.',
        '',
        'Check',
        '-----',
        '  DNS                  ok: 10.0.0.9.',
        '  TCP                  ok: Connected to port 3389.',
        '  Negotiation          warning: Selected Standard RDP Security.',
        '  TLS                  skipped: Not used.',
        '  Certificate          skipped: Not reached.',
        '',
        'TLS and certificate findings',
        '----------------------------',
        '  none',
        '',
      ].join('\n'),
    );
  });

  it('says why there is no certificate: the step that stopped the check, a failed handshake, a cancelled run', () => {
    assert.match(certificateDocument(UNRESOLVED, NOW), /^No certificate\. The check stopped at the DNS step, before any TLS handshake\. The name "gone\.contoso\.com" does not resolve \(ENOTFOUND\)\.$/m);
    const failed: HostCheckResult = {
      ...BY_IP,
      tls: null,
      certificate: null,
      chain: [],
      findings: [{ ruleId: 'NET028', severity: 'error', message: 'The server selected CredSSP but the TLS handshake failed (ECONNRESET).' }],
      steps: { ...BY_IP.steps, tls: { status: 'error', detail: 'Failed.' }, certificate: { status: 'skipped', detail: 'Not reached.' } },
    };
    const text = certificateDocument(failed, NOW);
    assert.match(text, /^No certificate\. The TLS handshake did not complete\. The server selected CredSSP but the TLS handshake failed \(ECONNRESET\)\.$/m);
    assert.match(text, /^  error    NET028  The server selected CredSSP/m);
    assert.doesNotMatch(text, /^Chain/m);
    assert.match(certificateDocument({ ...failed, cancelled: true }, NOW), /^No certificate\. The check was cancelled before the listener's certificate was read\.$/m);
  });

  it('brackets an IPv6 host', () => {
    assert.match(certificateDocument({ ...UNRESOLVED, host: 'fd00::12', port: 3389 }, NOW), /^Certificate of \[fd00::12\]:3389$/m);
  });
});

describe('certificate document name', () => {
  it('is one per host and port: hosts that differ only where the name cannot show them keep their own document', () => {
    // A review: `::1` and `__1`, `bücher.example` and `b_cher.example` shared one, which a check of either refreshed.
    const hosts = ['::1', '__1', '_3a_3a1', 'bücher.example', 'b_cher.example', 'fe80::1', 'fe80--1', 'paypaⅼ.example', 'paypal.example'];
    const names = hosts.map((h) => certificateDocumentName(h, 3389));
    assert.equal(new Set(names).size, hosts.length, names.join(' '));
    assert.equal(new Set([certificateDocumentName('rdsh01', 3389), certificateDocumentName('rdsh01', 3390)]).size, 2);
    assert.equal(certificateDocumentName('rdsh01.contoso.com', 3389), 'rdsh01.contoso.com_3389.certificate.txt');
    for (const name of names) assert.match(name, /^[A-Za-z0-9._-]+$/);
  });
});
