// A review saw `check` with 30 names of one xrdp report 1–4 false NET004: the check's own connections, 16 hosts at
// once with several connections each, overflowed the listener's short queue (xrdp listens with a backlog of 2).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { CLI, cliJson } from './lab/cli-json';
import { startHostileServer } from './lab/hostile-servers';
import type { LocalServer } from './lab/local-server';
import { assertUnharmed, localhostNames as names, type HostTimings } from './lab/shared-listener';
import { SlowAcceptServer } from './lab/slow-accept-server';

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
