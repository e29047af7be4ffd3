import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { causeOf } from './errors';
import { AfterConfirmReader, type AfterConfirm } from './after-confirm';

/**
 * Carries the TLS handshake over the negotiated socket, but lets TLS see the server's bytes only once they
 * start a TLS record. A TPKT packet, other data, a close or a reset instead ends the stream and leaves its
 * `verdict`, so the check can say what the server did rather than what OpenSSL made of it.
 */
export interface AfterConfirmGate extends Duplex {
  /** What followed the Confirm; undefined while undecided. */
  readonly verdict: AfterConfirm | undefined;
}

/** The error the TLS socket gets when the gate ends the stream: `what` is the verdict's kind, or how the connection ended. */
export function notTls(what: string): Error {
  return new Error(`not TLS: ${what}`);
}

let Gate: (new (socket: Socket, initial: Buffer) => AfterConfirmGate) | undefined;

/**
 * A gate on `socket`; `initial`: bytes that arrived with the Confirm, before anything was sent. The class is made
 * at the first check: `extends Duplex` at load would load node:stream for every command, a lint too (issue 16).
 */
export function afterConfirmGate(socket: Socket, initial: Buffer): AfterConfirmGate {
  Gate ??= gateClass();
  return new Gate(socket, initial);
}

function gateClass(): new (socket: Socket, initial: Buffer) => AfterConfirmGate {
  return class extends Duplex implements AfterConfirmGate {
    private readonly reader = new AfterConfirmReader();
    private held: Buffer[] = [];
    private eof = false;

    /** `initial`: bytes that arrived with the Confirm, before anything was sent. */
    constructor(private readonly socket: Socket, initial: Buffer) {
      super();
      // The TLS socket learns of the end through 'close'; the reason is in `verdict`.
      this.on('error', () => undefined);
      socket.on('data', this.onData);
      socket.on('end', this.onEnd);
      socket.on('close', this.onClose);
      socket.on('error', this.onError);
      if (initial.length > 0) this.onData(initial);
      socket.resume();
    }

    /** What followed the Confirm; undefined while undecided. */
    get verdict(): AfterConfirm | undefined {
      return this.reader.verdict;
    }

    private readonly onData = (chunk: Buffer): void => {
      if (this.destroyed) return;
      if (this.reader.verdict?.kind === 'tls') return this.forward(chunk);
      this.held.push(chunk);
      const verdict = this.reader.push(chunk);
      if (!verdict) return;
      if (verdict.kind !== 'tls') return void this.destroy(notTls(verdict.kind));
      const held = this.held;
      this.held = [];
      for (const c of held) this.forward(c);
    };

    private readonly onEnd = (): void => this.ended('closed');
    private readonly onClose = (): void => this.ended('closed');
    private readonly onError = (error: Error): void => this.ended(causeOf(error) === 'ECONNRESET' ? 'reset' : 'closed', error);

    private ended(how: 'closed' | 'reset', error?: Error): void {
      if (this.destroyed) return;
      if (this.reader.verdict?.kind === 'tls') {
        if (error) this.destroy(error);
        else if (!this.eof) this.push(null);
        this.eof = true;
        return;
      }
      this.reader.end(how);
      this.destroy(error ?? notTls(how));
    }

    private forward(chunk: Buffer): void {
      if (!this.push(chunk)) this.socket.pause();
    }

    override _read(): void {
      this.socket.resume();
    }

    override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
      if (this.socket.destroyed) return callback();
      this.socket.write(chunk, () => callback());
    }

    override _final(callback: (error?: Error | null) => void): void {
      this.socket.end(() => callback());
    }

    override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
      this.socket.off('data', this.onData);
      this.socket.off('end', this.onEnd);
      this.socket.off('close', this.onClose);
      this.socket.off('error', this.onError);
      this.socket.destroy();
      callback(error);
    }
  };
}
