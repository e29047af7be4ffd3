import type { Socket } from 'node:net';
import { TLSSocket, type TlsOptions } from 'node:tls';
import { encodeTsRequest } from '../../../src/core/net/tsrequest';
import { filetimeOf, windowsChallenge } from '../../unit/net/ntlm-fixtures';
import { answerConnectInitial, confirm, LocalServer, onConnectionRequest } from './local-server';

/** How a fake listener answers, after the tables in test-lab.md. */
export type FakeMode = 'tls' | 'negotiate' | 'rdp' | 'nla';

export interface FakeOptions {
  readonly mode: FakeMode;
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
  /** RDP_NEG_RSP flags to send (restricted admin 0x08, Remote Credential Guard 0x10 …). */
  readonly flags?: number;
  /** TLS settings over the defaults (TLS 1.2 and later): versions, `secureOptions`, ciphers. */
  readonly tls?: Pick<TlsOptions, 'minVersion' | 'maxVersion' | 'secureOptions' | 'ciphers'>;
}

const SSL = 0x1;
const HYBRID = 0x2;
const SSL_REQUIRED_BY_SERVER = 0x1;
const HYBRID_REQUIRED_BY_SERVER = 0x5;

function answer(mode: FakeMode, requested: number, flags: number): { selected: number; flags: number } | { failure: number } {
  switch (mode) {
    case 'rdp':
      return { selected: 0, flags };
    case 'negotiate':
      return { selected: requested & SSL ? SSL : 0, flags };
    case 'tls':
      return requested & SSL ? { selected: SSL, flags } : { failure: SSL_REQUIRED_BY_SERVER };
    case 'nla':
      return requested & HYBRID ? { selected: HYBRID, flags } : { failure: HYBRID_REQUIRED_BY_SERVER };
  }
}

/** A fast, well-behaved listener: X.224 negotiation and the TLS handshake; under CredSSP an NTLM CHALLENGE for the NEGOTIATE, nothing after. */
export function startFakeRdpServer(options: FakeOptions): Promise<LocalServer> {
  return new LocalServer((socket: Socket) => {
    onConnectionRequest(socket, (requested) => {
      const reply = answer(options.mode, requested, options.flags ?? 0);
      socket.write(confirm(reply));
      if ('failure' in reply) return void socket.end();
      if (reply.selected === 0) return answerConnectInitial(socket);
      const tls = new TLSSocket(socket, { isServer: true, cert: options.cert, key: options.key, minVersion: 'TLSv1.2', ...options.tls });
      tls.on('error', () => socket.destroy());
      tls.on('end', () => tls.end());
      if (reply.selected === HYBRID) tls.once('data', () => tls.write(encodeTsRequest(windowsChallenge({ dns: 'localhost', timestamp: filetimeOf(new Date()) }))));
    });
  }).listen();
}
