import { bytes, children, forge, oidOf, parse, type Asn1 } from './forge-asn1';
import { readExtensionFields, type NameConstraints, type OtherName } from './x509-extensions';
import { readName, type DistinguishedName } from './x509-names';

/**
 * The TBSCertificate fields (RFC 5280 §4.1), read from node-forge's parsed ASN.1 tree: no full forge
 * certificate is built. node:crypto's X509Certificate exposes some of them too, but constructing one
 * costs more CPU than this whole reading (OpenSSL 3.0 decodes the key through its providers), so it
 * is made only where a signature must be verified.
 */
export interface X509Fields {
  readonly version: number;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly dnsNames: readonly string[];
  /** IPv4 dotted, IPv6 in its short form (RFC 5952). */
  readonly ipAddresses: readonly string[];
  /** The same addresses as their 4 or 16 bytes, for name constraints. */
  readonly ipAddressBytes: readonly Buffer[];
  /** The rfc822Name alternative names (mailboxes), as written. */
  readonly emailAddresses: readonly string[];
  /** The otherName alternative names, by type (a UPN, a domain controller's GUID, an SmtpUTF8Mailbox…). */
  readonly otherNames: readonly OtherName[];
  /** The GeneralName choices (RFC 5280 §4.2.1.6) the subjectAltName holds, by tag, whether this reader decodes them or not. */
  readonly altNameTags: readonly number[];
  /** The RSA modulus size; null for other keys (their size comes from the curve). */
  readonly rsaBits: number | null;
  /** The serial number's DER bytes in uppercase hex, leading zeros kept as Windows shows them. */
  readonly serialNumber: string;
  readonly signatureOid: string;
  readonly issuer: DistinguishedName;
  readonly subject: DistinguishedName;
  readonly keyAlgorithmOid: string;
  readonly keyParameterOid: string | undefined;
  /** Null when the extension is absent. */
  readonly basicConstraints: { readonly cA: boolean; readonly pathLen: number | null } | null;
  /** Null when the extension is absent (then every use is allowed, RFC 5280 §4.2.1.3). */
  readonly keyUsage: { readonly keyCertSign: boolean } | null;
  /** Null when the extension is absent (any purpose). */
  readonly extendedKeyUsage: readonly string[] | null;
  /** Null when the extension is absent. */
  readonly nameConstraints: NameConstraints | null;
  /** The OIDs of the extensions marked critical (RFC 5280 §4.2), in the certificate's order. */
  readonly criticalExtensions: readonly string[];
}

/** The ASN.1 time types (X.680 §8.6) of a validity date. */
const TAG = { UTC_TIME: 23, GENERALIZED_TIME: 24 } as const;
const RSA_KEYS = new Set(['1.2.840.113549.1.1.1', '1.2.840.113549.1.1.10']);

/** A time's date and clock digits (2- or 4-digit year, seconds optional, a fraction in GeneralizedTime) and its offset from UTC, if any. */
const TIME_FIELDS = { [TAG.UTC_TIME]: /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:Z|[+-](\d{2})(\d{2}))$/, [TAG.GENERALIZED_TIME]: /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?(?:Z|[+-](\d{2})(\d{2}))$/ };

/**
 * Whether each field lies in the range OpenSSL reads a time with (crypto/asn1/a_time.c ossl_asn1_time_to_tm: month
 * 1–12, a day the month has, hour 0–23, minute and second 0–59, an offset of at most 12:59). node-forge's readers let
 * a 99th month or day roll over into another date: a certificate valid until "99999999999Z", which OpenSSL calls a
 * bad time value, "expired on 2007-06-11" (NET020).
 */
function fieldsInRange(type: number, text: string): boolean {
  const m = TIME_FIELDS[type as keyof typeof TIME_FIELDS]?.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = m.slice(1).map((d) => (d === undefined ? undefined : Number(d)));
  // UTCTime's two digits stand for 1950–2049 [RFC 5280 §4.1.2.5.1]; only February's length depends on the century.
  const fullYear = type === TAG.UTC_TIME ? (year! < 50 ? 2000 : 1900) + year! : year!;
  const monthDays = new Date(Date.UTC(fullYear, month!, 0)).getUTCDate();
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= monthDays && hour! <= 23 && minute! <= 59 && second <= 59 && offsetHours <= 12 && offsetMinutes <= 59;
}

function readTime(node: Asn1 | undefined): Date {
  const { asn1 } = forge();
  const text = typeof node?.value === 'string' ? node.value : '';
  if (!node || !fieldsInRange(node.type, text)) return new Date(NaN);
  if (node.type === (TAG.UTC_TIME as number)) return asn1.utcTimeToDate(text);
  if (node.type === (TAG.GENERALIZED_TIME as number)) return asn1.generalizedTimeToDate(text);
  return new Date(NaN);
}

/** The bit length of the RSA modulus in the SubjectPublicKeyInfo's BIT STRING (RFC 8017 A.1.1). */
function readRsaBits(keyBits: Asn1 | undefined): number | null {
  const content = typeof keyBits?.value === 'string' ? keyBits.value : '';
  if (content.length < 2) return null;
  const [modulus] = children(parse(content.slice(1)));
  const m = typeof modulus?.value === 'string' ? modulus.value.replace(/^\0+/, '') : '';
  return m.length === 0 ? null : (m.length - 1) * 8 + (32 - Math.clz32(m.charCodeAt(0)));
}

/** Parses the certificate with node-forge's ASN.1 reader and picks out the fields above. Throws on malformed DER. */
export function readX509Fields(der: Uint8Array): X509Fields {
  const { asn1 } = forge();
  const buffer = Buffer.isBuffer(der) ? der : Buffer.from(der.buffer, der.byteOffset, der.byteLength);
  const root = parse(buffer.toString('latin1'));
  const [tbsNode, algorithm] = children(root);
  const tbs = children(tbsNode);
  const first = tbs[0];
  const versioned = first?.tagClass === asn1.Class.CONTEXT_SPECIFIC && first.type === 0;
  const version = versioned ? asn1.derToInteger(String(children(first)[0]?.value ?? '\u0000')) + 1 : 1;
  const at = versioned ? 1 : 0;
  const [serial, , issuer, validity, subject, spki] = tbs.slice(at);
  if (!serial || !spki) throw new Error('the TBSCertificate is incomplete');
  const [keyAlgorithm, keyBits] = children(spki);
  const [notBefore, notAfter] = children(validity);
  const [keyOid, keyParameter] = children(keyAlgorithm);
  const keyAlgorithmOid = oidOf(keyOid);
  return {
    version,
    notBefore: readTime(notBefore),
    notAfter: readTime(notAfter),
    rsaBits: RSA_KEYS.has(keyAlgorithmOid) ? readRsaBits(keyBits) : null,
    serialNumber: bytes(String(serial.value)).toString('hex').toUpperCase(),
    signatureOid: oidOf(children(algorithm)[0]),
    issuer: readName(issuer),
    subject: readName(subject),
    keyAlgorithmOid,
    keyParameterOid: keyParameter?.type === asn1.Type.OID ? oidOf(keyParameter) : undefined,
    ...readExtensionFields(tbs.slice(at + 6).find((n) => n.tagClass === asn1.Class.CONTEXT_SPECIFIC && n.type === 3)),
  };
}
