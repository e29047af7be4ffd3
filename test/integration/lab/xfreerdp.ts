import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GroupProcess } from './processes';
import { freeDisplay, waitForDisplay } from './shadow';

/**
 * FreeRDP's own verdict on a listener, as the independent tool to agree with: `xfreerdp /sec:tls +auth-only`
 * on a private Xvfb display, its non-debug log lines returned (test-lab.md).
 */
export async function xfreerdpTls(port: number, timeoutMs = 15_000): Promise<string> {
  const display = freeDisplay();
  const home = mkdtempSync(join(tmpdir(), 'rdp-doctor-xfreerdp-'));
  const xvfb = new GroupProcess('Xvfb', [display, '-screen', '0', '800x600x24', '-nolisten', 'tcp']);
  try {
    await waitForDisplay(display, () => xvfb.running);
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
