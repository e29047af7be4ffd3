import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, GroupProcess, waitForPort } from './processes';

export interface XrdpSetup {
  readonly securityLayer: 'tls' | 'negotiate' | 'rdp';
  readonly cert: string;
  readonly key: string;
  /** Lets xrdp serve 1024-bit keys, SHA-1 certificates and TLS 1.0 (Debian's OpenSSL refuses them otherwise). */
  readonly legacy?: boolean;
  readonly sslProtocols?: string;
  /** xrdp's `tls_ciphers`; one that matches nothing makes xrdp abort right after selecting TLS. */
  readonly tlsCiphers?: string;
  /** Standard RDP Security's encryption level; `high` when absent. */
  readonly cryptLevel?: 'none' | 'low' | 'medium' | 'high' | 'fips';
}

/** Whether xrdp can be run as user nobody here: it takes root to drop to another user (setpriv). */
export function canRunAsNobody(): boolean {
  return process.getuid?.() === 0;
}

/**
 * One xrdp in the foreground on 127.0.0.1 and a random port. xrdp re-reads its ini and certificate
 * on every connection, so `configure` switches cases without a restart (test-lab.md).
 */
export class XrdpServer {
  private process: GroupProcess | undefined;
  private constructor(readonly dir: string, readonly port: number) {}

  /**
   * `asNobody`: xrdp runs as user nobody (setpriv; needs root), so it cannot read /etc/xrdp/rsakeys.ini and fails
   * Standard RDP Security right after selecting it (test-lab.md); `dir` must then be readable and writable for nobody.
   */
  static async start(dir: string, setup: XrdpSetup, asNobody = false): Promise<XrdpServer> {
    const server = new XrdpServer(dir, await freePort());
    server.configure(setup);
    const xrdp = ['xrdp', '--nodaemon', '--config', join(dir, 'xrdp.ini')];
    const [command, ...args] = asNobody ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', ...xrdp] : xrdp;
    server.process = new GroupProcess(command!, args, { cwd: dir });
    await waitForPort(server.port, 5000, () => server.process!.running);
    return server;
  }

  configure(setup: XrdpSetup): void {
    const ini = [
      '[Globals]',
      'ini_version=1',
      'fork=true',
      `port=tcp://127.0.0.1:${this.port}`,
      'use_vsock=false',
      // As Debian's packaged /etc/xrdp/xrdp.ini sets them (a real xrdp runs with them): without TCP_NODELAY xrdp holds
      // its second TLS 1.3 session ticket, and the Connect Response behind it, until the client's delayed ACK (~40 ms).
      'tcp_nodelay=true',
      'tcp_keepalive=true',
      `security_layer=${setup.securityLayer}`,
      `crypt_level=${setup.cryptLevel ?? 'high'}`,
      `certificate=${setup.cert}`,
      `key_file=${setup.key}`,
      `ssl_protocols=${setup.sslProtocols ?? 'TLSv1.2, TLSv1.3'}`,
      ...(setup.tlsCiphers !== undefined ? [`tls_ciphers=${setup.tlsCiphers}`] : setup.legacy ? ['tls_ciphers=DEFAULT:@SECLEVEL=0'] : []),
      'autorun=',
      '[Logging]',
      `LogFile=${join(this.dir, 'xrdp.log')}`,
      'LogLevel=INFO',
      'EnableSyslog=false',
      'EnableConsole=false',
      '[Xorg]',
      'name=Xorg',
      'lib=libxup.so',
      'username=ask',
      'password=ask',
      'ip=127.0.0.1',
      'port=-1',
      'code=20',
      '',
    ].join('\n');
    writeFileSync(join(this.dir, 'xrdp.ini'), ini);
  }

  async stop(): Promise<void> {
    await this.process?.stop();
  }
}
