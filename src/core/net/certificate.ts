import * as crypto from 'node:crypto';
import { createHash, X509Certificate } from 'node:crypto';
import { EC_CURVE_BITS, ED_KEY_BITS, KEY_ALGORITHMS, SIGNATURE_ALGORITHMS } from './oids';
import type { ChainCertificate } from './types';
import { forge } from './forge-asn1';
import { readX509Fields, type X509Fields } from './x509-fields';
import { commonNames, formatName, sameName } from './x509-names';

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

type OneShotHash = (algorithm: string, data: Uint8Array, encoding: 'hex') => string;
/** node:crypto's one-shot digest (Node 20.12 and later), half createHash's CPU on a certificate; read at first use, so start-up does not load node:crypto. */
let oneShotHash: OneShotHash | null | undefined;

export function fingerprint(der: Uint8Array, algorithm: 'sha1' | 'sha256'): string {
  oneShotHash ??= (crypto as { hash?: OneShotHash }).hash ?? null;
  return (oneShotHash ? oneShotHash(algorithm, der, 'hex') : createHash(algorithm).update(der).digest('hex')).toUpperCase();
}

/** Loads node-forge ahead of need, while the network is busy, so the analysis itself does not wait for it. */
export function preloadCertificateAnalysis(): void {
  forge();
}

function keyBitsOf(fields: X509Fields, keyAlgorithm: string): number | null {
  if (keyAlgorithm === 'EC') return EC_CURVE_BITS[fields.keyParameterOid ?? ''] ?? null;
  return ED_KEY_BITS[fields.keyAlgorithmOid] ?? fields.rsaBits;
}

/** Issuer and subject are the same name and the certificate's own key verifies its signature, whatever its Key Usage. */
export function isSelfSigned(der: Uint8Array | X509Certificate, fields: Pick<X509Fields, 'issuer' | 'subject'>): boolean {
  if (!sameName(fields.issuer, fields.subject)) return false;
  try {
    const x509 = der instanceof X509Certificate ? der : new X509Certificate(der);
    return x509.verify(x509.publicKey);
  } catch {
    return false;
  }
}

function analyze(der: Uint8Array): CertificateFacts {
  const fields = readX509Fields(der);
  const keyAlgorithm = KEY_ALGORITHMS[fields.keyAlgorithmOid] ?? fields.keyAlgorithmOid;
  const signature = SIGNATURE_ALGORITHMS[fields.signatureOid];
  return {
    subject: formatName(fields.subject),
    issuer: formatName(fields.issuer),
    commonNames: commonNames(fields.subject),
    serialNumber: fields.serialNumber,
    notBefore: fields.notBefore,
    notAfter: fields.notAfter,
    sha1: fingerprint(der, 'sha1'),
    sha256: fingerprint(der, 'sha256'),
    dnsNames: fields.dnsNames,
    ipAddresses: fields.ipAddresses,
    extendedKeyUsage: fields.extendedKeyUsage,
    keyAlgorithm,
    keyBits: keyBitsOf(fields, keyAlgorithm),
    signatureAlgorithm: signature?.name ?? fields.signatureOid,
    signatureOid: fields.signatureOid,
    selfSigned: isSelfSigned(der, fields),
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

/** How many certificates a process remembers answers for: a batch behind a few shared certificates (a farm, a gateway) reads each once. */
const MAX_REMEMBERED = 256;

/**
 * `compute`, remembered by the certificate's SHA-256 for the life of the process (the oldest forgotten first): the same
 * bytes always give the same answer.
 */
export function rememberedByCertificate<T>(compute: (der: Uint8Array) => T): (der: Uint8Array) => T {
  const remembered = new Map<string, T>();
  return (der) => {
    const key = fingerprint(der, 'sha256');
    if (remembered.has(key)) return remembered.get(key)!;
    const value = compute(der);
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
    remembered.set(key, value);
    return value;
  };
}

const rememberedAnalysis = rememberedByCertificate(analyzeCertificate);

/** `analyzeCertificate`, remembered (trust, names and dates are judged afresh by each check). */
export function analyzeSeenCertificate(der: Uint8Array): CertificateAnalysis {
  return der.length === 0 || der.length > MAX_DER_BYTES ? analyzeCertificate(der) : rememberedAnalysis(der);
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
    const analysis = i === 0 && leaf ? leaf : analyzeSeenCertificate(der);
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
