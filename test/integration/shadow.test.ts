import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkHost, TrustStore } from '../../src/core/net/index';
import { generateCertificates, type CertCase } from './lab/certs';
import { execFileSync } from 'node:child_process';
import { missingBinaries } from './lab/processes';
import { ShadowServer } from './lab/shadow';
import { CLI, runCli } from './lab/cli-json';

const missing = missingBinaries(['freerdp-shadow-cli', 'Xvfb', 'winpr-hash', 'openssl']);
const skip = missing.length > 0 && `not installed: ${missing.join(', ')} (CI installs them; see .ci/run)`;

describe('FreeRDP shadow server with /sec:nla (real server)', { skip }, () => {
  let dir: string;
  let valid: CertCase;
  let store: TrustStore;
  let shadow: ShadowServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-shadow-'));
    const generated = generateCertificates(dir, ['valid']);
    valid = generated.cases.valid!;
    store = new TrustStore([new X509Certificate(generated.caPem)]);
    shadow = await ShadowServer.start(dir, valid);
  });
  after(async () => {
    await shadow?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('requires NLA: CredSSP selected, everything else refused with HYBRID_REQUIRED_BY_SERVER', async () => {
    const r = await checkHost({ target: `127.0.0.1:${shadow.port}`, host: '127.0.0.1', port: shadow.port }, { timeoutMs: 3000, store });
    const n = r.negotiation!;
    assert.deepEqual(
      { rdp: n.rdp, ssl: n.ssl, hybrid: n.hybrid, hybridEx: n.hybridEx, rdstls: n.rdstls, nlaRequired: n.nlaRequired, selected: n.selected },
      { rdp: false, ssl: false, hybrid: true, hybridEx: false, rdstls: false, nlaRequired: true, selected: 'HYBRID' },
    );
    assert.equal(n.failures.rdp, 'HYBRID_REQUIRED_BY_SERVER');
    assert.equal(n.failures.ssl, 'HYBRID_REQUIRED_BY_SERVER');
    // The shadow server calls itself by this machine's name, which the lab certificate (localhost) does not carry.
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['NET010', 'NET040']);
    assert.equal(r.findings[0]!.severity, 'info');
    assert.ok(r.tls, 'the TLS handshake under CredSSP completes without credentials');
    assert.equal(r.certificate!.sha1, valid.sha1);
    assert.equal(r.certificate!.sha256, valid.sha256);
    assert.equal(r.certificate!.trusted, true);
  });

  it('NTLM facts without credentials match nmap rdp-ntlm-info, and the setting turns the step off', { skip: missingBinaries(['nmap']).length > 0 && 'nmap not installed' }, async () => {
    const target = { target: `127.0.0.1:${shadow.port}`, host: '127.0.0.1', port: shadow.port };
    const r = await checkHost(target, { timeoutMs: 3000, store });
    const ntlm = r.ntlm!;
    assert.ok(ntlm, 'the CHALLENGE was read');
    const nmap = execFileSync('nmap', ['-Pn', '-n', '-p', String(shadow.port), '--script', '+rdp-ntlm-info', '127.0.0.1'], { encoding: 'utf8', timeout: 60_000 });
    const field = (name: string): string | null => nmap.match(new RegExp(`${name}: (.*)`))?.[1]?.trim() ?? null;
    assert.equal(ntlm.netbiosComputer, field('NetBIOS_Computer_Name'), nmap);
    assert.equal(ntlm.netbiosDomain, field('NetBIOS_Domain_Name'));
    assert.equal(ntlm.dnsComputer, field('DNS_Computer_Name'));
    assert.equal(ntlm.dnsDomain, field('DNS_Domain_Name'));
    assert.equal(ntlm.dnsTree, field('DNS_Tree_Name'));
    assert.equal(ntlm.productVersion, field('Product_Version'));
    // nmap prints the same FILETIME to the second, a moment later.
    const nmapTime = Date.parse(field('System_Time')!);
    assert.ok(Math.abs(Date.parse(ntlm.serverTime!) - nmapTime) < 30_000, `${ntlm.serverTime} vs ${field('System_Time')}`);
    assert.ok(Math.abs(Date.parse(ntlm.serverTime!) - Date.now()) < 60_000, 'the server runs on this clock');
    const finding = r.findings.find((f) => f.ruleId === 'NET040')!;
    assert.match(finding.message, new RegExp(`"${ntlm.dnsComputer}"`));
    assert.match(finding.message, /localhost/);

    const skewed = await checkHost(target, { timeoutMs: 3000, store, now: () => new Date(Date.now() - 3_600_000) });
    assert.ok(skewed.findings.some((f) => f.ruleId === 'NET041' && /60 minutes ahead/.test(f.message)), JSON.stringify(skewed.findings));

    const off = await checkHost(target, { timeoutMs: 3000, store, ntlmInfo: false });
    assert.equal(off.ntlm, null);
    assert.deepEqual(off.findings.map((f) => f.ruleId), ['NET010']);
  });

  it('a .rdp file at authentication level 1 by name: winpr names no target type, so whether Kerberos can stand in is not known (a warning, not a false error)', async () => {
    // Reached by name, so the IP-address reason does not apply; without the lab CA the certificate is untrusted.
    const target = { target: `localhost:${shadow.port}`, host: 'localhost', port: shadow.port };
    const r = await checkHost({ ...target, strictServerAuthentication: { credssp: true } }, { timeoutMs: 3000, store: new TrustStore([]) });
    const ntlm = r.ntlm!;
    // winpr's NTLM server answers with the computer's own NetBIOS name as its domain, names no forest and sets neither
    // target type: on every host, so it says nothing of a keytab that would let Kerberos authenticate a FreeRDP 3 server.
    assert.ok(ntlm.netbiosComputer, JSON.stringify(ntlm));
    assert.equal(ntlm.netbiosDomain, ntlm.netbiosComputer);
    assert.equal(ntlm.dnsTree, null);
    const untrusted = r.findings.find((f) => f.ruleId === 'NET022')!;
    assert.equal(untrusted.severity, 'warning', untrusted.message);
    assert.match(untrusted.message, /the client connects only when Kerberos authenticates the server in the certificate's stead/);
    // The same server at the default level keeps the warning, with no word on the level.
    const level2 = await checkHost(target, { timeoutMs: 3000, store: new TrustStore([]) });
    assert.equal(level2.findings.find((f) => f.ruleId === 'NET022')?.severity, 'warning');
    assert.doesNotMatch(level2.findings.find((f) => f.ruleId === 'NET022')!.message, /authentication level/);
  });

  it('a .rdp file at authentication level 1 without CredSSP: XRF001, and the certificate findings stay warnings, as its client never reaches the certificate (a live review)', { skip: !existsSync(CLI) && 'dist/cli.js is not built' }, async () => {
    // Reached by address, without the lab CA: NET022 (untrusted), and an IP target, which alone would make it an error.
    const file = join(dir, 'strict-nocredssp.rdp');
    writeFileSync(file, `full address:s:127.0.0.1:${shadow.port}\r\nauthentication level:i:1\r\nenablecredsspsupport:i:0\r\n`);
    const r = await runCli(['check', file, '--format', 'json']);
    const [host] = JSON.parse(r.stdout).hosts as { negotiation: { nlaRequired: boolean }; findings: { ruleId: string; severity: string; message: string }[] }[];
    assert.equal(host!.negotiation.nlaRequired, true);
    assert.equal(host!.findings.find((f) => f.ruleId === 'XRF001')?.severity, 'error', JSON.stringify(host!.findings));
    const untrusted = host!.findings.find((f) => f.ruleId === 'NET022')!;
    assert.equal(untrusted.severity, 'warning', untrusted.message);
    assert.match(untrusted.message, /its client does not get as far as the certificate: .* the negotiation fails first \(HYBRID_REQUIRED_BY_SERVER\)\.$/);
    assert.doesNotMatch(untrusted.message, /refuses to connect/);
    assert.equal(r.code, 1, 'XRF001 is an error');
  });
});

