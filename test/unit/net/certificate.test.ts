import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import forge from 'node-forge';
import { analyzeCertificate, analyzeSeenCertificate, rememberedByCertificate } from '../../../src/core/net/certificate';
import { checkCertificate } from '../../../src/core/net/certificate-findings';
import { verifyChain } from '../../../src/core/net/trust';
import { TrustStore, readCertificates } from '../../../src/core/net/trust-store';
import { makeCert, withNotAfter } from './cert-fixtures';
import { workCounts } from '../../../src/core/work-counts';

const now = new Date();
const noRoots = (extra: X509Certificate[] = []): TrustStore => new TrustStore(extra, false);

function rules(der: Buffer, name = 'rdsh01.contoso.test', store = noRoots(), chain: Buffer[] = [der], days = 30): string[] {
  const a = analyzeCertificate(der);
  assert.ok(a.ok, a.ok ? '' : a.problem);
  return checkCertificate(a.facts, chain, { name, store, now, expiringSoonDays: days }).findings.map((f) => f.ruleId);
}

describe('certificate analysis (node-forge)', () => {
  const ca = makeCert({ cn: 'Contoso Test Root', ca: true, eku: null });
  const leaf = makeCert({ issuer: ca, dns: ['rdsh01.contoso.test', '*.pool.contoso.test'], ips: ['10.0.0.12', '2001:db8::1'], serial: '00ff10' });

  it('reads every field of the SPEC certificate object', () => {
    const a = analyzeCertificate(leaf.der);
    assert.ok(a.ok);
    const f = a.facts;
    assert.equal(f.subject, 'O=Contoso\\, Ltd, CN=rdsh01.contoso.test');
    assert.match(f.issuer, /CN=Contoso Test Root/);
    assert.equal(f.serialNumber, '00FF10');
    assert.deepEqual(f.dnsNames, ['rdsh01.contoso.test', '*.pool.contoso.test']);
    assert.deepEqual(f.ipAddresses, ['10.0.0.12', '2001:db8::1']);
    assert.deepEqual(f.extendedKeyUsage, ['1.3.6.1.5.5.7.3.1']);
    assert.equal(f.keyAlgorithm, 'RSA');
    assert.equal(f.keyBits, 2048);
    assert.equal(f.signatureAlgorithm, 'sha256WithRSAEncryption');
    assert.equal(f.selfSigned, false);
    assert.equal(f.sha1, createHash('sha1').update(leaf.der).digest('hex').toUpperCase());
    assert.equal(f.sha256, new X509Certificate(leaf.der).fingerprint256.replace(/:/g, ''));
    assert.equal(f.notAfter.getTime(), new Date(new X509Certificate(leaf.der).validTo).getTime());
  });

  it('a clean certificate from a configured CA has no finding; without the CA it is untrusted', () => {
    const store = noRoots([new X509Certificate(ca.der)]);
    assert.deepEqual(rules(leaf.der, 'rdsh01.contoso.test', store, [leaf.der]), []);
    assert.deepEqual(rules(leaf.der), ['NET022']);
    assert.equal(verifyChain([leaf.der, ca.der], noRoots()).trusted, false);
  });

  it('when OpenSSL found no chain to its bundled roots, the system store still counts (an enterprise CA the clients trust)', () => {
    // Node 22.15+ reads the operating system's store (tls.getCACertificates('system')); OpenSSL's own verification does
    // not (without --use-system-ca), so its "no chain" must not drop that store. A reader stands in for it here.
    const enterprise = makeCert({ cn: 'Contoso Enterprise Root', ca: true, eku: null });
    const issued = makeCert({ issuer: enterprise, dns: ['rdsh01.contoso.test'] });
    const system = (): string[] => [new X509Certificate(enterprise.der).toString()];
    const a = analyzeCertificate(issued.der);
    assert.ok(a.ok);
    const check = (store: TrustStore) =>
      checkCertificate(a.facts, [issued.der], { name: 'rdsh01.contoso.test', store, now, expiringSoonDays: 30, authorizationError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' }).findings.map((f) => f.ruleId);
    assert.deepEqual(check(new TrustStore([], true, system)), [], 'the system store anchors the chain');
    assert.deepEqual(check(new TrustStore([], true, () => [])), ['NET022'], 'a store without that root does not');
    const untrusted = checkCertificate(a.facts, [issued.der], { name: 'rdsh01.contoso.test', store: new TrustStore([], true, () => []), now, expiringSoonDays: 30 }).findings[0]!;
    assert.match(untrusted.message, /a root this check does not trust \(an enterprise CA the clients trust can be given with --ca\), or the server left an intermediate out/);
  });

  it('chains through an intermediate the server sends', () => {
    const intermediate = makeCert({ cn: 'Contoso Issuing CA', ca: true, eku: null, issuer: ca });
    const issued = makeCert({ issuer: intermediate, dns: ['rdsh01.contoso.test'] });
    const store = noRoots([new X509Certificate(ca.der)]);
    assert.equal(verifyChain([issued.der, intermediate.der], store).trusted, true);
    assert.match(verifyChain([issued.der], store).reason!, /Contoso Issuing CA/);
  });

  it('flags expiry, not-yet-valid and expiring soon', () => {
    assert.deepEqual(rules(makeCert({ notAfter: new Date(Date.now() - 86_400_000) }).der), ['NET020', 'NET022']);
    assert.deepEqual(rules(makeCert({ notBefore: new Date(Date.now() + 86_400_000) }).der), ['NET021', 'NET022']);
    assert.deepEqual(rules(makeCert({ notAfter: new Date(Date.now() + 5 * 86_400_000) }).der), ['NET027', 'NET022']);
    assert.deepEqual(rules(makeCert({ notAfter: new Date(Date.now() + 5 * 86_400_000) }).der, undefined, undefined, undefined, 3), ['NET022']);
  });

  it('NET027 counts the calendar days to the date it shows, and flags by that count', () => {
    // A leaf made with -days 10 and checked a few hours later: 9.99 days left, expiring 10 calendar days later.
    const checkedAt = new Date('2026-12-05T09:00:00.000Z');
    const message = (notAfter: string, days = 30): string | undefined => {
      const a = analyzeCertificate(makeCert({ notBefore: new Date('2026-12-01T00:00:00.000Z'), notAfter: new Date(notAfter) }).der);
      assert.ok(a.ok);
      return checkCertificate(a.facts, [], { name: 'rdsh01.contoso.test', store: noRoots(), now: checkedAt, expiringSoonDays: days }).findings.find((f) => f.ruleId === 'NET027')?.message;
    };
    assert.equal(message('2026-12-15T08:00:00.000Z'), 'The certificate expires on 2026-12-15, in 10 days.');
    assert.equal(message('2026-12-06T01:00:00.000Z'), 'The certificate expires on 2026-12-06, in 16 hours.');
    assert.equal(message('2026-12-06T10:00:00.000Z'), 'The certificate expires on 2026-12-06, in 1 day.');
    // "Within 30 days" is the count shown: 30 days to 2027-01-04 is flagged, even with 30.5 days left; 31 is not.
    assert.equal(message('2027-01-04T21:00:00.000Z'), 'The certificate expires on 2027-01-04, in 30 days.');
    assert.equal(message('2027-01-05T01:00:00.000Z'), undefined);
    assert.equal(message('2026-12-15T08:00:00.000Z', 9), undefined);
  });

  it("the leaf's own dates are NET020/NET021, not trust: an expired leaf from a configured CA is still trusted", () => {
    const store = noRoots([new X509Certificate(ca.der)]);
    const expired = makeCert({ issuer: ca, dns: ['rdsh01.contoso.test'], notAfter: new Date(Date.now() - 86_400_000) });
    const a = analyzeCertificate(expired.der);
    assert.ok(a.ok);
    const r = checkCertificate(a.facts, [expired.der], { name: 'rdsh01.contoso.test', store, now, expiringSoonDays: 30 });
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['NET020']);
    assert.equal(r.summary.trusted, true);
  });

  it('an issuing CA is judged at the time of the check', () => {
    const store = noRoots([new X509Certificate(ca.der)]);
    const intermediate = makeCert({ cn: 'Contoso Issuing CA', ca: true, eku: null, issuer: ca, notAfter: new Date(Date.now() + 10 * 86_400_000) });
    const issued = makeCert({ issuer: intermediate, dns: ['rdsh01.contoso.test'] });
    assert.equal(verifyChain([issued.der, intermediate.der], store).trusted, true);
    const later = verifyChain([issued.der, intermediate.der], store, { now: new Date(Date.now() + 11 * 86_400_000) });
    assert.equal(later.trusted, false);
    assert.match(later.reason!, /the issuing CA O=Contoso\\, Ltd, CN=Contoso Issuing CA expired on/);
  });

  it('a hostile chain of CAs that all verify one another is searched within a bound', () => {
    // makeCert reuses one key per size, so these ten CAs of one name each verify every other.
    const twins = Array.from({ length: 10 }, (_, i) => makeCert({ cn: 'Twin CA', ca: true, eku: null, serial: `0${i + 1}` }));
    const issued = makeCert({ issuer: twins[0], dns: ['rdsh01.contoso.test'] });
    const before = workCounts.linkChecks;
    const verdict = verifyChain([issued.der, ...twins.map((t) => t.der)], noRoots());
    assert.equal(verdict.trusted, false);
    // 200 links a search (MAX_LINK_CHECKS), and a second search only when a CA's usage alone failed; unbounded, ~10! paths.
    assert.ok(workCounts.linkChecks - before <= 2 * 200, `bounded: ${workCounts.linkChecks - before} links checked`);
  });

  it('self-signed: NET022 says so', () => {
    const self = makeCert({ dns: ['rdsh01.contoso.test'] });
    const a = analyzeCertificate(self.der);
    assert.ok(a.ok && a.facts.selfSigned);
    const r = checkCertificate(a.facts, [self.der], { name: 'rdsh01.contoso.test', store: noRoots(), now, expiringSoonDays: 30 });
    assert.match(r.findings[0]!.message, /is self-signed/);
    assert.deepEqual(rules(self.der, 'rdsh01.contoso.test', noRoots([new X509Certificate(self.der)])), []);
  });

  it('EKU: Server Authentication, Remote Desktop Authentication and none pass; Any Purpose alone and Client Authentication only fail', () => {
    assert.deepEqual(rules(makeCert({ eku: ['1.3.6.1.4.1.311.54.1.2'] }).der), ['NET022']);
    assert.deepEqual(rules(makeCert({ eku: null }).der), ['NET022']);
    assert.deepEqual(rules(makeCert({ eku: ['2.5.29.37.0', '1.3.6.1.5.5.7.3.1'] }).der), ['NET022']);
    const any = makeCert({ eku: ['2.5.29.37.0'] });
    assert.deepEqual(rules(any.der), ['NET022', 'NET024']);
    const anyFacts = analyzeCertificate(any.der);
    assert.ok(anyFacts.ok);
    assert.match(
      checkCertificate(anyFacts.facts, [any.der], { name: 'rdsh01.contoso.test', store: noRoots(), now, expiringSoonDays: 30 }).findings[1]!.message,
      /names Any Purpose but neither Server Authentication nor Remote Desktop Authentication/,
    );
    const client = makeCert({ eku: ['1.3.6.1.5.5.7.3.2'] });
    assert.deepEqual(rules(client.der), ['NET022', 'NET024']);
    const a = analyzeCertificate(client.der);
    assert.ok(a.ok);
    const msg = checkCertificate(a.facts, [client.der], { name: 'rdsh01.contoso.test', store: noRoots(), now, expiringSoonDays: 30 }).findings[1]!.message;
    assert.equal(msg, "The certificate's extended key usage (Client Authentication 1.3.6.1.5.5.7.3.2) allows neither Server Authentication nor Remote Desktop Authentication.");
  });

  it('Remote Desktop Authentication without Server Authentication, trusted: an info NET024 that FreeRDP 3.29 and later ask the user (OpenSSL server purpose)', () => {
    const store = noRoots([new X509Certificate(ca.der)]);
    const rdpOnly = makeCert({ issuer: ca, dns: ['rdsh01.contoso.test'], eku: ['1.3.6.1.4.1.311.54.1.2'] });
    const a = analyzeCertificate(rdpOnly.der);
    assert.ok(a.ok);
    const r = checkCertificate(a.facts, [rdpOnly.der], { name: 'rdsh01.contoso.test', store, now, expiringSoonDays: 30 });
    assert.equal(r.summary.trusted, true);
    assert.deepEqual(r.findings.map((f) => [f.ruleId, f.severity, f.message]), [[
      'NET024',
      'info',
      "Windows accepts the certificate's extended key usage (Remote Desktop Authentication 1.3.6.1.4.1.311.54.1.2) for the listener, but FreeRDP-based clients from FreeRDP 3.29 on (xfreerdp, Remmina) verify a server certificate for OpenSSL's TLS server purpose alone, which needs Server Authentication: OpenSSL refuses it (error 26, unsuitable certificate purpose), so they ask the user as for an untrusted certificate (FreeRDP 2 and 3 before 3.29 accept it). Add Server Authentication (1.3.6.1.5.5.7.3.1) to the certificate if such clients connect.",
    ]]);
    // With Any Purpose beside it OpenSSL still refuses (anyExtendedKeyUsage is not the server purpose); with Server
    // Authentication or Microsoft's Server Gated Crypto beside it, it accepts.
    const withAny = makeCert({ issuer: ca, dns: ['rdsh01.contoso.test'], eku: ['1.3.6.1.4.1.311.54.1.2', '2.5.29.37.0'] });
    assert.deepEqual(rules(withAny.der, 'rdsh01.contoso.test', store, [withAny.der]), ['NET024']);
    for (const other of ['1.3.6.1.5.5.7.3.1', '1.3.6.1.4.1.311.10.3.3']) {
      const fine = makeCert({ issuer: ca, dns: ['rdsh01.contoso.test'], eku: ['1.3.6.1.4.1.311.54.1.2', other] });
      assert.deepEqual(rules(fine.der, 'rdsh01.contoso.test', store, [fine.der]), [], other);
    }
    // Untrusted: NET022's warning already makes every client ask.
    assert.deepEqual(rules(rdpOnly.der), ['NET022']);
  });

  it('a critical extension the check does not recognize makes the certificate untrusted, even a pinned one (RFC 5280 §4.2)', () => {
    const nullValue = forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.NULL, false, '')).getBytes();
    const odd = [{ id: '1.3.6.1.4.1.99999.1', critical: true, value: nullValue }];
    const store = noRoots([new X509Certificate(ca.der)]);
    const issued = makeCert({ issuer: ca, dns: ['rdsh01.contoso.test'], extra: odd });
    const a = analyzeCertificate(issued.der);
    assert.ok(a.ok);
    const r = checkCertificate(a.facts, [issued.der], { name: 'rdsh01.contoso.test', store, now, expiringSoonDays: 30 });
    assert.deepEqual(r.findings.map((f) => f.message), [
      'The certificate "O=Contoso\\, Ltd, CN=rdsh01.contoso.test" cannot be trusted: it marks the extension 1.3.6.1.4.1.99999.1 critical, which this check does not recognize, and a client rejects a certificate with a critical extension it does not recognize (RFC 5280 §4.2).',
    ]);
    assert.equal(r.summary.trusted, false);
    // A self-signed certificate given as a CA is trusted as it is, but not with such an extension.
    const pinned = makeCert({ dns: ['rdsh01.contoso.test'], extra: odd });
    assert.deepEqual(rules(pinned.der, 'rdsh01.contoso.test', noRoots([new X509Certificate(pinned.der)])), ['NET022']);
    // Not critical, it is ignored.
    const plain = makeCert({ issuer: ca, dns: ['rdsh01.contoso.test'], extra: [{ ...odd[0]!, critical: false }] });
    assert.deepEqual(rules(plain.der, 'rdsh01.contoso.test', store, [plain.der]), []);
  });

  it("Microsoft's Application Policies marked critical: trusted, with a note that FreeRDP-based clients (OpenSSL) reject it", () => {
    const { asn1 } = forge;
    const serverAuth = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer('1.3.6.1.5.5.7.3.1').getBytes());
    const policies = asn1.toDer(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [serverAuth])])).getBytes();
    const appPolicies = [{ id: '1.3.6.1.4.1.311.21.10', critical: true, value: policies }];
    const store = noRoots([new X509Certificate(ca.der)]);
    const issued = makeCert({ issuer: ca, dns: ['rdsh01.contoso.test'], extra: appPolicies });
    const a = analyzeCertificate(issued.der);
    assert.ok(a.ok);
    const r = checkCertificate(a.facts, [issued.der], { name: 'rdsh01.contoso.test', store, now, expiringSoonDays: 30 });
    assert.equal(r.summary.trusted, true);
    assert.deepEqual(r.findings.map((f) => [f.ruleId, f.severity, f.message]), [[
      'NET022',
      'info',
      `Windows clients trust the certificate "O=Contoso\\, Ltd, CN=rdsh01.contoso.test", but it marks Microsoft's Application Policies extension (1.3.6.1.4.1.311.21.10) critical, an extension Windows processes and OpenSSL does not recognize: FreeRDP-based clients verify with OpenSSL, which rejects a certificate with a critical extension it does not recognize (error 34, unhandled critical extension), so they ask the user as for an untrusted certificate.`,
    ]]);
    // Untrusted for another reason: the warning says so too, in a sentence of its own.
    const untrusted = checkCertificate(a.facts, [issued.der], { name: 'rdsh01.contoso.test', store: noRoots(), now, expiringSoonDays: 30 });
    assert.deepEqual(untrusted.findings.map((f) => [f.ruleId, f.severity]), [['NET022', 'warning']]);
    assert.match(untrusted.findings[0]!.message, /does not chain to a trusted root: .*\. Besides, it marks Microsoft's Application Policies extension \(1\.3\.6\.1\.4\.1\.311\.21\.10\) critical, an extension Windows processes/);
    // Not critical: nothing to say.
    const plain = makeCert({ issuer: ca, dns: ['rdsh01.contoso.test'], extra: [{ ...appPolicies[0]!, critical: false }] });
    assert.deepEqual(rules(plain.der, 'rdsh01.contoso.test', store, [plain.der]), []);
  });

  it('an issuing CA whose extended key usage allows neither Server nor Remote Desktop Authentication: NET024, still trusted', () => {
    const store = noRoots([new X509Certificate(ca.der)]);
    const clientCa = makeCert({ cn: 'Contoso Client CA', ca: true, eku: ['1.3.6.1.5.5.7.3.2'], issuer: ca });
    const issued = makeCert({ issuer: clientCa, dns: ['rdsh01.contoso.test'] });
    const a = analyzeCertificate(issued.der);
    assert.ok(a.ok);
    const r = checkCertificate(a.facts, [issued.der, clientCa.der], { name: 'rdsh01.contoso.test', store, now, expiringSoonDays: 30 });
    assert.deepEqual(r.findings.map((f) => [f.ruleId, f.severity]), [['NET024', 'error']]);
    assert.equal(
      r.findings[0]!.message,
      'The issuing CA "O=Contoso\\, Ltd, CN=Contoso Client CA" restricts its extended key usage (Client Authentication 1.3.6.1.5.5.7.3.2) to neither Server Authentication nor Remote Desktop Authentication, so the certificate is not valid for them: a client requires the usage of every certificate in the path.',
    );
    assert.equal(r.summary.trusted, true);
    // Remote Desktop Authentication or Any Purpose on the CA allows the listener's usage.
    for (const eku of [['1.3.6.1.4.1.311.54.1.2'], ['2.5.29.37.0'], ['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.1']]) {
      const allowing = makeCert({ cn: 'Contoso Issuing CA', ca: true, eku, issuer: ca });
      const below = makeCert({ issuer: allowing, dns: ['rdsh01.contoso.test'] });
      assert.deepEqual(rules(below.der, 'rdsh01.contoso.test', store, [below.der, allowing.der]), [], eku.join());
    }
    // A leaf that allows neither is the leaf's NET024, said once.
    const both = makeCert({ issuer: clientCa, dns: ['rdsh01.contoso.test'], eku: ['1.3.6.1.5.5.7.3.2'] });
    assert.deepEqual(rules(both.der, 'rdsh01.contoso.test', store, [both.der, clientCa.der]), ['NET024']);
  });

  it('a CA whose extended key usage fails is passed over for a cross-signed path that allows the usage', () => {
    // One CA name and key, issued twice by the root: once restricted to Client Authentication, once without a restriction.
    const store = noRoots([new X509Certificate(ca.der)]);
    const restricted = makeCert({ cn: 'Contoso Issuing CA', ca: true, eku: ['1.3.6.1.5.5.7.3.2'], issuer: ca, serial: '01' });
    const open = makeCert({ cn: 'Contoso Issuing CA', ca: true, eku: null, issuer: ca, serial: '02' });
    const issued = makeCert({ issuer: open, dns: ['rdsh01.contoso.test'] });
    assert.deepEqual(verifyChain([issued.der, restricted.der, open.der], store), { trusted: true });
    assert.ok(verifyChain([issued.der, restricted.der], store).caUsage);
  });

  it('weak key and weak signature', () => {
    const weak = makeCert({ bits: 1024, md: 'sha1' });
    const a = analyzeCertificate(weak.der);
    assert.ok(a.ok);
    assert.equal(a.facts.keyBits, 1024);
    assert.equal(a.facts.signatureAlgorithm, 'sha1WithRSAEncryption');
    assert.deepEqual(rules(weak.der), ['NET022', 'NET025', 'NET026']);
    assert.deepEqual(rules(makeCert({ md: 'md5' }).der), ['NET022', 'NET026']);
  });

  it('name mismatch names the target and what the certificate holds', () => {
    const c = makeCert({ cn: 'rdsh01.contoso.test', dns: ['rdsh01.contoso.test'] });
    const a = analyzeCertificate(c.der);
    assert.ok(a.ok);
    const r = checkCertificate(a.facts, [c.der], { name: '10.0.0.12', store: noRoots(), now, expiringSoonDays: 30 });
    assert.equal(r.summary.nameMatches, false);
    assert.equal(r.findings.find((f) => f.ruleId === 'NET023')!.message, 'The certificate does not match "10.0.0.12"; it names rdsh01.contoso.test.');
  });

  it('a name that only a wildcard over a single-label domain covers: NET023 says so, and that FreeRDP accepts it', () => {
    const c = makeCert({ cn: 'localhost', dns: ['localhost', '*.localhost'] });
    const a = analyzeCertificate(c.der);
    assert.ok(a.ok);
    const r = checkCertificate(a.facts, [c.der], { name: 'foo.localhost', store: noRoots(), now, expiringSoonDays: 30 });
    assert.equal(r.summary.nameMatches, false);
    const net023 = r.findings.find((f) => f.ruleId === 'NET023')!;
    assert.equal(net023.severity, 'warning');
    assert.equal(
      net023.message,
      'The certificate matches "foo.localhost" only by "*.localhost", a wildcard over a single-label domain: FreeRDP-based clients accept it, but Windows and other TLS libraries may reject it (Node and browsers do). Put "foo.localhost" itself on the certificate as a DNS name.',
    );
    // Two labels under it: no client that follows RFC 6125 matches, the usual message.
    const deeper = checkCertificate(a.facts, [c.der], { name: 'a.b.localhost', store: noRoots(), now, expiringSoonDays: 30 });
    assert.match(deeper.findings.find((f) => f.ruleId === 'NET023')!.message, /^The certificate does not match "a\.b\.localhost"; it names localhost, \*\.localhost\.$/);
  });

  it('name mismatch lists the first ten names of a certificate that has hundreds; the summary keeps them all', () => {
    const dns = Array.from({ length: 300 }, (_, i) => `host${i}.contoso.test`);
    const c = makeCert({ cn: 'host0.contoso.test', dns });
    const a = analyzeCertificate(c.der);
    assert.ok(a.ok);
    const r = checkCertificate(a.facts, [c.der], { name: 'rdsh01.contoso.test', store: noRoots(), now, expiringSoonDays: 30 });
    assert.equal(
      r.findings.find((f) => f.ruleId === 'NET023')!.message,
      `The certificate does not match "rdsh01.contoso.test"; it names ${dns.slice(0, 10).join(', ')}, … and 290 more.`,
    );
    assert.equal(r.summary.dnsNames.length, 300);
  });

  it('an empty subject is named by the first alternative name in NET022, or "(empty subject)", never as ""', () => {
    const message = (c: ReturnType<typeof makeCert>, store = noRoots()): string => {
      const a = analyzeCertificate(c.der);
      assert.ok(a.ok);
      assert.equal(a.facts.subject, '');
      return checkCertificate(a.facts, [c.der], { name: 'rdsh01.contoso.test', store, now, expiringSoonDays: 30 }).findings.find((f) => f.ruleId === 'NET022')!.message;
    };
    assert.equal(message(makeCert({ emptySubject: true, dns: ['rdsh01.contoso.test'] })), 'The certificate "rdsh01.contoso.test" is self-signed and not among the trusted roots.');
    assert.equal(message(makeCert({ emptySubject: true, ips: ['10.0.0.12'] })), 'The certificate "10.0.0.12" is self-signed and not among the trusted roots.');
    assert.match(message(makeCert({ emptySubject: true, issuer: ca, dns: ['rdsh01.contoso.test'] })), /^The certificate "rdsh01\.contoso\.test" does not chain to a trusted root: its issuer O=Contoso\\, Ltd, CN=Contoso Test Root is not among/);
    assert.match(message(makeCert({ emptySubject: true, eku: null })), /^The certificate "\(empty subject\)" is self-signed/);
  });

  it('reads PEM bundles and DER files as trust anchors, and refuses junk', () => {
    const two = Buffer.from(ca.pem + leaf.pem);
    const read = readCertificates(two);
    assert.ok('certificates' in read && read.certificates.length === 2);
    assert.ok('certificates' in readCertificates(ca.der));
    assert.ok('problem' in readCertificates(Buffer.from('not a certificate')));
  });

  it('a validity date out of range is no date (node-forge rolled "99999999999Z" over into 2007); the forms OpenSSL reads are read', () => {
    const { UTCTIME, GENERALIZEDTIME } = forge.asn1.Type;
    for (const [type, text] of [[UTCTIME, '99999999999Z'], [UTCTIME, '270231000000Z'], [UTCTIME, '271301000000Z'], [UTCTIME, '270102240000Z'], [GENERALIZEDTIME, '20270102036005Z'], [UTCTIME, '270102030405+1300'], [UTCTIME, 'not a time']] as const) {
      const a = analyzeCertificate(withNotAfter(leaf, type, text));
      assert.deepEqual(a, { ok: false, problem: 'the validity dates cannot be read' }, text);
    }
    for (const [type, text, iso] of [
      [UTCTIME, '2701020304Z', '2027-01-02T03:04:00.000Z'],
      [UTCTIME, '270102030405+0100', '2027-01-02T02:04:05.000Z'],
      [UTCTIME, '280229000000Z', '2028-02-29T00:00:00.000Z'],
      [GENERALIZEDTIME, '20270102030405.123Z', '2027-01-02T03:04:05.123Z'],
      [GENERALIZEDTIME, '99991231235959Z', '9999-12-31T23:59:59.000Z'],
    ] as const) {
      const a = analyzeCertificate(withNotAfter(leaf, type, text));
      assert.ok(a.ok, text);
      assert.equal(a.facts.notAfter.toISOString(), iso, text);
    }
  });

  it('garbage DER never throws out of the analysis (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const a = analyzeCertificate(bytes);
        if (!a.ok) assert.match(a.problem, /\S/);
      }),
      { numRuns: 1500 },
    );
  });

  it('a mutated or truncated real certificate never throws either (fast-check)', () => {
    const der = leaf.der;
    fc.assert(
      fc.property(fc.nat({ max: der.length - 1 }), fc.integer({ min: 0, max: 255 }), fc.nat({ max: der.length }), (at, value, cut) => {
        const copy = Buffer.from(der);
        copy[at] = value;
        analyzeCertificate(copy);
        analyzeCertificate(der.subarray(0, cut));
        verifyChain([copy], noRoots());
      }),
      { numRuns: 1500 },
    );
  });
});

