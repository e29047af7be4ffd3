// Issue 11's "single and batch runs alike": several real xrdp listeners, each configured as one of the lab's cases,
// are checked one at a time and all in one `rdp-doctor check` run; every verdict must be the same either way.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateCertificates } from './lab/certs';
import { CLI, cliJson } from './lab/cli-json';
import { missingBinaries } from './lab/processes';
import { assertUnharmed, localhostNames, type HostTimings } from './lab/shared-listener';
import { XrdpServer, type XrdpSetup } from './lab/xrdp';

const TIMEOUT_MS = 5000;
const missing = missingBinaries(['xrdp', 'openssl']);
const skip = (!existsSync(CLI) && 'dist/cli.js is not built (npm run build)') || (missing.length > 0 && `not installed: ${missing.join(', ')} (CI installs them; see .ci/run)`);

interface HostJson {
  port: number;
  findings: { ruleId: string; severity: string; message: string }[];
  negotiation: Record<string, unknown> | null;
  tls: Record<string, unknown> | null;
  certificate: { sha256?: string; selfSigned?: boolean; trusted?: boolean } | null;
  standardSecurity: unknown;
}

async function checkJson(targets: readonly string[], ca: string): Promise<HostJson[]> {
  return (await cliJson<{ hosts: HostJson[] }>(['check', ...targets, '--format', 'json', '--ca', ca, '--timeout', String(TIMEOUT_MS)])).hosts;
}

/** What a verdict is made of: findings, negotiation (without its connection log), TLS facts, certificate verdicts, Standard RDP Security. */
function verdict(h: HostJson): unknown {
  const { connections: _connections, ...negotiation } = h.negotiation ?? {};
  const tls = h.tls && { protocol: h.tls.protocol, accepted: h.tls.accepted, failure: h.tls.failure };
  return {
    port: h.port,
    findings: h.findings.map((f) => `${f.ruleId} ${f.severity} ${f.message.replace(/\d+(?:\.\d+)? ?ms\b/g, 'N ms')}`).sort(),
    negotiation,
    tls,
    certificate: h.certificate && { sha256: h.certificate.sha256, selfSigned: h.certificate.selfSigned, trusted: h.certificate.trusted },
    standardSecurity: h.standardSecurity ?? null,
  };
}

