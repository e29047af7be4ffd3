import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { encodeTsRequest } from '../../../src/core/net/tsrequest';
import { filetimeOf, windowsChallenge } from '../../unit/net/ntlm-fixtures';
import { GARBAGE_RECORD } from './hostile-servers';
import { confirm, LocalServer, onConnectionRequest } from './local-server';

/** How a fake CredSSP server answers the NTLM NEGOTIATE; each must end in a classified outcome, never a throw or a hang. */
export type CredSspBehaviour =
  | 'windows'
  | 'skewed'
  | 'zero-time'
  | 'garbage'
  | 'silent'
  | 'close'
  | 'close-after-handshake'
  | 'truncated-tsrequest'
  | 'truncated-challenge'
  | 'overlong-av-pair'
  | 'huge-length'
  | 'invalid-der'
  | 'four-byte-length'
  | 'error-code';

const HYBRID = 0x2;
const HYBRID_REQUIRED_BY_SERVER = 0x5;

function reply(kind: CredSspBehaviour): Buffer | null {
  const challenge = windowsChallenge({ timestamp: filetimeOf(new Date()) });
  switch (kind) {
    case 'windows': return encodeTsRequest(challenge);
    case 'skewed': return encodeTsRequest(windowsChallenge({ timestamp: filetimeOf(new Date(Date.now() - 2 * 3_600_000)) }));
    // MsvAvTimestamp all zeros (1601-01-01): no clock reading.
    case 'zero-time': return encodeTsRequest(windowsChallenge({ timestamp: 0n }));
    case 'garbage': return Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n');
    case 'silent': case 'close': case 'close-after-handshake': return null;
    case 'truncated-tsrequest': return encodeTsRequest(challenge).subarray(0, 20);
    case 'truncated-challenge': return encodeTsRequest(challenge.subarray(0, 30));
    case 'overlong-av-pair': {
      const bad = Buffer.from(challenge);
      bad.writeUInt16LE(0x7fff, 58);
      return encodeTsRequest(bad);
    }
    case 'huge-length': return Buffer.from('3083ffffff', 'hex');
    // A SEQUENCE header announcing 65280 bytes, then as many bytes that are no DER inside it (a review's server).
    case 'invalid-der': return Buffer.concat([Buffer.from('3082ff00', 'hex'), Buffer.alloc(0xff00, 0x41)]);
    // A four-byte DER length (2 GiB): no TSRequest comes near it.
    case 'four-byte-length': return Buffer.from('30847fffffff', 'hex');
    // TSRequest { version 6, errorCode 0xC000006D }
    case 'error-code': return Buffer.from('300da0030201 06a4060204c000006d'.replace(/\s/g, ''), 'hex');
  }
}

/**
 * What the server does to every connection that arrives after it ended an NTLM question (`close`): `reset` resets it
 * once TLS is up, before reading anything (a connection dropped by chance, as gnome-remote-desktop 43 now and then
 * does, grd.ts); `end-once` ends the first of them that stays silent after TLS in order and waits on the others as
 * a server does for a TSRequest; `stall-confirm` never answers its Connection Request; `stall-tls` never answers its ClientHello;
 * `record-with-confirm` sends a TLS handshake record of garbage in the same write as its Confirm, then nothing.
 */
export type AfterNtlmClose = 'reset' | 'end-once' | 'stall-confirm' | 'stall-tls' | 'record-with-confirm';

/** Selects CredSSP, completes TLS, then answers the first TSRequest as `kind` says. */
export function startCredSspServer(kind: CredSspBehaviour, tlsKey: { cert: string | Buffer; key: string | Buffer }, afterClose?: AfterNtlmClose): Promise<LocalServer> {
  let closedOne = false;
  let endedOnce = false;
  return new LocalServer((socket: Socket) => {
    const later = closedOne ? afterClose : undefined;
    if (later === 'stall-confirm') return void socket.resume();
    onConnectionRequest(socket, (requested) => {
      if (!(requested & HYBRID)) {
        socket.write(confirm({ failure: HYBRID_REQUIRED_BY_SERVER }));
        return void socket.end();
      }
      if (later === 'record-with-confirm') return void socket.write(Buffer.concat([confirm({ selected: HYBRID }), GARBAGE_RECORD]));
      socket.write(confirm({ selected: HYBRID }));
      if (later === 'stall-tls') return void socket.resume();
      const tls = new TLSSocket(socket, { isServer: true, ...tlsKey, minVersion: 'TLSv1.2' });
      tls.on('error', () => socket.destroy());
      // FreeRDP's servers with a certificate they cannot bind CredSSP to (Ed25519): the handshake completes, then the
      // connection ends before anything is read (libfreerdp/crypto/tls.c, 3.30.0, "unable to retrieve bindings").
      if (kind === 'close-after-handshake') return void tls.once('secure', () => tls.end());
      if (later === 'reset') return void tls.once('secure', () => socket.resetAndDestroy());
      // The first connection still silent 100 ms after TLS (the check's own probes close theirs at once) is ended.
      if (later === 'end-once') {
        tls.once('secure', () => {
          const timer = setTimeout(() => {
            if (endedOnce || tls.readableEnded) return;
            endedOnce = true;
            tls.end();
          }, 100);
          tls.once('close', () => clearTimeout(timer));
        });
      }
      tls.once('data', () => {
        if (kind === 'close') {
          closedOne = true;
          return void tls.end();
        }
        const bytes = reply(kind);
        if (bytes) tls.write(bytes);
      });
    });
  }).listen();
}
