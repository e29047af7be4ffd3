// The demo listener `npm start` runs: both servers it may be (xrdp, the project's own) give a full ladder for
// demo-listener.localhost, which resolves to loopback without a resolver (RFC 6761 §6.3), and stop when asked.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Lookup } from '../../src/core/net/dns';
import { checkHost } from '../../src/core/net/index';
import { DEMO_LISTENER_NAME, startDemoListener } from './lab/demo-listener';
import { missingBinaries } from './lab/processes';

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
  });
}

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

for (const prefer of ['node', 'xrdp'] as const) {
  const skip = prefer === 'xrdp' && missingBinaries(['xrdp']).length > 0 && 'xrdp is not installed (CI installs it; see .ci/run)';
  describe(`the demo listener (${prefer})`, { skip }, () => {
    it('a check of demo-listener.localhost climbs the full ladder: DNS, TCP, negotiation, TLS, certificate', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-demo-'));
      dirs.push(dir);
      const listener = await startDemoListener(dir, { prefer });
      try {
        assert.equal(listener.kind, prefer);
        assert.equal(listener.name, DEMO_LISTENER_NAME);
        const asked: string[] = [];
        const lookup: Lookup = (host, _o, callback) => {
          asked.push(host);
          callback(Object.assign(new Error('no resolver in this test'), { code: 'ENOTFOUND' }), []);
        };
        const r = await checkHost({ target: `${DEMO_LISTENER_NAME}:${listener.port}`, host: DEMO_LISTENER_NAME, port: listener.port }, { timeoutMs: 5000, lookup });
        assert.deepEqual(asked, [], 'no resolver asked');
        assert.deepEqual(r.addresses, ['127.0.0.1', '::1']);
        // The ladder says so: a client asks its own resolver, which may not know a name under .localhost.
        assert.equal(r.steps.dns.detail, '127.0.0.1, ::1. A name under .localhost is loopback by RFC 6761 §6.3 and was not asked of a resolver: a client asks its own, which may not know it.');
        for (const [step, s] of Object.entries(r.steps)) assert.ok(s.status === 'ok' || s.status === 'warning', `${step}: ${s.status} (${s.detail})`);
        assert.equal(r.negotiation?.selected, 'SSL');
        assert.match(r.tls!.protocol, /^TLSv1\.[23]$/);
        assert.equal(r.certificate!.sha1, listener.sha1);
        assert.equal(r.certificate!.selfSigned, true);
        assert.equal(r.certificate!.nameMatches, true);
        assert.ok(r.findings.some((f) => f.ruleId === 'NET022'), 'the self-signed certificate is reported');
        assert.ok(!r.findings.some((f) => f.severity === 'error'), r.findings.map((f) => f.message).join('\n'));
      } finally {
        await listener.stop();
      }
      assert.equal(await refused(listener.port), true, 'nothing listens once stopped');
    });
  });
}
