// The real RDP server the VS Code tests check: one xrdp (TLS, a certificate from a test CA) on 127.0.0.1 and a
// random port, and a counting listener for the Restricted Mode test. Bundled to out/test/vscode/lab.js; run.mjs starts it.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { generateCertificates } from '../integration/lab/certs';
import { freePort, missingBinaries } from '../integration/lab/processes';
import { XrdpServer } from '../integration/lab/xrdp';

export interface Lab {
  readonly xrdpPort: number;
  /** The SHA-1 thumbprint of the certificate xrdp presents (uppercase hex, as openssl prints it). */
  readonly sha1: string;
  /** The test CA that issued it (PEM): a config that trusts it makes NET022 go away. */
  readonly caPem: string;
  stop(): Promise<void>;
}

export async function startLab(dir: string): Promise<Lab> {
  const missing = missingBinaries(['xrdp', 'openssl']);
  if (missing.length > 0) throw new Error(`The VS Code tests need ${missing.join(' and ')} for the lab server (.ci/run installs them).`);
  const { cases, caPem } = generateCertificates(dir, ['valid']);
  const valid = cases.valid!;
  const xrdp = await XrdpServer.start(dir, { securityLayer: 'tls', cert: valid.cert, key: valid.key });
  return { xrdpPort: xrdp.port, sha1: valid.sha1, caPem, stop: () => xrdp.stop() };
}

/** Puts a `.rdp` file and a `Lab` inventory group that point at the lab server into a copy of the fixture workspace. */
export function writeLabWorkspace(folder: string, lab: Pick<Lab, 'xrdpPort'>): void {
  mkdirSync(join(folder, 'lab'), { recursive: true });
  writeFileSync(join(folder, 'lab', 'lab-server.rdp'), `full address:s:127.0.0.1:${lab.xrdpPort}\r\nprompt for credentials:i:1\r\nauthentication level:i:2\r\n`);
  appendFileSync(join(folder, '.rdpdoctor.yaml'), `hosts:\n  - group: Lab\n    hosts:\n      - { host: 127.0.0.1, port: ${lab.xrdpPort} }\n`);
}

/**
 * A multi-root workspace (`multi-root.code-workspace`, folders `a` and `b`) whose folders differ in what applies to the
 * lab host and to a file: `b`'s config trusts the lab CA and turns NET011 off, `a`'s settings turn NET011 off, and
 * `b/sub` has a config of its own (RDP022 off). Returns the workspace file.
 */
export function writeMultiRootWorkspace(dir: string, lab: Pick<Lab, 'xrdpPort' | 'caPem'>): string {
  const rdp = (extra = ''): string => `full address:s:127.0.0.1:${lab.xrdpPort}\r\nprompt for credentials:i:1\r\n${extra}`;
  for (const folder of ['a/.vscode', 'b/sub']) mkdirSync(join(dir, folder), { recursive: true });
  writeFileSync(join(dir, 'a', '.rdpdoctor.yaml'), 'rules:\n  RDP013: warning\n');
  writeFileSync(join(dir, 'a', '.vscode', 'settings.json'), JSON.stringify({ 'rdpDoctor.rules': { NET011: 'off' } }));
  writeFileSync(join(dir, 'a', 'lab-a.rdp'), rdp('authentication level:i:2\r\n'));
  writeFileSync(join(dir, 'b', 'lab-ca.pem'), lab.caPem);
  writeFileSync(join(dir, 'b', '.rdpdoctor.yaml'), 'trust:\n  ca: [lab-ca.pem]\nrules:\n  NET011: off\n');
  writeFileSync(join(dir, 'b', 'lab.rdp'), rdp('authentication level:i:2\r\n'));
  writeFileSync(join(dir, 'b', 'auth0.rdp'), rdp('authentication level:i:0\r\n'));
  writeFileSync(join(dir, 'b', 'sub', '.rdpdoctor.yaml'), 'rules:\n  RDP022: off\n');
  writeFileSync(join(dir, 'b', 'sub', 'nested.rdp'), rdp('authentication level:i:0\r\n'));
  const file = join(dir, 'multi-root.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: [{ path: 'a' }, { path: 'b' }], settings: {} }, null, 2));
  return file;
}

/** What the extension-host tests read to find the lab. */
export function labEnv(lab: Lab): Record<string, string> {
  return { RDP_DOCTOR_LAB_PORT: String(lab.xrdpPort), RDP_DOCTOR_LAB_SHA1: lab.sha1 };
}

/** A TCP listener on 127.0.0.1 that counts connections and closes them, after `closeAfterMs` (nothing may connect in Restricted Mode). */
export async function startCountingListener(closeAfterMs = 0): Promise<{ port: number; count(): number; stop(): Promise<void> }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    connections += 1;
    if (closeAfterMs === 0) return void socket.destroy();
    // A host that takes its time (`closeAfterMs`): a check's step cut shorter than that says "timed out" instead.
    sockets.add(socket);
    socket.on('error', () => undefined);
    setTimeout(() => {
      sockets.delete(socket);
      socket.destroy();
    }, closeAfterMs);
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port,
    count: () => connections,
    stop: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
