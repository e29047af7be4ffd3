import { bytes, children, forge, oidOf, type Asn1 } from './forge-asn1';
import { DN_SHORT_NAMES } from './oids';

export interface NameAttribute {
  readonly oid: string;
  /** The value decoded as its DER string type says. */
  readonly value: string;
}

/** RDNs in DER order (least specific first), multi-valued RDNs flattened. */
export type DistinguishedName = readonly NameAttribute[];

/** ASN.1 universal string tags (X.680 §8.6) that a DirectoryString or attribute value uses. */
const TAG = { UTF8: 12, TELETEX: 20, UNIVERSAL: 28, BMP: 30 } as const;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** ASCII reads the same in every string type, is its own UTF-8 and is left as it is by NFKC. */
const ASCII_ONLY = /^[\x00-\x7f]*$/;

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

/** A Name (RFC 5280 §4.1.2.4) as its attributes, each value decoded as its string type says. */
export function readName(node: Asn1 | undefined): DistinguishedName {
  const out: NameAttribute[] = [];
  for (const rdn of children(node)) {
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      if (value) out.push({ oid: oidOf(type), value: decodeString(value) });
    }
  }
  return out;
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
