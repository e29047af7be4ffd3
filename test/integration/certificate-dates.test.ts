// A listener certificate whose validity date no calendar has (OpenSSL: "Bad time value"): node-forge rolled its fields
// over into another date, and the check said the certificate "expired on 2007-06-11" (NET020).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import forge from 'node-forge';
import { checkHost } from '../../src/core/net/index';
import { makeCert, withNotAfter } from '../unit/net/cert-fixtures';
import { startFakeRdpServer } from './lab/fake-rdp-server';
import type { LocalServer } from './lab/local-server';

describe('validity dates a certificate cannot hold, from a server on 127.0.0.1', () => {
  const servers: LocalServer[] = [];
  after(async () => {
    for (const s of servers) await s.close();
  });

  it('notAfter "99999999999Z" (99th month, day, hour): the certificate cannot be analysed, never "expired on 2007-06-11"', async () => {
    const leaf = makeCert({ cn: 'rdsh01.contoso.test' });
    const der = withNotAfter(leaf, forge.asn1.Type.UTCTIME, '99999999999Z');
    const cert = `-----BEGIN CERTIFICATE-----\n${der.toString('base64')}\n-----END CERTIFICATE-----\n`;
    const server = await startFakeRdpServer({ mode: 'tls', cert, key: forge.pki.privateKeyToPem(leaf.key) });
    servers.push(server);
    const r = await checkHost({ target: 'rdsh01.contoso.test', host: '127.0.0.1', port: server.port, name: 'rdsh01.contoso.test' }, { timeoutMs: 3000, ntlmInfo: false });
    assert.ok(r.tls, 'the handshake completes: OpenSSL does not read the dates for it');
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'NET020' || f.ruleId === 'NET021' || f.ruleId === 'NET027'), []);
    const net022 = r.findings.find((f) => f.ruleId === 'NET022');
    assert.equal(net022?.message, 'The certificate cannot be analysed, so it cannot be trusted: the validity dates cannot be read.');
    assert.equal(r.certificate, null);
  });
});