describe('real xrdp listeners checked one at a time and in one batch', { skip }, () => {
  let dir: string;
  let ca: string;
  const servers: { name: string; server: XrdpServer }[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-xrdp-batch-'));
    const certs = generateCertificates(join(dir, 'certs'), ['valid', 'self-signed', 'expired']);
    ca = certs.caPath;
    const { valid, 'self-signed': selfSigned, expired } = certs.cases;
    const setups: [string, XrdpSetup][] = [
      ['tls', { securityLayer: 'tls', cert: valid!.cert, key: valid!.key }],
      ['negotiate-self-signed', { securityLayer: 'negotiate', cert: selfSigned!.cert, key: selfSigned!.key }],
      ['tls-expired', { securityLayer: 'tls', cert: expired!.cert, key: expired!.key }],
      ['rdp-low', { securityLayer: 'rdp', cert: valid!.cert, key: valid!.key, cryptLevel: 'low' }],
      ['legacy-tls-only', { securityLayer: 'tls', cert: valid!.cert, key: valid!.key, sslProtocols: 'TLSv1, TLSv1.1', legacy: true }],
      ['no-usable-cipher', { securityLayer: 'tls', cert: valid!.cert, key: valid!.key, tlsCiphers: 'NO-SUCH-CIPHER' }],
    ];
    for (const [name, setup] of setups) {
      const own = join(dir, name);
      mkdirSync(own);
      servers.push({ name, server: await XrdpServer.start(own, setup) });
    }
  });
  after(async () => {
    for (const { server } of servers) await server.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gives every listener the same verdict either way, and the cases differ from each other', async () => {
    const targets = servers.map(({ server }) => `127.0.0.1:${server.port}`);
    const batch = (await checkJson(targets, ca)).map(verdict);
    // One at a time, in turn: xrdp answers the check's connections one after another.
    const single: unknown[] = [];
    for (const target of targets) single.push(...(await checkJson([target], ca)).map(verdict));
    assert.deepEqual(batch, single);
    // The cases are told apart (a batch that collapsed them into one verdict would still be "equal").
    const rules = (name: string): string[] => (batch[servers.findIndex((s) => s.name === name)] as { findings: string[] }).findings.map((f) => f.split(' ')[0]!);
    assert.ok(rules('negotiate-self-signed').includes('NET022'), rules('negotiate-self-signed').join(', '));
    assert.ok(rules('tls-expired').includes('NET020'), rules('tls-expired').join(', '));
    assert.ok(rules('rdp-low').includes('NET014'), rules('rdp-low').join(', '));
    assert.ok(rules('legacy-tls-only').includes('NET029'), rules('legacy-tls-only').join(', '));
    assert.ok(rules('no-usable-cipher').includes('NET028'), rules('no-usable-cipher').join(', '));
    assert.ok(!rules('tls').some((r) => ['NET020', 'NET022', 'NET028', 'NET029'].includes(r)), rules('tls').join(', '));
  });

  it('a listener named 16 times (arguments, .rdp files, inventory entries) at --concurrency 16 is probed once: no self-inflicted timeout', async () => {
    const { port, dir: serverDir } = servers.find((s) => s.name === 'tls')!.server;
    // xrdp logs every connection it accepts: the count says how many probes reached it.
    const accepted = (): number => (readFileSync(join(serverDir, 'xrdp.log'), 'utf8').match(/connection received from/g) ?? []).length;
    const inventory = join(dir, 'inventory.yaml');
    writeFileSync(inventory, `hosts:\n  - group: Lab\n    hosts:\n${Array.from({ length: 4 }, () => `      - { host: 127.0.0.1, port: ${port} }\n`).join('')}`);
    const files = Array.from({ length: 4 }, (_, i) => {
      const file = join(dir, `same-${i}.rdp`);
      writeFileSync(file, `full address:s:127.0.0.1:${port}\r\n`);
      return file;
    });
    const typed = Array.from({ length: 8 }, () => `127.0.0.1:${port}`);
    const before = accepted();
    const out = await cliJson<{ hosts: (HostJson & { target: string })[] }>(
      ['check', ...files, ...typed, '--inventory', inventory, '--concurrency', '16', '--format', 'json', '--ca', ca, '--timeout', String(TIMEOUT_MS)],
    );
    const batchConnections = accepted() - before;
    assert.equal(out.hosts.length, 16);
    // Each keeps its own label, in the order given: the files, the typed targets, then the inventory.
    assert.deepEqual(out.hosts.map((h) => h.target), [...files, ...typed, ...Array.from({ length: 4 }, () => `127.0.0.1:${port}`)]);
    const verdicts = out.hosts.map(verdict);
    for (const v of verdicts) assert.deepEqual(v, verdicts[0]);
    const beforeAlone = accepted();
    const [alone] = (await checkJson([`127.0.0.1:${port}`], ca)).map(verdict);
    assert.deepEqual(verdicts[0], alone);
    assert.equal(batchConnections, accepted() - beforeAlone, 'the 16 targets cost the connections of one check');
    assert.ok(out.hosts.every((h) => !h.findings.some((f) => f.ruleId === 'NET003')));
  });

  it('24 names of one xrdp (listen backlog 2) at --concurrency 16 get the findings of a check alone, and no retried connection', async () => {
    const { port } = servers.find((s) => s.name === 'negotiate-self-signed')!.server;
    const check = async (targets: readonly string[]): Promise<HostTimings[]> =>
      (await cliJson<{ hosts: HostTimings[] }>(['check', ...targets, '--concurrency', '16', '--format', 'json', '--ca', ca, '--timeout', String(TIMEOUT_MS)])).hosts;
    const [alone] = await check([`n0.localhost:${port}`]);
    assertUnharmed(await check(localhostNames(24, port)), alone!);
  });
});
