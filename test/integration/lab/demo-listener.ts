// The demo's RDP listener (`npm start`): xrdp in the foreground when it is installed, else the project's own
// X.224 + TLS server, on 127.0.0.1 and a free port, with a self-signed certificate for demo-listener.localhost.
// A `.localhost` name resolves to loopback without a DNS query (RFC 6761 §6.3), so checking it never leaves the machine.
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as forge from 'node-forge';
import { startFakeRdpServer } from './fake-rdp-server';
import { missingBinaries } from './processes';
import { XrdpServer } from './xrdp';

export const DEMO_LISTENER_NAME = 'demo-listener.localhost';

export interface DemoListener {
  /** Which server answers: xrdp, or the project's own test server. */
  readonly kind: 'xrdp' | 'node';
  readonly name: string;
  readonly host: '127.0.0.1';
  readonly port: number;
  /** The SHA-1 thumbprint of the certificate it presents (uppercase hex, as Windows shows it). */
  readonly sha1: string;
  /** Why the project's own server answers instead of xrdp, when it does. */
  readonly fallback?: string;
  stop(): Promise<void>;
}

/** A self-signed server certificate for the demo name (and 127.0.0.1), valid for a year; the key is made by Node, the certificate by node-forge. */
export function demoCertificate(dir: string): { cert: string; key: string; sha1: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000);
  const subject = [{ name: 'commonName', value: DEMO_LISTENER_NAME }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: DEMO_LISTENER_NAME }, { type: 7, ip: '127.0.0.1' }] },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  const pem = forge.pki.certificateToPem(cert);
  const paths = { cert: join(dir, 'demo-listener.pem'), key: join(dir, 'demo-listener.key') };
  writeFileSync(paths.cert, pem);
  writeFileSync(paths.key, privateKey, { mode: 0o600 });
  return { ...paths, sha1: new X509Certificate(pem).fingerprint.replace(/:/g, '').toUpperCase() };
}

/**
 * Starts the demo listener with its files in `dir`: xrdp (security layer "negotiate", as it ships) unless `prefer`
 * is 'node' or xrdp is missing or fails to start, then the project's own server answering the same way.
 */
export async function startDemoListener(dir: string, { prefer = 'xrdp' }: { prefer?: 'xrdp' | 'node' } = {}): Promise<DemoListener> {
  const certificate = demoCertificate(dir);
  const base = { name: DEMO_LISTENER_NAME, host: '127.0.0.1' as const, sha1: certificate.sha1 };
  let fallback: string | undefined;
  if (prefer === 'xrdp') {
    if (missingBinaries(['xrdp']).length > 0) fallback = 'xrdp is not installed';
    else {
      try {
        const xrdp = await XrdpServer.start(dir, { securityLayer: 'negotiate', cert: certificate.cert, key: certificate.key });
        return { ...base, kind: 'xrdp', port: xrdp.port, stop: () => xrdp.stop() };
      } catch (error) {
        fallback = `xrdp did not start (${error instanceof Error ? error.message : String(error)})`;
      }
    }
  }
  const server = await startFakeRdpServer({ mode: 'negotiate', cert: readFileSync(certificate.cert), key: readFileSync(certificate.key) });
  return { ...base, kind: 'node', port: server.port, ...(fallback !== undefined && { fallback }), stop: () => server.close() };
}

