import { X509Certificate } from 'node:crypto';
import * as tls from 'node:tls';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

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

/**
 * Node's bundled roots, the operating system's store where this Node can read it (`tls.getCACertificates('system')`,
 * Node 22.15 and later; not Node 20), and the configured CAs.
 */
export class TrustStore {
  private bySubject: Map<string, X509Certificate[]> | undefined;

  constructor(
    private readonly extra: readonly X509Certificate[] = [],
    private readonly includeBundled = true,
    private readonly readSystem: () => readonly string[] = systemRoots,
  ) {}

  private index(): Map<string, X509Certificate[]> {
    if (this.bySubject) return this.bySubject;
    const map = new Map<string, X509Certificate[]>();
    const add = (c: X509Certificate): void => void (map.get(c.subject) ?? map.set(c.subject, []).get(c.subject)!).push(c);
    const pems = new Set<string>([...(this.includeBundled ? tls.rootCertificates : []), ...this.readSystem()]);
    for (const pem of pems) {
      try {
        add(new X509Certificate(pem));
      } catch {
        // A root this Node cannot read cannot anchor a chain either.
      }
    }
    for (const c of this.extra) add(c);
    return (this.bySubject = map);
  }

  /**
   * Without Node's bundled roots, for when OpenSSL's verification already found no chain to them. The system store
   * stays: OpenSSL does not read it by default (only with --use-system-ca), and an enterprise CA the clients' Windows
   * store trusts (AD CS, the usual issuer of a listener certificate) is found there or nowhere.
   */
  withoutBundled(): TrustStore {
    return new TrustStore(this.extra, false, this.readSystem);
  }

  /** The anchors whose subject is this name (node:crypto's rendering of it); the caller verifies each link. */
  issuersNamed(name: string): X509Certificate[] {
    return this.index().get(name) ?? [];
  }

  contains(cert: X509Certificate): boolean {
    return (this.index().get(cert.subject) ?? []).some((a) => a.fingerprint256 === cert.fingerprint256);
  }
}

/**
 * OpenSSL's errors that mean "no chain to Node's default roots": then only the system store and the configured CAs
 * can anchor one, and the bundled roots need not be read again. Other errors (expiry, purpose) do not say that.
 */
export const NO_CHAIN_TO_DEFAULT_ROOTS: ReadonlySet<string> = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
]);

/** The operating system's trusted roots (PEM) where this Node can read them: none before Node 22.15 (so none on 20). */
export function systemRoots(): string[] {
  const getCa = (tls as { getCACertificates?: (kind: string) => string[] }).getCACertificates;
  return getCa ? safe(() => getCa('system')) : [];
}

function safe(read: () => string[]): string[] {
  try {
    return read();
  } catch {
    return [];
  }
}
