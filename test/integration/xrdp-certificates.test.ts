import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateChainCases, generateCrossAndLongChains, type ListenerCase } from './lab/cert-chains';
import { CLI, cliJson } from './lab/cli-json';
import { missingBinaries } from './lab/processes';
import { XrdpServer } from './lab/xrdp';

const missing = missingBinaries(['xrdp', 'openssl']);
const skip = (!existsSync(CLI) && 'dist/cli.js is not built (npm run build)') || (missing.length > 0 && `not installed: ${missing.join(', ')} (CI installs them; see .ci/run)`);

interface CheckJson {
  hosts: { certificate: Record<string, unknown> & { subject: string; issuer: string; selfSigned: boolean; trusted: boolean; nameMatches: boolean }; findings: { ruleId: string; message: string }[] }[];
}

function checkJson(port: number, ca: string, cwd: string): Promise<CheckJson> {
  return cliJson<CheckJson>(['check', `127.0.0.1:${port}`, '--format', 'json', '--ca', ca], cwd);
}

describe('rdp-doctor check --format json against xrdp: self-signed, non-ASCII names and chains', { skip }, () => {
  let dir: string;
  let root: string;
  let cases: Record<string, ListenerCase>;
  let more: ReturnType<typeof generateCrossAndLongChains>;
  let xrdp: XrdpServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-xrdp-chains-'));
    const generated = generateChainCases(dir);
    root = generated.rootPath;
    cases = generated.cases;
    more = generateCrossAndLongChains(dir, 11);
    xrdp = await XrdpServer.start(dir, { securityLayer: 'tls', ...cases.viaIntermediate! });
  });
  after(async () => {
    await xrdp?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function check(which: string): Promise<CheckJson['hosts'][number]> {
    xrdp.configure({ securityLayer: 'tls', ...cases[which]! });
    const out = await checkJson(xrdp.port, root, dir);
    return out.hosts[0]!;
  }
  const ids = (host: CheckJson['hosts'][number]): string[] => host.findings.map((f) => f.ruleId).sort();

  it('a self-signed certificate without keyCertSign (the Windows default kind) is self-signed, and NET022 says so', async () => {
    const host = await check('selfSignedNoCertSign');
    assert.equal(host.certificate.selfSigned, true);
    assert.equal(host.certificate.trusted, false);
    assert.equal(host.certificate.subject, 'CN=localhost');
    assert.deepEqual(ids(host), ['NET011', 'NET022']);
    assert.equal(host.findings.find((f) => f.ruleId === 'NET022')!.message, 'The certificate "CN=localhost" is self-signed and not among the trusted roots.');
  });

  it('a UTF-8 subject is printed as UTF-8, and the leaf chains through the intermediate xrdp sends', async () => {
    const host = await check('utf8Subject');
    assert.equal(host.certificate.subject, 'O=Stadtwerke München, CN=münchen-rdp.example');
    assert.equal(host.certificate.issuer, 'CN=RDP Doctor Issuing CA');
    assert.equal(host.certificate.trusted, true);
    assert.equal(host.certificate.selfSigned, false);
    assert.deepEqual(ids(host), ['NET011']);
  });

  it('a chain through an intermediate, served with the chain file, is trusted with only the root given', async () => {
    const host = await check('viaIntermediate');
    assert.equal(host.certificate.trusted, true);
    assert.equal(host.certificate.selfSigned, false);
    assert.equal(host.certificate.nameMatches, true);
    assert.deepEqual(ids(host), ['NET011']);
  });

  it('a leaf with an unknown critical extension is untrusted, and NET022 names the extension (RFC 5280 §4.2)', async () => {
    const host = await check('unknownCritical');
    assert.equal(host.certificate.trusted, false);
    assert.deepEqual(ids(host), ['NET011', 'NET022']);
    assert.match(host.findings.find((f) => f.ruleId === 'NET022')!.message, /^The certificate "CN=localhost" cannot be trusted: it marks the extension 1\.3\.6\.1\.4\.1\.99999\.1 critical/);
  });

  it("a name outside the intermediate's name constraints is untrusted, though the name matches", async () => {
    const host = await check('nameConstrained');
    assert.equal(host.certificate.trusted, false);
    assert.equal(host.certificate.nameMatches, true);
    assert.match(host.findings.find((f) => f.ruleId === 'NET022')!.message, /CN=RDP Doctor Constrained CA permits only names within DNS example\.com \(name constraints\), and the certificate names DNS localhost/);
  });

  it('an intermediate restricted to Client Authentication: NET024 on the path, the chain still trusted', async () => {
    const host = await check('clientAuthCa');
    assert.equal(host.certificate.trusted, true);
    assert.deepEqual(ids(host), ['NET011', 'NET024']);
    assert.match(host.findings.find((f) => f.ruleId === 'NET024')!.message, /^The issuing CA "CN=RDP Doctor Client CA" restricts its extended key usage \(Client Authentication 1\.3\.6\.1\.5\.5\.7\.3\.2\)/);
  });

  it('an empty subject is named by the first alternative name, in the JSON subject left empty', async () => {
    xrdp.configure({ securityLayer: 'tls', ...cases.emptySubject! });
    const host = (await cliJson<CheckJson>(['check', `127.0.0.1:${xrdp.port}`, '--format', 'json'], dir)).hosts[0]!;
    assert.equal(host.certificate.subject, '');
    assert.match(host.findings.find((f) => f.ruleId === 'NET022')!.message, /^The certificate "localhost" does not chain to a trusted root/);
  });

  it('without its intermediate the same leaf is untrusted, and NET022 names the missing issuer', async () => {
    xrdp.configure({ securityLayer: 'tls', cert: join(dir, 'via-int.pem'), key: cases.viaIntermediate!.key });
    const host = (await checkJson(xrdp.port, root, dir)).hosts[0]!;
    assert.equal(host.certificate.trusted, false);
    assert.match(host.findings.find((f) => f.ruleId === 'NET022')!.message, /its issuer CN=RDP Doctor Issuing CA is not among the trusted roots, and the server sent no certificate of that name: that CA is a root this check does not trust \(an enterprise CA the clients trust can be given with --ca\), or the server left an intermediate out\.$/);
  });

  it('a cross-signed CA sent with its untrusted twin first reaches the root given (every certificate sent is read)', async () => {
    xrdp.configure({ securityLayer: 'tls', ...more.crossUntrustedFirst });
    const host = (await checkJson(xrdp.port, more.roots.a, dir)).hosts[0]!;
    assert.equal(host.certificate.trusted, true);
    assert.deepEqual(ids(host), ['NET011']);
  });

  it('a chain of 11 CAs: NET022 says it is longer than the check follows, not that a CA is missing', async () => {
    xrdp.configure({ securityLayer: 'tls', ...more.long });
    const host = (await checkJson(xrdp.port, more.longRoot, dir)).hosts[0]!;
    assert.match(host.findings.find((f) => f.ruleId === 'NET022')!.message, /the chain is longer than 10 certificates, and RDP Doctor follows it no further than CN=RDP Doctor CA 3 \(the server did send its issuer CN=RDP Doctor CA 2\)\.$/);
  });
});
