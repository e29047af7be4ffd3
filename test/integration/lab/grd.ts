import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GroupProcess } from './processes';

/**
 * gnome-remote-desktop 43 (Debian 12's `gnome-remote-desktop`, FreeRDP 2 as a server library), GNOME's own RDP
 * server: a fourth real implementation beside xrdp, FreeRDP's shadow server and weston. What it answers (observed
 * with 43.3, and what its source says — grd-session-rdp.c `init_rdp_session`: RdpSecurity and TlsSecurity FALSE,
 * NlaSecurity TRUE, NTLM against a SAM file it writes from the credentials):
 *
 * | Request (requestedProtocols)               | Answer                                                      |
 * |--------------------------------------------|-------------------------------------------------------------|
 * | none, RDP(0), SSL(1), RDSTLS(4), 0x5, HYBRID_EX(8), 0x9, 0xC, 0x10 | RDP_NEG_FAILURE HYBRID_REQUIRED_BY_SERVER |
 * | HYBRID(2), 0x3, 0xA, SSL\|HYBRID\|HYBRID_EX (0xB), 0xF | RDP_NEG_RSP selects HYBRID (never HYBRID_EX)   |
 * | any, credentials not set                   | accepts TCP, then resets it before any Confirm ("Credentials are not set, denying client") |
 * | TLS under CredSSP                          | TLS 1.2 and 1.3 (alerts for 1.0/1.1), the certificate `grdctl rdp set-tls-cert` names |
 * | NTLM CHALLENGE                             | the machine's host name; version 6.1.7601 (FreeRDP's)       |
 *
 * - 43 generates no certificate: without `set-tls-cert`/`set-tls-key` it does not listen at all ("RDP TLS certificate
 *   and key not configured properly", grd-daemon.c `start_rdp_server`).
 * - It listens only once mutter's org.gnome.Mutter.RemoteDesktop and .ScreenCast names are on its session bus
 *   (grd-daemon.c `is_daemon_ready`), though nothing before a session uses them: a stand-in owns the two names.
 * - It binds every interface, with no option to choose (grd-rdp-server.c `g_socket_listener_add_inet_port`): it runs
 *   only in a network namespace of its own (`unshare --user --map-root-user --net`, loopback up), so nothing outside the
 *   namespace can reach it and any port is free; what talks to it runs in that namespace too (`GrdServer.command`).
 * - Its own private D-Bus session (`dbus-run-session`), XDG directories and GSettings key file; headless credentials go to
 *   `$XDG_DATA_HOME/gnome-remote-desktop/credentials.ini` when there is no TPM (grd-context.c, grd-credentials-file.c).
 * - Flaky by itself: several connections arriving together now and then get a reset, a TLS internal-error alert or
 *   garbled TLS, and after a few dozen short connections its main loop can hang for good in a session teardown
 *   (g_thread_join in grd_session_rdp_stop): every later connection is accepted by the kernel and never answered. A test
 *   starts a daemon per case and asks it little. Stopping it needs SIGKILL once it hangs (GroupProcess does so).
 * Listening ~0.4 s after start.
 */
export interface GrdSetup {
  readonly cert: string;
  readonly key: string;
  /** The NTLM user it accepts; without it the daemon refuses every client. */
  readonly credentials?: { readonly user: string; readonly password: string };
}

/** Owns the two bus names gnome-remote-desktop waits for, and nothing else. */
const MUTTER_STAND_IN = `
from gi.repository import Gio, GLib
for name in ("org.gnome.Mutter.RemoteDesktop", "org.gnome.Mutter.ScreenCast"):
    Gio.bus_own_name(Gio.BusType.SESSION, name, Gio.BusNameOwnerFlags.NONE, None, None, None)
GLib.MainLoop().run()
`;

