import type * as Forge from 'node-forge';
import { DN_SHORT_NAMES } from './oids';

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

/** One subtree's base (RFC 5280 §4.2.1.10); minimum and maximum are not used in this profile. */
export type GeneralSubtree =
  | { readonly form: 'dns'; readonly name: string }
  | { readonly form: 'ip'; readonly address: Buffer; readonly mask: Buffer }
  | { readonly form: 'directory'; readonly name: DistinguishedName }
  /** Another name form, by its GeneralName tag (an iPAddress base that is not 8 or 32 bytes is kept as tag 7 here). */
  | { readonly form: 'other'; readonly tag: number };

export interface NameConstraints {
  readonly critical: boolean;
  readonly permitted: readonly GeneralSubtree[];
  readonly excluded: readonly GeneralSubtree[];
}

export interface NameAttribute {
  readonly oid: string;
  /** The value decoded as its DER string type says. */
  readonly value: string;
}

/** RDNs in DER order (least specific first), multi-valued RDNs flattened. */
export type DistinguishedName = readonly NameAttribute[];

type Asn1 = Forge.asn1.Asn1;

let forgeModule: typeof Forge | undefined;
/** node-forge is loaded on first use, so the extension does not pay for it at activation. */
export function forge(): typeof Forge {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (forgeModule ??= require('node-forge') as typeof Forge);
}

const EXT_SUBJECT_ALT_NAME = '2.5.29.17';
const EXT_BASIC_CONSTRAINTS = '2.5.29.19';
const EXT_KEY_USAGE = '2.5.29.15';
const EXT_EXTENDED_KEY_USAGE = '2.5.29.37';
const EXT_NAME_CONSTRAINTS = '2.5.29.30';
/** keyCertSign is bit 5 of KeyUsage (RFC 5280 §4.2.1.3): the first content byte's 0x04. */
const KEY_CERT_SIGN_MASK = 0x04;

/** ASN.1 universal string tags (X.680 §8.6) that a DirectoryString or attribute value uses. */
const TAG = { UTF8: 12, NUMERIC: 18, PRINTABLE: 19, TELETEX: 20, IA5: 22, UTC_TIME: 23, GENERALIZED_TIME: 24, VISIBLE: 26, UNIVERSAL: 28, BMP: 30 } as const;
/** GeneralName choices (RFC 5280 §4.2.1.6). */
const GENERAL_NAME = { DNS: 2, DIRECTORY: 4, IP: 7 } as const;
const RSA_KEYS = new Set(['1.2.840.113549.1.1.1', '1.2.840.113549.1.1.10']);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** ASCII reads the same in every string type, is its own UTF-8 and is left as it is by NFKC. */
const ASCII_ONLY = /^[\x00-\x7f]*$/;

function bytes(binary: string): Buffer {
  return Buffer.from(binary, 'binary');
}

/** A name attribute's value as its string type says: UTF-8, UTF-16BE (BMP), UTF-32BE (Universal), T.61 or 8-bit. */
export function decodeString(node: Asn1): string {
  const value = typeof node.value === 'string' ? node.value : '';
  if (node.tagClass !== forge().asn1.Class.UNIVERSAL) return value;
  switch (node.type as number) {
    case TAG.UTF8:
      // ASCII is its own UTF-8: most names need no decoding.
      return ASCII_ONLY.test(value) ? value : bytes(value).toString('utf8');
    case TAG.BMP:
      // node-forge has already read the UTF-16BE code units into a JavaScript string.
      return value;
    case TAG.UNIVERSAL: {
      const b = bytes(value);
      let out = '';
      for (let i = 0; i + 4 <= b.length; i += 4) {
        const cp = b.readUInt32BE(i);
        out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      }
      return out;
    }
    case TAG.TELETEX:
      // NOTE: Windows decodes T61String as UTF-8 first and as 8-bit characters when that fails (Microsoft Learn, CERT_RDN_ATTR structure, CERT_RDN_DISABLE_IE4_UTF8_FLAG).
      try {
        return strictUtf8.decode(bytes(value));
      } catch {
        return value;
      }
    default:
      // PrintableString, IA5String, NumericString, VisibleString: ASCII, kept byte for byte.
      return value;
  }
}

/** DER bytes (a binary string) to the tree; BIT STRINGs stay raw, so a key usage's bits are never read as ASN.1. */
function parse(der: string): Asn1 {
  const f = forge();
  // The typings predate the options object; node-forge 1.x reads { strict, parseAllBytes, decodeBitStrings }.
  const fromDer = f.asn1.fromDer as unknown as (input: Forge.util.ByteStringBuffer, options: object) => Asn1;
  return fromDer(f.util.createBuffer(der), { strict: true, parseAllBytes: true, decodeBitStrings: false });
}

function children(node: Asn1 | undefined): Asn1[] {
  return node && Array.isArray(node.value) ? (node.value as Asn1[]) : [];
}

