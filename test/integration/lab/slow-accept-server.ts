import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { confirm, onConnectionRequest } from './local-server';

/**
 * A listener like xrdp's as far as its queue goes: `listen(fd, 2)` (xrdp common/os_calls.c, `g_sck_listen`) and a slow
 * accept (xrdp forks for every connection it takes), so connections that arrive together overflow the kernel's queue.
 * It answers every Connection Request with SSL_NOT_ALLOWED_BY_SERVER and closes: three connections per check. It runs
 * in a worker thread, as its accept blocks its event loop.
 */
export class SlowAcceptServer {
  private constructor(private readonly worker: Worker, readonly port: number) {}

  static start(acceptMs: number): Promise<SlowAcceptServer> {
    // This module is bundled into each test (out/test/integration/*.test.js) and on its own into lab/: the worker runs the latter.
    const worker = new Worker(resolve(__dirname, 'lab/slow-accept-server.js'), { workerData: { acceptMs } });
    return new Promise((done, fail) => {
      worker.once('message', (port: number) => done(new SlowAcceptServer(worker, port)));
      worker.once('error', fail);
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

function serve(acceptMs: number): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    // Holds the event loop, and with it the next accept, as a fork would.
    Atomics.wait(pause, 0, 0, acceptMs);
    onConnectionRequest(socket, () => socket.end(confirm({ failure: 0x2 })));
  });
  server.listen({ host: '127.0.0.1', port: 0, backlog: 2 }, () => parentPort!.postMessage((server.address() as { port: number }).port));
}

if (!isMainThread && (workerData as { acceptMs?: number } | undefined)?.acceptMs !== undefined) serve((workerData as { acceptMs: number }).acceptMs);
