import { X509Certificate } from 'node:crypto';
import * as tls from 'node:tls';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const MAX_CHAIN = 10;

export interface TrustVerdict {
  readonly trusted: boolean;
  /** Why not, as a clause naming the certificate that could not be chained. */
  readonly reason?: string;
}

/** Reads the certificates in a PEM (one or more blocks) or DER file; returns a problem instead of throwing. */
export function readCertificates(bytes: Buffer): { certificates: X509Certificate[] } | { problem: string } {
  const text = bytes.toString('latin1');
  const blocks = text.match(PEM_BLOCK);
  try {
    if (blocks) return { certificates: blocks.map((b) => new X509Certificate(b)) };
    return { certificates: [new X509Certificate(bytes)] };
  } catch (error) {
    return { problem: `it holds no readable certificate (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Node's bundled roots plus the system store where this Node can read it, and the configured CAs. */
export class TrustStore {
  private bySubject: Map<string, X509Certificate[]> | undefined;

  constructor(private readonly extra: readonly X509Certificate[] = [], private readonly includeSystem = true) {}

  private index(): Map<string, X509Certificate[]> {
    if (this.bySubject) return this.bySubject;
    const map = new Map<string, X509Certificate[]>();
    const add = (c: X509Certificate): void => void (map.get(c.subject) ?? map.set(c.subject, []).get(c.subject)!).push(c);
    if (this.includeSystem) {
      const getCa = (tls as { getCACertificates?: (kind: string) => string[] }).getCACertificates;
      const pems = new Set<string>([...tls.rootCertificates, ...(getCa ? safe(() => getCa('system')) : [])]);
      for (const pem of pems) {
        try {
          add(new X509Certificate(pem));
        } catch {
          // A root this Node cannot read cannot anchor a chain either.
        }
      }
    }
    for (const c of this.extra) add(c);
    return (this.bySubject = map);
  }

  private extraOnly(): Map<string, X509Certificate[]> {
    const map = new Map<string, X509Certificate[]>();
    for (const c of this.extra) (map.get(c.subject) ?? map.set(c.subject, []).get(c.subject)!).push(c);
    return map;
  }

  /** Only the configured CAs, without reading the system roots: for when OpenSSL already found no chain to them. */
  withoutSystem(): TrustStore {
    const store = new TrustStore(this.extra, false);
    store.bySubject = this.extraOnly();
    return store;
  }

  issuersOf(cert: X509Certificate): X509Certificate[] {
    return (this.index().get(cert.issuer) ?? []).filter((a) => issued(a, cert));
  }

  contains(cert: X509Certificate): boolean {
    return (this.index().get(cert.subject) ?? []).some((a) => a.fingerprint256 === cert.fingerprint256);
  }
}

/**
 * OpenSSL's errors that mean "no chain to Node's default roots": then only the configured CAs can
 * anchor one, and the system roots need not be read. Other errors (expiry, purpose) do not say that.
 */
export const NO_CHAIN_TO_DEFAULT_ROOTS: ReadonlySet<string> = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
]);

function safe(read: () => string[]): string[] {
  try {
    return read();
  } catch {
    return [];
  }
}

function issued(issuer: X509Certificate, cert: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function firstLine(name: string): string {
  return name.split('\n').reverse().join(', ');
}

/**
 * Builds a chain from the leaf through the certificates the server sent to an anchor of the store.
 * Extended key usage is judged separately (Windows accepts Remote Desktop Authentication, which
 * Node's own verification rejects), so it is not part of this check.
 */
export function verifyChain(chain: readonly Buffer[], store: TrustStore): TrustVerdict {
  let certs: X509Certificate[];
  try {
    certs = chain.slice(0, MAX_CHAIN).map((der) => new X509Certificate(der));
  } catch {
    return { trusted: false, reason: 'the certificate cannot be read' };
  }
  const [leaf, ...intermediates] = certs;
  if (!leaf) return { trusted: false, reason: 'the server sent no certificate' };
  let current = leaf;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    if (store.contains(current) || store.issuersOf(current).length > 0) return { trusted: true };
    const next = intermediates.find((c) => c !== current && issued(c, current));
    if (!next) {
      const selfIssued = current.subject === current.issuer;
      return {
        trusted: false,
        reason: selfIssued
          ? `${firstLine(current.subject)} is not among the trusted roots`
          : `its issuer ${firstLine(current.issuer)} is not among the trusted roots`,
      };
    }
    current = next;
  }
  return { trusted: false, reason: 'the chain is too long' };
}
