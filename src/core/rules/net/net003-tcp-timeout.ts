import type { RuleMeta } from '../types';

export const NET003: RuleMeta = {
  id: 'NET003',
  name: 'tcp-timeout',
  description: 'The port does not answer within the timeout.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['net', 'tcp'],
};

/** The messages of NET003 findings, each a small function of the offending value. */
export const NET003_MESSAGES = {
  NET003: (address: string, port: number, ms: number) => `${address} port ${port} did not answer within ${ms} ms (filtered by a firewall, or the host is down).`,
  /**
   * The same silence while this run had other connections open to the listener: Linux drops a connection request while
   * the listener's accept queue is full (include/net/sock.h `sk_acceptq_is_full`, checked in net/ipv4/tcp_input.c
   * `tcp_conn_request`), and xrdp's holds three (`listen(sck, 2)`), so the run's own connections may have caused it.
   */
  NET003Alongside: (address: string, port: number, ms: number, others: number) =>
    `${address} port ${port} did not answer within ${ms} ms, while this check had ${others === 1 ? '1 other connection' : `${others} other connections`} open to the same address and port: a listener whose queue of connections waiting to be accepted is full (xrdp's holds three on Linux) drops new ones, so the check's own load may have caused this. Check the target again alone, or run the check with --concurrency 1, before looking for a firewall or a host that is down.`,
  NET003Unreachable: (address: string, port: number, cause: string) => `${address} port ${port} cannot be reached (${cause}).`,
} as const;
