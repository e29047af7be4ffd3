import { bytes, children, forge, oidOf, parse, type Asn1 } from './forge-asn1';
import type { X509Fields } from './x509-fields';
import { decodeString, readName, type DistinguishedName } from './x509-names';

const EXT_SUBJECT_ALT_NAME = '2.5.29.17';
const EXT_BASIC_CONSTRAINTS = '2.5.29.19';
const EXT_KEY_USAGE = '2.5.29.15';
const EXT_EXTENDED_KEY_USAGE = '2.5.29.37';
const EXT_NAME_CONSTRAINTS = '2.5.29.30';
/** keyCertSign is bit 5 of KeyUsage (RFC 5280 §4.2.1.3): the first content byte's 0x04. */
const KEY_CERT_SIGN_MASK = 0x04;
/** GeneralName choices (RFC 5280 §4.2.1.6). */
const GENERAL_NAME = { OTHER: 0, EMAIL: 1, DNS: 2, DIRECTORY: 4, IP: 7 } as const;
/** id-on-SmtpUTF8Mailbox (RFC 8398 §3): an internationalized mailbox, held in an otherName as a UTF8String. */
export const SMTP_UTF8_MAILBOX = '1.3.6.1.5.5.7.8.9';

/** One subtree's base (RFC 5280 §4.2.1.10); minimum and maximum are not used in this profile. */
export type GeneralSubtree =
  | { readonly form: 'dns'; readonly name: string }
  | { readonly form: 'ip'; readonly address: Buffer; readonly mask: Buffer }
  | { readonly form: 'directory'; readonly name: DistinguishedName }
  /** An rfc822Name base: a mailbox, a host, or a domain with a leading dot (RFC 5280 §4.2.1.10). */
  | { readonly form: 'email'; readonly name: string }
  /**
   * Another name form, by its GeneralName tag (an iPAddress base that is not 8 or 32 bytes is kept as tag 7 here);
   * an otherName (tag 0) with its type-id, when it can be read.
   */
  | { readonly form: 'other'; readonly tag: number; readonly type?: string };

/** An otherName of the subjectAltName (RFC 5280 §4.2.1.6): its type-id, and an SmtpUTF8Mailbox's mailbox (RFC 8398). */
export interface OtherName {
  readonly type: string;
  /** The UTF8String of an SmtpUTF8Mailbox; undefined for other types, or when it is not a UTF8String. */
  readonly mailbox?: string;
}

export interface NameConstraints {
  readonly critical: boolean;
  readonly permitted: readonly GeneralSubtree[];
  readonly excluded: readonly GeneralSubtree[];
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

type AltNameFields = 'dnsNames' | 'ipAddresses' | 'ipAddressBytes' | 'emailAddresses' | 'otherNames' | 'altNameTags';

/** An otherName's type-id and, for an SmtpUTF8Mailbox, its UTF8String: `[0] { type-id OID, [0] EXPLICIT value }`. */
function readOtherName(name: Asn1): OtherName | undefined {
  const { asn1 } = forge();
  const [id, value] = children(name);
  if (id?.type !== asn1.Type.OID || typeof id.value !== 'string') return undefined;
  const type = asn1.derToOid(id.value);
  const inner = children(value)[0];
  const utf8 = type === SMTP_UTF8_MAILBOX && inner?.tagClass === asn1.Class.UNIVERSAL && inner.type === asn1.Type.UTF8;
  return utf8 ? { type, mailbox: decodeString(inner) } : { type };
}

function readAltNames(der: string | undefined): Pick<X509Fields, AltNameFields> {
  const dnsNames: string[] = [];
  const ipAddresses: string[] = [];
  const ipAddressBytes: Buffer[] = [];
  const emailAddresses: string[] = [];
  const otherNames: OtherName[] = [];
  const tags = new Set<number>();
  if (der === undefined) return { dnsNames, ipAddresses, ipAddressBytes, emailAddresses, otherNames, altNameTags: [] };
  const { asn1 } = forge();
  for (const name of children(parse(der))) {
    if (name.tagClass !== asn1.Class.CONTEXT_SPECIFIC) continue;
    tags.add(name.type as number);
    if (name.type === (GENERAL_NAME.OTHER as number)) {
      const other = readOtherName(name);
      if (other) otherNames.push(other);
    }
    if (typeof name.value !== 'string') continue;
    if (name.type === (GENERAL_NAME.DNS as number)) dnsNames.push(name.value);
    else if (name.type === (GENERAL_NAME.EMAIL as number)) emailAddresses.push(name.value);
    else if (name.type === (GENERAL_NAME.IP as number) && (name.value.length === 4 || name.value.length === 16)) {
      const address = bytes(name.value);
      ipAddresses.push(ipText(address));
      ipAddressBytes.push(address);
    }
  }
  return { dnsNames, ipAddresses, ipAddressBytes, emailAddresses, otherNames, altNameTags: [...tags] };
}

/** One GeneralSubtree's base: a dNSName, an iPAddress with its mask, a directoryName, or another form by its tag. */
function readSubtree(subtree: Asn1): GeneralSubtree {
  const { asn1 } = forge();
  const base = children(subtree)[0];
  if (base?.tagClass !== asn1.Class.CONTEXT_SPECIFIC) throw new Error('a name constraint has no base name');
  const tag = base.type as number;
  const raw = typeof base.value === 'string' ? base.value : undefined;
  if (tag === GENERAL_NAME.DNS && raw !== undefined) return { form: 'dns', name: raw };
  if (tag === GENERAL_NAME.EMAIL && raw !== undefined) return { form: 'email', name: raw };
  // An address and its mask, each 4 bytes (IPv4) or 16 (IPv6) (RFC 5280 §4.2.1.10).
  if (tag === GENERAL_NAME.IP && raw !== undefined && (raw.length === 8 || raw.length === 32)) {
    const half = raw.length / 2;
    return { form: 'ip', address: bytes(raw.slice(0, half)), mask: bytes(raw.slice(half)) };
  }
  // directoryName is an explicit tag: the [4] holds the Name.
  if (tag === GENERAL_NAME.DIRECTORY && Array.isArray(base.value)) return { form: 'directory', name: readName(children(base)[0]) };
  const type = tag === GENERAL_NAME.OTHER ? readOtherName(base)?.type : undefined;
  return type === undefined ? { form: 'other', tag } : { form: 'other', tag, type };
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

/** The fields the extensions give (RFC 5280 §4.2), from the TBSCertificate's [3] extensions; an absent one reads as null (or no names). */
export function readExtensionFields(
  list: Asn1 | undefined,
): Pick<X509Fields, AltNameFields | 'basicConstraints' | 'keyUsage' | 'extendedKeyUsage' | 'nameConstraints' | 'criticalExtensions'> {
  const extensions = readExtensions(list);
  const extension = (oid: string): string | undefined => extensions.values.get(rawOid(oid));
  return {
    ...readAltNames(extension(EXT_SUBJECT_ALT_NAME)),
    basicConstraints: readBasicConstraints(extension(EXT_BASIC_CONSTRAINTS)),
    keyUsage: readKeyUsage(extension(EXT_KEY_USAGE)),
    extendedKeyUsage: readEku(extension(EXT_EXTENDED_KEY_USAGE)),
    nameConstraints: readNameConstraints(extension(EXT_NAME_CONSTRAINTS), extensions.critical.has(rawOid(EXT_NAME_CONSTRAINTS))),
    criticalExtensions: [...extensions.critical].map((raw) => forge().asn1.derToOid(raw)),
  };
}
