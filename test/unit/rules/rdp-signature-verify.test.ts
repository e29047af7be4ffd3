// RDP041 checks an rdpsign signature against the lines it covers (src/core/rdp/signer.ts checkSignature,
// src/core/rules/rdp/signing.ts signedText): a signed file whose address was changed was called validly signed.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import forge from 'node-forge';
import { parseRdp } from '../../../src/core/rdp/parse';
import { checkSignature, signerThumbprints } from '../../../src/core/rdp/signer';
import { lintRdp } from '../../../src/core/rules/engine';
import { signedText } from '../../../src/core/rules/rdp/signing';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
const certificate = forge.pki.createCertificate();
certificate.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
certificate.serialNumber = '01';
certificate.validity.notBefore = new Date('2026-01-01T00:00:00Z');
certificate.validity.notAfter = new Date('2046-01-01T00:00:00Z');
certificate.setSubject([{ name: 'commonName', value: 'Signing Test Publisher' }]);
certificate.setIssuer([{ name: 'commonName', value: 'Signing Test Publisher' }]);
certificate.sign(key, forge.md.sha256.create());

interface SignOptions {
  readonly digest?: 'sha1' | 'sha256' | 'md5';
  /** Signed attributes (content type, message digest, signing time), as signtool-style signers add them. */
  readonly attributes?: boolean;
  /** Leave the signer's certificate out of the signature (its SignerInfo still names it). */
  readonly withoutCertificate?: boolean;
}

/** An rdpsign blob over `text`: a detached signedData (made by node-forge, another implementation than ours), behind the 12-byte header. */
function blobOver(text: Buffer, { digest = 'sha256', attributes = false, withoutCertificate = false }: SignOptions = {}): string {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(text.toString('binary'));
  if (!withoutCertificate) p7.addCertificate(certificate);
  p7.addSigner({
    key,
    certificate,
    digestAlgorithm: forge.pki.oids[digest]!,
    authenticatedAttributes: attributes ? [{ type: forge.pki.oids.contentType!, value: forge.pki.oids.data }, { type: forge.pki.oids.messageDigest! }, { type: forge.pki.oids.signingTime!, value: new Date() as unknown as string }] : [],
  });
  p7.sign({ detached: true });
  const der = Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  const header = Buffer.alloc(12);
  header.writeUInt32LE(0x00010001, 0);
  header.writeUInt32LE(1, 4);
  header.writeUInt32LE(der.length, 8);
  return Buffer.concat([header, der]).toString('base64');
}

/** The text rdpsign signs for these lines and scope, written out by hand (reference §4.2), not by the code under test. */
function rdpsignText(lines: readonly string[], scope: string): Buffer {
  return Buffer.from(`${lines.join('\r\n')}\r\nsignscope:s:${scope}\r\n\0`, 'utf16le');
}

const ADDRESS = 'full address:s:rdsh01.contoso.invalid';
const ALTERNATE = 'alternate full address:s:rdsh01.contoso.invalid';
const SCOPE = 'Full Address,Alternate Full Address';

/** A file signed over its address lines, the redirection outside the scope, with `eol` between lines. */
function signedFile(options: SignOptions = {}, eol = '\r\n'): string {
  const signature = blobOver(rdpsignText([ADDRESS, ALTERNATE], SCOPE), options);
  return [ADDRESS, ALTERNATE, 'redirectclipboard:i:1', `signscope:s:${SCOPE}`, `signature:s:${signature}`].join(eol) + eol;
}

const rdp041 = (text: string): string[] =>
  lintRdp(text).findings
    .filter((f) => f.ruleId === 'RDP041')
    .map((f) => f.message);

