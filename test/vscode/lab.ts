// The real RDP server the VS Code tests check: one xrdp (TLS, a certificate from a test CA) on 127.0.0.1 and a
// random port, and a counting listener for the Restricted Mode test. Bundled to out/test/vscode/lab.js; run.mjs starts it.
import { createServer, type Server } from 'node:net';
import { generateCertificates } from '../integration/lab/certs';
import { freePort, missingBinaries } from '../integration/lab/processes';
import { XrdpServer } from '../integration/lab/xrdp';

export interface Lab {
  readonly xrdpPort: number;
  /** The SHA-1 thumbprint of the certificate xrdp presents (uppercase hex, as openssl prints it). */
  readonly sha1: string;
  stop(): Promise<void>;
}

export async function startLab(dir: string): Promise<Lab> {
  const missing = missingBinaries(['xrdp', 'openssl']);
  if (missing.length > 0) throw new Error(`The VS Code tests need ${missing.join(' and ')} for the lab server (.ci/run installs them).`);
  const { cases } = generateCertificates(dir, ['valid']);
  const valid = cases.valid!;
  const xrdp = await XrdpServer.start(dir, { securityLayer: 'tls', cert: valid.cert, key: valid.key });
  return { xrdpPort: xrdp.port, sha1: valid.sha1, stop: () => xrdp.stop() };
}

/** A TCP listener on 127.0.0.1 that counts connections and closes them (nothing may connect in Restricted Mode). */
export async function startCountingListener(): Promise<{ port: number; count(): number; stop(): Promise<void> }> {
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { port, count: () => connections, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
