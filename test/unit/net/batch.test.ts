import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkHosts, type CheckTarget } from '../../../src/core/net/index';
import { listenerChains, probeGroups } from '../../../src/core/net/batch';
import type { Lookup } from '../../../src/core/net/dns';
import { startClosingServer, type ClosingServer } from './closing-server';

describe('probeGroups: one probe per host, port and certificate name', () => {
  it('groups the same listener named twice, whatever the label, case or gateway; keeps first-named order', () => {
    const targets: CheckTarget[] = [
      { target: 'a.rdp', host: 'RDSH01.contoso.test', port: 3389 },
      { target: 'rdsh02.contoso.test', host: 'rdsh02.contoso.test', port: 3389 },
      { target: 'rdsh01.contoso.test', host: 'rdsh01.contoso.test', port: 3389, gateway: { usageMethod: 1, host: 'gw.contoso.test' } },
      { target: 'b.rdp', host: 'rdsh01.contoso.test', port: 3389, name: 'rdsh01.contoso.test' },
      { target: 'rdsh01.contoso.test:3390', host: 'rdsh01.contoso.test', port: 3390 },
      { target: '127.0.0.12', host: '127.0.0.12', port: 3389, name: 'rdsh01.contoso.test' },
      { target: '127.0.0.12 again', host: '127.0.0.12', port: 3389 },
    ];
    // A different port, or a different name the certificate must match, is a probe of its own.
    assert.deepEqual(probeGroups(targets), [[0, 2, 3], [1], [4], [5], [6]]);
    // Asking about the Entra ID sign-in is a probe of its own: its answer is no part of the others' results.
    assert.deepEqual(probeGroups([targets[0]!, { ...targets[2]!, entraSignIn: true }, targets[3]!]), [[0, 2], [1]]);
    // Probes of one listener under different names run one after another: one chain per host and port.
    assert.deepEqual(listenerChains(targets, probeGroups(targets)), [[[0, 2, 3]], [[1]], [[4]], [[5], [6]]]);
  });
});

describe('checkHosts with a listener named twice', () => {
  let server: ClosingServer;
  let port = 0;
  let lookups = 0;
  const lookup: Lookup = (_host, _options, callback) => {
    lookups++;
    setImmediate(() => callback(null, [{ address: '127.0.0.1' }]));
  };
  before(async () => {
    // Accepts and ends each connection at once: every probe of it is one NET004 and a count here.
    server = await startClosingServer();
    port = server.port;
  });
  after(() => server.close());

  it('probes once; every target gets the answer with its own label, gateway and ladder, in order', async () => {
    const targets: CheckTarget[] = [
      { target: 'one.rdp', host: 'rdsh01.contoso.test', port },
      { target: `rdsh01.contoso.test:${port}`, host: 'rdsh01.contoso.test', port },
      { target: 'gateway.rdp', host: 'RDSH01.contoso.test', port, gateway: { usageMethod: 2, host: 'gw.contoso.test' } },
      { target: 'other.rdp', host: 'rdsh01.contoso.test', port, name: 'other.contoso.test' },
    ];
    const seen: number[] = [];
    const results = await checkHosts(targets, { timeoutMs: 2000, concurrency: 16, lookup, onResult: (_r, i) => seen.push(i) });
    assert.equal(lookups, 2, 'one DNS question per distinct (host, port, name)');
    assert.equal(server.connections(), 2, 'one main connection per distinct (host, port, name)');
    assert.deepEqual(results.map((r) => r.target), ['one.rdp', `rdsh01.contoso.test:${port}`, 'gateway.rdp', 'other.rdp']);
    assert.deepEqual(results.map((r) => r.name), ['rdsh01.contoso.test', 'rdsh01.contoso.test', 'RDSH01.contoso.test', 'other.contoso.test']);
    assert.deepEqual([...seen].sort(), [0, 1, 2, 3], 'onResult for every target');
    assert.deepEqual(results[0]!.findings, results[1]!.findings);
    assert.deepEqual(results[0]!.steps, results[1]!.steps);
    assert.equal(results[2]!.gateway?.host, 'gw.contoso.test');
    assert.equal('gateway' in results[0]!, false);
  });

  it('severity overrides apply to every target that shares the probe', async () => {
    const targets: CheckTarget[] = [
      { target: 'a', host: '127.0.0.1', port },
      { target: 'b', host: '127.0.0.1', port },
    ];
    const before = server.connections();
    const results = await checkHosts(targets, { timeoutMs: 2000, concurrency: 2, severities: { NET004: 'warning' } });
    assert.equal(server.connections() - before, 1);
    for (const r of results) assert.deepEqual(r.findings.map((f) => [f.ruleId, f.severity]), [['NET004', 'warning']]);
  });
});
