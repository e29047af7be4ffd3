import { X509Certificate } from 'node:crypto';
import { fingerprint } from './certificate';
import { EMPTY_SUBJECT, subjectLabel } from './certificate-label';
import { criticalProblem, windowsOnlyCritical } from './critical-extensions';
import { nameConstraintProblem } from './name-constraints';
import { EKU } from './oids';
import type { TrustStore } from './trust-store';
import { readX509Fields, type X509Fields } from './x509-fields';
import { workCounts } from '../work-counts';
import { formatName, sameName } from './x509-names';

/** The longest path the search follows, leaf included (the anchor not): a longer one is said to be longer, not missing. */
const MAX_CHAIN = 10;
/** Links a path search may check: certificates that all verify one another would otherwise give factorially many paths. */
const MAX_LINK_CHECKS = 200;

export interface TrustVerdict {
  readonly trusted: boolean;
  /** Why not, as a clause naming the certificate that could not be chained. */
  readonly reason?: string;
  /** Not trusted for a fault of the leaf itself (a critical extension it does not recognize), not of a chain. */
  readonly leafInvalid?: boolean;
  /** A trusted path with a CA whose extended key usage allows no use the listener's certificate is for (NET024). */
  readonly caUsage?: { readonly ca: string; readonly extendedKeyUsage: readonly string[] };
  /**
   * A certificate of the path (of the leaf alone when there is none) marks critical a Microsoft extension Windows
   * processes and OpenSSL does not know, so FreeRDP-based clients reject it: a clause naming the certificate and the
   * extension (`it marks Microsoft's Application Policies extension (1.3.6.1.4.1.311.21.10) critical`).
   */
  readonly freeRdpRejects?: string;
}

/** The ASN.1 fields of each certificate, read once (null: unreadable, so it can issue nothing). */
const fieldsCache = new WeakMap<X509Certificate, X509Fields | null>();

function fieldsOf(cert: X509Certificate): X509Fields | null {
  if (!fieldsCache.has(cert)) {
    let fields: X509Fields | null = null;
    try {
      fields = readX509Fields(cert.raw);
    } catch {
      // Left null: a certificate that cannot be read cannot be part of a trusted path.
    }
    fieldsCache.set(cert, fields);
  }
  return fieldsCache.get(cert)!;
}

/** The certificates servers sent, parsed once per process by SHA-256 (a batch behind one chain parses it once; their fields are then read once too). */
const MAX_PARSED = 256;
const parsed = new Map<string, X509Certificate>();

function parse(der: Buffer): X509Certificate {
  const key = fingerprint(der, 'sha256');
  let cert = parsed.get(key);
  if (!cert) {
    cert = new X509Certificate(der);
    if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, cert);
  }
  return cert;
}

