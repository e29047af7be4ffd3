import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, GroupProcess, waitForPort } from './processes';

export interface WestonSetup {
  /** TLS certificate and key (PEM); weston then offers TLS. */
  readonly cert: string;
  readonly key: string;
  /** An RSA key for Standard RDP Security ("RDP4"); without it weston refuses PROTOCOL_RDP. */
  readonly rdp4Key?: string;
}

/** Writes an RSA key in the traditional PEM form FreeRDP 2 reads for `--rdp4-key`. */
export function generateRdp4Key(dir: string): string {
  const path = join(dir, 'rdp4.key');
  execFileSync('openssl', ['genrsa', '-traditional', '-out', path, '2048'], { stdio: 'ignore' });
  return path;
}

/**
 * weston's RDP backend (FreeRDP 2 as a server library) on 127.0.0.1 and a free port: a third real
 * implementation beside xrdp and FreeRDP's shadow server. It needs no display, only XDG_RUNTIME_DIR
 * for its own Wayland socket; `--no-config` keeps the user's weston.ini out.
 */
export class WestonServer {
  private constructor(readonly port: number, readonly log: string, private readonly process: GroupProcess) {}

  static async start(dir: string, setup: WestonSetup): Promise<WestonServer> {
    const runtime = mkdtempSync(join(dir, 'xdg-')); // mode 0700, as XDG_RUNTIME_DIR must be
    const port = await freePort();
    const log = join(dir, `weston-${port}.log`);
    const args = [
      '--backend=rdp-backend.so',
      '--no-config',
      // The desktop shell's helper clients quit weston after a client's session ends; the fullscreen shell has none.
      '--shell=fullscreen-shell.so',
      '--address=127.0.0.1',
      `--port=${port}`,
      `--socket=rdp-doctor-${port}`,
      `--log=${log}`,
      `--rdp-tls-cert=${setup.cert}`,
      `--rdp-tls-key=${setup.key}`,
      ...(setup.rdp4Key ? [`--rdp4-key=${setup.rdp4Key}`] : []),
    ];
    const weston = new GroupProcess('weston', args, { env: { ...process.env, XDG_RUNTIME_DIR: runtime } });
    const server = new WestonServer(port, log, weston);
    try {
      // Loading the RDP backend takes seconds on a busy machine.
      await waitForPort(port, 30_000, () => weston.running);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  async stop(): Promise<void> {
    await this.process.stop();
  }
}
