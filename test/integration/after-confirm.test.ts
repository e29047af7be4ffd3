import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { checkHost } from '../../src/core/net/index';
import { CLI, runCli } from './lab/cli-json';
import { missingBinaries } from './lab/processes';
import { ReplayServer, type Replay } from './lab/replay-servers';
import { xfreerdpTls } from './lab/xfreerdp';

const TIMEOUT_MS = 2000;

const ABORTED = 'The server closed the connection after selecting TLS: it could not start TLS, most often because its certificate or private key could not be used, or because its TLS settings (protocols, ciphers) match nothing the client offers';
/** A close or reset before any TLS record is a drop: asked again on a new connection, and said so when that one is dropped too. */
const ASKED_TWICE = ' The handshake was asked twice: this is the answer on a second connection, after the server dropped the first.';
const BY_ULTIMATUM = `${ABORTED} (it sent an MCS Disconnect Provider Ultimatum with reason rn-user-requested).`;

/** Every replay of a server that selects TLS and gives up, with the one verdict each must get. */
const ABORTS: readonly [Replay, string][] = [
  ['ultimatum-one-segment', BY_ULTIMATUM],
  ['ultimatum-two-segments', BY_ULTIMATUM],
  ['ultimatum-after-client-hello', BY_ULTIMATUM],
  ['ultimatum-byte-by-byte', BY_ULTIMATUM],
  ['close-after-confirm', `${ABORTED} (it sent no TLS record).${ASKED_TWICE}`],
  ['reset-after-client-hello', `${ABORTED} (it reset the connection without a TLS record).${ASKED_TWICE}`],
];


const check = (port: number) => checkHost({ target: `127.0.0.1:${port}`, host: '127.0.0.1', port }, { timeoutMs: TIMEOUT_MS });

