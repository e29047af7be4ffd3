import type { RuleMeta } from '../types';

export const NET004: RuleMeta = {
  id: 'NET004',
  name: 'not-rdp',
  description: 'The peer does not answer the X.224 Connection Request correctly.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['net', 'negotiation'],
};

/** The messages of NET004 findings, each a small function of the offending value. */
export const NET004_MESSAGES = {
  NET004: (reason: string) => reason,
  /** The port took the connection and said nothing: a hung Remote Desktop Services looks the same as another service. */
  NET004Silent: (timeoutMs: number, port: number) =>
    `The server accepted the connection but sent no Connection Confirm within ${timeoutMs} ms: the listener may be Remote Desktop Services that is hung or overloaded, or a service that is not an RDP listener. On the server, check that the Remote Desktop Services service responds (Get-Service TermService; restart it if it hangs), which process owns the port (Get-NetTCPConnection -LocalPort ${port} -State Listen), and the RemoteDesktopServices-RdpCoreTS and TerminalServices-RemoteConnectionManager event logs.`,
  /**
   * The same silence while this process had other connections open to the listener: a listener with a short accept
   * queue (xrdp's `listen(sck, 2)`) stalls connections that arrive together, so the check's own load may be the cause.
   */
  NET004SilentAlongside: (timeoutMs: number, others: number) =>
    `The server accepted the connection but sent no Connection Confirm within ${timeoutMs} ms, while this check had ${others === 1 ? '1 other connection' : `${others} other connections`} open to the same address and port: a listener with a short queue of connections waiting to be accepted (xrdp's holds three on Linux) stalls connections that arrive together, so the check's own load may have caused this. Check the target again alone, or run the check with --concurrency 1, before looking for a fault on the server.`,
  NET004StandardSecurity: (what: string) => `The server selected Standard RDP Security but did not answer the MCS Connect Initial with a valid MCS Connect Response, so no client can go on. ${what}`,
  NET004NotTls: (protocol: string, problem: string) => `The server selected ${protocol} but then sent data that is not a TLS record: ${problem}.`,
} as const;