describe('checkSignature and RDP041: the signature against the lines it covers', () => {
  it('rebuilds the text rdpsign signs: the covered lines in signscope order, the signscope line, CR LF each, a NUL, UTF-16 LE', () => {
    const doc = parseRdp(`${ALTERNATE}\nredirectclipboard:i:1\n${ADDRESS}\nsignscope:s:${SCOPE}\n`);
    const scope = doc.byKey.get('signscope')![0]!;
    assert.deepEqual(signedText(doc, scope), rdpsignText([ADDRESS, ALTERNATE], SCOPE));
  });

  for (const options of [{}, { digest: 'sha1' }, { attributes: true }, { digest: 'sha1', attributes: true }] as const) {
    it(`a file signed as rdpsign signs verifies (${JSON.stringify(options)})`, () => {
      const text = signedFile(options);
      const doc = parseRdp(text);
      const signature = doc.byKey.get('signature')![0]!.value;
      assert.deepEqual(checkSignature(signature, signedText(doc, doc.byKey.get('signscope')![0]!)!), { verdict: 'matches' });
      assert.deepEqual(rdp041(text), []);
    });
  }

  it('line endings and a line outside the scope do not matter: the signed text is rebuilt', () => {
    assert.deepEqual(rdp041(signedFile({}, '\n')), []);
    assert.deepEqual(rdp041(signedFile().replace('redirectclipboard:i:1', 'redirectclipboard:i:0')), []);
  });

  it('a covered line changed after signing does not match, with or without signed attributes', () => {
    for (const options of [{}, { attributes: true }]) {
      const tampered = signedFile(options).replaceAll('rdsh01.contoso.invalid', 'attacker.invalid');
      const [message, ...more] = rdp041(tampered);
      assert.match(message ?? '', /^The signature does not match the lines it covers: a line "signscope" names was changed or added after the file was signed/);
      assert.deepEqual(more, []);
    }
  });

  it('a second line of a covered setting added after signing does not match: clients read the last', () => {
    const added = signedFile().replace('redirectclipboard:i:1', 'redirectclipboard:i:1\r\nfull address:s:attacker.invalid');
    assert.equal(rdp041(added).length, 1);
    // RDP043 then speaks of a file whose signature cannot verify.
    assert.match(lintRdp(added).findings.find((f) => f.ruleId === 'RDP043')!.message, /its signature cannot verify/);
  });

  it('a name of the scope written in another case signs the same line, and the scope line is signed as written', () => {
    const scope = 'full address,ALTERNATE FULL ADDRESS';
    const signature = blobOver(rdpsignText([ADDRESS, ALTERNATE], scope));
    const text = [ADDRESS, ALTERNATE, `signscope:s:${scope}`, `signature:s:${signature}`].join('\r\n');
    assert.deepEqual(rdp041(text), []);
    assert.equal(rdp041(text.replace(`signscope:s:${scope}`, `signscope:s:${SCOPE}`)).length, 1);
  });

  it('an MD5 digest is not accepted: an error, never a match nor a mismatch (RFC 6151)', () => {
    const text = signedFile({ digest: 'md5' }).replaceAll('rdsh01.contoso.invalid', 'attacker.invalid');
    const doc = parseRdp(text);
    const check = checkSignature(doc.byKey.get('signature')![0]!.value, signedText(doc, doc.byKey.get('signscope')![0]!)!);
    assert.equal(check.verdict, 'unacceptable');
    const [finding, ...more] = lintRdp(text).findings.filter((f) => f.ruleId === 'RDP041');
    assert.equal(finding?.severity, 'error');
    assert.match(finding?.message ?? '', /^RDP Doctor does not accept the signature: its digest algorithm is MD5, which is "no longer acceptable where collision resistance is required such as digital signatures" \(RFC 6151\)\. It was not checked/);
    assert.deepEqual(more, []);
    // Signed as it is, untouched, MD5 is no more acceptable.
    assert.equal(lintRdp(signedFile({ digest: 'md5' })).findings.filter((f) => f.ruleId === 'RDP041').length, 1);
  });

  it('the fixture signed with openssl (an independent signer) verifies, and fails once its address changes', () => {
    const fixture = readFileSync(join(__dirname, '../../../../test/fixtures/rdp/signed-by-contoso.rdp'), 'utf8');
    assert.deepEqual(rdp041(fixture), []);
    assert.equal(rdp041(fixture.replace('full address:s:rdsh01.contoso.com', 'full address:s:rdsh02.contoso.com')).length, 1);
  });

  it('RDP043 says a self-signed signer is verified only where its certificate is a trusted root', () => {
    const message = lintRdp(signedFile()).findings.find((f) => f.ruleId === 'RDP043')!.message;
    assert.match(message, /it is signed, but with a self-signed certificate: clients updated since April 2026 can verify the publisher only where that certificate is in their trusted root store/);
  });
});

