import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkHosts } from '../../../src/core/net/index';
import { resultForFile, resultWithSeverities } from '../../../src/core/net/host-result';
import type { Lookup } from '../../../src/core/net/dns';
import { startClosingServer, type ClosingServer } from './closing-server';

describe('resultWithSeverities: a kept result told again with other rule settings, without connecting', () => {
  let server: ClosingServer;
  let port = 0;
  const lookup: Lookup = (_host, _options, callback) => setImmediate(() => callback(null, [{ address: '127.0.0.1' }]));
  before(async () => {
    server = await startClosingServer();
    port = server.port;
  });
  after(() => server.close());

  it('drops a rule turned off, sets a lowered severity, rebuilds the ladder and says which rules are off', async () => {
    const [checked] = await checkHosts([{ target: 'one.rdp', host: '127.0.0.1', port }], { timeoutMs: 2000, concurrency: 1, lookup });
    assert.deepEqual(checked!.findings.map((f) => [f.ruleId, f.severity]), [['NET004', 'error']]);
    assert.equal(checked!.steps.negotiation.status, 'error');
    const before = server.connections();

    const off = resultWithSeverities(checked!, { NET004: 'off' });
    assert.deepEqual(off.findings, []);
    assert.deepEqual(off.rulesOff, ['NET004']);
    assert.notEqual(off.steps.negotiation.status, 'error');
    assert.equal(off.target, 'one.rdp');
    assert.deepEqual(off.negotiation, checked!.negotiation);

    const lowered = resultWithSeverities(checked!, { NET004: 'warning' });
    assert.deepEqual(lowered.findings.map((f) => [f.ruleId, f.severity]), [['NET004', 'warning']]);
    assert.equal(lowered.steps.negotiation.status, 'warning');
    assert.equal('rulesOff' in lowered, false);

    // Back to no settings: the finding as first told; and the new result can be told again for a file, as a kept one is.
    assert.deepEqual(resultWithSeverities(off, undefined).findings, checked!.findings);
    assert.deepEqual(resultForFile(off, { gateway: { usageMethod: 1, host: 'gw.invalid' } }).findings, []);
    assert.equal(server.connections(), before, 'no connection to tell it again');
  });

  it('returns a result not made here as it is', () => {
    const foreign = { target: 'x', host: 'x.invalid', port: 3389, findings: [] } as unknown as Parameters<typeof resultWithSeverities>[0];
    assert.equal(resultWithSeverities(foreign, { NET004: 'off' }), foreign);
  });
});
