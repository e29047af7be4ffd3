import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatHostText, formatHostVerdict } from '../../src/cli/check-text';
import { buildSteps } from '../../src/core/net/ladder';
import { BY_IP, RDP_ONLY } from './report/host-fixtures';

describe('check text ladder', () => {
  it('shows the Standard RDP Security encryption under Negotiation, after its findings', () => {
    const text = formatHostText({ ...RDP_ONLY, standardSecurity: { encryptionMethod: '40-bit RC4', encryptionLevel: 'low' } });
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('Standard RDP Security: 40-bit RC4, encryption level low'));
    assert.ok(at > lines.findIndex((l) => l.includes('NET012')), text);
    assert.ok(at < lines.findIndex((l) => / TLS {2,}/.test(l)), text);
  });

  it("lists the first ten of a certificate's names and counts the rest", () => {
    const dnsNames = Array.from({ length: 300 }, (_, i) => `host${i}.contoso.com`);
    const text = formatHostText({ ...BY_IP, certificate: { ...BY_IP.certificate!, dnsNames, ipAddresses: ['10.0.0.12'] } });
    const line = text.split('\n').find((l) => l.includes('SHA-256'))!;
    assert.ok(line.includes(`names ${dnsNames.slice(0, 10).join(', ')}, … and 291 more; RSA 2048 bits`), line);
    assert.ok(line.length < 400, `${line.length} characters`);
    assert.match(formatHostText(BY_IP), /names rdsh02\.contoso\.com, rdsh02; RSA/);
  });

  it('an empty subject is shown as the first alternative name, or "(empty subject)", on the Certificate line', () => {
    const line = (certificate: NonNullable<typeof BY_IP.certificate>): string => {
      const steps = buildSteps({ stoppedAt: null, cancelled: false, addresses: ['10.0.0.12'], negotiation: BY_IP.negotiation, tls: BY_IP.tls, certificate, findings: [], port: 3389 });
      return formatHostText({ ...BY_IP, certificate, steps }).split('\n').find((l) => l.includes('Certificate '))!;
    };
    const empty = { ...BY_IP.certificate!, subject: '', issuer: '', selfSigned: true };
    assert.match(line(empty), /Certificate {2}rdsh02\.contoso\.com, issued by rdsh02\.contoso\.com, valid until/);
    assert.match(line({ ...empty, dnsNames: [], ipAddresses: [] }), /Certificate {2}\(empty subject\), issued by \(empty subject\), valid until/);
    assert.match(line({ ...empty, selfSigned: false }), /Certificate {2}rdsh02\.contoso\.com, issued by \(empty issuer\), valid until/);
    assert.match(line(BY_IP.certificate!), /Certificate {2}CN=rdsh02\.contoso\.com, issued by CN=Contoso Issuing CA, O=Contoso, valid until/);
  });

  it('says nothing of it when the server does not use Standard RDP Security', () => {
    assert.doesNotMatch(formatHostText(BY_IP), /Standard RDP Security:/);
  });

  it('a target that would start a line with `::` is shown with its first colon escaped (GitHub Actions workflow commands)', () => {
    const first = formatHostText({ ...BY_IP, target: '::error title=x::fake' }).split('\n')[0]!;
    assert.ok(first.startsWith('\\x3a:error title=x::fake'), first);
    assert.ok(formatHostText({ ...BY_IP, target: '[::1]:3389' }).startsWith('[::1]:3389'));
  });

  it('a non-ASCII name is shown with its Punycode form beside it, where a look-alike letter shows; an ASCII one as it is', () => {
    const host = { ...BY_IP, target: 'pаypal.localhost:3390', host: 'pаypal.localhost', name: 'pаypal.localhost', port: 3390 };
    const first = formatHostText(host).split('\n')[0]!;
    assert.ok(first.startsWith('pаypal.localhost:3390 (xn--pypal-4ve.localhost:3390)  pаypal.localhost (xn--pypal-4ve.localhost) port 3390, '), first);
    assert.match(formatHostVerdict(host), /^. pаypal\.localhost:3390 \(xn--pypal-4ve\.localhost:3390\) {2}/);
    const file = formatHostText({ ...host, target: 'idn.rdp', name: 'bücher.localhost' }).split('\n')[0]!;
    assert.ok(file.startsWith('idn.rdp  pаypal.localhost (xn--pypal-4ve.localhost) port 3390, certificate name bücher.localhost (xn--bcher-kva.localhost), '), file);
    const ascii = formatHostText({ ...host, target: 'paypal.localhost', host: 'paypal.localhost', name: 'paypal.localhost' }).split('\n')[0]!;
    assert.ok(ascii.startsWith('paypal.localhost  paypal.localhost port 3390, '), ascii);
  });
});
