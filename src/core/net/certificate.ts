import { createHash, X509Certificate } from 'node:crypto';
import type * as Forge from 'node-forge';
import { DN_SHORT_NAMES, EC_CURVE_BITS, ED_KEY_BITS, KEY_ALGORITHMS, SIGNATURE_ALGORITHMS } from './oids';
import type { ChainCertificate } from './types';

/** What the leaf certificate says about itself; trust and name checks come on top. */
export interface CertificateFacts {
  readonly subject: string;
  readonly issuer: string;
  readonly commonNames: readonly string[];
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly sha1: string;
  readonly sha256: string;
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  /** Null when the certificate has no Extended Key Usage extension (any purpose). */
  readonly extendedKeyUsage: readonly string[] | null;
  readonly keyAlgorithm: string;
  readonly keyBits: number | null;
  readonly signatureAlgorithm: string;
  readonly signatureOid: string;
  /** Issuer and subject are the same name and the certificate's own key verifies its signature. */
  readonly selfSigned: boolean;
}

export type CertificateAnalysis = { readonly ok: true; readonly facts: CertificateFacts } | { readonly ok: false; readonly problem: string };

/** Nothing a listener presents comes near it; larger input is refused before parsing. */
const MAX_DER_BYTES = 64 * 1024;
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const SAN_DNS = 2;
const SAN_IP = 7;

let forgeModule: typeof Forge | undefined;
/** node-forge is loaded on first use, so the extension does not pay for it at activation. */
export function forge(): typeof Forge {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (forgeModule ??= require('node-forge') as typeof Forge);
}

/** Loads node-forge ahead of need, while the network is busy, so the analysis itself does not wait for it. */
export function preloadCertificateAnalysis(): void {
  forge();
}

export function fingerprint(der: Uint8Array, algorithm: 'sha1' | 'sha256'): string {
  return createHash(algorithm).update(der).digest('hex').toUpperCase();
}

function formatName(attributes: readonly { type?: string; value?: unknown }[]): string {
  // Most specific first, as Windows and RFC 4514 print a name.
  return [...attributes]
    .reverse()
    .map((a) => `${DN_SHORT_NAMES[a.type ?? ''] ?? a.type}=${String(a.value).replace(/([,+"\\<>;])/g, '\\$1')}`)
    .join(', ');
}

type Asn1 = Forge.asn1.Asn1;

/** The SubjectPublicKeyInfo's place in the TBSCertificate, after the optional [0] version. */
function spkiIndex(tbs: Asn1): number {
  const first = (tbs.value as Asn1[])[0];
  return first && first.tagClass === forge().asn1.Class.CONTEXT_SPECIFIC && first.type === 0 ? 6 : 5;
}

function readKey(spki: Asn1): { algorithmOid: string; parameterOid: string | undefined } {
  const { asn1 } = forge();
  const algorithm = (spki.value as Asn1[])[0]!.value as Asn1[];
  const parameter = algorithm[1];
  return {
    algorithmOid: asn1.derToOid(algorithm[0]!.value as string),
    parameterOid: parameter && parameter.type === asn1.Type.OID ? asn1.derToOid(parameter.value as string) : undefined,
  };
}

/** A minimal RSA key: node-forge reads only RSA keys, so other keys are swapped for it before parsing the rest. */
function placeholderRsaKey(): Asn1 {
  const { pki } = forge();
  const key = pki.setRsaPublicKey(new (forge().jsbn.BigInteger)('3', 10), new (forge().jsbn.BigInteger)('3', 10));
  return pki.publicKeyToAsn1(key);
}

function extensionValue(cert: Forge.pki.Certificate, name: string): (Record<string, unknown> & { value?: string }) | undefined {
  return cert.getExtension(name) as (Record<string, unknown> & { value?: string }) | undefined;
}

function readEku(cert: Forge.pki.Certificate): string[] | null {
  const { asn1 } = forge();
  const ext = extensionValue(cert, 'extKeyUsage');
  if (!ext || typeof ext.value !== 'string') return null;
  const seq = asn1.fromDer(ext.value);
  return (seq.value as Asn1[]).map((oid) => asn1.derToOid(oid.value as string));
}

function readAltNames(cert: Forge.pki.Certificate): { dnsNames: string[]; ipAddresses: string[] } {
  const ext = extensionValue(cert, 'subjectAltName') as { altNames?: { type: number; value: string; ip?: string }[] } | undefined;
  const dnsNames: string[] = [];
  const ipAddresses: string[] = [];
  for (const alt of ext?.altNames ?? []) {
    if (alt.type === SAN_DNS) dnsNames.push(alt.value);
    else if (alt.type === SAN_IP && alt.ip) ipAddresses.push(alt.ip);
  }
  return { dnsNames, ipAddresses };
}

