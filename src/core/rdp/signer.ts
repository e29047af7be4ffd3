import { createHash, verify, X509Certificate, type KeyObject } from 'node:crypto';

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

/**
 * The thumbprints of a signing certificate, uppercase hex: SHA-1 (what Windows shows) and the SHA-2 digests the
 * trusted-publisher policy accepts since the July 2026 update (SHA-256, SHA-384, SHA-512).
 */
export interface SignerThumbprints {
  readonly sha1: string;
  readonly sha256: string;
  readonly sha384: string;
  readonly sha512: string;
  /** The certificate itself (DER), for what else a rule needs to read of it (its validity: `signerValidity`). */
  readonly der: Uint8Array;
}

/** When a signing certificate is valid, as `crypto.X509Certificate` reads it; undefined when Node cannot read it. */
export function signerValidity(signer: SignerThumbprints): { readonly notBefore: Date; readonly notAfter: Date } | undefined {
  try {
    const cert = certificateOf(signer);
    const notBefore = new Date(cert.validFrom);
    const notAfter = new Date(cert.validTo);
    return Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime()) ? undefined : { notBefore, notAfter };
  } catch {
    return undefined;
  }
}

/** The signer's certificate as Node reads it, made once per signer (RDP041 and RDP043 each ask; it throws for DER Node cannot read). */
const CERTIFICATES = new WeakMap<SignerThumbprints, X509Certificate>();

function certificateOf(signer: SignerThumbprints): X509Certificate {
  let cert = CERTIFICATES.get(signer);
  if (!cert) CERTIFICATES.set(signer, (cert = new X509Certificate(signer.der)));
  return cert;
}

/** The last signature's signer: RDP041 and RDP043 read the same signature of the same file, and the editor re-lints it on each change. */
let lastSigner: { readonly value: string; readonly signer: SignerThumbprints | undefined } | undefined;

/**
 * The thumbprints of the certificate that signed an rdpsign signature (the 12-byte header, then a PKCS #7
 * signedData), or undefined when the blob does not say. Only the DER framing is walked: the signer is the
 * embedded certificate whose issuer and serial number the first SignerInfo names. Nothing is verified here.
 */
export function signerThumbprints(signatureValue: string): SignerThumbprints | undefined {
  if (lastSigner?.value !== signatureValue) lastSigner = { value: signatureValue, signer: findSigner(signatureValue) };
  return lastSigner.signer;
}

/** The DER of an rdpsign blob (after its 12-byte header) and the parts of its PKCS #7 signedData, or undefined. */
function signedDataOf(signatureValue: string): { der: Uint8Array; parts: Tlv[] } | undefined {
  const blob = Buffer.from(signatureValue.replace(/\s+/g, ''), 'base64');
  if (blob.length < 12) return undefined;
  const der = blob.subarray(12);
  const contentInfo = tlvAt(der, 0, der.length);
  if (contentInfo?.tag !== SEQUENCE) return undefined;
  const explicit = childrenOf(der, contentInfo)[1];
  const signedData = explicit?.tag === CONTEXT_0 ? childrenOf(der, explicit)[0] : undefined;
  if (signedData?.tag !== SEQUENCE) return undefined;
  return { der, parts: childrenOf(der, signedData) };
}

function findSigner(signatureValue: string): SignerThumbprints | undefined {
  const signedData = signedDataOf(signatureValue);
  if (!signedData) return undefined;
  const { der, parts } = signedData;
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
  return { sha1: hash('sha1'), sha256: hash('sha256'), sha384: hash('sha384'), sha512: hash('sha512'), der: cert };
}

/** What checking a signature against the lines it covers found. */
export type SignatureCheck =
  /** The signer's key verifies the signature over the signed lines as rdpsign builds them. */
  | { readonly verdict: 'matches' }
  /** It does not: a line the signature covers was changed (or added, or its name's case changed) after signing. */
  | { readonly verdict: 'differs' }
  /** Not checked: an algorithm this runtime cannot check, or a structure the walk does not read; `why` says which. */
  | { readonly verdict: 'unchecked'; readonly why: string }
  /** Not checked because its digest is not acceptable for a signature (MD5); `why` says so. */
  | { readonly verdict: 'unacceptable'; readonly why: string };

