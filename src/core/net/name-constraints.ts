import { domainToUnicode } from 'node:url';
import { subjectLabel } from './certificate-label';
import { ipText, SMTP_UTF8_MAILBOX, type GeneralSubtree, type NameConstraints } from './x509-extensions';
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
/**
 * A common name that OpenSSL reads as a DNS name (crypto/x509/v3_ncons.c, cn2dnsid): ASCII letters, digits, underscores
 * and inner hyphens in two or more labels, no label starting or ending with a hyphen. "If the name has just one label,
 * we don't consider it a DNS name. This means that "CN=sometld" cannot be precluded by DNS name constraints" (OpenSSL
 * issue #5521: the Active Directory leaf `DC=com, DC=example, DC=corp, CN=rdp01`); nor is a wildcard, a trailing dot or
 * a name with other characters (a space, a letter outside ASCII: the name is not converted to its A-label).
 */
const HOST_LABEL = '[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?';
const DNS_SHAPED = new RegExp(`^${HOST_LABEL}(?:\\.${HOST_LABEL})+$`, 'i');

type Named =
  /** `commonName`: the leaf's common name, read as a DNS name as it has no DNS alternative name. */
  | { readonly form: 'dns'; readonly name: string; readonly commonName?: true }
  | { readonly form: 'ip'; readonly address: Buffer }
  | { readonly form: 'directory'; readonly name: DistinguishedName }
  /** `from`: an rfc822Name alternative name, an emailAddress of the subject, or an SmtpUTF8Mailbox otherName (RFC 8398). */
  | { readonly form: 'email'; readonly name: string; readonly from: 'rfc822Name' | 'subject' | 'SmtpUTF8Mailbox' };

/** ASCII letters folded, nothing else, as OpenSSL's ia5ncasecmp compares. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

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

/**
 * RFC 5280 §4.2.1.10 for rfc822Name: a base with an `@` is one mailbox, a host alone every mailbox at that host, and a
 * domain with a leading dot every mailbox at a host below it. As OpenSSL's nc_email compares: the local part exactly
 * (case-sensitive), the host without ASCII case; for an SmtpUTF8Mailbox (nc_email_eai, RFC 8398 §6) the base's host is
 * turned into its U-labels first. `mailbox` has an `@` (the caller made sure).
 */
function withinEmail(mailbox: string, base: string, utf8: boolean): boolean {
  const at = mailbox.lastIndexOf('@');
  const host = (ascii: string): string => (utf8 ? domainToUnicode(ascii) || ascii : ascii);
  const baseAt = utf8 ? base.indexOf('@') : base.lastIndexOf('@');
  if (base.startsWith('.') && (utf8 || baseAt === -1)) {
    const suffix = `.${host(base.slice(1))}`;
    return mailbox.length > suffix.length && asciiLower(mailbox.slice(-suffix.length)) === asciiLower(suffix);
  }
  if (baseAt > 0 && base.slice(0, baseAt) !== mailbox.slice(0, at)) return false;
  return asciiLower(mailbox.slice(at + 1)) === asciiLower(host(base.slice(baseAt + 1)));
}

function within(named: Named, subtree: GeneralSubtree): boolean {
  if (named.form === 'dns' && subtree.form === 'dns') return withinDns(named.name, subtree.name);
  if (named.form === 'ip' && subtree.form === 'ip') return withinIp(named.address, subtree);
  if (named.form === 'directory' && subtree.form === 'directory') return withinDirectory(named.name, subtree.name);
  if (named.form === 'email' && subtree.form === 'email') return withinEmail(named.name, subtree.name, named.from === 'SmtpUTF8Mailbox');
  return false;
}

function prefixLength(mask: Buffer): number | undefined {
  const bits = [...mask].map((b) => b.toString(2).padStart(8, '0')).join('');
  return /^1*0*$/.test(bits) ? bits.indexOf('0') === -1 ? bits.length : bits.indexOf('0') : undefined;
}

function emailSubtreeText(base: string): string {
  if (base.startsWith('.')) return `email addresses at hosts in ${base.slice(1)}`;
  const at = base.lastIndexOf('@');
  if (at > 0) return `email address ${base}`;
  return base.length > at + 1 ? `email addresses at ${base.slice(at + 1)}` : 'email addresses at an empty host';
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
    case 'email':
      return emailSubtreeText(subtree.name);
    default:
      return FORM_NAMES[subtree.tag] ?? `name form [${subtree.tag}]`;
  }
}

/** What the certificate says of the name, after its own: `names DNS localhost`. */
function namedText(named: Named): string {
  switch (named.form) {
    case 'dns':
      return named.commonName
        ? `has the common name ${named.name}, read as a DNS name since it has no DNS alternative name`
        : `names DNS ${named.name}`;
    case 'ip':
      return `names IP address ${ipText(named.address)}`;
    case 'email':
      return named.from === 'subject'
        ? `has the email address ${named.name} in its subject`
        : named.from === 'SmtpUTF8Mailbox'
          ? `names the mailbox ${named.name} (SmtpUTF8Mailbox)`
          : `names the email address ${named.name}`;
    default:
      return `has the subject ${formatName(named.name)}`;
  }
}