function verifiesItself(der: Uint8Array): boolean {
  try {
    const x = new X509Certificate(der);
    return x.checkIssued(x) && x.verify(x.publicKey);
  } catch {
    return false;
  }
}

function analyze(der: Uint8Array): CertificateFacts {
  const f = forge();
  const { asn1, pki } = f;
  // The typings predate the options object; node-forge 1.x reads { strict, parseAllBytes, decodeBitStrings }.
  const fromDer = asn1.fromDer as unknown as (bytes: Forge.util.ByteStringBuffer, options: object) => Asn1;
  const obj = fromDer(f.util.createBuffer(Buffer.from(der).toString('binary')), { strict: true, parseAllBytes: true, decodeBitStrings: true });
  const tbs = (obj.value as Asn1[])[0]!;
  const at = spkiIndex(tbs);
  const spki = (tbs.value as Asn1[])[at];
  if (!spki) throw new Error('the certificate has no public key');
  const key = readKey(spki);
  let rsaBits: number | null = null;
  if (key.algorithmOid === RSA_ENCRYPTION) rsaBits = (pki.publicKeyFromAsn1(spki) as Forge.pki.rsa.PublicKey).n.bitLength();
  else (tbs.value as Asn1[])[at] = placeholderRsaKey();
  const cert = pki.certificateFromAsn1(obj);

  const keyAlgorithm = KEY_ALGORITHMS[key.algorithmOid] ?? key.algorithmOid;
  const keyBits =
    rsaBits ?? (keyAlgorithm === 'EC' ? EC_CURVE_BITS[key.parameterOid ?? ''] : ED_KEY_BITS[key.algorithmOid]) ?? null;
  const signature = SIGNATURE_ALGORITHMS[cert.signatureOid ?? ''];
  const subject = cert.subject.attributes;
  return {
    subject: formatName(subject),
    issuer: formatName(cert.issuer.attributes),
    commonNames: subject.filter((a) => a.type === '2.5.4.3').map((a) => String(a.value)),
    serialNumber: cert.serialNumber.toUpperCase(),
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
    sha1: fingerprint(der, 'sha1'),
    sha256: fingerprint(der, 'sha256'),
    ...readAltNames(cert),
    extendedKeyUsage: readEku(cert),
    keyAlgorithm,
    keyBits,
    signatureAlgorithm: signature?.name ?? (pki.oids[cert.signatureOid ?? ''] as string | undefined) ?? cert.signatureOid ?? 'unknown',
    signatureOid: cert.signatureOid ?? '',
    selfSigned: cert.issuer.hash === cert.subject.hash && verifiesItself(der),
  };
}

/** Reads a DER certificate. Never throws: garbage comes back as a problem to report. */
export function analyzeCertificate(der: Uint8Array): CertificateAnalysis {
  if (der.length === 0) return { ok: false, problem: 'the server sent no certificate' };
  if (der.length > MAX_DER_BYTES) return { ok: false, problem: `the certificate is ${der.length} bytes long, more than ${MAX_DER_BYTES}` };
  try {
    const facts = analyze(der);
    if (Number.isNaN(facts.notBefore.getTime()) || Number.isNaN(facts.notAfter.getTime())) return { ok: false, problem: 'the validity dates cannot be read' };
    return { ok: true, facts };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `the certificate cannot be read (${message.replace(/\.$/, '')})` };
  }
}

function toPem(der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${base64.replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
}

/**
 * The chain as the listener sent it, leaf first; certificates that cannot be read are left out.
 * `leaf` is the leaf's analysis when the caller already has it, so it is not parsed twice.
 */
export function describeChain(chain: readonly Uint8Array[], leaf?: CertificateAnalysis): ChainCertificate[] {
  return chain.flatMap((der, i) => {
    const analysis = i === 0 && leaf ? leaf : analyzeCertificate(der);
    if (!analysis.ok) return [];
    const f = analysis.facts;
    return [
      {
        subject: f.subject,
        issuer: f.issuer,
        serialNumber: f.serialNumber,
        notBefore: f.notBefore.toISOString(),
        notAfter: f.notAfter.toISOString(),
        sha1: f.sha1,
        sha256: f.sha256,
        dnsNames: f.dnsNames,
        ipAddresses: f.ipAddresses,
        extendedKeyUsage: f.extendedKeyUsage,
        keyAlgorithm: f.keyAlgorithm,
        keyBits: f.keyBits,
        signatureAlgorithm: f.signatureAlgorithm,
        selfSigned: f.selfSigned,
        pem: toPem(der),
      },
    ];
  });
}

export function isWeakSignature(oid: string): boolean {
  return SIGNATURE_ALGORITHMS[oid]?.weak === true;
}
