// The explainer against FreeRDP's own log: the installed xfreerdp (the lab's referee) connects to listeners on
// 127.0.0.1 that fail in known ways, and every "ERRCONNECT_… [0x0002xxxx]" line it prints is found in its log
// (log hovers) and explained with the cause that fits the failure.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { explain, type Explanation } from '../../src/core/knowledge/error-codes/index';
import { findErrorCodes } from '../../src/core/knowledge/find-error-codes';
import { generateCertificates } from './lab/certs';
import { startFakeRdpServer } from './lab/fake-rdp-server';
import { startHostileServer } from './lab/hostile-servers';
import type { LocalServer } from './lab/local-server';
import { freePort, missingBinaries } from './lab/processes';
import { XfreerdpClient } from './lab/xfreerdp';

const missing = missingBinaries(['xfreerdp', 'Xvfb', 'openssl']);
const skip = missing.length > 0 && `not installed: ${missing.join(', ')} (CI installs them; see .ci/run)`;

/** The FreeRDP connection errors in a log, each as the explainer reads it. */
function freerdpErrors(log: string): { name: string; explanation: Explanation }[] {
  const out: { name: string; explanation: Explanation }[] = [];
  for (const line of log.split('\n')) {
    for (const found of findErrorCodes(line)) {
      if (found.entry.family !== 'client' || !found.entry.name.startsWith('ERRCONNECT_')) continue;
      const explanation = explain(found.text);
      assert.ok(!('error' in explanation), found.text);
      out.push({ name: found.entry.name, explanation });
    }
  }
  return out;
}

describe('FreeRDP\'s errors, as xfreerdp logs them, explained (listeners on 127.0.0.1)', { skip }, () => {
  let client: XfreerdpClient;
  let dir: string;
  const servers: LocalServer[] = [];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-freerdp-errors-'));
    client = await XfreerdpClient.start(dir);
  });
  after(async () => {
    for (const s of servers) await s.close();
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a listener that closes the connection on the X.224 request: CONNECT_TRANSPORT_FAILED, "the socket closed"', async () => {
    const server = await startHostileServer('instant-close');
    servers.push(server);
    const { output } = await client.run(server.port, 'tls');
    const errors = freerdpErrors(output);
    assert.ok(errors.length > 0, output);
    // FreeRDP 2 and 3 both report a peer that drops the connection as the transport failing.
    assert.equal(errors[0]!.name, 'ERRCONNECT_CONNECT_TRANSPORT_FAILED', output);
    assert.match(errors[0]!.explanation.likelyCauses[0]!, /closed the connection/);
    assert.ok(errors[0]!.explanation.checks.includes('NET004'));
  });

  it('a port nothing listens on: the code FreeRDP logs is explained with the closed port among its causes and NET002 among its checks', async () => {
    const port = await freePort();
    const { output } = await client.run(port, 'tls');
    const errors = freerdpErrors(output);
    assert.ok(errors.length > 0, output);
    // FreeRDP 3 reports CONNECT_FAILED; FreeRDP 2 (Debian's 2.11.7) reports the write after its connect failing.
    const { name, explanation } = errors[0]!;
    assert.ok(['ERRCONNECT_CONNECT_FAILED', 'ERRCONNECT_CONNECT_TRANSPORT_FAILED'].includes(name), output);
    assert.ok(explanation.likelyCauses.some((c) => /refused/.test(c)), name);
    assert.ok(explanation.checks.includes('NET002'), name);
  });

  it('a listener that requires NLA, with the client on /sec:tls: the negotiation failure, HYBRID_REQUIRED_BY_SERVER among its causes', async () => {
    const ec = generateCertificates(dir, ['ec']).cases.ec!;
    const server = await startFakeRdpServer({ mode: 'nla', cert: readFileSync(ec.cert), key: readFileSync(ec.key) });
    servers.push(server);
    const { output } = await client.run(server.port, 'tls');
    const errors = freerdpErrors(output);
    assert.ok(errors.length > 0, output);
    // Released FreeRDP (2.x, 3.x up to 3.30): SECURITY_NEGO_CONNECT_FAILED; later: HYBRID_REQUIRED_BY_SERVER.
    const { name, explanation } = errors.at(-1)!;
    assert.ok(['ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED', 'ERRCONNECT_HYBRID_REQUIRED_BY_SERVER'].includes(name), output);
    assert.ok(explanation.likelyCauses.some((c) => /HYBRID_REQUIRED_BY_SERVER/.test(c)), name);
    assert.ok(explanation.checks.includes('XRF001') && explanation.checks.includes('NET010'), name);
  });
});
