import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { droppedMainHandshake } from '../../../src/core/net/main-tls';
import type { NetError } from '../../../src/core/net/types';

const tlsError = (cause: string): NetError => ({ kind: 'tls-error', message: `The TLS handshake failed (${cause}).`, cause });

describe('droppedMainHandshake: which failed main handshakes are asked once more', () => {
  it('a close or reset, before any TLS record or during the handshake, is a drop', () => {
    assert.equal(droppedMainHandshake({ kind: 'reset', message: 'The server reset the connection.', cause: 'ECONNRESET' }, { kind: 'closed', how: 'reset' }), true);
    assert.equal(droppedMainHandshake(tlsError('not TLS: closed'), { kind: 'closed', how: 'closed' }), true);
    assert.equal(droppedMainHandshake({ kind: 'tls-error', message: 'The server closed the connection during the TLS handshake.', cause: 'closed' }, { kind: 'tls' }), true);
    assert.equal(droppedMainHandshake({ kind: 'reset', message: 'The server reset the connection.', cause: 'ECONNRESET' }, { kind: 'tls' }), true);
  });

  it('an internal_error alert (RFC 8446 §6.2) and TLS records this client cannot read are drops', () => {
    assert.equal(droppedMainHandshake(tlsError('ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR: tlsv1 alert internal error'), { kind: 'tls' }), true);
    assert.equal(droppedMainHandshake(tlsError('ERR_SSL_WRONG_VERSION_NUMBER: wrong version number'), { kind: 'tls' }), true);
    assert.equal(droppedMainHandshake(tlsError('ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC: decryption failed or bad record mac'), { kind: 'tls' }), true);
  });

  it('an alert about the offer, a disconnect or RDP bytes instead of TLS, a timeout, a cancellation or a local problem are not', () => {
    assert.equal(droppedMainHandshake(tlsError('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: sslv3 alert handshake failure'), { kind: 'tls' }), false);
    assert.equal(droppedMainHandshake(tlsError('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: tlsv1 alert protocol version'), { kind: 'tls' }), false);
    assert.equal(droppedMainHandshake(tlsError('ERR_SSL_TLSV1_ALERT_INSUFFICIENT_SECURITY: tlsv1 alert insufficient security'), { kind: 'tls' }), false);
    assert.equal(droppedMainHandshake(tlsError('not TLS: disconnect'), { kind: 'disconnect', pdu: 'an X.224 Disconnect Request' }), false);
    assert.equal(droppedMainHandshake(tlsError('not TLS: rdp-pdu'), { kind: 'rdp-pdu', pdu: 'an empty X.224 Data TPDU' }), false);
    assert.equal(droppedMainHandshake(tlsError('not TLS: not-tls'), { kind: 'not-tls', problem: 'its first byte 0x48 starts neither' }), false);
    assert.equal(droppedMainHandshake({ kind: 'timeout', message: 'The TLS handshake did not finish within 3000 ms.' }, undefined), false);
    assert.equal(droppedMainHandshake({ kind: 'aborted', message: 'The check was cancelled.' }, undefined), false);
    assert.equal(droppedMainHandshake(tlsError('ERR_SSL_NO_PROTOCOLS_AVAILABLE: no protocols available'), undefined), false);
  });

  it('a handshake message longer than OpenSSL accepts is not: the server sends it again on every connection', () => {
    assert.equal(droppedMainHandshake(tlsError('ERR_SSL_EXCESSIVE_MESSAGE_SIZE: excessive message size'), { kind: 'tls' }), false);
  });
});
