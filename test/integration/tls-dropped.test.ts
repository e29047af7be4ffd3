// A server that selects TLS, completes the handshake and then drops the client (a review found it passed with exit 0,
// and its reset read as "accepts only TLS 1.3"): the MCS Connect Initial sent over TLS must get an MCS Connect Response.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkHost } from '../../src/core/net/index';
import { generateCertificates } from './lab/certs';
import { CLI, runCli } from './lab/cli-json';
import { startFakeRdpServer, type AfterTls } from './lab/fake-rdp-server';
import type { LocalServer } from './lab/local-server';
import { missingBinaries } from './lab/processes';
import { xfreerdpTls } from './lab/xfreerdp';

const skip = missingBinaries(['openssl']).length > 0 && 'openssl is needed to make the certificates';
const DROPPED = (how: string): string =>
  `The server completed the TLS handshake after selecting TLS, then ${how} instead of answering the client's first RDP packet (the MCS Connect Initial): no client gets past this, so TLS cannot be used.`;


describe('a server that drops the connection after choosing TLS', { skip }, () => {
  let dir: string;
  let material: { cert: Buffer; key: Buffer };
  const servers: LocalServer[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-tls-dropped-'));
    const valid = generateCertificates(dir, ['valid']).cases.valid!;
    material = { cert: readFileSync(valid.cert), key: readFileSync(valid.key) };
  });
  after(async () => {
    for (const s of servers) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function server(afterTls: AfterTls): Promise<LocalServer> {
    const s = await startFakeRdpServer({ mode: 'tls', ...material, afterTls });
    servers.push(s);
    return s;
  }
  const check = (port: number, timeoutMs = 3000, signal?: AbortSignal) =>
    checkHost({ target: `127.0.0.1:${port}`, host: '127.0.0.1', port }, { timeoutMs, ...(signal && { signal }) });

  const drops: [AfterTls, string][] = [
    ['close', DROPPED('closed the connection')],
    ['reset', DROPPED('reset the connection')],
    ['ultimatum', DROPPED('sent an MCS Disconnect Provider Ultimatum with reason rn-user-requested')],
  ];
  for (const [afterTls, message] of drops) {
    it(`${afterTls} after the handshake: a NET028 error naming it, TLS not accepted, no TLS 1.3-only warning`, async () => {
      const r = await check((await server(afterTls)).port);
      const net028 = r.findings.filter((f) => f.ruleId === 'NET028');
      assert.deepEqual(net028, [{ ruleId: 'NET028', severity: 'error', message }], JSON.stringify(r.findings));
      assert.equal(r.steps.tls.status, 'error');
      assert.deepEqual([r.negotiation?.selected, r.negotiation?.ssl], ['SSL', false]);
      assert.deepEqual([r.steps.negotiation.status, r.steps.negotiation.detail.split('.')[0]], ['error', 'Selected TLS, but it cannot be used']);
      assert.equal(r.tls?.protocol, 'TLSv1.3', 'the handshake facts are kept');
      // Every connection is dropped after TLS: a capped handshake's drop is no refusal, so TLS 1.2 is not called refused.
      assert.notEqual(r.tls?.accepted?.['TLSv1.2'], false);
      assert.ok(r.certificate, 'the certificate is still read');
    });
  }

  it('a Connect Response after 400 ms, within the 3 s timeout: TLS usable, no NET028, the wait timed', async () => {
    const r = await check((await server({ lateMs: 400 })).port);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'NET028'), [], JSON.stringify(r.findings));
    assert.equal(r.steps.tls.status, 'ok');
    assert.equal(r.connectInitialUnanswered, undefined);
    assert.doesNotMatch(r.steps.tls.detail, /Connect Response/);
    assert.equal(r.negotiation?.ssl, true);
    assert.ok((r.timings.connectInitialMs ?? 0) >= 390, JSON.stringify(r.timings));
  });

  it('silent after the handshake, at the default 5 s timeout: the check ends well before it, says TLS is not known, no NET028', async () => {
    const r = await check((await server('silent')).port, 5000);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'NET028'), [], JSON.stringify(r.findings));
    assert.notEqual(r.steps.tls.status, 'error');
    // TLS is not claimed usable without a word: the ladder and JSON say the first RDP packet got no answer.
    assert.match(r.steps.tls.detail, /No MCS Connect Response within 2000 ms: whether clients get past TLS is not known\.$/);
    assert.deepEqual(r.connectInitialUnanswered, { message: 'The server sent no MCS Connect Response within 2000 ms.', waitedMs: 2000 });
    // The wait for the Connect Response is capped (2 s), and the capped handshakes do not wait for it.
    assert.ok(r.timings.totalMs < 4000, JSON.stringify(r.timings));
    assert.ok((r.timings.tlsVersionsMs ?? Infinity) < 1000, JSON.stringify(r.timings));
    assert.deepEqual(r.tls?.accepted, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
  });

  it('a Connect Response later than the timeout: not determined, never blamed on the server', async () => {
    const r = await check((await server({ lateMs: 2000 })).port, 400);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'NET028'), [], JSON.stringify(r.findings));
    assert.equal(r.negotiation?.ssl, true);
    assert.notEqual(r.steps.tls.status, 'error');
    assert.equal(r.connectInitialUnanswered?.waitedMs, 400, 'the shorter timeout wins over the 2 s cap');
    assert.match(r.steps.tls.detail, /No MCS Connect Response within 400 ms: .*check again with a longer --timeout\.$/);
  });

  it('cancelled while waiting for the Connect Response: the check says cancelled, no finding for TLS', async () => {
    const controller = new AbortController();
    const s = await server({ lateMs: 5000 });
    setTimeout(() => controller.abort(), 300);
    const r = await check(s.port, 3000, controller.signal);
    assert.equal(r.cancelled, true);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'NET028'), []);
    assert.equal(r.connectInitialUnanswered, undefined, 'a cancelled wait is not an unanswered one');
  });

  it('a listener that answers the Connect Initial at once: no NET028, TLS 1.2 and 1.3 accepted', async () => {
    const r = await check((await server('connect-response')).port);
    assert.deepEqual(r.findings.filter((f) => f.severity === 'error'), []);
    assert.deepEqual(r.tls?.accepted, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
  });

  it('the CLI fails the check (exit 1) for the close and the reset variants', { skip: !existsSync(CLI) && 'dist/cli.js is not built' }, async () => {
    for (const afterTls of ['close', 'reset'] as const) {
      const { code, stdout } = await runCli(['check', `127.0.0.1:${(await server(afterTls)).port}`]);
      assert.equal(code, 1, stdout);
      assert.match(stdout, /✗ TLS/);
      assert.match(stdout, /✗ Negotiation +Selected TLS, but it cannot be used\./);
      assert.doesNotMatch(stdout, /accepts only TLS 1\.3/);
    }
  });

  it('xfreerdp agrees: it fails on the close and reset variants', { skip: missingBinaries(['xfreerdp', 'Xvfb']).length > 0 && 'xfreerdp or Xvfb missing' }, async () => {
    for (const afterTls of ['close', 'reset'] as const) assert.match(await xfreerdpTls((await server(afterTls)).port), /ERRCONNECT_CONNECT_TRANSPORT_FAILED/);
  });
});