describe('signscope names a newer rdpsign signs', () => {
  it('EnableRdsAadAuth and RedirectWebAuthn (a current rdpsign.exe), and any name the file has a line for, are signed lines', () => {
    const lines = [ADDRESS, ALTERNATE, 'enablerdsaadauth:i:1', 'redirectwebauthn:i:1', 'somefuturesetting:i:1'];
    const scope = 'Full Address,Alternate Full Address,EnableRdsAadAuth,RedirectWebAuthn,SomeFutureSetting';
    const text = [...lines, `signscope:s:${scope}`, `signature:s:${blobOver(rdpsignText(lines, scope))}`].join('\r\n');
    assert.deepEqual(rdp041(text), []);
    assert.match(lintRdp(text).findings.find((f) => f.ruleId === 'RDP043')!.message, /self-signed/, 'RDP043 does not call it unverifiable');
    assert.equal(rdp041(text.replace('redirectwebauthn:i:1', 'redirectwebauthn:i:0')).length, 1, 'the newer lines are covered');
    // A name that is no setting and no line of the file stays a problem.
    const bogus = text.replace(`signscope:s:${scope}`, `signscope:s:${scope},Bogus`);
    assert.match(rdp041(bogus)[0] ?? '', /names "bogus", which is not a setting rdpsign signs and not a line of the file/);
    // The signature's own lines are never signed lines.
    const self = text.replace(`signscope:s:${scope}`, `signscope:s:${scope},Signature`);
    assert.match(rdp041(self)[0] ?? '', /names "signature", which is not a setting rdpsign signs/);
  });

  it('RDP042 says a setting a current rdpsign signs may be missing from an older signature, not only added later', () => {
    const text = signedFile().replace('redirectclipboard:i:1', 'redirectwebauthn:i:1');
    const message = lintRdp(text).findings.find((f) => f.ruleId === 'RDP042')!.message;
    assert.match(message, /^"redirectwebauthn" is a setting a current rdpsign signs but "signscope" does not cover it: it was added after signing, or the file was signed by an older rdpsign/);
  });
});

/**
 * `text` with the last `from` (a DER OID) of its signature made `to`: the SignerInfo's algorithm, which comes after the
 * certificate's and the digestAlgorithms set's, named otherwise after signing (how a reviewer made an SHA-224 file).
 */
function withSignerAlgorithm(text: string, from: string, to: string): string {
  return text.replace(/signature:s:(\S+)/, (_, b64: string) => {
    const blob = Buffer.from(b64, 'base64');
    const at = blob.lastIndexOf(Buffer.from(from, 'hex'));
    assert.ok(at > 0, `no ${from} in the signature`);
    Buffer.from(to, 'hex').copy(blob, at);
    return `signature:s:${blob.toString('base64')}`;
  });
}

const SHA256_OID = '0609608648016503040201';
const SHA224_OID = '0609608648016503040204';
const RSA_OID = '06092a864886f70d010101';
const RSASSA_PSS_OID = '06092a864886f70d01010a';
const TAMPERED = (text: string): string => text.replaceAll('rdsh01.contoso.invalid', 'attacker.invalid');
const SIGNER = signerThumbprints(signedFile().match(/signature:s:(\S+)/)![1]!)!.sha1;
const BY_POLICY = new Map([[SIGNER, 'client-policy.reg']]);

const rdp043 = (text: string, options: Parameters<typeof lintRdp>[1] = {}): string => lintRdp(text, options).findings.find((f) => f.ruleId === 'RDP043')!.message;