const OBJECT_ID = 0x06;
const OCTET_STRING = 0x04;
/** DER contents of the digest algorithm OIDs a SignerInfo names, to Node's digest names. */
const DIGESTS: ReadonlyMap<string, string> = new Map([
  ['2b0e03021a', 'sha1'],
  ['608648016503040201', 'sha256'],
  ['608648016503040202', 'sha384'],
  ['608648016503040203', 'sha512'],
]);
/**
 * Digests a SignerInfo may name that are not checked here, by the DER contents of their OIDs, to say which one it is.
 * MD5 is refused: RFC 6151 §2, "MD5 is no longer acceptable where collision resistance is required such as digital
 * signatures".
 */
const MD5 = '2a864886f70d0205';
const UNCHECKED_DIGESTS: ReadonlyMap<string, string> = new Map([
  [MD5, 'MD5'],
  ['2a864886f70d0202', 'MD2'],
  ['2a864886f70d0204', 'MD4'],
  ['608648016503040204', 'SHA-224'],
  ['608648016503040205', 'SHA-512/224'],
  ['608648016503040206', 'SHA-512/256'],
  ['608648016503040207', 'SHA3-224'],
  ['608648016503040208', 'SHA3-256'],
  ['608648016503040209', 'SHA3-384'],
  ['60864801650304020a', 'SHA3-512'],
]);
/** RSASSA-PSS (1.2.840.113549.1.1.10): its parameters would have to be read; not checked. */
const RSASSA_PSS = '2a864886f70d01010a';
/** id-messageDigest (1.2.840.113549.1.9.4), the signed attribute that holds the content's digest (RFC 5652 §11.2). */
const MESSAGE_DIGEST = '2a864886f70d010904';

const contents = (der: Uint8Array, t: Tlv): Buffer => Buffer.from(der.subarray(t.body, t.end));

/** An OID's DER contents in dotted form (X.690 §8.19), to name an algorithm no table here knows. */
function dottedOid(oid: Uint8Array): string {
  if (oid.length === 0) return '(empty)';
  const arcs: number[] = [];
  let arc = 0;
  for (const byte of oid) {
    arc = arc * 128 + (byte & 0x7f);
    if (byte & 0x80) continue;
    arcs.push(arc);
    arc = 0;
  }
  const first = arcs.shift() ?? 0;
  const top = Math.min(2, Math.floor(first / 40));
  return [top, first - top * 40, ...arcs].join('.');
}

/** The digest a SignerInfo names, by its name ("SHA-224"), else by its OID ("OID 1.2.3.4"). */
function digestName(oid: Uint8Array): string {
  return UNCHECKED_DIGESTS.get(Buffer.from(oid).toString('hex')) ?? `OID ${dottedOid(oid)}`;
}

/**
 * Checks an rdpsign signature against the text it should sign (`signedText`, from `signedMessage`): the signer's
 * certificate is the one the SignerInfo names; without signed attributes the signature is over the text itself, with
 * them over their DER (as a SET) and their message digest must be the text's (RFC 5652 §5.4). RSA (PKCS #1 v1.5) and
 * ECDSA keys, SHA-1 and SHA-2 digests; anything else is left unchecked, never called a mismatch nor a match (an MD5
 * digest is `unacceptable`).
 */
