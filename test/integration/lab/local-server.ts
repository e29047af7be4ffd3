import { createServer, type Server, type Socket } from 'node:net';
import { XRDP_HIGH } from '../../unit/net/mcs-fixtures';

/** A TCP server on 127.0.0.1 and a random port that forgets no connection when it closes. */
export class LocalServer {
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private server: Server | undefined;
  port = 0;
  connections = 0;

  constructor(private readonly onConnection: (socket: Socket, server: LocalServer) => void) {}

  async listen(): Promise<this> {
    this.server = createServer((socket) => {
      this.connections++;
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.once('close', () => this.sockets.delete(socket));
      this.onConnection(socket, this);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  /** A timer that `close()` clears. */
  every(ms: number, fn: () => void): NodeJS.Timeout {
    const t = setInterval(fn, ms);
    this.timers.add(t);
    return t;
  }

  later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  stopTimer(t: NodeJS.Timeout): void {
    clearInterval(t);
    this.timers.delete(t);
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers.clear();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The requestedProtocols of a Connection Request without cookie (19 bytes), or null. */
export function requestedProtocols(request: Buffer): number | null {
  if (request.length < 19 || request[0] !== 0x03) return null;
  const length = request.readUInt16BE(2);
  if (length < 19 || request.length < length) return null;
  return request.readUInt32LE(length - 4);
}

/**
 * Calls `then` once with the requestedProtocols of the Connection Request the socket receives, however TCP splits
 * it; the socket's later bytes are left to `then`.
 */
export function onConnectionRequest(socket: Socket, then: (requested: number) => void): void {
  let buffered = Buffer.alloc(0);
  const onData = (chunk: Buffer): void => {
    buffered = Buffer.concat([buffered, chunk]);
    const requested = requestedProtocols(buffered);
    if (requested === null) return;
    socket.off('data', onData);
    then(requested);
  };
  socket.on('data', onData);
}

/** A Connection Confirm: RDP_NEG_RSP when `selected` is given, RDP_NEG_FAILURE when `failure` is. */
export function confirm(answer: { selected: number; flags?: number } | { failure: number }): Buffer {
  const out = Buffer.from([0x03, 0x00, 0x00, 0x13, 0x0e, 0xd0, 0x00, 0x00, 0x12, 0x34, 0x00, 0, 0, 0x08, 0x00, 0, 0, 0, 0]);
  if ('selected' in answer) {
    out[11] = 0x02;
    out[12] = answer.flags ?? 0;
    out.writeUInt32LE(answer.selected, 15);
  } else {
    out[11] = 0x03;
    out.writeUInt32LE(answer.failure, 15);
  }
  return out;
}

/**
 * After a Confirm that selected Standard RDP Security: answers the client's MCS Connect Initial with the Connect Response
 * xrdp sends (crypt_level=high), as a real listener does; a fake that stayed silent would be a server whose Standard
 * RDP Security is not known to work (NET013).
 */
export function answerConnectInitial(socket: Socket): void {
  socket.once('data', () => socket.write(XRDP_HIGH));
}