describe('certificates seen before (a batch behind one certificate)', () => {
  it('the same bytes give the remembered analysis, equal to a fresh one; other bytes their own', () => {
    const a = makeCert({ cn: 'farm.contoso.test' });
    const b = makeCert({ cn: 'other.contoso.test' });
    const first = analyzeSeenCertificate(a.der);
    assert.deepEqual(first, analyzeCertificate(a.der));
    assert.equal(analyzeSeenCertificate(Buffer.from(a.der)), first);
    const other = analyzeSeenCertificate(b.der);
    assert.ok(other.ok && first.ok);
    assert.notEqual(other.facts.sha256, first.facts.sha256);
    assert.deepEqual(other.facts.commonNames, ['other.contoso.test']);
  });

  it('rememberedByCertificate computes once per distinct bytes, and forgets the oldest past 256 certificates', () => {
    const computed: Buffer[] = [];
    const remember = rememberedByCertificate((der) => computed.push(Buffer.from(der)));
    const a = makeCert({ cn: 'farm.contoso.test' }).der;
    const b = makeCert({ cn: 'other.contoso.test' }).der;
    assert.equal(remember(a), remember(Buffer.from(a)));
    assert.equal(remember(b), 2);
    assert.deepEqual(computed, [a, b]);
    // 255 more certificates: the 257th distinct one forgets the oldest (a), and b is still remembered.
    for (let i = 0; i < 255; i++) remember(Buffer.concat([b, Buffer.from([i])]));
    computed.length = 0;
    remember(b);
    remember(a);
    assert.deepEqual(computed, [a]);
  });

  it('refusals are not remembered under a fingerprint: empty and oversized input answer as before', () => {
    assert.deepEqual(analyzeSeenCertificate(Buffer.alloc(0)), analyzeCertificate(Buffer.alloc(0)));
    const huge = Buffer.alloc(70 * 1024, 0x30);
    assert.deepEqual(analyzeSeenCertificate(huge), analyzeCertificate(huge));
  });
});
