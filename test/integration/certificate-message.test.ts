// Windows' Schannel client takes handshake messages of at most 32,768 bytes by default (MessageLimitClient), OpenSSL
// up to 100 KiB of certificates: a listener whose certificates exceed the former passed the check, yet Remote Desktop
// Connection cannot complete its TLS handshake.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkHost } from '../../src/core/net/index';
import { startFakeRdpServer } from './lab/fake-rdp-server';
import type { LocalServer } from './lab/local-server';
import { missingBinaries } from './lab/processes';

const skip = missingBinaries(['openssl']).length > 0 && 'openssl is needed to make the certificates';

describe('the size of the Certificate message a Windows client accepts', { skip }, () => {
  let dir: string;
  const servers: LocalServer[] = [];
  /** A self-signed EC certificate for rdsh01.contoso.test with `names` more DNS names (~31 bytes each). */
  const certificate = (name: string, names: number): { cert: Buffer; key: Buffer } => {
    const sans = ['DNS:rdsh01.contoso.test', ...Array.from({ length: names }, (_, i) => `DNS:host-${String(i).padStart(5, '0')}.farm.contoso.test`)];
    writeFileSync(join(dir, `${name}.cnf`), `[req]\ndistinguished_name=dn\n[dn]\n[v3]\nsubjectAltName=${sans.join(',')}\nextendedKeyUsage=serverAuth\n`);
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`,
      '-subj', '/CN=rdsh01.contoso.test', '-days', '30', '-config', `${name}.cnf`, '-extensions', 'v3'], { cwd: dir, stdio: 'ignore' });
    return { cert: readFileSync(join(dir, `${name}.pem`)), key: readFileSync(join(dir, `${name}.key`)) };
  };
  const check = async (material: { cert: Buffer; key: Buffer }) => {
    const server = await startFakeRdpServer({ mode: 'tls', ...material });
    servers.push(server);
    return checkHost({ target: 'rdsh01.contoso.test', host: '127.0.0.1', port: server.port, name: 'rdsh01.contoso.test' }, { timeoutMs: 3000, ntlmInfo: false });
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-cert-message-'));
  });
  after(async () => {
    for (const s of servers) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a certificate of 1,200 names (over 32,768 bytes): NET028, TLS unusable for Windows clients', async () => {
    const r = await check(certificate('many', 1200));
    assert.ok(r.tls, 'the handshake itself works (OpenSSL takes it)');
    const net028 = r.findings.find((f) => f.ruleId === 'NET028');
    assert.match(net028?.message ?? '', /^Windows clients \(Remote Desktop Connection, which uses Schannel\) cannot complete the TLS handshake: the certificates the server sends \(1 certificate\) make a Certificate message of 3\d,\d{3} bytes, and Schannel accepts handshake messages of at most 32,768 bytes unless MessageLimitClient/);
    assert.equal(net028!.severity, 'error');
  });

  it('a certificate of 4,000 names (over the 100 KiB OpenSSL takes): NET028 says the message is too long, asked once, never "dropped"', async () => {
    const material = certificate('huge', 4000);
    assert.ok(readFileSync(join(dir, 'huge.pem')).length > 4 * 100 * 1024 / 3, 'the certificate is over 100 KiB');
    const r = await check(material);
    assert.equal(r.tls, null);
    const net028 = r.findings.filter((f) => f.ruleId === 'NET028');
    assert.equal(net028.length, 1, JSON.stringify(r.findings));
    assert.equal(net028[0]!.severity, 'error');
    assert.match(net028[0]!.message, /^The server selected TLS but sent a TLS handshake message longer than OpenSSL accepts \(ERR_SSL_EXCESSIVE_MESSAGE_SIZE: excessive message size\), .*at most 32,768 bytes unless MessageLimitClient .*Which message was too long cannot be read here\./);
    // The same message comes on every connection: not a drop to ask again about.
    assert.doesNotMatch(net028[0]!.message, /asked twice|dropped/);
    assert.equal(servers.at(-1)!.connections, r.negotiation!.connections);
  });

  it('a certificate of 900 names (under 32,768 bytes): no NET028', async () => {
    const r = await check(certificate('fewer', 900));
    assert.ok(r.tls);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'NET028'), []);
  });
});
