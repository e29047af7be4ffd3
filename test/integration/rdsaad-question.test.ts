// The Entra ID sign-in question (PROTOCOL_RDSAAD alone, as FreeRDP's nego_attempt_rdsaad asks it), asked only for a
// `.rdp` file with enablerdsaadauth:i:1: what the fake listener and each real server of the lab answer, that nothing
// else in the result changes, and what XRF001 makes of it in `check FILE.rdp`.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkHost, checkHosts, TrustStore, type HostCheckResult } from '../../src/core/net/index';
import { failureName } from '../../src/core/net/x224';
import { generateCertificates, type CertCase } from './lab/certs';
import { CLI, cliJson } from './lab/cli-json';
import { startFakeRdpServer, type FakeOptions } from './lab/fake-rdp-server';
import { GrdServer } from './lab/grd';
import type { LocalServer } from './lab/local-server';
import { missingBinaries } from './lab/processes';
import { ShadowServer } from './lab/shadow';
import { WestonServer } from './lab/weston';
import { XrdpServer } from './lab/xrdp';

const TIMEOUT_MS = 10_000;

interface CheckReport {
  readonly hosts: readonly (HostCheckResult & { negotiation: HostCheckResult['negotiation'] })[];
}

/** Checks the listener twice, as a host and as a file that signs in with Entra ID; the answer and what else differs. */
async function both(port: number, store?: TrustStore): Promise<{ plain: HostCheckResult; entra: HostCheckResult }> {
  const target = { target: `127.0.0.1:${port}`, host: '127.0.0.1', port };
  const options = { timeoutMs: TIMEOUT_MS, ...(store && { store }) };
  const plain = await checkHost(target, options);
  const entra = await checkHost({ ...target, entraSignIn: true }, options);
  return { plain, entra };
}

/** The Entra ID answer, after showing that nothing else of the result changed and that it cost one connection. */
function answerOf({ plain, entra }: { plain: HostCheckResult; entra: HostCheckResult }): { rdsaad: boolean | null | undefined; failure: string | undefined } {
  assert.equal('rdsaad' in plain.negotiation!, false, 'a check not asked for the Entra ID sign-in keeps its shape');
  const { rdsaad, connections, failures, ...rest } = entra.negotiation!;
  const { connections: before, failures: beforeFailures, ...plainRest } = plain.negotiation!;
  assert.deepEqual(rest, plainRest);
  assert.equal(connections, before + 1);
  const { rdsaad: failure, ...otherFailures } = failures;
  assert.deepEqual(otherFailures, beforeFailures);
  assert.deepEqual(entra.findings.map((f) => f.ruleId), plain.findings.map((f) => f.ruleId));
  return { rdsaad, failure };
}