export function checkSignature(signatureValue: string, signedText: Uint8Array): SignatureCheck {
  const info = signerInfoOf(signatureValue);
  if (!info) return { verdict: 'unchecked', why: 'its signer information cannot be read' };
  const signer = signerThumbprints(signatureValue);
  if (!signer) return { verdict: 'unchecked', why: 'it does not hold the certificate its signer information names' };
  const { der, digestAlgorithm, signedAttributes, signatureAlgorithm, signature } = info;
  const digestOid = contents(der, digestAlgorithm);
  const digest = DIGESTS.get(digestOid.toString('hex'));
  if (!digest) {
    const named = digestName(digestOid);
    if (digestOid.toString('hex') === MD5) return { verdict: 'unacceptable', why: `its digest algorithm is ${named}, which is "no longer acceptable where collision resistance is required such as digital signatures" (RFC 6151)` };
    return { verdict: 'unchecked', why: `its digest algorithm is ${named}, not one of SHA-1, SHA-256, SHA-384 or SHA-512, which RDP Doctor checks` };
  }
  if (contents(der, signatureAlgorithm).toString('hex') === RSASSA_PSS) return { verdict: 'unchecked', why: 'it is an RSASSA-PSS signature, which RDP Doctor does not check' };
  let key: KeyObject;
  try {
    key = certificateOf(signer).publicKey;
  } catch {
    return { verdict: 'unchecked', why: 'its signer certificate cannot be read' };
  }
  if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'ec') return { verdict: 'unchecked', why: `its signer key is ${key.asymmetricKeyType ?? 'of an unknown type'}, not RSA or ECDSA, which RDP Doctor checks` };
  let signed: Uint8Array = signedText;
  if (signedAttributes) {
    const wanted = messageDigestOf(der, signedAttributes);
    if (!wanted) return { verdict: 'unchecked', why: 'its signed attributes hold no message digest' };
    if (!wanted.equals(createHash(digest).update(signedText).digest())) return { verdict: 'differs' };
    // The signature covers the attributes' DER with the SET OF tag, not the [0] they are written with.
    signed = Buffer.concat([Buffer.from([SET]), der.subarray(signedAttributes.start + 1, signedAttributes.end)]);
  }
  try {
    return verify(digest, signed, key, contents(der, signature)) ? { verdict: 'matches' } : { verdict: 'differs' };
  } catch {
    return { verdict: 'unchecked', why: 'its signature value cannot be read' };
  }
}

/** The SignerInfo's parts checkSignature needs (RFC 5652 §5.3), as DER elements of the blob's signedData. */
function signerInfoOf(signatureValue: string): { der: Uint8Array; digestAlgorithm: Tlv; signedAttributes?: Tlv; signatureAlgorithm: Tlv; signature: Tlv } | undefined {
  const signedData = signedDataOf(signatureValue);
  if (!signedData) return undefined;
  const { der, parts } = signedData;
  const signerInfos = parts[parts.length - 1];
  if (signerInfos?.tag !== SET) return undefined;
  const fields = childrenOf(der, childrenOf(der, signerInfos)[0]);
  // version, sid, digestAlgorithm, [0] signedAttrs?, signatureAlgorithm, signature, [1] unsignedAttrs?
  const hasAttributes = fields[3]?.tag === CONTEXT_0;
  const [digestAlgorithm, signatureAlgorithm, signature] = [fields[2], fields[hasAttributes ? 4 : 3], fields[hasAttributes ? 5 : 4]];
  const firstOid = (t: Tlv | undefined): Tlv | undefined => (t?.tag === SEQUENCE ? childrenOf(der, t).find((c) => c.tag === OBJECT_ID) : undefined);
  const digestOid = firstOid(digestAlgorithm);
  const signatureOid = firstOid(signatureAlgorithm);
  if (!digestOid || !signatureOid || signature?.tag !== OCTET_STRING) return undefined;
  return { der, digestAlgorithm: digestOid, signatureAlgorithm: signatureOid, signature, ...(hasAttributes && { signedAttributes: fields[3]! }) };
}

/** The value of the messageDigest attribute among a SignerInfo's signed attributes, or undefined. */
function messageDigestOf(der: Uint8Array, attributes: Tlv): Buffer | undefined {
  for (const attribute of childrenOf(der, attributes)) {
    const [type, values] = childrenOf(der, attribute);
    if (type?.tag !== OBJECT_ID || contents(der, type).toString('hex') !== MESSAGE_DIGEST) continue;
    const value = childrenOf(der, values)[0];
    return value?.tag === OCTET_STRING ? contents(der, value) : undefined;
  }
  return undefined;
}

/** Whether the signing certificate signed itself (its issuer is its subject and its own key verifies it): no client trusts it unless it sits in their root store. */
export function signerSelfSigned(signer: SignerThumbprints): boolean {
  try {
    const cert = certificateOf(signer);
    return cert.checkIssued(cert) && cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}
