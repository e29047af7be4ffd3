import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkHost, checkHosts } from '../../src/core/net/index';
import { settled } from './lab/handles';
import { startHostileServer, type Hostility } from './lab/hostile-servers';
import type { LocalServer } from './lab/local-server';

const TIMEOUT_MS = 400;
/** Scheduling slack on a busy CI machine. */
const MARGIN_MS = 350;
/** For a server that answers: so long that only an answer that did not wait for it gives the finding (no clock is read). */
const ANSWERED_TIMEOUT_MS = 600_000;
/** The servers a check waits out a step's timeout for, given TIMEOUT_MS. */
const WAITED_OUT: ReadonlySet<Hostility> = new Set(['silent', 'truncated-confirm', 'silent-tls', 'rdp-silent-after-connect-initial']);
/** Ends a check that waits out ANSWERED_TIMEOUT_MS as a failure, not a hang: no answered case comes near it. */
const HANG_MS = 60_000;
const CLI = resolve(__dirname, '../../../dist/cli.js');


const CASES: readonly [Hostility, string, RegExp][] = [
  ['silent', 'NET004', /sent no Connection Confirm within 400 ms: the listener may be Remote Desktop Services that is hung or overloaded, or a service that is not an RDP listener\. .*Get-NetTCPConnection -LocalPort \d+ -State Listen/],
  ['garbage', 'NET004', /starts with "HTTP\/1\.1 400 Bad Req[^"]*…" \(0x48\), not a TPKT header/],
  ['drip-65535', 'NET004', /announces 65535 bytes/],
  ['instant-close', 'NET004', /closed the connection without answering/],
  ['junk-after-tls-selected', 'NET004', /selected TLS but then sent data that is not a TLS record: its first byte 0x41 starts neither a TLS record nor a TPKT packet/],
  ['reset', 'NET004', /reset the connection/],
  ['flood', 'NET004', /starts with "Z+…" \(0x5A\)/],
  ['flood-after-confirm', 'NET004', /selected TLS but then sent data that is not a TLS record: 0x17 0x17 is not a TLS record header/],
  // Every byte that came with the Confirm reaches TLS: with only the first 1,024 the handshake waited for the rest until
  // the timeout, and the capped handshake, handed none of them, waited for the record after its Confirm (session 29).
  ['tls-record-with-confirm', 'NET028', /^The server selected TLS but the TLS handshake failed \(ERR_SSL_/],
  ['wrong-length', 'NET004', /length indicator 6 does not fit the TPKT length 19/],
  ['short-length', 'NET004', /announces 5 bytes/],
  ['truncated-confirm', 'NET004', /sent 15 bytes but no complete Connection Confirm/],
  ['silent-tls', 'NET028', /did not finish within 400 ms/],
  ['rdp-close-after-connect-initial', 'NET013', /selected Standard RDP Security but could not go on with it.*closed the connection without answering the MCS Connect Initial/],
  ['rdp-reset-after-connect-initial', 'NET013', /selected Standard RDP Security but could not go on with it.*reset the connection/],
  ['rdp-ultimatum-with-confirm', 'NET013', /selected Standard RDP Security but could not go on with it.*sent an MCS Disconnect Provider Ultimatum with reason rn-user-requested/],
  ['ssl-not-allowed-to-all', 'NET013', /refused a request for Standard RDP Security alone with SSL_NOT_ALLOWED_BY_SERVER \(0x00000002\).*it accepts no protocol at all, so no client can connect\./],
  ['rdp-silent-after-connect-initial', 'NET013', /selected Standard RDP Security but did not answer the MCS Connect Initial in time\. The server sent no MCS Connect Response within 400 ms/],
];

describe('hostile servers', () => {
  const servers: LocalServer[] = [];
  after(async () => {
    for (const s of servers) await s.close();
  });

  for (const [kind, rule, message] of CASES) {
    it(`${kind}: ${rule} within the timeout, nothing left open`, { timeout: HANG_MS }, async () => {
      const server = await startHostileServer(kind);
      servers.push(server);
      const timeoutMs = WAITED_OUT.has(kind) ? TIMEOUT_MS : ANSWERED_TIMEOUT_MS;
      const r = await checkHost({ target: `127.0.0.1:${server.port}`, host: '127.0.0.1', port: server.port }, { timeoutMs }).finally(() => server.close());
      // These servers select TLS whatever was asked, so the Standard-RDP-only follow-up may add NET005.
      const main = r.findings.find((f) => f.severity === 'error' && f.ruleId !== 'NET005');
      assert.equal(main?.ruleId, rule, JSON.stringify(r.findings));
      assert.match(main!.message, message);
      assert.match(main!.message, /^[A-Z].*\.$/, 'a sentence');
      assert.deepEqual(await settled(), []);
    });
  }

  it('a server that selects TLS and then goes silent: TLS not determined, not refused', async () => {
    const server = await startHostileServer('silent-tls');
    servers.push(server);
    const r = await checkHost({ target: 'silent-tls', host: '127.0.0.1', port: server.port }, { timeoutMs: TIMEOUT_MS }).finally(() => server.close());
    assert.equal(r.negotiation?.selected, 'SSL');
    assert.equal(r.negotiation?.ssl, null);
    assert.equal(r.negotiation?.nlaRequired, null);
    assert.match(r.steps.negotiation.detail, /^Selected TLS, but its TLS handshake got no answer in time\./);
    assert.match(r.steps.negotiation.detail, /Not determined \(no answer\): [^.]*TLS/);
    assert.doesNotMatch(r.steps.negotiation.detail, /Refuses[^.]*\bTLS\b/);
    assert.equal(r.steps.tls.status, 'error');
    assert.equal(r.steps.tls.detail, 'No answer in time.');
    assert.match(r.findings.find((f) => f.ruleId === 'NET028')!.message, /^The server selected TLS but the TLS handshake got no answer in time \(The TLS handshake did not finish within 400 ms\): .* whether the server can complete TLS is not known\.$/);
  });

  // What xrdp does when it cannot read /etc/xrdp/rsakeys.ini: selects PROTOCOL_RDP, then gives up at the MCS Connect Initial.
  const GAVE_UP: readonly Hostility[] = ['rdp-close-after-connect-initial', 'rdp-reset-after-connect-initial', 'rdp-ultimatum-with-confirm'];
  for (const kind of GAVE_UP) {
    it(`${kind}: Standard RDP Security is not usable (rdp false), never "Accepts Standard RDP Security"`, async () => {
      const server = await startHostileServer(kind);
      servers.push(server);
      const r = await checkHost({ target: kind, host: '127.0.0.1', port: server.port }, { timeoutMs: TIMEOUT_MS }).finally(() => server.close());
      assert.deepEqual([r.negotiation?.selected, r.negotiation?.rdp, r.negotiation?.ssl, r.negotiation?.nlaRequired], ['RDP', false, false, null]);
      assert.equal(r.standardSecurity, null);
      assert.deepEqual(r.findings.map((f) => [f.ruleId, f.severity]), [['NET012', 'warning'], ['NET013', 'error']]);
      assert.match(r.steps.negotiation.detail, /^Selected Standard RDP Security, but it cannot be used\. Refuses Standard RDP Security, TLS/);
      assert.doesNotMatch(r.steps.negotiation.detail, /Accepts/);
      assert.equal(r.steps.negotiation.status, 'error');
    });
  }

  it('rdp-silent-after-connect-initial: Standard RDP Security not determined (null), never refused', async () => {
    const server = await startHostileServer('rdp-silent-after-connect-initial');
    servers.push(server);
    const r = await checkHost({ target: 'rdp-silent', host: '127.0.0.1', port: server.port }, { timeoutMs: TIMEOUT_MS }).finally(() => server.close());
    assert.deepEqual([r.negotiation?.selected, r.negotiation?.rdp, r.negotiation?.nlaRequired], ['RDP', null, null]);
    assert.equal(r.standardSecurity, null);
    assert.match(r.steps.negotiation.detail, /^Selected Standard RDP Security, but the MCS Connect Initial got no answer in time\./);
    assert.match(r.steps.negotiation.detail, /Not determined \(no answer\): Standard RDP Security/);
    assert.doesNotMatch(r.steps.negotiation.detail, /(Refuses|Accepts)[^.]*Standard RDP Security/);
    assert.ok(!r.findings.some((f) => f.ruleId === 'NET011'), JSON.stringify(r.findings));
  });

  it('the CLI exits 1 with rdp false and standardSecurity null against a server that closes after the MCS Connect Initial', { skip: !existsSync(CLI) && 'dist/cli.js is not built (npm run build)' }, async () => {
    const server = await startHostileServer('rdp-close-after-connect-initial');
    servers.push(server);
    const child = spawn(process.execPath, [CLI, 'check', `127.0.0.1:${server.port}`, '--timeout', String(TIMEOUT_MS), '--format', 'json'], { cwd: join(__dirname) });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    await server.close();
    assert.equal(code, 1);
    const host = JSON.parse(out).hosts[0];
    assert.deepEqual([host.negotiation.rdp, host.standardSecurity], [false, null]);
    assert.ok(host.findings.some((f: { ruleId: string; severity: string }) => f.ruleId === 'NET013' && f.severity === 'error'), out);
  });

  it('a valid Confirm dripped one byte at a time is buffered and read', async () => {
    const server = await startHostileServer('slow-valid-confirm');
    servers.push(server);
    const r = await checkHost({ target: 'slow', host: '127.0.0.1', port: server.port }, { timeoutMs: 1500 });
    assert.equal(r.negotiation?.selected, 'RDP', JSON.stringify(r.findings));
    await server.close();
  });

  it('a batch of hostile servers finishes within its budget, and cancelling stops it at once', async () => {
    const kinds: Hostility[] = ['silent', 'drip-65535', 'flood', 'silent-tls', 'reset', 'garbage'];
    const started = await Promise.all(kinds.map((k) => startHostileServer(k)));
    servers.push(...started);
    const targets = started.flatMap((s) => Array.from({ length: 4 }, () => ({ target: `127.0.0.1:${s.port}`, host: '127.0.0.1', port: s.port })));
    const start = Date.now();
    const results = await checkHosts(targets, { timeoutMs: TIMEOUT_MS, concurrency: 8 });
    assert.equal(results.length, targets.length);
    assert.ok(results.every((r) => r.findings.some((f) => f.severity === 'error')));
    assert.ok(Date.now() - start < 4 * (2 * TIMEOUT_MS) + MARGIN_MS, `took ${Date.now() - start} ms`);

    // With a ten-minute timeout, only the cancel can end these checks: each is cancelled or answered (no clock is read).
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const cancelled = await checkHosts(targets, { timeoutMs: ANSWERED_TIMEOUT_MS, concurrency: 4, signal: controller.signal });
    assert.ok(cancelled.every((r) => r.cancelled || r.findings.length > 0));
    assert.ok(cancelled.some((r) => r.cancelled));
    for (const s of started) await s.close();
    assert.deepEqual(await settled(), []);
  });

  it('the CLI process ends with exit code 1 against a silent server', { skip: !existsSync(CLI) && 'dist/cli.js is not built (npm run build)' }, async () => {
    const server = await startHostileServer('silent');
    servers.push(server);
    const child = spawn(process.execPath, [CLI, 'check', `127.0.0.1:${server.port}`, '--timeout', String(TIMEOUT_MS), '--format', 'json'], { cwd: join(__dirname) });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    // The exit itself is the proof: a handle left open would keep the process, and this test, waiting.
    assert.equal(code, 1);
    assert.equal(JSON.parse(out).hosts[0].findings[0].ruleId, 'NET004');
    await server.close();
  });
});
