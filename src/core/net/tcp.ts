import { connect, type Socket } from 'node:net';
import { abortedError, classifyError, timeoutError } from './errors';
import { endpointLease } from './endpoint-slots';
import { runStep } from './run-step';
import type { NetResult, StepOptions } from './types';

export type TcpResult = NetResult<{ readonly socket: Socket }>;

const ignore = (): void => undefined;

/**
 * Opens a TCP connection to one address; on any failure the socket is already destroyed. It first waits for a place
 * among this process's connections to the address and port (`endpointLease`); the step's timeout starts after that wait.
 */
export async function connectTcp(address: string, port: number, options: StepOptions): Promise<TcpResult> {
  const lease = await endpointLease(address, port, options);
  if (!lease) return { ok: false, error: abortedError() };
  const result = await openTcp(address, port, options);
  if (result.ok) lease.hold(result.socket);
  else {
    // Read before the release: a connection lost in a listener's full queue may be the check's own doing (NET003).
    const alongside = lease.alongside();
    lease.release();
    if ((result.error.kind === 'timeout' || result.error.kind === 'aborted') && alongside > 0) return { ok: false, error: { ...result.error, alongside } };
  }
  return result;
}

function openTcp(address: string, port: number, options: StepOptions): Promise<TcpResult> {
  let connected = false;
  return runStep<TcpResult>(
    options,
    {
      timeout: () => ({ ok: false, error: timeoutError(`No answer to the connection within ${options.timeoutMs} ms.`) }),
      aborted: () => ({ ok: false, error: abortedError() }),
    },
    (finish) => {
      const s = connect({ host: address, port, noDelay: true });
      // Errors after the hand-over are seen through the owner's own listeners; never let one crash the process.
      s.on('error', ignore);
      const onConnect = (): void => {
        connected = true;
        finish({ ok: true, socket: s });
      };
      const onError = (error: Error): void => finish({ ok: false, error: classifyError(error, 'connect') });
      s.once('connect', onConnect);
      s.once('error', onError);
      return () => {
        s.off('connect', onConnect);
        s.off('error', onError);
        if (!connected) s.destroy();
      };
    },
  );
}
