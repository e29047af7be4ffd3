import assert from 'node:assert/strict';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { after, describe, it } from 'node:test';
import { afterConfirmGate, type AfterConfirmGate } from '../../../src/core/net/after-confirm-gate';

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s/g, ''), 'hex');

/** A loopback pair: `serve` plays the server on its side; resolves with the client socket. */
async function pair(servers: Server[], serve: (s: Socket) => void): Promise<Socket> {
  // Half-open, so a server may still answer after the client's FIN.
  const server = createServer({ allowHalfOpen: true }, serve);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const client = connect((server.address() as { port: number }).port, '127.0.0.1');
  await new Promise((r) => client.once('connect', r));
  client.pause();
  return client;
}

/** Everything the gate lets through, whether it ended cleanly, and any error it emitted. */
function drain(gate: AfterConfirmGate): Promise<{ data: Buffer; ended: boolean; errors: number }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let ended = false;
    let errors = 0;
    gate.on('data', (c: Buffer) => chunks.push(c));
    gate.on('end', () => (ended = true));
    gate.on('error', () => errors++);
    gate.on('close', () => setImmediate(() => resolve({ data: Buffer.concat(chunks), ended, errors })));
  });
}

describe('AfterConfirmGate on a loopback socket', () => {
  const servers: Server[] = [];
  after(() => servers.forEach((s) => s.close()));

  it('passes TLS bytes through in order, the held first byte included, carries writes to the server, and ends once', async () => {
    const record = hex('16 03 03 00 04 01 02 03 04');
    let heard = Buffer.alloc(0);
    const client = await pair(servers, (s) => {
      s.on('data', (d) => {
        heard = Buffer.concat([heard, d]);
        // Answer the "ClientHello" a byte at a time after the first, then close.
        s.write(record.subarray(1, 2));
        setTimeout(() => s.end(record.subarray(2)), 10);
      });
    });
    const gate = afterConfirmGate(client, record.subarray(0, 1));
    const drained = drain(gate);
    gate.write(Buffer.from('hello'));
    gate.end();
    const r = await drained;
    assert.deepEqual(r, { data: record, ended: true, errors: 0 });
    assert.equal(heard.toString(), 'hello');
    assert.deepEqual(gate.verdict, { kind: 'tls' });
  });

  it('holds back an Ultimatum from TLS and closes with its verdict', async () => {
    const client = await pair(servers, (s) => s.on('data', () => s.end(hex('03 00 00 09 02 f0 80 21 80'))));
    const gate = afterConfirmGate(client, Buffer.alloc(0));
    const drained = drain(gate);
    gate.write(Buffer.from('clienthello'));
    const r = await drained;
    assert.equal(r.data.length, 0);
    assert.equal(r.ended, false);
    assert.deepEqual(gate.verdict, { kind: 'disconnect', pdu: 'an MCS Disconnect Provider Ultimatum with reason rn-user-requested' });
    assert.ok(client.destroyed);
  });

  it('a close with nothing sent is a close', async () => {
    const client = await pair(servers, (s) => s.end());
    const gate = afterConfirmGate(client, Buffer.alloc(0));
    await drain(gate);
    assert.deepEqual(gate.verdict, { kind: 'closed', how: 'closed' });
  });
});