/**
 * The names a CA's constraints apply to, as OpenSSL checks them (x509_vfy.c check_name_constraints, v3_ncons.c
 * NAME_CONSTRAINTS_check and NAME_CONSTRAINTS_check_CN): the subject (when not empty) and its emailAddress attributes,
 * the DNS, email and IP alternative names and SmtpUTF8Mailbox other names, and for the leaf without a DNS alternative
 * name its common names that are host names of two or more labels (`DNS_SHAPED`). A common name with a NUL inside is
 * `null`: OpenSSL refuses the path (X509_V_ERR_UNSUPPORTED_NAME_SYNTAX); trailing NULs it drops.
 */
function namesOf(cert: X509Fields, leaf: boolean): Named[] | null {
  const out: Named[] = [];
  if (cert.subject.length > 0) {
    out.push({ form: 'directory', name: cert.subject });
    for (const a of cert.subject) if (a.oid === EMAIL_ADDRESS) out.push({ form: 'email', name: a.value, from: 'subject' });
  }
  for (const name of cert.dnsNames) out.push({ form: 'dns', name });
  for (const name of cert.emailAddresses) out.push({ form: 'email', name, from: 'rfc822Name' });
  for (const o of cert.otherNames) if (o.mailbox !== undefined) out.push({ form: 'email', name: o.mailbox, from: 'SmtpUTF8Mailbox' });
  for (const address of cert.ipAddressBytes) out.push({ form: 'ip', address });
  if (leaf && !cert.altNameTags.includes(2)) {
    for (const cn of commonNames(cert.subject)) {
      const name = cn.replace(/\0+$/, '');
      if (name.includes('\0')) return null;
      if (DNS_SHAPED.test(name)) out.push({ form: 'dns', name, commonName: true });
    }
  }
  return out;
}

/**
 * The constraint on a name form this check does not evaluate that the certificate has names of: a URI, an otherName of
 * the constraint's type (RFC 5280 §4.2.1.10: "Restrictions apply only when the specified name form is present"; OpenSSL's
 * nc_match skips a subtree whose otherName type differs), or a directoryName alternative name. An SmtpUTF8Mailbox is
 * an email address to OpenSSL, held to the rfc822Name constraints and to no otherName one.
 */
function hasUnreadNames(cert: X509Fields, subtree: GeneralSubtree): boolean {
  if (subtree.form === 'directory') return cert.altNameTags.includes(4);
  if (subtree.form !== 'other') return false;
  if (subtree.tag === 0) return cert.otherNames.some((o) => o.type !== SMTP_UTF8_MAILBOX && (subtree.type === undefined || o.type === subtree.type));
  return cert.altNameTags.includes(subtree.tag);
}

function unreadText(subtree: GeneralSubtree): string {
  if (subtree.form !== 'other') return `${FORM_NAMES[4]} names`;
  if (subtree.tag === 0 && subtree.type !== undefined) return `otherName names of type ${subtree.type}`;
  return `${FORM_NAMES[subtree.tag] ?? `name form [${subtree.tag}]`} names`;
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
  const subtrees = [...constraints.permitted, ...constraints.excluded];
  const unread = subtrees.find((s) => hasUnreadNames(cert, s));
  if (unread && constraints.critical) {
    return `has critical name constraints on ${unreadText(unread)}, which this check does not evaluate, and ${who} has such names`;
  }
  const names = namesOf(cert, leaf);
  if (names === null) return `has name constraints, and ${who} has a common name with a NUL character inside it, which a client cannot check against them`;
  for (const named of names) {
    // OpenSSL's nc_email refuses a name without an @ once there is an email subtree to hold it to (X509_V_ERR_UNSUPPORTED_NAME_SYNTAX).
    if (named.form === 'email' && !named.name.includes('@') && subtrees.some((s) => s.form === 'email')) {
      return `has name constraints on email addresses, and ${who} ${namedText(named)}, which is not a mailbox (it has no @), so a client cannot check it against them`;
    }
    const excluded = constraints.excluded.find((s) => within(named, s));
    if (excluded) return `excludes ${subtreeText(excluded)} by its name constraints, and ${who} ${namedText(named)}`;
    const permitted = constraints.permitted.filter((s) => s.form === named.form);
    if (permitted.length > 0 && !permitted.some((s) => within(named, s))) {
      return `permits only names within ${permitted.map(subtreeText).join(', ')} (name constraints), and ${who} ${namedText(named)}`;
    }
  }
  return undefined;
}