describe('what follows the Confirm (replay servers on 127.0.0.1)', () => {
  const servers = new Map<Replay, ReplayServer>();
  before(async () => {
    for (const kind of [...ABORTS.map(([k]) => k), 'nla-then-close', 'selects-0x80', 'selects-0x80-then-ultimatum', 'selects-unrequested-rdstls'] as const) servers.set(kind, await ReplayServer.start(kind));
  });
  after(async () => {
    for (const s of servers.values()) await s.close();
  });

  for (const [kind, message] of ABORTS) {
    it(`${kind}: NET028 "certificate or private key", the negotiation kept, no NET011 for TLS`, async () => {
      const r = await check(servers.get(kind)!.port);
      const errors = r.findings.filter((f) => f.severity === 'error');
      assert.deepEqual(errors, [{ ruleId: 'NET028', severity: 'error', message }], JSON.stringify(r.findings));
      assert.equal(r.tls, null);
      const n = r.negotiation!;
      assert.deepEqual([n.selected, n.rdp, n.ssl, n.hybrid, n.nlaRequired], ['SSL', true, false, false, false]);
      assert.deepEqual(
        r.findings.filter((f) => f.ruleId === 'NET011').map((f) => f.message),
        ['The server accepts Standard RDP Security without Network Level Authentication.'],
      );
      assert.equal(r.steps.tls.status, 'error');
    });
  }

  it('an NLA-only listener that closes after selecting CredSSP: NET028 names CredSSP, and NLA is not claimed required', async () => {
    const r = await check(servers.get('nla-then-close')!.port);
    assert.deepEqual(r.findings, [
      {
        ruleId: 'NET028',
        severity: 'error',
        message: 'The server closed the connection after selecting CredSSP (NLA): it could not start TLS, most often because its certificate or private key could not be used, or because its TLS settings (protocols, ciphers) match nothing the client offers (it sent no TLS record).' + ASKED_TWICE,
      },
    ]);
    assert.deepEqual([r.negotiation?.selected, r.negotiation?.hybrid, r.negotiation?.rdp, r.negotiation?.nlaRequired], ['HYBRID', false, false, null]);
  });

  it('selectedProtocol 0x80 (not defined): NET005 with both values, never followed into TLS', async () => {
    const server = servers.get('selects-0x80')!;
    const r = await check(server.port);
    assert.deepEqual(r.findings, [
      {
        ruleId: 'NET005',
        severity: 'error',
        message:
          'The server selected 0x00000080, a value MS-RDPBCGR does not define as a security protocol, in answer to a request for TLS, CredSSP, CredSSP with early user authorization (0x0000000B): clients drop the connection.',
      },
    ]);
    assert.equal(server.afterRequest, 0, 'a ClientHello was sent');
    assert.equal(r.tls, null);
    assert.deepEqual(r.steps.tls, { status: 'skipped', detail: 'Not started: no client follows that selection.' });
    // Every question got 0x80: answered, so nothing is undetermined; no client can use any of it (MS-RDPBCGR 3.3.5.3.2).
    assert.deepEqual([r.negotiation?.selected, r.negotiation?.ssl, r.negotiation?.rdp, r.negotiation?.nlaRequired], ['0x80', false, false, null]);
    assert.deepEqual(r.negotiation?.unusable, { rdp: '0x80', ssl: '0x80', hybrid: '0x80', hybridEx: '0x80', rdstls: '0x80' });
    // Whatever follows such a Confirm in the same segment does not change the verdict.
    const withUltimatum = await check(servers.get('selects-0x80-then-ultimatum')!.port);
    assert.deepEqual(withUltimatum.findings, r.findings);
  });

  it('xfreerdp agrees: it drops a selection of 0x80, and its TLS fails where the server sends the Ultimatum', { skip: missingBinaries(['xfreerdp', 'Xvfb']).length > 0 && 'xfreerdp or Xvfb missing' }, async () => {
    const dropped = await xfreerdpTls(servers.get('selects-0x80')!.port);
    assert.match(dropped, /cannot connect security layer because no protocol has been selected yet/);
    assert.doesNotMatch(dropped, /ERRCONNECT_TLS_CONNECT_FAILED/);
    assert.match(await xfreerdpTls(servers.get('ultimatum-two-segments')!.port), /ERRCONNECT_TLS_CONNECT_FAILED/);
  });

  it('RDSTLS in answer to 0x0B (not requested): NET005, no ClientHello, what the follow-ups learnt is kept', async () => {
    const server = servers.get('selects-unrequested-rdstls')!;
    const r = await check(server.port);
    const net005 = r.findings.filter((f) => f.ruleId === 'NET005');
    assert.deepEqual(net005.map((f) => f.message), [
      'The server selected RDSTLS (0x00000004) although the client requested only TLS, CredSSP, CredSSP with early user authorization (0x0000000B): clients drop the connection.',
    ]);
    assert.equal(server.afterRequest, 0, 'a ClientHello was sent');
    assert.deepEqual([r.negotiation?.rdp, r.negotiation?.ssl, r.negotiation?.rdstls], [true, true, false]);
    assert.equal(r.steps.negotiation.status, 'error');
  });

  it('the CLI gives the same verdicts for one host at a time and for all in one batch', { skip: !existsSync(CLI) && 'dist/cli.js is not built' }, async () => {
    const ports = [...servers.values()].map((s) => s.port);
    const verdicts = (out: string): unknown[] =>
      JSON.parse(out).hosts.map((h: { port: number; findings: unknown[]; negotiation: unknown }) => ({ port: h.port, findings: h.findings, negotiation: h.negotiation }));
    const batch = await runCli(['check', ...ports.map((p) => `127.0.0.1:${p}`), '--format', 'json', '--timeout', String(TIMEOUT_MS)]);
    assert.equal(batch.code, 1);
    const one = await Promise.all(ports.map((p) => runCli(['check', `127.0.0.1:${p}`, '--format', 'json', '--timeout', String(TIMEOUT_MS)])));
    const strip = (v: unknown[]): unknown[] => v.map((h) => ({ ...(h as object), negotiation: { ...((h as { negotiation: object }).negotiation), connections: undefined } }));
    assert.deepEqual(strip(verdicts(batch.stdout)), strip(one.flatMap((o) => verdicts(o.stdout))));
  });
});