describe('FreeRDP shadow server with +sec-rdp -sec-tls +sec-nla (real server)', { skip: skip || (!existsSync(CLI) && 'dist/cli.js is not built') }, () => {
  let dir: string;
  let shadow: ShadowServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-shadow-rdpnla-'));
    const generated = generateCertificates(dir, ['valid']);
    shadow = await ShadowServer.start(dir, generated.cases.valid!, ['+sec-rdp', '-sec-tls', '+sec-nla']);
  });
  after(async () => {
    await shadow?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("XRF003 for a file without CredSSP at authentication level 1: its client falls back from the refused TLS to Standard RDP Security", async () => {
    const file = join(dir, 'strict-nocredssp.rdp');
    writeFileSync(file, `full address:s:127.0.0.1:${shadow.port}\r\nauthentication level:i:1\r\nenablecredsspsupport:i:0\r\n`);
    const r = await runCli(['check', file, '--format', 'json']);
    const [host] = JSON.parse(r.stdout).hosts as { negotiation: { rdp: boolean; ssl: boolean; hybrid: boolean; selected: string; failures: Record<string, string> }; findings: { ruleId: string; severity: string; message: string }[] }[];
    // The server allows NLA and Standard RDP Security and refuses TLS.
    assert.deepEqual([host!.negotiation.rdp, host!.negotiation.ssl, host!.negotiation.hybrid, host!.negotiation.selected], [true, false, true, 'HYBRID']);
    assert.equal(host!.negotiation.failures.ssl, 'SSL_NOT_ALLOWED_BY_SERVER');
    const xrf = host!.findings.filter((f) => f.ruleId === 'XRF003');
    assert.equal(xrf.length, 1, JSON.stringify(host!.findings));
    assert.equal(xrf[0]!.severity, 'error');
    assert.match(xrf[0]!.message, /refuses TLS and accepts Standard RDP Security, and the file turns CredSSP off \(enablecredsspsupport:i:0\), so its client ends on Standard RDP Security\), which never authenticates it: the connection fails\. \(.*strict-nocredssp\.rdp:2\)$/);
    assert.equal(r.code, 1);
    // With CredSSP on, the client selects CredSSP: no XRF003.
    writeFileSync(file, `full address:s:127.0.0.1:${shadow.port}\r\nauthentication level:i:1\r\n`);
    const credssp = JSON.parse((await runCli(['check', file, '--format', 'json'])).stdout).hosts[0] as { findings: { ruleId: string }[] };
    assert.deepEqual(credssp.findings.filter((f) => f.ruleId === 'XRF003'), []);
  });
});
