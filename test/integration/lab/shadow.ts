import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, GroupProcess, waitForPort } from './processes';
import { startXvfb } from './xvfb';

/**
 * FreeRDP's shadow server requiring NLA (`/sec:nla`, or the security `sec` forces, or the switches it lists, such as
 * `['+sec-rdp', '-sec-tls', '+sec-nla']`) on a private Xvfb display (test-lab.md).
 */
export class ShadowServer {
  private constructor(readonly port: number, private readonly xvfb: GroupProcess, private readonly shadow: GroupProcess) {}

  static async start(dir: string, cert: { cert: string; key: string }, sec: 'nla' | 'tls' | readonly string[] = 'nla'): Promise<ShadowServer> {
    const { process: xvfb, display } = await startXvfb();
    const config = join(dir, '.config');
    const shadowDir = join(config, 'freerdp', 'shadow');
    mkdirSync(shadowDir, { recursive: true });
    copyFileSync(cert.cert, join(shadowDir, 'shadow.crt'));
    copyFileSync(cert.key, join(shadowDir, 'shadow.key'));
    const sam = join(dir, 'sam');
    execFileSync('sh', ['-c', `winpr-hash -u probe -p 'Probe-Pass1' -f sam > '${sam}'`]);
    // The shadow server exits when it cannot open the display ("unsupported X11 server color depth: 0"): that was the
    // X server resetting as its last client left (startXvfb now passes -noreset); it is still started again a few times.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const shadow = new GroupProcess(
        'freerdp-shadow-cli',
        ['/bind-address:127.0.0.1', `/port:${port}`, ...(typeof sec === 'string' ? [`/sec:${sec}`] : sec), `/sam-file:${sam}`],
        { env: { ...process.env, DISPLAY: display, HOME: dir, XDG_CONFIG_HOME: config }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      // What it printed, for the error when it never listens (its last 4 KB: the reason it exited is at the end).
      let printed = '';
      const keep = (chunk: Buffer): void => {
        printed = (printed + chunk.toString()).slice(-4096);
      };
      shadow.child.stdout?.on('data', keep);
      shadow.child.stderr?.on('data', keep);
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
        throw new Error(`${(error as Error).message} (attempt ${attempt}; Xvfb ${xvfb.running ? 'running' : 'exited'}); it printed:\n${printed}`);
      }
    }
  }

  async stop(): Promise<void> {
    await this.shadow.stop();
    await this.xvfb.stop();
  }
}
