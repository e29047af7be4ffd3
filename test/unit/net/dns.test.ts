import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { describe, it } from 'node:test';
import { INVALID_TLD_CAUSE, resolveHost, specialUseName, type Lookup } from '../../../src/core/net/dns';
import { checkHost } from '../../../src/core/net/index';

/** A resolver that answers 127.0.0.9 for every name and counts how often it was asked. */
function countingLookup(): { lookup: Lookup; calls: string[] } {
  const calls: string[] = [];
  const lookup: Lookup = (host, _options, callback) => {
    calls.push(host);
    setImmediate(() => callback(null, [{ address: '127.0.0.9' }]));
  };
  return { lookup, calls };
}

const STEP = { timeoutMs: 60_000 };

describe('RFC 6761 special-use names', () => {
  it('recognizes localhost and invalid names, and nothing that only contains the words', () => {
    assert.equal(specialUseName('localhost'), 'localhost');
    assert.equal(specialUseName('demo-listener.localhost'), 'localhost');
    assert.equal(specialUseName('Demo-Listener.LOCALHOST.'), 'localhost');
    assert.equal(specialUseName('invalid'), 'invalid');
    assert.equal(specialUseName('rdsh01.corp.invalid'), 'invalid');
    assert.equal(specialUseName('RDSH01.CORP.INVALID.'), 'invalid');
    assert.equal(specialUseName('localhost.corp.invalid'), 'invalid');
    for (const name of ['mylocalhost', 'localhost.example.test', 'notinvalid', 'invalid.example.test', 'localhost-01', '127.0.0.1']) {
      assert.equal(specialUseName(name), undefined, name);
    }
  });

  it('a .localhost name resolves to loopback without a DNS query (§6.3)', async () => {
    const { lookup, calls } = countingLookup();
    for (const name of ['demo-listener.localhost', 'localhost', 'A.B.LocalHost.']) {
      const r = await resolveHost(name, STEP, lookup);
      assert.deepEqual(r, { ok: true, addresses: ['127.0.0.1', '::1'] }, name);
    }
    assert.deepEqual(calls, []);
  });

  it('an .invalid name fails at once without a DNS query (§6.4)', async () => {
    const { lookup, calls } = countingLookup();
    for (const name of ['rdsh01.corp.invalid', 'invalid', 'RDGW.CORP.INVALID.', '[rdsh01.corp.invalid]']) {
      // Answered before the event loop turns once: no timer and no I/O was waited on (an event order, not a clock).
      const r = await Promise.race([resolveHost(name, STEP, lookup), new Promise<'waited'>((resolve) => setImmediate(resolve, 'waited'))]);
      assert.notEqual(r, 'waited', name);
      if (r === 'waited') continue;
      assert.equal(r.ok, false, name);
      if (!r.ok) {
        assert.equal(r.error.kind, 'dns');
        assert.equal(r.error.cause, INVALID_TLD_CAUSE);
      }
    }
    assert.deepEqual(calls, []);
  });

  it('every other name is asked of the resolver, once', async () => {
    const { lookup, calls } = countingLookup();
    const r = await resolveHost('localhost.example.test', STEP, lookup);
    assert.deepEqual(r, { ok: true, addresses: ['127.0.0.9'] });
    await resolveHost('invalid.example.test', STEP, lookup);
    assert.deepEqual(calls, ['localhost.example.test', 'invalid.example.test']);
  });

  it('a check of an .invalid host reports NET001 with the RFC, having asked no resolver', async () => {
    const { lookup, calls } = countingLookup();
    const r = await checkHost({ target: 'rdsh01.corp.invalid', host: 'rdsh01.corp.invalid', port: 3389 }, { timeoutMs: 5000, lookup });
    assert.deepEqual(r.findings, [
      { ruleId: 'NET001', severity: 'error', message: `The name "rdsh01.corp.invalid" does not resolve (${INVALID_TLD_CAUSE}).` },
    ]);
    assert.deepEqual(Object.values(r.steps).map((s) => s.status), ['error', 'skipped', 'skipped', 'skipped', 'skipped']);
    assert.deepEqual(calls, []);
  });

  it('a check of a .localhost host connects to 127.0.0.1, having asked no resolver', async () => {
    const { lookup, calls } = countingLookup();
    let connections = 0;
    // Closes every connection at once: the ladder gets past DNS and TCP and stops at the negotiation.
    const server: Server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const r = await checkHost({ target: `demo-listener.localhost:${port}`, host: 'demo-listener.localhost', port }, { timeoutMs: 5000, lookup });
      assert.deepEqual(r.addresses, ['127.0.0.1', '::1']);
      assert.equal(r.steps.dns.status, 'ok');
      assert.equal(r.steps.tcp.status, 'ok');
      assert.equal(r.steps.tcp.detail, `Connected to port ${port}.`);
      assert.ok(connections >= 1);
      assert.deepEqual(calls, []);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