const SETUP = `
set -e
ip link set lo up
exec dbus-run-session -- sh -c '
  set -e
  /usr/bin/python3 "$HOME/mutter-stand-in.py" &
  grdctl --headless rdp set-tls-cert "$GRD_CERT"
  grdctl --headless rdp set-tls-key "$GRD_KEY"
  if [ -n "$GRD_USER" ]; then grdctl --headless rdp set-credentials "$GRD_USER" "$GRD_PASSWORD"; fi
  grdctl --headless rdp enable
  exec env G_MESSAGES_DEBUG=all /usr/libexec/gnome-remote-desktop-daemon --headless --rdp-port "$GRD_PORT"
' >"$HOME/daemon.log" 2>&1
`;

export class GrdServer {
  /** Its port inside its own network namespace, where nothing else listens. */
  static readonly PORT = 3389;

  private constructor(readonly home: string, private readonly process: GroupProcess) {}

  get log(): string {
    return join(this.home, 'daemon.log');
  }

  static async start(dir: string, setup: GrdSetup): Promise<GrdServer> {
    const home = mkdtempSync(join(dir, 'grd-'));
    for (const sub of ['config', 'data', 'runtime']) mkdirSync(join(home, sub), { mode: 0o700 });
    writeFileSync(join(home, 'mutter-stand-in.py'), MUTTER_STAND_IN);
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_DATA_HOME: join(home, 'data'),
      XDG_RUNTIME_DIR: join(home, 'runtime'),
      GSETTINGS_BACKEND: 'keyfile',
      GRD_CERT: setup.cert,
      GRD_KEY: setup.key,
      GRD_USER: setup.credentials?.user ?? '',
      GRD_PASSWORD: setup.credentials?.password ?? '',
      GRD_PORT: String(GrdServer.PORT),
    };
    const grd = new GroupProcess('unshare', ['--user', '--map-root-user', '--net', 'sh', '-c', SETUP], { env });
    const server = new GrdServer(home, grd);
    try {
      await server.waitForListener(15_000, () => grd.running);
    } catch (error) {
      await server.stop();
      throw new Error(`${(error as Error).message}; its log: ${server.readLog().slice(-2000)}`);
    }
    return server;
  }

  /**
   * The command line that runs `argv` inside the server's network namespace (and its user namespace, so that this works
   * without root too; `--preserve-credentials`: nsenter's setgroups is refused to an unprivileged caller there).
   */
  command(argv: readonly string[]): string[] {
    return ['nsenter', `--target=${this.process.child.pid}`, '--user', '--net', '--preserve-credentials', '--', ...argv];
  }

  /** Runs `argv` in the namespace: its exit code and both streams. */
  run(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, timeoutMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const [file, ...args] = this.command(argv);
    return new Promise((resolve) => {
      const child = execFile(file!, args, { env, timeout: timeoutMs, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
      );
      child.stdin?.end();
    });
  }

  readLog(): string {
    try {
      return readFileSync(this.log, 'utf8');
    } catch {
      return '';
    }
  }

  /** Whether the namespace's TCP tables (seen through /proc/PID/net) hold a listener on the port. */
  private listening(): boolean {
    const hex = `:${GrdServer.PORT.toString(16).toUpperCase().padStart(4, '0')} `;
    return ['tcp', 'tcp6'].some((table) => {
      try {
        return readFileSync(`/proc/${this.process.child.pid}/net/${table}`, 'utf8')
          .split('\n')
          .some((line) => line.split(/\s+/)[2]?.endsWith(hex.trim()) && line.split(/\s+/)[4] === '0A');
      } catch {
        return false;
      }
    });
  }

  private async waitForListener(deadlineMs: number, alive: () => boolean): Promise<void> {
    const end = Date.now() + deadlineMs;
    while (!this.listening()) {
      if (!alive()) throw new Error('gnome-remote-desktop exited before it listened');
      if (Date.now() > end) throw new Error(`gnome-remote-desktop did not listen within ${deadlineMs} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** SIGTERM, then SIGKILL: a daemon whose main loop hung ignores SIGTERM. */
  async stop(): Promise<void> {
    await this.process.stop(500);
  }
}
