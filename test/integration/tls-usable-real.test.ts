// Real listeners that select TLS answer the MCS Connect Initial sent over it: none may be reported as dropping the client.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkHost } from '../../src/core/net/index';
import { generateCertificates } from './lab/certs';
import { missingBinaries } from './lab/processes';
import { ShadowServer } from './lab/shadow';
import { XrdpServer } from './lab/xrdp';

const usable = async (port: number): Promise<void> => {
  const r = await checkHost({ target: `127.0.0.1:${port}`, host: '127.0.0.1', port }, { timeoutMs: 5000 });
  assert.equal(r.negotiation?.selected, 'SSL');
  assert.equal(r.negotiation?.ssl, true);
  assert.deepEqual(r.findings.filter((f) => f.ruleId === 'NET028'), [], JSON.stringify(r.findings));
  assert.equal(r.steps.tls.status, 'ok');
  assert.equal(typeof r.timings.connectInitialMs, 'number', 'the Connect Initial was sent over TLS');
};

describe('real listeners carry the MCS Connect Initial over TLS', () => {
  let dir: string;
  let cert: { cert: string; key: string };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-tls-usable-'));
    cert = generateCertificates(dir, ['valid']).cases.valid!;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const securityLayer of ['tls', 'negotiate'] as const) {
    it(`xrdp security_layer=${securityLayer}: TLS usable`, { skip: missingBinaries(['xrdp']).length > 0 && 'xrdp missing' }, async () => {
      const xrdp = await XrdpServer.start(mkdtempSync(join(dir, 'xrdp-')), { securityLayer, ...cert });
      try {
        await usable(xrdp.port);
      } finally {
        await xrdp.stop();
      }
    });
  }

  it('freerdp-shadow-cli /sec:tls: TLS usable', { skip: missingBinaries(['freerdp-shadow-cli', 'Xvfb', 'winpr-hash']).length > 0 && 'shadow server missing' }, async () => {
    const shadow = await ShadowServer.start(mkdtempSync(join(dir, 'shadow-')), cert, 'tls');
    try {
      await usable(shadow.port);
    } finally {
      await shadow.stop();
    }
  });
});
