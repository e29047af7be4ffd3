import { createServer, type Server } from 'node:net';

/** A listener on 127.0.0.1 that accepts each connection and ends it at once (a probe of it is one NET004), counting them. */
export interface ClosingServer {
  readonly port: number;
  /** Connections accepted so far. */
  connections(): number;
  close(): void;
}

export async function startClosingServer(): Promise<ClosingServer> {
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections++;
    socket.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, connections: () => connections, close: () => void server.close() };
}
