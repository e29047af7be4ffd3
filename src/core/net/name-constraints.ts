import { domainToASCII } from 'node:url';
import { subjectLabel } from './certificate-label';
import { ipText, type GeneralSubtree, type NameConstraints } from './x509-extensions';
import type { X509Fields } from './x509-fields';
import { commonNames, formatName, sameName, type DistinguishedName } from './x509-names';

/** GeneralName tags (RFC 5280 §4.2.1.6) as the message names them. */
const FORM_NAMES: Readonly<Record<number, string>> = {
  0: 'otherName',
  1: 'email address (rfc822Name)',
  2: 'DNS',
  3: 'x400Address',
  4: 'directory name',
  5: 'ediPartyName',
  6: 'URI',
  7: 'IP address',
  8: 'registeredID',
};
const EMAIL_ADDRESS = '1.2.840.113549.1.9.1';
/** A host name's letters, digits, hyphens and underscores in dot-separated labels, a first `*.` allowed. */
const DNS_SHAPED = /^(?:\*\.)?[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*$/i;

type Named =
  | { readonly form: 'dns'; readonly name: string }
  | { readonly form: 'ip'; readonly address: Buffer }
  | { readonly form: 'directory'; readonly name: DistinguishedName };

/**
 * RFC 5280 §4.2.1.10: "any DNS name that can be constructed by simply adding zero or more labels to the left-hand side";
 * a base with a leading dot takes only names below it, and an empty base every name, as OpenSSL's nc_dns reads them.
 */
function withinDns(name: string, base: string): boolean {
  const n = name.toLowerCase();
  const b = base.toLowerCase();
  if (b === '') return true;
  if (!n.endsWith(b)) return false;
  return n.length === b.length || b.startsWith('.') || n[n.length - b.length - 1] === '.';
}

function withinIp(address: Buffer, base: { readonly address: Buffer; readonly mask: Buffer }): boolean {
  return address.length === base.address.length && address.every((byte, i) => (byte & base.mask[i]!) === (base.address[i]! & base.mask[i]!));
}

/** The base's attributes begin the name (RFC 5280 §7.1 comparison, as `sameName`). */
function withinDirectory(name: DistinguishedName, base: DistinguishedName): boolean {
  return base.length <= name.length && sameName(name.slice(0, base.length), base);
}

function within(named: Named, subtree: GeneralSubtree): boolean {
  if (named.form === 'dns' && subtree.form === 'dns') return withinDns(named.name, subtree.name);
  if (named.form === 'ip' && subtree.form === 'ip') return withinIp(named.address, subtree);
  if (named.form === 'directory' && subtree.form === 'directory') return withinDirectory(named.name, subtree.name);
  return false;
}

function prefixLength(mask: Buffer): number | undefined {
  const bits = [...mask].map((b) => b.toString(2).padStart(8, '0')).join('');
  return /^1*0*$/.test(bits) ? bits.indexOf('0') === -1 ? bits.length : bits.indexOf('0') : undefined;
}

function subtreeText(subtree: GeneralSubtree): string {
  switch (subtree.form) {
    case 'dns':
      return `DNS ${subtree.name || '(any name)'}`;
    case 'ip': {
      const prefix = prefixLength(subtree.mask);
      return `IP address ${ipText(subtree.address)}/${prefix ?? ipText(subtree.mask)}`;
    }
    case 'directory':
      return `directory name ${formatName(subtree.name) || '(any name)'}`;
    default:
      return FORM_NAMES[subtree.tag] ?? `name form [${subtree.tag}]`;
  }
}

/** What the certificate says of the name, after its own: `names DNS localhost`. */
function namedText(named: Named): string {
  if (named.form === 'dns') return `names DNS ${named.name}`;
  if (named.form === 'ip') return `names IP address ${ipText(named.address)}`;
  return `has the subject ${formatName(named.name)}`;
}

/**
 * The names a CA's constraints apply to: the subject (when not empty), the DNS and IP alternative names, and for the
 * leaf without a DNS alternative name its common names that are host names, as OpenSSL checks them (x509_vfy.c,
 * check_name_constraints). OpenSSL skips a common name of one label; it is checked here, as the name match accepts it.
 */
function namesOf(cert: X509Fields, leaf: boolean): Named[] {
  const out: Named[] = [];
  if (cert.subject.length > 0) out.push({ form: 'directory', name: cert.subject });
  for (const name of cert.dnsNames) out.push({ form: 'dns', name });
  if (leaf && cert.dnsNames.length === 0) {
    for (const cn of commonNames(cert.subject)) {
      const ascii = domainToASCII(cn);
      if (DNS_SHAPED.test(ascii)) out.push({ form: 'dns', name: ascii });
    }
  }
  for (const address of cert.ipAddressBytes) out.push({ form: 'ip', address });
  return out;
}

/** Whether the certificate has names of a form this check does not evaluate (a tag of `other`, or a directoryName alternative name). */
function hasUnreadNames(cert: X509Fields, subtree: GeneralSubtree): boolean {
  if (subtree.form === 'directory') return cert.altNameTags.includes(4);
  if (subtree.form !== 'other') return false;
  if (subtree.tag === 1 && cert.subject.some((a) => a.oid === EMAIL_ADDRESS)) return true;
  return cert.altNameTags.includes(subtree.tag);
}

/**
 * Why the names of `cert` are outside what a CA's name constraints allow (RFC 5280 §4.2.1.10, §6.1.3 (b)–(c)), as a
 * clause that follows the CA's name; undefined when they are within. Every name of a constrained form must be within one
 * of its permitted subtrees and within none of the excluded; a form without subtrees is not restricted, and a constraint
 * on a form the certificate has no name of does not apply ("Restrictions apply only when the specified name form is
 * present"). A critical constraint on a form this check does not evaluate, where the certificate has such names, is a
 * problem: a client that cannot evaluate it rejects the path (Windows CERT_TRUST_HAS_NOT_SUPPORTED_NAME_CONSTRAINT,
 * OpenSSL X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE). A name outside is Windows' CERT_E_INVALID_NAME.
 */
export function nameConstraintProblem(constraints: NameConstraints, cert: X509Fields, leaf: boolean): string | undefined {
  const who = leaf ? 'the certificate' : subjectLabel({ ...cert, subject: formatName(cert.subject) });
  const unread = [...constraints.permitted, ...constraints.excluded].find((s) => hasUnreadNames(cert, s));
  if (unread && constraints.critical) {
    const form = unread.form === 'other' ? unread.tag : 4;
    return `has critical name constraints on ${FORM_NAMES[form] ?? `name form [${form}]`} names, which this check does not evaluate, and ${who} has such names`;
  }
  for (const named of namesOf(cert, leaf)) {
    const excluded = constraints.excluded.find((s) => within(named, s));
    if (excluded) return `excludes ${subtreeText(excluded)} by its name constraints, and ${who} ${namedText(named)}`;
    const permitted = constraints.permitted.filter((s) => s.form === named.form);
    if (permitted.length > 0 && !permitted.some((s) => within(named, s))) {
      return `permits only names within ${permitted.map(subtreeText).join(', ')} (name constraints), and ${who} ${namedText(named)}`;
    }
  }
  return undefined;
}