function issued(issuer: X509Certificate, cert: X509Certificate): boolean {
  try {
    return cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function nameOf(cert: X509Certificate, which: 'subject' | 'issuer'): string {
  const fields = fieldsOf(cert);
  const name = fields ? formatName(fields[which]) : cert[which].split('\n').reverse().join(', ');
  if (which === 'issuer') return name || '(empty issuer)';
  return fields ? subjectLabel({ ...fields, subject: name }) : name || EMPTY_SUBJECT;
}

function selfIssued(fields: X509Fields): boolean {
  return sameName(fields.subject, fields.issuer);
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The first certificate of `certs` (leaf first) with a critical extension only Windows processes, as a clause. */
function freeRdpRejects(certs: readonly X509Certificate[]): { freeRdpRejects?: string } {
  for (const [i, cert] of certs.entries()) {
    const fields = fieldsOf(cert);
    const windowsOnly = fields ? windowsOnlyCritical(fields) : undefined;
    if (windowsOnly === undefined) continue;
    const who = i === 0 ? 'it' : `the CA ${nameOf(cert, 'subject')}`;
    return { freeRdpRejects: `${who} marks Microsoft's ${windowsOnly.name} extension (${windowsOnly.oid}) critical` };
  }
  return {};
}

/**
 * Whether a CA's extended key usage, when it has one, allows the listener's: Server Authentication, Remote Desktop
 * Authentication or any purpose. Windows takes a usage as valid for a certificate only "if EKU A and EKU B are supported
 * by every certificate in the path (either by an explicit EKU setting or through an absent EKU extension in CA
 * certificates)" (Microsoft Learn, CERT_USAGE_MATCH); OpenSSL's server purpose checks a CA's too (check_ssl_ca).
 */
function caAllowsListenerUsage(f: X509Fields): boolean {
  return f.extendedKeyUsage === null || f.extendedKeyUsage.some((oid) => oid === EKU.SERVER_AUTH || oid === EKU.REMOTE_DESKTOP_AUTH || oid === EKU.ANY);
}

/**
 * Why `issuer` cannot sign the next link of the path (RFC 5280 §6.1.3–6.1.4), or undefined when it can.
 * `below` is the path from the leaf up to the certificate it would sign.
 */
function linkProblem(issuer: X509Certificate, below: readonly X509Certificate[], now: Date): string | undefined {
  const child = below[below.length - 1]!;
  const f = fieldsOf(issuer);
  const name = nameOf(issuer, 'subject');
  if (!f) return `${name} cannot be read`;
  if (!issued(issuer, child)) return `the signature of ${nameOf(child, 'subject')} does not verify with the key of ${name}`;
  // NOTE: an X.509 v1 self-signed root has no extensions at all; OpenSSL and Windows accept it as a CA.
  const legacyRoot = f.version === 1 && f.basicConstraints === null && selfIssued(f);
  if (!legacyRoot && f.basicConstraints?.cA !== true) return `${name} is not a CA (its basic constraints do not set cA)`;
  if (f.keyUsage && !f.keyUsage.keyCertSign) return `the key usage of ${name} does not allow signing certificates (keyCertSign)`;
  const pathLen = f.basicConstraints?.pathLen;
  if (pathLen !== null && pathLen !== undefined) {
    // Intermediate CAs between this issuer and the leaf; self-issued ones do not count (RFC 5280 §4.2.1.9).
    const intermediates = below.slice(1).filter((c) => {
      const cf = fieldsOf(c);
      return !cf || !selfIssued(cf);
    }).length;
    if (intermediates > pathLen) return `${name} allows ${pathLen} intermediate CA${pathLen === 1 ? '' : 's'} below it (pathLenConstraint), the chain has ${intermediates}`;
  }
  const critical = criticalProblem(f);
  if (critical) return `the CA ${name} ${critical}`;
  if (f.nameConstraints) {
    // Every certificate below, the trust anchor's constraints included (as OpenSSL applies them); self-issued CAs other than the leaf are exempt (RFC 5280 §6.1.3 (b)).
    for (const [i, c] of below.entries()) {
      const cf = fieldsOf(c);
      if (!cf || (i > 0 && selfIssued(cf))) continue;
      const problem = nameConstraintProblem(f.nameConstraints, cf, i === 0);
      if (problem) return `${name} ${problem}`;
    }
  }
  if (f.notAfter.getTime() < now.getTime()) return `the issuing CA ${name} expired on ${day(f.notAfter)}`;
  if (f.notBefore.getTime() > now.getTime()) return `the issuing CA ${name} is not valid before ${day(f.notBefore)}`;
  return undefined;
}

export interface VerifyOptions {
  /** The time the path must be valid at; the leaf's own dates are judged elsewhere (NET020/NET021). */
  readonly now?: Date;
}

/**
 * Builds a path from the leaf through the certificates the server sent to an anchor of the store,
 * per RFC 5280 §6: every signature verifies, every issuer is a CA (cA set, pathLenConstraint
 * respected, keyCertSign when Key Usage is present) within its validity, the names below every CA
 * are within its name constraints, and no certificate has a critical extension this check does not
 * recognize. Every candidate issuer is tried, so a cross-signed CA leads to whichever trusted root it
 * can. Extended key usage is judged apart from trust (Windows accepts Remote Desktop Authentication,
 * which Node's own verification rejects): a path whose CAs all allow the listener's usage is
 * preferred, and one where a CA does not is still trusted, with that CA in `caUsage`.
 */
export function verifyChain(chain: readonly Buffer[], store: TrustStore, options: VerifyOptions = {}): TrustVerdict {
  const now = options.now ?? new Date();
  let sent: X509Certificate[];
  try {
    // A certificate sent twice stays two links, as the path search has always seen it.
    const seen = new Set<X509Certificate>();
    sent = chain.map((der) => {
      const cert = parse(der);
      if (seen.has(cert)) return new X509Certificate(der);
      seen.add(cert);
      return cert;
    });
  } catch {
    return { trusted: false, reason: 'the certificate cannot be read' };
  }
  const leaf = sent[0];
  if (!leaf) return { trusted: false, reason: 'the server sent no certificate' };
  const leafFields = fieldsOf(leaf);
  const leafCritical = leafFields && criticalProblem(leafFields);
  if (leafCritical) return { trusted: false, reason: `it ${leafCritical}`, leafInvalid: true };
  // A leaf that is itself a configured anchor (a pinned self-signed certificate) is trusted as it is.
  if (store.contains(leaf)) return { trusted: true, ...freeRdpRejects([leaf]) };
  const strict = searchPath(leaf, sent, store, now, true);
  if (strict.path) return { trusted: true, ...freeRdpRejects(strict.path) };
  if (!strict.usageFailed) return { trusted: false, reason: strict.reason, ...freeRdpRejects([leaf]) };
  // Only a CA's extended key usage stood in the way: the path is trusted, and NET024 says which CA restricts it.
  const loose = searchPath(leaf, sent, store, now, false);
  if (!loose.path) return { trusted: false, reason: loose.reason, ...freeRdpRejects([leaf]) };
  const ca = loose.path.slice(1).find((c) => !caAllowsListenerUsage(fieldsOf(c)!));
  const rejects = freeRdpRejects(loose.path);
  return ca ? { trusted: true, caUsage: { ca: nameOf(ca, 'subject'), extendedKeyUsage: fieldsOf(ca)!.extendedKeyUsage! }, ...rejects } : { trusted: true, ...rejects };
}

interface PathSearch {
  /** The path from the leaf to its anchor, when one was found. */
  readonly path?: readonly X509Certificate[];
  readonly reason: string;
  /** A CA's extended key usage failed a link (only when the search requires the listener's usage). */
  readonly usageFailed: boolean;
}

/** The depth-first search of `verifyChain`; with `usage`, every CA must also allow the listener's extended key usage. */
function searchPath(leaf: X509Certificate, sent: readonly X509Certificate[], store: TrustStore, now: Date, usage: boolean): PathSearch {
  let best: { depth: number; reason: string } | undefined;
  let checks = 0;
  let usageFailed = false;
  // Read once: a server may send hundreds of certificates, and each subject is formatted anew when asked.
  const subjects = new Map(sent.map((c) => [c, c.subject]));
  const check = (issuer: X509Certificate, path: readonly X509Certificate[]): string | undefined => {
    if (++checks > MAX_LINK_CHECKS) return 'the certificates the server sent allow too many paths to try';
    workCounts.linkChecks++;
    const problem = linkProblem(issuer, path, now);
    if (problem || !usage || caAllowsListenerUsage(fieldsOf(issuer)!)) return problem;
    usageFailed = true;
    return `the extended key usage of ${nameOf(issuer, 'subject')} allows neither Server Authentication nor Remote Desktop Authentication`;
  };
  const fail = (depth: number, reason: string): undefined => {
    if (!best || depth > best.depth) best = { depth, reason };
    return undefined;
  };
  const extend = (path: X509Certificate[]): X509Certificate[] | undefined => {
    const current = path[path.length - 1]!;
    if (path.length > MAX_CHAIN) {
      const last = path[MAX_CHAIN - 1]!;
      return fail(path.length, `the chain is longer than ${MAX_CHAIN} certificates, and RDP Doctor follows it no further than ${nameOf(last, 'subject')} (the server did send its issuer ${nameOf(last, 'issuer')})`);
    }
    if (checks > MAX_LINK_CHECKS) return undefined;
    const currentFields = fieldsOf(current);
    const anchors = store.issuersNamed(current.issuer);
    const others = sent.filter((c) => !path.includes(c) && subjects.get(c) === current.issuer && !anchors.some((a) => a.fingerprint256 === c.fingerprint256));
    if (anchors.length + others.length === 0) {
      const selfSigned = currentFields && selfIssued(currentFields) && issued(current, current);
      // The issuer was sent but is already on the path: the sent certificates certify each other in a circle
      // (CryptoAPI's CERT_TRUST_IS_CYCLIC, "issued by a certification authority that the original certificate had
      // certified", learn.microsoft.com wincrypt CERT_TRUST_STATUS), which reaches no root.
      const circle = !selfSigned && path.slice(0, -1).some((c) => subjects.get(c) === current.issuer);
      return fail(
        path.length,
        selfSigned
          ? `${nameOf(current, 'subject')} is not among the trusted roots`
          : circle
            ? `the certificates the server sent go round in a circle (${nameOf(current, 'subject')} is issued by ${nameOf(current, 'issuer')}, which comes before it in the chain) and reach no trusted root: the server sends a wrong chain, or its CA is a root this check does not trust (an enterprise CA the clients trust can be given with --ca)`
            : `its issuer ${nameOf(current, 'issuer')} is not among the trusted roots, and the server sent no certificate of that name: that CA is a root this check does not trust (an enterprise CA the clients trust can be given with --ca), or the server left an intermediate out`,
      );
    }
    for (const anchor of anchors) {
      const problem = check(anchor, path);
      if (!problem) return [...path, anchor];
      fail(path.length, problem);
    }
    for (const next of others) {
      const problem = check(next, path);
      if (problem) fail(path.length, problem);
      else {
        const found = extend([...path, next]);
        if (found) return found;
      }
    }
    return undefined;
  };
  const path = extend([leaf]);
  return { ...(path && { path }), reason: best?.reason ?? 'no chain was found', usageFailed };
}
