// A review saw `check` with 30 names of one xrdp report 1–4 false NET004: the check's own connections, 16 hosts at
// once with several connections each, overflowed the listener's short queue (xrdp listens with a backlog of 2).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { after, afterEach, before, describe, it } from 'node:test';
import { CLI, cliJson } from './lab/cli-json';
import { startHostileServer } from './lab/hostile-servers';
import type { LocalServer } from './lab/local-server';
import { assertUnharmed, localhostNames as names, type HostTimings } from './lab/shared-listener';
import { SlowAcceptServer } from './lab/slow-accept-server';
import { StalledListener } from './lab/stalled-listener';

const skip = !existsSync(CLI) && 'dist/cli.js is not built (npm run build)';

const check = async (targets: readonly string[], ...more: string[]): Promise<HostTimings[]> =>
  (await cliJson<{ hosts: HostTimings[] }>(['check', ...targets, '--format', 'json', ...more])).hosts;

describe('a listener with a short queue, named many times in one check', { skip }, () => {
  let server: SlowAcceptServer;
  before(async () => {
    server = await SlowAcceptServer.start(25);
  });
  after(async () => {
    await server?.stop();
  });

  it('24 names at --concurrency 16: no finding, and no connection retried, that a check alone does not have', async () => {
    const [alone] = await check([`127.0.0.1:${server.port}`]);
    assert.ok(!alone!.findings.some((f) => f.ruleId === 'NET003' || f.ruleId === 'NET004'), JSON.stringify(alone!.findings));
    assertUnharmed(await check(names(24, server.port), '--concurrency', '16'), alone!);
  });
});

describe('NET004 for silence while the check had other connections open to the listener', { skip }, () => {
  let silent: LocalServer;
  before(async () => {
    silent = await startHostileServer('silent');
  });
  after(async () => {
    await silent?.close();
  });

  it('does not blame the server alone, and says how to check without the company; checked alone, the usual message', async () => {
    const together = await check(names(4, silent.port), '--timeout', '400');
    for (const h of together) {
      const net004 = h.findings.find((f) => f.ruleId === 'NET004');
      assert.match(net004?.message ?? '', /within 400 ms, while this check had [1-3] other connections? open to the same address and port: .*the check's own load may have caused this\. .*--concurrency 1/);
      assert.doesNotMatch(net004!.message, /hung/);
    }
    const alone = await check(names(4, silent.port), '--timeout', '400', '--concurrency', '1');
    for (const h of alone) assert.match(h.findings.find((f) => f.ruleId === 'NET004')?.message ?? '', /within 400 ms: the listener may be Remote Desktop Services that is hung or overloaded/);
  });
});

describe('NET003 for a connection lost in a full listen queue while the check had other connections open to it', { skip }, () => {
  let listener: StalledListener | undefined;
  afterEach(async () => {
    await listener?.stop();
    listener = undefined;
  });
  const rules = (hosts: readonly HostTimings[]): string[] => hosts.flatMap((h) => h.findings.map((f) => f.ruleId)).sort();

  it('says the check had company and how to check without it, never that a firewall filters the port', async () => {
    listener = await StalledListener.start();
    const hosts = await check(names(3, listener.port), '--timeout', '500');
    // Two connections fill the queue (backlog 1) and get no Confirm; the third one's SYN is dropped.
    assert.ok(rules(hosts).includes('NET003'), JSON.stringify(hosts.map((h) => h.findings)));
    for (const h of hosts) {
      const net003 = h.findings.find((f) => f.ruleId === 'NET003');
      if (!net003) continue;
      assert.match(net003.message, /^127\.0\.0\.1 port \d+ did not answer within 500 ms, while this check had [12] other connections? open to the same address and port: .*the check's own load may have caused this\. .*--concurrency 1/);
      assert.doesNotMatch(net003.message, /filtered by a firewall/);
    }
  });

  it('a queue filled by other clients: the usual message, as the check alone had no company', async () => {
    listener = await StalledListener.start();
    const port = listener.port;
    const others = await Promise.all([1, 2].map(() => new Promise<Socket>((done) => { const s: Socket = connect(port, '127.0.0.1', () => done(s)); })));
    try {
      const [alone] = await check([`127.0.0.1:${port}`], '--timeout', '500');
      assert.deepEqual(rules([alone!]), ['NET003']);
      assert.match(alone!.findings[0]!.message, /did not answer within 500 ms \(filtered by a firewall, or the host is down\)\.$/);
    } finally {
      for (const s of others) s.destroy();
    }
  });
});