describe('a signature RDP Doctor cannot check is never taken for a valid one (a review: SHA-224, MD5, no certificate)', () => {
  const unchecked = [
    { title: 'a digest not checked here (SHA-224), the address changed', text: TAMPERED(withSignerAlgorithm(signedFile(), SHA256_OID, SHA224_OID)), why: 'its digest algorithm is SHA-224, not one of SHA-1, SHA-256, SHA-384 or SHA-512, which RDP Doctor checks' },
    { title: 'an RSASSA-PSS signature', text: withSignerAlgorithm(signedFile(), RSA_OID, RSASSA_PSS_OID), why: 'it is an RSASSA-PSS signature, which RDP Doctor does not check' },
    { title: 'a signature without its signer certificate', text: signedFile({ withoutCertificate: true }), why: 'it does not hold the certificate its signer information names' },
  ];
  for (const { title, text, why } of unchecked) {
    it(`RDP041 warns that it could not check it, and says why: ${title}`, () => {
      const doc = parseRdp(text);
      assert.deepEqual(checkSignature(doc.byKey.get('signature')![0]!.value, signedText(doc, doc.byKey.get('signscope')![0]!)!), { verdict: 'unchecked', why });
      const findings = lintRdp(text).findings.filter((f) => f.ruleId === 'RDP041');
      assert.deepEqual(
        findings.map((f) => [f.severity, f.message]),
        [['warning', `RDP Doctor could not check the signature: ${why}. This is no verdict that it is valid: where Remote Desktop Connection cannot verify it either, it warns "Caution: Unknown remote connection" as for an unknown publisher. Sign the file again with rdpsign /sha256 to have it checked.`]],
      );
    });

    it(`RDP043 gives no signed, trusted or Microsoft verdict, whatever a policy or the file's look says: ${title}`, () => {
      const expected = `The file requests one redirection (the clipboard): RDP Doctor could not verify its signature (${why}); unless Remote Desktop Connection can, clients updated since April 2026 show "Caution: Unknown remote connection" with each of them off until the user ticks it.`;
      assert.equal(rdp043(text), expected);
      assert.equal(rdp043(text, { trustedPublishers: BY_POLICY }), expected, 'a thumbprint trusted by policy does not make it verified');
      assert.equal(rdp043(`${text}resourceprovider:s:arm\r\n`), expected, 'nor does looking like Azure Virtual Desktop');
    });
  }

  it('RDP043 with an MD5 digest: not verified, and not trusted by policy either', () => {
    const message = rdp043(signedFile({ digest: 'md5' }), { trustedPublishers: BY_POLICY });
    assert.match(message, /: RDP Doctor could not verify its signature \(its digest algorithm is MD5, which is "no longer acceptable where collision resistance is required such as digital signatures" \(RFC 6151\)\); unless Remote Desktop Connection can/);
    assert.doesNotMatch(message, /trusted by policy/);
  });

  it('the same signature, checked, is trusted by policy: the verdicts above come from the check alone', () => {
    assert.match(rdp043(signedFile(), { trustedPublishers: BY_POLICY }), new RegExp(`its signer ${SIGNER} is trusted by policy`));
  });
});

describe('RDP043 judges the signer before the look of an Azure Virtual Desktop file (a review: resourceprovider is outside signscope)', () => {
  const CONTOSO = readFileSync(join(__dirname, '../../../../test/fixtures/rdp/signed-by-contoso.rdp'), 'utf8');
  const ARM = 'resourceprovider:s:arm\r\n';

  it('a self-signed signer gets the self-signed verdict, not "Microsoft signs these"', () => {
    const message = rdp043(`${signedFile()}${ARM}`);
    assert.match(message, /it is signed, but with a self-signed certificate/);
    assert.doesNotMatch(message, /Microsoft signs/);
  });

  it('an expired signer gets the expired verdict, not "Microsoft signs these"', () => {
    const message = rdp043(`${CONTOSO}${ARM}`, { now: new Date('2037-01-01T00:00:00Z') });
    assert.match(message, /it is signed, but its signer certificate expired on 2036-12-01/);
    assert.doesNotMatch(message, /Microsoft signs/);
  });

  it('a verified signer within its validity: the service verdict, which does not say Microsoft signed this one', () => {
    assert.match(
      rdp043(`${CONTOSO}${ARM}`, { now: new Date('2030-01-01T00:00:00Z') }),
      /: it is signed and looks like an Azure Virtual Desktop or Windows 365 file: Microsoft signs those and says they should not show the April 2026 security dialog, but RDP Doctor does not check that Microsoft signed this one, and anyone can add the lines that make a file look like one\. If the dialog appears, do not connect\.$/,
    );
  });
});