describe('the Entra ID sign-in question against the fake listener', { skip: missingBinaries(['openssl']).length > 0 && 'openssl is not installed' }, () => {
  let dir: string;
  let material: { cert: Buffer; key: Buffer };
  let store: TrustStore;
  const servers: LocalServer[] = [];
  const start = async (options: Partial<FakeOptions>): Promise<LocalServer> => {
    const server = await startFakeRdpServer({ mode: 'nla', ...material, ...options });
    servers.push(server);
    return server;
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-rdsaad-'));
    const generated = generateCertificates(dir, ['valid']);
    const valid: CertCase = generated.cases.valid!;
    material = { cert: readFileSync(valid.cert), key: readFileSync(valid.key) };
    store = new TrustStore([new X509Certificate(generated.caPem)]);
  });
  after(async () => {
    for (const s of servers) await s.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('selected: the server supports it', async () => {
    const server = await start({ rdsaad: 'select' });
    const checked = await both(server.port, store);
    assert.deepEqual(answerOf(checked), { rdsaad: true, failure: undefined });
    assert.match(checked.entra.steps.negotiation.detail, /Accepts CredSSP, RDS AAD \(Microsoft Entra ID sign-in\)\./);
  });

  it('refused with each failure code: it does not, and no refusal of it is a finding', async () => {
    for (const failure of [1, 2, 3, 4, 5, 6]) {
      const server = await start({ rdsaad: { failure } });
      assert.deepEqual(answerOf(await both(server.port, store)), { rdsaad: false, failure: failureName(failure) }, failureName(failure));
    }
  });

  it('dropped without a Confirm: not known, said as an open question', async () => {
    const server = await start({ rdsaad: 'drop' });
    const checked = await both(server.port, store);
    assert.deepEqual(answerOf(checked), { rdsaad: null, failure: undefined });
    assert.match(checked.entra.steps.negotiation.detail, /Not determined \(no answer\): RDS AAD \(Microsoft Entra ID sign-in\)\./);
  });

  it('checked together, a target that does not sign in with Entra ID gets no answer of the question another target asked', async () => {
    const server = await start({ rdsaad: 'select' });
    const target = { target: `127.0.0.1:${server.port}`, host: '127.0.0.1', port: server.port };
    const [entra, plain] = await checkHosts([{ ...target, target: 'entra.rdp', entraSignIn: true }, target], { timeoutMs: TIMEOUT_MS, store, concurrency: 2 });
    assert.equal(entra!.negotiation!.rdsaad, true);
    assert.equal('rdsaad' in plain!.negotiation!, false, 'the result it got alone');
    const alone = await checkHost(target, { timeoutMs: TIMEOUT_MS, store });
    assert.deepEqual({ ...plain!.negotiation, connections: 0 }, { ...alone.negotiation, connections: 0 });
    assert.deepEqual(plain!.findings.map((f) => f.ruleId), alone.findings.map((f) => f.ruleId));
  });

  it('check FILE.rdp: a file that turns CredSSP off and signs in with Entra ID by name; XRF001 firm or not by the answer', async () => {
    const refusing = await start({ rdsaad: { failure: 5 } });
    const selecting = await start({ rdsaad: 'select' });
    const file = (name: string, port: number, entra = true): string => {
      const path = join(dir, name);
      writeFileSync(path, `full address:s:localhost:${port}\r\nenablecredsspsupport:i:0\r\n${entra ? 'enablerdsaadauth:i:1\r\n' : ''}`);
      return path;
    };
    const xrf001 = (r: CheckReport, i = 0) => r.hosts[i]!.findings.filter((f) => f.ruleId === 'XRF001');
    const firm = await cliJson<CheckReport>(['check', file('refusing.rdp', refusing.port), '--format', 'json', '--timeout', String(TIMEOUT_MS)]);
    assert.equal(firm.hosts[0]!.negotiation!.rdsaad, false);
    assert.deepEqual(xrf001(firm).map((f) => f.severity), ['error']);
    assert.match(xrf001(firm)[0]!.message, /does not help: a check of localhost:\d+ found that the server does not select it \(PROTOCOL_RDSAAD\)\./);
    const hedged = await cliJson<CheckReport>(['check', file('selecting.rdp', selecting.port), '--format', 'json', '--timeout', String(TIMEOUT_MS)]);
    assert.equal(hedged.hosts[0]!.negotiation!.rdsaad, true);
    assert.deepEqual(xrf001(hedged).map((f) => f.severity), ['warning']);
    assert.match(xrf001(hedged)[0]!.message, /found that the server selects it \(PROTOCOL_RDSAAD\)/);
    // Two files of one listener, one signing in with Entra ID: only that one is asked, and only it gets the answer.
    const pair = await cliJson<CheckReport>(['check', file('plain.rdp', refusing.port, false), file('refusing.rdp', refusing.port), '--format', 'json', '--timeout', String(TIMEOUT_MS)]);
    assert.deepEqual(pair.hosts.map((h) => 'rdsaad' in h.negotiation!), [false, true]);
    assert.equal(pair.hosts[1]!.negotiation!.rdsaad, false);
    assert.deepEqual([xrf001(pair, 0), xrf001(pair, 1)].map((x) => x.map((f) => f.severity)), [['error'], ['error']]);
    assert.doesNotMatch(xrf001(pair, 0)[0]!.message, /Entra/);
  });
});

describe('the Entra ID sign-in question against real servers on 127.0.0.1', () => {
  let dir: string;
  let valid: CertCase;
  let store: TrustStore;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-rdsaad-real-'));
    const generated = generateCertificates(dir, ['valid']);
    valid = generated.cases.valid!;
    store = new TrustStore([new X509Certificate(generated.caPem)]);
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const noXrdp = missingBinaries(['xrdp']).length > 0 && 'xrdp is not installed';
  // xrdp_iso.c `xrdp_iso_process_rdp_neg_req` rejects any requestedProtocols above 0xB ("Unknown requested protocol
  // flag") and closes the connection without a Confirm, whatever its security_layer: no answer, so not known.
  it('xrdp 0.9 drops the question without a Confirm, in every security_layer: not determined', { skip: noXrdp }, async () => {
    const xrdp = await XrdpServer.start(dir, { securityLayer: 'negotiate', cert: valid.cert, key: valid.key });
    try {
      const seen: Record<string, unknown> = {};
      for (const securityLayer of ['negotiate', 'tls', 'rdp'] as const) {
        xrdp.configure({ securityLayer, cert: valid.cert, key: valid.key });
        seen[securityLayer] = answerOf(await both(xrdp.port, store));
      }
      assert.deepEqual(seen, {
        negotiate: { rdsaad: null, failure: undefined },
        tls: { rdsaad: null, failure: undefined },
        rdp: { rdsaad: null, failure: undefined },
      });
      assert.match(readFileSync(join(xrdp.dir, 'xrdp.log'), 'utf8'), /Unknown requested protocol flag \[MS-RDPBCGR\] RDP_NEG_REQ, requestedProtocol 0x00000010/);
    } finally {
      await xrdp.stop();
    }
  });

  const noShadow = missingBinaries(['freerdp-shadow-cli', 'Xvfb', 'winpr-hash']).length > 0 && 'the FreeRDP shadow server is not installed';
  it('FreeRDP shadow /sec:nla (connection.c rdp_server_accept_nego knows no RDSAAD): HYBRID_REQUIRED_BY_SERVER', { skip: noShadow }, async () => {
    const shadow = await ShadowServer.start(dir, valid);
    try {
      assert.deepEqual(answerOf(await both(shadow.port, store)), { rdsaad: false, failure: 'HYBRID_REQUIRED_BY_SERVER' });
    } finally {
      await shadow.stop();
    }
  });

  const noWeston = missingBinaries(['weston']).length > 0 && 'weston is not installed';
  it('weston 10 (FreeRDP 2 as a server library, Standard RDP Security on): SSL_NOT_ALLOWED_BY_SERVER', { skip: noWeston }, async () => {
    const weston = await WestonServer.start(dir, { cert: valid.cert, key: valid.key });
    try {
      assert.deepEqual(answerOf(await both(weston.port, store)), { rdsaad: false, failure: 'SSL_NOT_ALLOWED_BY_SERVER' });
    } finally {
      await weston.stop();
    }
  });

  const noGrd = missingBinaries(['/usr/libexec/gnome-remote-desktop-daemon', 'grdctl', 'dbus-run-session', 'unshare', 'nsenter', 'ip', '/usr/bin/python3']).length > 0 && 'gnome-remote-desktop is not installed';
  it('gnome-remote-desktop 43, through check FILE.rdp in its namespace: HYBRID_REQUIRED_BY_SERVER', { skip: noGrd }, async () => {
    const grd = await GrdServer.start(dir, { cert: valid.cert, key: valid.key, credentials: { user: 'rdpdoctor', password: 'Lab-only-9x!' } });
    try {
      const path = join(dir, 'grd.rdp');
      writeFileSync(path, `full address:s:127.0.0.1:${GrdServer.PORT}\r\nenablerdsaadauth:i:1\r\n`);
      const { stdout, stderr } = await grd.run([process.execPath, CLI, 'check', path, '--format', 'json', '--timeout', String(TIMEOUT_MS)]);
      const report = JSON.parse(stdout || `{"stderr":${JSON.stringify(stderr)}}`) as CheckReport;
      const n = report.hosts[0]!.negotiation!;
      assert.deepEqual({ rdsaad: n.rdsaad, failure: n.failures.rdsaad, hybrid: n.hybrid }, { rdsaad: false, failure: 'HYBRID_REQUIRED_BY_SERVER', hybrid: true });
    } finally {
      await grd.stop();
    }
  });
});

