import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GroupProcess } from './processes';
import { startXvfb } from './xvfb';

export interface XfreerdpResult {
  /** "RDP", "TLS", "NLA" … from `Negotiated … security`, or null when negotiation failed. */
  readonly negotiated: string | null;
  /** FreeRDP's name of the Standard RDP Security method: NONE, 40BIT, 56BIT, 128BIT or FIPS. */
  readonly rdpEncryptionMethod: string | null;
  readonly output: string;
}

/**
 * FreeRDP's client as an independent referee (test-lab.md): `xfreerdp /sec:… /cert:ignore +auth-only`
 * against 127.0.0.1, with its DEBUG log read for what it negotiated. It needs an X display: a private
 * Xvfb that picks a free display number itself (`startXvfb`).
 */
export class XfreerdpClient {
  private constructor(private readonly xvfb: GroupProcess, readonly display: string, private readonly home: string) {}

  static async start(home: string): Promise<XfreerdpClient> {
    const { process, display } = await startXvfb();
    return new XfreerdpClient(process, display, home);
  }

  /**
   * One connection attempt; user and password are dummies for servers that never check them. `via`: a command line
   * that runs xfreerdp elsewhere (`GrdServer.command`, in a network namespace).
   */
  run(port: number, sec: 'rdp' | 'tls' | 'nla', options: { user?: string; password?: string; via?: (argv: string[]) => string[] } = {}): Promise<XfreerdpResult> {
    const args = [`/v:127.0.0.1:${port}`, `/sec:${sec}`, '/cert:ignore', '+auth-only', `/u:${options.user ?? 'probe'}`, `/p:${options.password ?? 'probe'}`, '/log-level:DEBUG'];
    const [file, ...rest] = options.via ? options.via(['xfreerdp', ...args]) : ['xfreerdp', ...args];
    return new Promise((resolve) => {
      execFile(file!, rest, { env: { ...process.env, DISPLAY: this.display, HOME: this.home }, timeout: 20_000, maxBuffer: 16 << 20 }, (_error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        resolve({
          negotiated: /Negotiated (\w+) security/.exec(output)?.[1] ?? null,
          rdpEncryptionMethod: /Server rdp encryption method: (\w+)/.exec(output)?.[1] ?? null,
          output,
        });
      }).stdin?.end();
    });
  }

  async stop(): Promise<void> {
    await this.xvfb.stop();
  }
}


/**
 * FreeRDP's own verdict on a listener, as the independent tool to agree with: `xfreerdp /sec:tls +auth-only`
 * on a private Xvfb display, its non-debug log lines returned (test-lab.md).
 */
export async function xfreerdpTls(port: number, timeoutMs = 15_000): Promise<string> {
  const { process: xvfb, display } = await startXvfb();
  const home = mkdtempSync(join(tmpdir(), 'rdp-doctor-xfreerdp-'));
  try {
    return await new Promise<string>((resolve) => {
      const child = spawn('xfreerdp', [`/v:127.0.0.1:${port}`, '/sec:tls', '/cert:ignore', '+auth-only', '/u:probe', '/p:probe'], {
        env: { ...process.env, DISPLAY: display, HOME: home, XDG_CONFIG_HOME: join(home, '.config') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('close', () => {
        clearTimeout(timer);
        resolve(out.split('\n').filter((l) => !l.includes('[DEBUG]')).join('\n'));
      });
    });
  } finally {
    await xvfb.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
