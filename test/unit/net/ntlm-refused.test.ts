// NET013's "blocks NTLM sign-ins" warning is for what the server did, not for a local socket error (a review of the
// merged session: every NTLM problem but a timeout raised it).
import assert from 'node:assert/strict';
import { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { describe, it } from 'node:test';
import { classifyError } from '../../../src/core/net/errors';
import { askNtlmChallenge, serverEndedNtlm } from '../../../src/core/net/ntlm-info';

/** The client end of a connection whose server does `serve` once the NEGOTIATE arrives. */
function connection(serve: (client: Duplex) => void): TLSSocket {
  const client: Duplex = new Duplex({ read() {}, write(_chunk, _encoding, done) { done(); setImmediate(() => serve(client)); } });
  return client as unknown as TLSSocket;
}

const ask = async (serve: (client: Duplex) => void) => {
  const r = await askNtlmChallenge(connection(serve), { timeoutMs: 1000 });
  assert.equal(r.ok, false);
  return !r.ok && r.error;
};

describe('whether the server ended the NTLM question', () => {
  it('the server closed, reset, answered without a token or with bytes that are no TSRequest: it did', async () => {
    assert.equal(serverEndedNtlm((await ask((c) => c.push(null)))!), true);
    assert.equal(serverEndedNtlm((await ask((c) => c.destroy(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))))!), true);
    assert.equal(serverEndedNtlm((await ask((c) => c.push(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n'))))!), true);
    // TSRequest { version 6, errorCode 0xC000006D }: no negoTokens [MS-CSSP 2.2.1].
    const noToken = await ask((c) => c.push(Buffer.from('300ea003020106a407020500c000006d', 'hex')));
    assert.equal(noToken!.cause, 'no-token', noToken!.message);
    assert.equal(serverEndedNtlm(noToken!), true);
  });

  it('a local socket error or a late answer: not known, so not said', async () => {
    const local = await ask((c) => c.destroy(Object.assign(new Error('read ENOBUFS'), { code: 'ENOBUFS' })));
    assert.equal(local!.kind, 'error');
    assert.equal(serverEndedNtlm(local!), false);
    assert.equal(serverEndedNtlm(classifyError(Object.assign(new Error('x'), { code: 'ENETDOWN' }), 'read')), false);
    assert.equal(serverEndedNtlm({ kind: 'timeout', message: 'late.' }), false);
  });
});
