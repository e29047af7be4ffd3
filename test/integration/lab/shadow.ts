import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, GroupProcess, waitForPort } from './processes';

/**
 * FreeRDP's shadow server requiring NLA (`/sec:nla`, or the security `sec` forces, or the switches it lists, such as
 * `['+sec-rdp', '-sec-tls', '+sec-nla']`) on a private Xvfb display (test-lab.md).
 */
export class ShadowServer {
  private constructor(readonly port: number, private readonly xvfb: GroupProcess, private readonly shadow: GroupProcess) {}

  static async start(dir: string, cert: { cert: string; key: string }, sec: 'nla' | 'tls' | readonly string[] = 'nla'): Promise<ShadowServer> {
    const display = freeDisplay();
    const xvfb = new GroupProcess('Xvfb', [display, '-screen', '0', '800x600x24', '-nolisten', 'tcp']);
    const config = join(dir, '.config');
    const shadowDir = join(config, 'freerdp', 'shadow');
    mkdirSync(shadowDir, { recursive: true });
    copyFileSync(cert.cert, join(shadowDir, 'shadow.crt'));
    copyFileSync(cert.key, join(shadowDir, 'shadow.key'));
    const sam = join(dir, 'sam');
    execFileSync('sh', ['-c', `winpr-hash -u probe -p 'Probe-Pass1' -f sam > '${sam}'`]);
    // Xvfb needs a moment before clients can open the display; the shadow server retries nothing.
    await waitForDisplay(display, () => xvfb.running);
    // On a busy machine the shadow server sometimes reads the display too early ("unsupported X11 server
    // color depth: 0") and exits: start it again, a few times.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const shadow = new GroupProcess(
        'freerdp-shadow-cli',
        ['/bind-address:127.0.0.1', `/port:${port}`, ...(typeof sec === 'string' ? [`/sec:${sec}`] : sec), `/sam-file:${sam}`],
        { env: { ...process.env, DISPLAY: display, HOME: dir, XDG_CONFIG_HOME: config } },
      );
      const server = new ShadowServer(port, xvfb, shadow);
      try {
        await waitForPort(port, 10_000, () => shadow.running);
        return server;
      } catch (error) {
        if (attempt < 6 && !shadow.running && xvfb.running) {
          await shadow.stop();
          await new Promise((r) => setTimeout(r, attempt * 500));
          continue;
        }
        await server.stop();
        throw error;
      }
    }
  }

  async stop(): Promise<void> {
    await this.shadow.stop();
    await this.xvfb.stop();
  }
}

/** A display number with neither a socket nor a lock file: not in use by another Xvfb on this machine. */
export function freeDisplay(): string {
  for (;;) {
    const n = 100 + Math.floor(Math.random() * 800);
    if (!existsSync(`/tmp/.X11-unix/X${n}`) && !existsSync(`/tmp/.X${n}-lock`)) return `:${n}`;
  }
}

export async function waitForDisplay(display: string, alive: () => boolean): Promise<void> {
  const socket = `/tmp/.X11-unix/X${display.slice(1)}`;
  const { existsSync } = await import('node:fs');
  const end = Date.now() + 5000;
  while (!existsSync(socket)) {
    if (!alive()) throw new Error(`Xvfb ${display} exited`);
    if (Date.now() > end) throw new Error(`Xvfb ${display} did not start`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
