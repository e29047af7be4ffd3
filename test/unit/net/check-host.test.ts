import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it, mock } from 'node:test';
import { checkHost } from '../../../src/core/net/index';
import type { Lookup } from '../../../src/core/net/dns';

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const failingLookup: Lookup = (_host, _options, callback) =>
  setImmediate(() => callback(Object.assign(new Error('getaddrinfo ENOTFOUND rdsh99.contoso.test'), { code: 'ENOTFOUND' }), []));

describe('checkHost without a listener', () => {
  it('a name that does not resolve: NET001, every later step skipped', async () => {
    const r = await checkHost({ target: 'rdsh99.contoso.test', host: 'rdsh99.contoso.test', port: 3389 }, { timeoutMs: 500, lookup: failingLookup });
    assert.deepEqual(r.findings, [{ ruleId: 'NET001', severity: 'error', message: 'The name "rdsh99.contoso.test" does not resolve (ENOTFOUND).' }]);
    assert.deepEqual(Object.values(r.steps).map((s) => s.status), ['error', 'skipped', 'skipped', 'skipped', 'skipped']);
    assert.deepEqual(r.addresses, []);
    assert.equal(typeof r.timings.totalMs, 'number');
  });

  it('a resolver that never answers is a timeout, reported as NET001 in time', async () => {
    // Faked timers: the check is over once 150 ms of them have run, whatever the machine's speed (no clock is read).
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const checked = checkHost({ target: 'slow', host: 'slow.contoso.test', port: 3389 }, { timeoutMs: 150, lookup: () => undefined });
      const turn = (): Promise<'waiting'> => new Promise((resolve) => setImmediate(resolve, 'waiting'));
      await turn();
      mock.timers.tick(149);
      assert.equal(await Promise.race([checked, turn()]), 'waiting', 'not before its timeout');
      mock.timers.tick(1);
      const r = await Promise.race([checked, turn()]);
      assert.notEqual(r, 'waiting', 'answered once the 150 ms ran out');
      if (r === 'waiting') return;
      assert.equal(r.findings[0]?.message, 'The name "slow.contoso.test" does not resolve (no answer within 150 ms).');
    } finally {
      mock.timers.reset();
    }
  });

  it('a closed port: NET002 with the address and port', async () => {
    const port = await closedPort();
    const r = await checkHost({ target: `127.0.0.1:${port}`, host: '127.0.0.1', port }, { timeoutMs: 1000 });
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['NET002']);
    assert.match(r.findings[0]!.message, new RegExp(`127\\.0\\.0\\.1 port ${port}`));
    assert.equal(r.steps.tcp.status, 'error');
    assert.equal(r.negotiation, null);
  });

  it('severity overrides turn a rule off or change its level', async () => {
    const port = await closedPort();
    const target = { target: `127.0.0.1:${port}`, host: '127.0.0.1', port };
    const off = await checkHost(target, { timeoutMs: 1000, severities: { NET002: 'off', RDP001: 'off', NET020: 'off' } });
    assert.deepEqual(off.findings, []);
    assert.deepEqual(off.rulesOff, ['NET002', 'NET020'], 'only NET rules, sorted');
    const warning = await checkHost(target, { timeoutMs: 1000, severities: { NET002: 'warning' } });
    assert.equal(warning.findings[0]!.severity, 'warning');
    assert.equal('rulesOff' in warning, false);
  });

  it('an already cancelled signal returns at once, marked cancelled, with no finding', async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await checkHost({ target: 'x', host: 'rdsh01.contoso.test', port: 3389 }, { timeoutMs: 1000, signal: controller.signal, lookup: failingLookup });
    assert.equal(r.cancelled, true);
    assert.deepEqual(r.findings, []);
    assert.equal(r.steps.dns.detail, 'Cancelled.');
  });
});
