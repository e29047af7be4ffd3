import type { Socket } from 'node:net';
import { classifyError } from './errors';
import { runStep } from './run-step';
import type { TpktReader, TpktState } from './tpkt';
import type { NetError, StepOptions } from './types';

/** What the reader decided once it stopped needing bytes: a whole packet, or why the bytes are none. */
export type PduAnswer = Exclude<TpktState, { readonly state: 'need-more' }>;

/** One request and its TPKT answer on a connected socket; each outcome is the caller's to word. */
export interface PduExchange<T> {
  readonly request: Uint8Array;
  readonly reader: TpktReader;
  readonly answered: (answer: PduAnswer) => T;
  /** No complete answer within the step's time; `received` bytes came. */
  readonly timedOut: (received: number) => T;
  /** The peer ended the connection after `received` bytes. */
  readonly closed: (received: number) => T;
  readonly failed: (error: NetError) => T;
  readonly aborted: () => T;
  /** Bytes of the answer that came with the previous packet: read first, and when they complete it nothing is written. */
  readonly initial?: Buffer;
  /** Resume a socket an earlier step left paused before writing. */
  readonly resume?: boolean;
  /** Leave the socket paused, with no listener of ours, for the next step (a TLS handshake). */
  readonly pauseAfter?: boolean;
}

/**
 * Writes the request and reads one TPKT packet back: the first of the answer, the end of the connection, an
 * error, the timeout or the abort decides, once (`runStep`), and every listener is removed afterwards.
 */
export function exchangePdu<T>(socket: Socket, exchange: PduExchange<T>, options: StepOptions): Promise<T> {
  let received = 0;
  return runStep<T>(options, { timeout: () => exchange.timedOut(received), aborted: exchange.aborted }, (finish) => {
    let decided = false;
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      const state = exchange.reader.push(chunk);
      if (state.state === 'need-more') return;
      decided = true;
      finish(exchange.answered(state));
    };
    const onEnd = (): void => finish(exchange.closed(received));
    const onError = (error: Error): void => finish(exchange.failed(classifyError(error, 'read')));
    const cleanup = (): void => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      socket.off('error', onError);
      if (exchange.pauseAfter) socket.pause();
    };
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('close', onEnd);
    socket.once('error', onError);
    if (exchange.initial && exchange.initial.length > 0) onData(exchange.initial);
    if (decided) return cleanup;
    if (exchange.resume) socket.resume();
    socket.write(exchange.request);
    return cleanup;
  });
}