function oidOf(node: Asn1 | undefined): string {
  if (!node || node.type !== forge().asn1.Type.OID || typeof node.value !== 'string') throw new Error('an object identifier is missing');
  return forge().asn1.derToOid(node.value);
}

function readName(node: Asn1 | undefined): DistinguishedName {
  const out: NameAttribute[] = [];
  for (const rdn of children(node)) {
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      if (value) out.push({ oid: oidOf(type), value: decodeString(value) });
    }
  }
  return out;
}

/** The DER content of an object identifier, as node-forge holds it (a binary string). */
const oidContent = new Map<string, string>();
function rawOid(oid: string): string {
  let raw = oidContent.get(oid);
  if (raw === undefined) oidContent.set(oid, (raw = forge().asn1.oidToDer(oid).getBytes()));
  return raw;
}

interface Extensions {
  /** Values by their OID's DER content: only five are read, so the others' OIDs are not decoded to text. */
  readonly values: Map<string, string>;
  /** The DER contents of the OIDs marked critical. */
  readonly critical: Set<string>;
}

function readExtensions(list: Asn1 | undefined): Extensions {
  const { asn1 } = forge();
  const values = new Map<string, string>();
  const critical = new Set<string>();
  for (const ext of children(children(list)[0])) {
    const parts = children(ext);
    const id = parts[0];
    const value = parts[parts.length - 1];
    if (parts.length < 2 || typeof value?.value !== 'string') continue;
    if (id?.type !== asn1.Type.OID || typeof id.value !== 'string') throw new Error('an object identifier is missing');
    values.set(id.value, value.value);
    // Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue } (RFC 5280 §4.1).
    const flag = parts.length === 3 ? parts[1] : undefined;
    if (flag?.type === asn1.Type.BOOLEAN && typeof flag.value === 'string' && flag.value.charCodeAt(0) !== 0) critical.add(id.value);
  }
  return { values, critical };
}

function readBasicConstraints(der: string | undefined): X509Fields['basicConstraints'] {
  if (der === undefined) return null;
  const { asn1 } = forge();
  let cA = false;
  let pathLen: number | null = null;
  for (const item of children(parse(der))) {
    if (item.type === asn1.Type.BOOLEAN) cA = typeof item.value === 'string' && item.value.charCodeAt(0) !== 0;
    else if (item.type === asn1.Type.INTEGER && typeof item.value === 'string') pathLen = asn1.derToInteger(item.value);
  }
  return { cA, pathLen };
}

function readKeyUsage(der: string | undefined): X509Fields['keyUsage'] {
  if (der === undefined) return null;
  const node = parse(der);
  // BIT STRING content: the unused-bit count, then the bits, bit 0 first (most significant).
  const raw = typeof node.value === 'string' ? node.value : '';
  return { keyCertSign: raw.length > 1 && (raw.charCodeAt(1) & KEY_CERT_SIGN_MASK) !== 0 };
}

function readEku(der: string | undefined): string[] | null {
  if (der === undefined) return null;
  return children(parse(der)).map(oidOf);
}

function readTime(node: Asn1 | undefined): Date {
  const { asn1 } = forge();
  const text = typeof node?.value === 'string' ? node.value : '';
  if (node?.type === (TAG.UTC_TIME as number)) return asn1.utcTimeToDate(text);
  if (node?.type === (TAG.GENERALIZED_TIME as number)) return asn1.generalizedTimeToDate(text);
  return new Date(NaN);
}

/** An address's 4 or 16 bytes as people write it: IPv4 dotted, IPv6 in its short form. */
export function ipText(address: Uint8Array): string {
  return canonicalIp((forge().util as unknown as { bytesToIP(bytes: string): string }).bytesToIP(Buffer.from(address).toString('binary')));
}

/** IPv6 in its short form (RFC 5952), as people write it. */
function canonicalIp(ip: string): string {
  if (!ip.includes(':')) return ip;
  try {
    return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  } catch {
    return ip;
  }
}

function readAltNames(der: string | undefined): Pick<X509Fields, 'dnsNames' | 'ipAddresses' | 'ipAddressBytes' | 'altNameTags'> {
  const dnsNames: string[] = [];
  const ipAddresses: string[] = [];
  const ipAddressBytes: Buffer[] = [];
  const tags = new Set<number>();
  if (der === undefined) return { dnsNames, ipAddresses, ipAddressBytes, altNameTags: [] };
  const { asn1 } = forge();
  for (const name of children(parse(der))) {
    if (name.tagClass !== asn1.Class.CONTEXT_SPECIFIC) continue;
    tags.add(name.type as number);
    if (typeof name.value !== 'string') continue;
    if (name.type === (GENERAL_NAME.DNS as number)) dnsNames.push(name.value);
    else if (name.type === (GENERAL_NAME.IP as number) && (name.value.length === 4 || name.value.length === 16)) {
      const address = bytes(name.value);
      ipAddresses.push(ipText(address));
      ipAddressBytes.push(address);
    }
  }
  return { dnsNames, ipAddresses, ipAddressBytes, altNameTags: [...tags] };
}

