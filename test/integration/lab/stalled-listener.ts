import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * A listener that never takes a connection off its queue, as a hung service's: `listen(fd, 1)`, then its thread
 * blocks. Linux completes the handshakes of backlog + 1 connections and drops every later SYN while they wait
 * (include/net/sock.h `sk_acceptq_is_full`, net/ipv4/tcp_input.c `tcp_conn_request`): the third connection times out.
 */
export class StalledListener {
  private constructor(private readonly worker: Worker, readonly port: number) {}

  static start(): Promise<StalledListener> {
    // Bundled into each test and on its own into lab/ (test/integration/build.mjs): the worker runs the latter.
    const worker = new Worker(resolve(__dirname, 'lab/stalled-listener.js'), { workerData: { stalledListener: true } });
    return new Promise((done, fail) => {
      worker.once('message', (port: number) => done(new StalledListener(worker, port)));
      worker.once('error', fail);
    });
  }

  /** Ends the thread, which closes the listener and the connections in its queue. */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

function serve(): void {
  const server = createServer(() => undefined);
  server.listen({ host: '127.0.0.1', port: 0, backlog: 1 }, () => {
    parentPort!.postMessage((server.address() as { port: number }).port);
    // Blocks the event loop, so nothing is ever accepted; terminate() interrupts the wait.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  });
}

if (!isMainThread && (workerData as { stalledListener?: boolean } | undefined)?.stalledListener) serve();
