import { createHash, X509Certificate } from 'node:crypto';

/** One DER element: its tag and where its header and contents are. */
interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly body: number;
  readonly end: number;
}

function tlvAt(der: Uint8Array, pos: number, limit: number): Tlv | undefined {
  if (pos + 2 > limit) return undefined;
  const tag = der[pos]!;
  let length = der[pos + 1]!;
  let body = pos + 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 4 || body + n > limit) return undefined;
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + der[body++]!;
  }
  return body + length <= limit ? { tag, start: pos, body, end: body + length } : undefined;
}

function childrenOf(der: Uint8Array, parent: Tlv | undefined): Tlv[] {
  const out: Tlv[] = [];
  if (!parent) return out;
  for (let pos = parent.body; pos < parent.end; ) {
    const t = tlvAt(der, pos, parent.end);
    if (!t) return [];
    out.push(t);
    pos = t.end;
  }
  return out;
}

const SEQUENCE = 0x30;
const SET = 0x31;
const INTEGER = 0x02;
const CONTEXT_0 = 0xa0;

const bytes = (der: Uint8Array, t: Tlv): string => Buffer.from(der.subarray(t.start, t.end)).toString('hex');

/** The issuer Name and serialNumber of a certificate, as raw DER, to match a SignerInfo's IssuerAndSerialNumber. */
function issuerAndSerial(der: Uint8Array, cert: Tlv): string | undefined {
  const tbs = childrenOf(der, childrenOf(der, cert)[0]);
  const fields = tbs[0]?.tag === CONTEXT_0 ? tbs.slice(1) : tbs; // skip the optional [0] version
  const [serial, , issuer] = fields;
  return serial?.tag === INTEGER && issuer?.tag === SEQUENCE ? bytes(der, issuer) + bytes(der, serial) : undefined;
}

/** The thumbprints of a signing certificate: SHA-1 (what Windows shows) and SHA-256, uppercase hex. */
export interface SignerThumbprints {
  readonly sha1: string;
  readonly sha256: string;
  /** The certificate itself (DER), for what else a rule needs to read of it (its validity: `signerValidity`). */
  readonly der: Uint8Array;
}

/** When a signing certificate is valid, as `crypto.X509Certificate` reads it; undefined when Node cannot read it. */
export function signerValidity(signer: SignerThumbprints): { readonly notBefore: Date; readonly notAfter: Date } | undefined {
  try {
    const cert = new X509Certificate(signer.der);
    const notBefore = new Date(cert.validFrom);
    const notAfter = new Date(cert.validTo);
    return Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime()) ? undefined : { notBefore, notAfter };
  } catch {
    return undefined;
  }
}

/**
 * The thumbprints of the certificate that signed an rdpsign signature (the 12-byte header, then a PKCS #7
 * signedData), or undefined when the blob does not say. Only the DER framing is walked: the signer is the
 * embedded certificate whose issuer and serial number the first SignerInfo names. Nothing is verified here.
 */
export function signerThumbprints(signatureValue: string): SignerThumbprints | undefined {
  const blob = Buffer.from(signatureValue.replace(/\s+/g, ''), 'base64');
  if (blob.length < 12) return undefined;
  const der = blob.subarray(12);
  const contentInfo = tlvAt(der, 0, der.length);
  if (contentInfo?.tag !== SEQUENCE) return undefined;
  const explicit = childrenOf(der, contentInfo)[1];
  const signedData = explicit?.tag === CONTEXT_0 ? childrenOf(der, explicit)[0] : undefined;
  if (signedData?.tag !== SEQUENCE) return undefined;
  const parts = childrenOf(der, signedData);
  const certificates = parts.find((p) => p.tag === CONTEXT_0);
  const signerInfos = parts[parts.length - 1];
  const certs = childrenOf(der, certificates).filter((c) => c.tag === SEQUENCE);
  if (certs.length === 0 || signerInfos?.tag !== SET) return undefined;
  const sid = childrenOf(der, childrenOf(der, signerInfos)[0])[1];
  let signer: Tlv | undefined;
  if (sid?.tag === SEQUENCE) {
    const [issuer, serial] = childrenOf(der, sid);
    const wanted = issuer && serial ? bytes(der, issuer) + bytes(der, serial) : undefined;
    signer = certs.find((c) => wanted !== undefined && issuerAndSerial(der, c) === wanted);
  } else if (certs.length === 1) {
    signer = certs[0]; // a SubjectKeyIdentifier sid: with one certificate there is no choice to make
  }
  if (!signer) return undefined;
  const cert = der.subarray(signer.start, signer.end);
  const hash = (algorithm: string): string => createHash(algorithm).update(cert).digest('hex').toUpperCase();
  return { sha1: hash('sha1'), sha256: hash('sha256'), der: cert };
}