/** One GeneralSubtree's base: a dNSName, an iPAddress with its mask, a directoryName, or another form by its tag. */
function readSubtree(subtree: Asn1): GeneralSubtree {
  const { asn1 } = forge();
  const base = children(subtree)[0];
  if (base?.tagClass !== asn1.Class.CONTEXT_SPECIFIC) throw new Error('a name constraint has no base name');
  const tag = base.type as number;
  const raw = typeof base.value === 'string' ? base.value : undefined;
  if (tag === GENERAL_NAME.DNS && raw !== undefined) return { form: 'dns', name: raw };
  // An address and its mask, each 4 bytes (IPv4) or 16 (IPv6) (RFC 5280 §4.2.1.10).
  if (tag === GENERAL_NAME.IP && raw !== undefined && (raw.length === 8 || raw.length === 32)) {
    const half = raw.length / 2;
    return { form: 'ip', address: bytes(raw.slice(0, half)), mask: bytes(raw.slice(half)) };
  }
  // directoryName is an explicit tag: the [4] holds the Name.
  if (tag === GENERAL_NAME.DIRECTORY && Array.isArray(base.value)) return { form: 'directory', name: readName(children(base)[0]) };
  return { form: 'other', tag };
}

function readNameConstraints(der: string | undefined, critical: boolean): NameConstraints | null {
  if (der === undefined) return null;
  const { asn1 } = forge();
  const permitted: GeneralSubtree[] = [];
  const excluded: GeneralSubtree[] = [];
  // NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees OPTIONAL, excludedSubtrees [1] … OPTIONAL }.
  for (const part of children(parse(der))) {
    if (part.tagClass !== asn1.Class.CONTEXT_SPECIFIC) continue;
    const into = part.type === 0 ? permitted : part.type === 1 ? excluded : undefined;
    for (const subtree of into ? children(part) : []) into!.push(readSubtree(subtree));
  }
  return { critical, permitted, excluded };
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
  const extensions = readExtensions(tbs.slice(at + 6).find((n) => n.tagClass === asn1.Class.CONTEXT_SPECIFIC && n.type === 3));
  const extension = (oid: string): string | undefined => extensions.values.get(rawOid(oid));
  const keyAlgorithmOid = oidOf(keyOid);
  return {
    version,
    notBefore: readTime(notBefore),
    notAfter: readTime(notAfter),
    ...readAltNames(extension(EXT_SUBJECT_ALT_NAME)),
    rsaBits: RSA_KEYS.has(keyAlgorithmOid) ? readRsaBits(keyBits) : null,
    serialNumber: bytes(String(serial.value)).toString('hex').toUpperCase(),
    signatureOid: oidOf(children(algorithm)[0]),
    issuer: readName(issuer),
    subject: readName(subject),
    keyAlgorithmOid,
    keyParameterOid: keyParameter?.type === asn1.Type.OID ? oidOf(keyParameter) : undefined,
    basicConstraints: readBasicConstraints(extension(EXT_BASIC_CONSTRAINTS)),
    keyUsage: readKeyUsage(extension(EXT_KEY_USAGE)),
    extendedKeyUsage: readEku(extension(EXT_EXTENDED_KEY_USAGE)),
    nameConstraints: readNameConstraints(extension(EXT_NAME_CONSTRAINTS), extensions.critical.has(rawOid(EXT_NAME_CONSTRAINTS))),
    criticalExtensions: [...extensions.critical].map((raw) => asn1.derToOid(raw)),
  };
}

/** Most specific first, as Windows and RFC 4514 print a name. */
export function formatName(name: DistinguishedName): string {
  return [...name]
    .reverse()
    .map((a) => `${DN_SHORT_NAMES[a.oid] ?? a.oid}=${a.value.replace(/([,+"\\<>;])/g, '\\$1')}`)
    .join(', ');
}

/** NFKC folding, skipped for ASCII values (most names), which it leaves as they are. */
function normalized(value: string): string {
  return (ASCII_ONLY.test(value) ? value : value.normalize('NFKC')).trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * RFC 5280 §7.1 name comparison, simplified: the same attributes in the same order, values equal
 * after case folding and whitespace folding, whatever string type encodes them.
 */
export function sameName(a: DistinguishedName, b: DistinguishedName): boolean {
  return a.length === b.length && a.every((x, i) => x.oid === b[i]!.oid && (x.value === b[i]!.value || normalized(x.value) === normalized(b[i]!.value)));
}

export function commonNames(name: DistinguishedName): string[] {
  return name.filter((a) => a.oid === '2.5.4.3').map((a) => a.value);
}
