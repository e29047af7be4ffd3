import type { Socket } from 'node:net';
import { NET002, NET003, NET004 } from '../rules/net/index';
import { NET_MESSAGES as M } from '../rules/net/messages';
import { finding } from './certificate-findings';
import { connectTcp } from './tcp';
import type { NetError, NetFinding, StepOptions } from './types';

export type FirstConnection =
  | { readonly ok: true; readonly socket: Socket; readonly address: string }
  | { readonly ok: false; readonly error: NetError; readonly address: string };

/**
 * A connection to the first of the name's addresses that takes it: a refusal, an unreachable address or a reset moves
 * on to the next address, as clients do; a timeout ends the search (the budget would not cover another).
 * `outOfTime` turns a step aborted by the end of the host's budget into a timeout.
 */
export async function connectFirst(
  addresses: readonly string[],
  port: number,
  step: () => StepOptions,
  outOfTime: (error: NetError) => NetError,
): Promise<FirstConnection> {
  let last: FirstConnection | undefined;
  for (const address of addresses) {
    const tcp = await connectTcp(address, port, step());
    if (tcp.ok) return { ok: true, socket: tcp.socket, address };
    last = { ok: false, error: outOfTime(tcp.error), address };
    if (last.error.kind !== 'refused' && last.error.kind !== 'unreachable' && last.error.kind !== 'reset') break;
  }
  return last!;
}

/** The finding for a connection no address took; undefined for a cancelled check. */
export function connectFailureFinding(failed: { readonly error: NetError; readonly address: string }, port: number, timeoutMs: number): NetFinding | undefined {
  const { error: e, address } = failed;
  switch (e.kind) {
    case 'aborted': return undefined;
    case 'refused': return finding(NET002, M.NET002(address, port));
    // Other connections of this run to the listener may have filled its queue: then say so rather than blame the path.
    case 'timeout': return finding(NET003, e.alongside ? M.NET003Alongside(address, port, timeoutMs, e.alongside) : M.NET003(address, port, timeoutMs));
    case 'reset': return finding(NET004, M.NET004('The server reset the connection as soon as it was accepted.'));
    default: return finding(NET003, M.NET003Unreachable(address, port, e.cause ?? e.kind));
  }
}
