// A listener whose only suites are ones Windows' Schannel does not enable (a review: xrdp with
// tls_ciphers=ECDHE-RSA-CHACHA20-POLY1305 passed, though Remote Desktop Connection cannot connect to it).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { connect, createServer, type TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { checkHost, type HostCheckResult } from '../../src/core/net/index';
import { CURRENT_SCHANNEL_SUITES, SCHANNEL_SUITES, type SchannelSuite } from '../../src/core/net/schannel-suites';
import type { SeverityOverrides } from '../../src/core/findings/severity';
import { generateCertificates, type CertCase } from './lab/certs';
import { startFakeRdpServer } from './lab/fake-rdp-server';
import type { LocalServer } from './lab/local-server';
import { missingBinaries } from './lab/processes';
import { XrdpServer, type XrdpSetup } from './lab/xrdp';

const missing = missingBinaries(['xrdp', 'openssl']);

describe('cipher suites Windows clients cannot use', () => {
  let dir: string;
  let valid: CertCase;
  let ec: CertCase;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-schannel-'));
    ({ valid, ec } = (({ cases }) => ({ valid: cases.valid!, ec: cases.ec! }))(generateCertificates(dir, ['valid', 'ec'])));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const net028 = (r: HostCheckResult) => r.findings.filter((f) => f.ruleId === 'NET028');

  describe('xrdp (real server)', { skip: missing.length > 0 && `not installed: ${missing.join(', ')}` }, () => {
    let xrdp: XrdpServer;
    before(async () => {
      xrdp = await XrdpServer.start(mkdtempSync(join(dir, 'xrdp-')), { securityLayer: 'tls', ...valid });
    });
    after(async () => {
      await xrdp?.stop();
    });

    async function check(setup: Partial<XrdpSetup>, severities?: SeverityOverrides): Promise<HostCheckResult> {
      xrdp.configure({ securityLayer: 'tls', ...valid, sslProtocols: 'TLSv1.2', ...setup });
      return checkHost({ target: `127.0.0.1:${xrdp.port}`, host: '127.0.0.1', port: xrdp.port }, { timeoutMs: 5000, ...(severities && { severities }) });
    }

    it('tls_ciphers=ECDHE-RSA-CHACHA20-POLY1305 with TLS 1.2: a NET028 error, the TLS step ✗ and says why', async () => {
      const r = await check({ tlsCiphers: 'ECDHE-RSA-CHACHA20-POLY1305' });
      assert.equal(r.tls?.cipher, 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256');
      assert.equal(typeof r.timings.schannelSuitesMs, 'number', 'the handshake that offers Schannel suites was made');
      const found = net028(r);
      assert.deepEqual(found.map((f) => f.severity), ['error'], JSON.stringify(r.findings));
      assert.match(found[0]!.message, /^Windows clients \(Remote Desktop Connection, which uses Schannel\) cannot complete the TLS handshake: the server chose TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 with TLS 1\.2, a suite Schannel does not enable/);
      assert.match(found[0]!.message, /tls_ciphers/);
      assert.equal(r.steps.tls.status, 'error');
      assert.match(r.steps.tls.detail, /Windows clients cannot use it: none of the cipher suites Schannel enables by default is accepted\.$/);
      // Other clients can: TLS still counts as accepted, and the certificate is read.
      assert.equal(r.negotiation?.ssl, true);
      assert.ok(r.certificate);
    });

    it('the same with NET028 turned off: the TLS step is a warning, never ✓', async () => {
      const r = await check({ tlsCiphers: 'ECDHE-RSA-CHACHA20-POLY1305' }, { NET028: 'off' });
      assert.deepEqual(net028(r), []);
      assert.equal(r.steps.tls.status, 'warning');
      assert.match(r.steps.tls.detail, /Windows clients cannot use it/);
    });

    it('control, tls_ciphers=ECDHE-RSA-AES128-GCM-SHA256: no finding and no extra handshake', async () => {
      const r = await check({ tlsCiphers: 'ECDHE-RSA-AES128-GCM-SHA256' });
      assert.equal(r.tls?.cipher, 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
      assert.equal(r.timings.schannelSuitesMs, undefined);
      assert.deepEqual(net028(r), []);
      assert.equal(r.steps.tls.status, 'ok');
      assert.doesNotMatch(r.steps.tls.detail, /Windows/);
    });

    it('ChaCha20 preferred but AES-GCM accepted too: asked, accepted, nothing new', async () => {
      const r = await check({ tlsCiphers: 'ECDHE-RSA-CHACHA20-POLY1305:ECDHE-RSA-AES128-GCM-SHA256' });
      assert.equal(r.tls?.cipher, 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 'xrdp prefers its own order');
      assert.equal(typeof r.timings.schannelSuitesMs, 'number');
      assert.deepEqual(net028(r), []);
      assert.equal(r.steps.tls.status, 'ok');
      assert.doesNotMatch(r.steps.tls.detail, /Windows/);
    });
  });

  describe('a TLS 1.3 listener with ChaCha20 only (xrdp cannot limit TLS 1.3 suites)', { skip: missingBinaries(['openssl']).length > 0 && 'openssl missing' }, () => {
    const servers: LocalServer[] = [];
    after(async () => {
      for (const s of servers) await s.close();
    });

    it('TLS_CHACHA20_POLY1305_SHA256, which Schannel has for TLS 1.3 but does not enable: a NET028 error', async () => {
      const server = await startFakeRdpServer({ mode: 'tls', cert: readFileSync(valid.cert), key: readFileSync(valid.key), tls: { minVersion: 'TLSv1.3', ciphers: 'TLS_CHACHA20_POLY1305_SHA256' } });
      servers.push(server);
      const r = await checkHost({ target: `127.0.0.1:${server.port}`, host: '127.0.0.1', port: server.port }, { timeoutMs: 5000 });
      assert.equal(r.tls?.cipher, 'TLS_CHACHA20_POLY1305_SHA256');
      const errors = net028(r).filter((f) => f.severity === 'error');
      assert.equal(errors.length, 1, JSON.stringify(r.findings));
      assert.match(errors[0]!.message, /the server chose TLS_CHACHA20_POLY1305_SHA256 with TLS 1\.3, a suite Schannel does not enable/);
      assert.equal(r.steps.tls.status, 'error');
    });
  });

  describe('the table\'s OpenSSL names are the suites its IANA names say (a handshake each, this runtime\'s OpenSSL)', { skip: missingBinaries(['openssl']).length > 0 && 'openssl missing' }, () => {
    /** The suite Node names for a loopback handshake limited to one suite; undefined when this OpenSSL lacks it. */
    async function negotiated(suite: SchannelSuite): Promise<string | undefined> {
      const key = /_ECDSA_/.test(suite.iana) ? ec : valid;
      const tls13 = suite.versions.includes('TLSv1.3');
      const limits = tls13 ? { minVersion: 'TLSv1.3' as const, ciphers: suite.openssl } : { minVersion: 'TLSv1' as const, maxVersion: 'TLSv1.2' as const, ciphers: `${suite.openssl}:@SECLEVEL=0` };
      let server;
      try {
        server = createServer({ cert: readFileSync(key.cert), key: readFileSync(key.key), dhparam: 'auto', ...limits }, (s) => s.end());
      } catch {
        return undefined;
      }
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        return await new Promise<string | undefined>((resolve) => {
          let socket: TLSSocket;
          try {
            socket = connect({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', rejectUnauthorized: false, ...limits }, () => {
              resolve(socket.getCipher().standardName);
              socket.end();
            });
          } catch {
            return resolve(undefined);
          }
          socket.on('error', () => resolve(undefined));
        });
      } finally {
        server.close();
      }
    }

    it('each suite of the table that this OpenSSL has, and every one a current Windows client offers but 3DES', async () => {
      const missing: string[] = [];
      for (const suite of SCHANNEL_SUITES.filter((s) => !/_DSS_/.test(s.iana))) {
        const name = await negotiated(suite);
        if (name === undefined) missing.push(suite.iana);
        else assert.equal(name, suite.iana, suite.openssl);
      }
      const offered = new Set(CURRENT_SCHANNEL_SUITES.map((s) => s.iana));
      assert.deepEqual(missing.filter((m) => offered.has(m) && !/3DES/.test(m)), [], `not negotiated: ${missing.join(', ')}`);
    });
  });
});
