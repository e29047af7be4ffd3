import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateCertificates, type CertCase } from './lab/certs';
import { startFakeRdpServer } from './lab/fake-rdp-server';
import type { LocalServer } from './lab/local-server';
import { freePort, missingBinaries } from './lab/processes';
import { sarifSchemaErrors } from '../unit/cli/cli-harness';
import forge from 'node-forge';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const skip = (!existsSync(CLI) && 'dist/cli.js is not built (npm run build)') || (missingBinaries(['openssl']).length > 0 && 'openssl is not installed');

function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('rdp-doctor check (CLI against local servers)', { skip }, () => {
  let dir: string;
  let valid: CertCase;
  let tlsServer: LocalServer;
  let nlaServer: LocalServer;
  let rdpServer: LocalServer;
  let idnServer: LocalServer;
  let closedPort: number;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-cli-check-'));
    const certs = generateCertificates(dir, ['valid', 'idn']).cases;
    valid = certs.valid!;
    const idn = certs.idn!;
    idnServer = await startFakeRdpServer({ mode: 'tls', cert: readFileSync(idn.cert), key: readFileSync(idn.key) });
    const material = { cert: readFileSync(valid.cert), key: readFileSync(valid.key) };
    tlsServer = await startFakeRdpServer({ mode: 'tls', ...material });
    nlaServer = await startFakeRdpServer({ mode: 'nla', flags: 0x08, ...material });
    rdpServer = await startFakeRdpServer({ mode: 'rdp', ...material });
    closedPort = await freePort();
  });
  after(async () => {
    await tlsServer?.close();
    await nlaServer?.close();
    await rdpServer?.close();
    await idnServer?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints the SPEC JSON shape and exits 0 when only warnings are found', async () => {
    const r = await run(['check', `127.0.0.1:${tlsServer.port}`, '--format', 'json', '--ca', 'ca.pem'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.tool, 'rdp-doctor');
    assert.match(out.version, /^\d+\.\d+\.\d+/);
    const [host] = out.hosts;
    for (const key of ['target', 'host', 'port', 'addresses', 'timings', 'negotiation', 'tls', 'certificate', 'findings']) assert.ok(key in host, key);
    assert.equal(host.target, `127.0.0.1:${tlsServer.port}`);
    assert.deepEqual(host.addresses, ['127.0.0.1']);
    assert.equal(typeof host.timings.totalMs, 'number');
    for (const key of ['rdp', 'ssl', 'hybrid', 'hybridEx', 'rdstls', 'nlaRequired', 'failures']) assert.ok(key in host.negotiation, key);
    assert.deepEqual(Object.keys(host.tls), ['protocol', 'cipher', 'accepted']);
    // The fake serves TLS 1.2 and 1.3 only; 1.2 is asked alone, since the main handshake lands on 1.3.
    assert.deepEqual(host.tls.accepted, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    assert.equal(host.ntlm, null, 'a TLS-only server is not asked for NTLM facts');
    for (const key of ['subject', 'issuer', 'serialNumber', 'notBefore', 'notAfter', 'sha1', 'sha256', 'dnsNames', 'ipAddresses', 'extendedKeyUsage',
      'keyAlgorithm', 'keyBits', 'signatureAlgorithm', 'selfSigned', 'trusted', 'nameMatches']) assert.ok(key in host.certificate, key);
    assert.equal(host.certificate.sha1, valid.sha1);
    assert.equal(host.certificate.trusted, true);
    assert.match(host.certificate.notAfter, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.deepEqual(host.findings.map((f: { ruleId: string }) => f.ruleId), ['NET011']);
    assert.deepEqual(Object.keys(host.findings[0]).sort(), ['message', 'ruleId', 'severity']);
  });

  it('a .rdp file at authentication level 1: a certificate the client cannot trust is an error where no Kerberos can stand in for it', async () => {
    const strict = (host: string, port: number, extra = ''): string => `full address:s:${host}:${port}\r\nauthentication level:i:1\r\n${extra}`;
    const findingsOf = async (file: string, text: string, args: string[] = []): Promise<{ code: number | null; findings: { ruleId: string; severity: string; message: string }[] }> => {
      writeFileSync(join(dir, file), text);
      const r = await run(['check', file, '--format', 'json', ...args], dir);
      return { code: r.code, findings: JSON.parse(r.stdout).hosts[0].findings };
    };
    // By IP address: Windows tries no Kerberos, so the untrusted certificate is all the client has.
    const byIp = await findingsOf('strict-ip.rdp', strict('127.0.0.1', nlaServer.port));
    assert.equal(byIp.code, 1);
    const ipUntrusted = byIp.findings.find((f) => f.ruleId === 'NET022');
    assert.equal(ipUntrusted?.severity, 'error');
    assert.match(ipUntrusted!.message, /authentication level:i:1, so the client refuses to connect: the target is an IP address/);
    // A TLS-only server: no CredSSP, no Kerberos.
    const tlsOnly = await findingsOf('strict-tls.rdp', strict('localhost', tlsServer.port));
    assert.equal(tlsOnly.code, 1);
    assert.match(tlsOnly.findings.find((f) => f.ruleId === 'NET022')!.message, /the server selected TLS without CredSSP/);
    // CredSSP turned off in the file, against a server that does not require NLA: its client reaches the certificate.
    const noCredSsp = await findingsOf('strict-nocredssp.rdp', strict('localhost', tlsServer.port, 'enablecredsspsupport:i:0\r\n'));
    assert.equal(noCredSsp.findings.find((f) => f.ruleId === 'NET022')?.severity, 'error');
    assert.match(noCredSsp.findings.find((f) => f.ruleId === 'NET022')!.message, /the file turns CredSSP off \(enablecredsspsupport:i:0\), so no Kerberos sign-in/);
    // Against a server that requires NLA it never does: the negotiation fails first (XRF001), the certificate stays a warning.
    const nlaFirst = await findingsOf('strict-nocredssp.rdp', strict('localhost', nlaServer.port, 'enablecredsspsupport:i:0\r\n'));
    assert.deepEqual(nlaFirst.findings.filter((f) => /^(NET022|XRF001)$/.test(f.ruleId)).map((f) => [f.ruleId, f.severity]), [['NET022', 'warning'], ['XRF001', 'error']]);
    assert.match(nlaFirst.findings.find((f) => f.ruleId === 'NET022')!.message, /the negotiation fails first \(HYBRID_REQUIRED_BY_SERVER\)\.$/);
    // By name to a CredSSP server: Kerberos may authenticate it, so the finding says on what the connection depends.
    const byName = await findingsOf('strict-name.rdp', strict('localhost', nlaServer.port));
    const nameUntrusted = byName.findings.find((f) => f.ruleId === 'NET022');
    assert.equal(nameUntrusted?.severity, 'warning');
    assert.match(nameUntrusted!.message, /connects only when Kerberos authenticates the server/);
    assert.equal(byName.code, 0);
    // A trusted certificate that names the target leaves nothing to say; level 2 keeps the warning as it was.
    assert.equal((await findingsOf('strict-ip.rdp', strict('127.0.0.1', tlsServer.port), ['--ca', 'ca.pem'])).findings.some((f) => /NET02[23]/.test(f.ruleId)), false);
    const level2 = await findingsOf('level2.rdp', `full address:s:127.0.0.1:${tlsServer.port}\r\nauthentication level:i:2\r\n`);
    assert.equal(level2.findings.find((f) => f.ruleId === 'NET022')?.severity, 'warning');
    assert.doesNotMatch(level2.findings.find((f) => f.ruleId === 'NET022')!.message, /authentication level/);
  });

  it('text: a ladder DNS → TCP → Negotiation → TLS → Certificate per host, findings under their step', async () => {
    const r = await run(['check', `127.0.0.1:${nlaServer.port}`, `127.0.0.1:${closedPort}`], dir);
    assert.equal(r.code, 1, r.stderr);
    const [nla, refused] = r.stdout.split('\n\n');
    assert.match(nla!, /✓ DNS +127\.0\.0\.1\./);
    assert.match(nla!, /✓ Negotiation +Selected CredSSP \(NLA\)\..*NLA required\. Restricted admin supported\./);
    assert.match(nla!, /info +The server requires Network Level Authentication.*NET010/);
    assert.match(nla!, /! Certificate +CN=localhost, issued by CN=RDP Doctor Test CA/);
    assert.match(nla!, /NTLM: localhost \(CONTOSO\\RDSH01\) in contoso\.com, version 10\.0\.17763, clock \d{4}-/);
    assert.match(refused!, /✗ TCP +No connection to port \d+\./);
    assert.match(refused!, /error +Nothing accepts connections on 127\.0\.0\.1 port \d+: the connection was refused\. +NET002/);
    assert.match(refused!, /– TLS +Not reached\./);
    assert.match(r.stdout, /2 hosts checked: 1 with errors, 1 with warnings, 0 fine\./);
  });

  it('XRF001 from the check itself: an .rdp file that turns CredSSP off, against a server that requires NLA', async () => {
    writeFileSync(join(dir, 'no-credssp.rdp'), `full address:s:127.0.0.1:${nlaServer.port}\r\nenablecredsspsupport:i:0\r\n`);
    const r = await run(['check', 'no-credssp.rdp', '--format', 'json', '--ca', 'ca.pem'], dir);
    assert.equal(r.code, 1, r.stderr);
    const [host] = JSON.parse(r.stdout).hosts;
    const xrf = host.findings.filter((f: { ruleId: string }) => f.ruleId === 'XRF001');
    assert.equal(xrf.length, 1);
    assert.equal(xrf[0].severity, 'error');
    assert.match(xrf[0].message, /\(no-credssp\.rdp:2\)$/);
    // Its severity follows .rdpdoctor.yaml, as every rule's does; a file that offers CredSSP gets none.
    writeFileSync(join(dir, '.rdpdoctor.yaml'), 'rules:\n  XRF001: warning\n');
    const warned = JSON.parse((await run(['check', 'no-credssp.rdp', '--format', 'json', '--ca', 'ca.pem'], dir)).stdout).hosts[0];
    assert.deepEqual(warned.findings.filter((f: { ruleId: string }) => f.ruleId === 'XRF001').map((f: { severity: string }) => f.severity), ['warning']);
    rmSync(join(dir, '.rdpdoctor.yaml'));
    // The text ladder shows it too, under a step of its own.
    const text = await run(['check', 'no-credssp.rdp', '--ca', 'ca.pem'], dir);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /✗ Cross-check\n +error +"enablecredsspsupport" is 0.*\(no-credssp\.rdp:2\) +XRF001/);
    writeFileSync(join(dir, 'credssp.rdp'), `full address:s:127.0.0.1:${nlaServer.port}\r\n`);
    const clean = JSON.parse((await run(['check', 'credssp.rdp', '--format', 'json', '--ca', 'ca.pem'], dir)).stdout).hosts[0];
    assert.deepEqual(clean.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('XRF')), []);
  });

  it('XRF003 from the check itself: authentication level 1 against a server that selects Standard RDP Security', async () => {
    writeFileSync(join(dir, 'strict.rdp'), `full address:s:127.0.0.1:${rdpServer.port}\r\nauthentication level:i:1\r\n`);
    const r = await run(['check', 'strict.rdp', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const [host] = JSON.parse(r.stdout).hosts;
    assert.equal(host.negotiation.selected, 'RDP');
    const xrf = host.findings.filter((f: { ruleId: string }) => f.ruleId === 'XRF003');
    assert.equal(xrf.length, 1, JSON.stringify(host.findings));
    assert.equal(xrf[0].severity, 'error');
    assert.match(xrf[0].message, new RegExp(`a check of 127\\.0\\.0\\.1:${rdpServer.port} found that the server selected Standard RDP Security although the check offered TLS and CredSSP\\).*\\(strict\\.rdp:2\\)$`));
    // The text ladder shows it under the cross-check step; a file that only warns on a failed authentication gets none.
    const text = await run(['check', 'strict.rdp'], dir);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /✗ Cross-check\n +error +"authentication level" is 1.*\(strict\.rdp:2\) +XRF003/);
    writeFileSync(join(dir, 'warn.rdp'), `full address:s:127.0.0.1:${rdpServer.port}\r\nauthentication level:i:2\r\n`);
    const warned = JSON.parse((await run(['check', 'warn.rdp', '--format', 'json'], dir)).stdout).hosts[0];
    assert.deepEqual(warned.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('XRF')), []);
    // Against a TLS server the same file gets none either.
    writeFileSync(join(dir, 'strict-tls.rdp'), `full address:s:127.0.0.1:${tlsServer.port}\r\nauthentication level:i:1\r\n`);
    const tls = JSON.parse((await run(['check', 'strict-tls.rdp', '--format', 'json', '--ca', 'ca.pem'], dir)).stdout).hosts[0];
    assert.deepEqual(tls.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('XRF')), []);
  });

  it('SARIF: one rule per rule ID with its docs page, one result per finding, the .rdp file as location', async () => {
    writeFileSync(join(dir, 'nla.rdp'), utf16(`full address:s:127.0.0.1:${nlaServer.port}\r\nauthentication level:i:2\r\n`));
    const r = await run(['check', 'nla.rdp', '--format', 'sarif'], dir);
    assert.equal(r.code, 0, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const rules = log.runs[0].tool.driver.rules;
    const net010 = rules.find((x: { id: string }) => x.id === 'NET010');
    assert.match(net010.helpUri, /docs\/rules\/NET010\.md$/);
    const ids = log.runs[0].results.map((x: { ruleId: string }) => x.ruleId);
    assert.deepEqual(ids, ['NET010', 'NET022']);
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'nla.rdp');
    assert.match(log.runs[0].results[0].message.text, /^nla\.rdp: The server requires/);
  });

  it('SARIF locations: the full address line of a .rdp file, the inventory entry, a logical location for a typed host; valid against the SARIF 2.1.0 schema', async () => {
    writeFileSync(join(dir, 'second-line.rdp'), `screen mode id:i:2\r\nfull address:s:127.0.0.1:${closedPort}\r\n`);
    const inventory = join(dir, 'inventory.yaml');
    writeFileSync(inventory, `hosts:\n  - group: Lab\n    hosts:\n      - { host: 127.0.0.1, port: ${closedPort} }\n`);
    const r = await run(['check', 'second-line.rdp', `127.0.0.1:${closedPort}`, '--inventory', inventory, '--format', 'sarif'], dir);
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    const [fromFile, typed, fromInventory] = log.runs[0].results;
    assert.equal(fromFile.ruleId, 'NET002');
    assert.deepEqual(fromFile.locations[0].physicalLocation, {
      artifactLocation: { uri: 'second-line.rdp', uriBaseId: 'ROOT' },
      region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 1 + `full address:s:127.0.0.1:${closedPort}`.length },
    });
    assert.equal(typed.locations[0].physicalLocation, undefined);
    assert.equal(typed.locations[0].logicalLocations[0].name, `127.0.0.1:${closedPort}`);
    assert.equal(fromInventory.locations[0].physicalLocation.region.startLine, 4);
    assert.match(fromInventory.locations[0].physicalLocation.artifactLocation.uri, /inventory\.yaml$/);
    // Relative paths start from the folder the command ran in, which the run states (SARIF §3.4.4).
    assert.deepEqual(log.runs[0].originalUriBaseIds, { ROOT: { uri: `${pathToFileURL(dir).href}/` } });
    assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
    rmSync(inventory);
  });

  it('on a terminal, each host\'s verdict goes to stderr as it finishes; stdout JSON stays clean', { skip: !existsSync('/usr/bin/script') && 'no script(1)' }, async () => {
    // script(1) gives the command a terminal; stdout goes to a file, stderr stays on the terminal script records.
    const out = join(dir, 'tty.json');
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} check 127.0.0.1:${closedPort} 127.0.0.1:${nlaServer.port} --format json > ${JSON.stringify(out)}`;
    // Spawned asynchronously: the fake servers answer from this process's event loop.
    const r = await new Promise<{ status: number | null; stdout: string }>((done) => {
      const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.on('exit', (status) => done({ status, stdout }));
    });
    assert.equal(r.status, 1, r.stdout);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(json.hosts.length, 2);
    assert.match(r.stdout, new RegExp(`✗ 127\\.0\\.0\\.1:${closedPort}  1 error \\(NET002\\)`));
    assert.match(r.stdout, new RegExp(`✓ 127\\.0\\.0\\.1:${nlaServer.port}  fine|! 127\\.0\\.0\\.1:${nlaServer.port}  \\d+ warnings?`));
    const piped = await run(['check', `127.0.0.1:${closedPort}`, '--format', 'json'], dir);
    assert.equal(piped.stderr, '', 'no verdict lines when stderr is not a terminal');
  });

  it('a hostile certificate name never reaches the terminal raw: the ladder shows it escaped', async () => {
    const keys = forge.pki.rsa.generateKeyPair(1024);
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = '01';
    cert.validity.notBefore = new Date(Date.now() - 86_400_000);
    cert.validity.notAfter = new Date(Date.now() + 86_400_000);
    const attrs = [{ name: 'commonName', value: 'h\x1b]0;PWNED\x07ost\x1b[2J', valueTagClass: forge.asn1.Type.UTF8 } as unknown as forge.pki.CertificateField];
    cert.setSubject(attrs);
    cert.setIssuer(attrs);
    cert.sign(keys.privateKey, forge.md.sha256.create());
    const hostile = await startFakeRdpServer({ mode: 'tls', cert: forge.pki.certificateToPem(cert), key: forge.pki.privateKeyToPem(keys.privateKey) });
    try {
      const r = await run(['check', `127.0.0.1:${hostile.port}`], dir);
      assert.doesNotMatch(r.stdout, /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
      // X.509 name formatting escapes the `;` itself; ours escapes the controls.
      assert.match(r.stdout, /CN=h\\x1b\]0\\;PWNED\\x07ost\\x1b\[2J/);
      const json = JSON.parse((await run(['check', `127.0.0.1:${hostile.port}`, '--format', 'json'], dir)).stdout);
      assert.match(json.hosts[0].certificate.subject, /\x1b\]0\\;PWNED\x07/, 'JSON keeps the raw name');
    } finally {
      await hostile.close();
    }
  });

  it('a .rdp file: its full address (or server port) is checked, --name sets the certificate name', async () => {
    writeFileSync(join(dir, 'by-port.rdp'), `full address:s:127.0.0.1\nserver port:i:${tlsServer.port}\n`);
    let r = await run(['check', 'by-port.rdp', '--format', 'json', '--ca', 'ca.pem'], dir);
    let host = JSON.parse(r.stdout).hosts[0];
    assert.equal(host.port, tlsServer.port);
    assert.equal(host.certificate.nameMatches, true);
    r = await run(['check', 'by-port.rdp', '--format', 'json', '--ca', 'ca.pem', '--name', 'rdsh01.contoso.test'], dir);
    host = JSON.parse(r.stdout).hosts[0];
    assert.equal(host.certificate.nameMatches, false);
    assert.match(host.findings.find((f: { ruleId: string }) => f.ruleId === 'NET023').message, /"rdsh01\.contoso\.test"/);
  });

  it('a .rdp file naming a host with non-ASCII letters: linted as a name, looked up and matched by its Punycode form', async () => {
    // bücher.localhost resolves to loopback (RFC 6761 §6.3); its certificate names xn--bcher-kva.localhost.
    writeFileSync(join(dir, 'idn.rdp'), `full address:s:bücher.localhost:${idnServer.port}\n`);
    const lint = await run(['lint', 'idn.rdp', '--format', 'json'], dir);
    assert.equal(lint.code, 0, lint.stdout);
    assert.deepEqual(JSON.parse(lint.stdout).files[0].findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId} ${f.severity}`), ['RDP011 info']);
    const r = await run(['check', 'idn.rdp', '--format', 'json', '--ca', 'ca.pem'], dir);
    const host = JSON.parse(r.stdout).hosts[0];
    assert.equal(host.host, 'bücher.localhost');
    assert.equal(host.port, idnServer.port);
    assert.deepEqual(host.certificate.dnsNames, ['xn--bcher-kva.localhost']);
    assert.equal(host.certificate.nameMatches, true);
    assert.deepEqual(host.findings.map((f: { ruleId: string }) => f.ruleId), ['NET011']);
  });

  it('--inventory: hosts with names, trust.ca relative to the file, rule overrides, exit 1 on an error finding', async () => {
    writeFileSync(
      join(dir, '.rdpdoctor.yaml'),
      `rules:\n  NET011: off\ntrust:\n  ca: [ca.pem]\nchecks:\n  timeoutMs: 2000\n  concurrency: 4\nhosts:\n  - group: Lab\n    hosts:\n` +
        `      - { host: 127.0.0.1, port: ${tlsServer.port}, name: localhost }\n      - { host: 127.0.0.1, port: ${closedPort} }\n`,
    );
    const r = await run(['check', '--inventory', join(dir, '.rdpdoctor.yaml'), '--format', 'json'], tmpdir());
    assert.equal(r.code, 1, r.stderr);
    const [tls, refused] = JSON.parse(r.stdout).hosts;
    assert.equal(tls.target, `127.0.0.1:${tlsServer.port}`);
    assert.equal(tls.name, 'localhost');
    assert.deepEqual(tls.findings, []);
    assert.equal(tls.certificate.trusted, true);
    assert.deepEqual(refused.findings.map((f: { ruleId: string }) => f.ruleId), ['NET002']);
    // Not negotiated: still the object SPEC §3 shows, every protocol not determined.
    assert.deepEqual(
      ['rdp', 'ssl', 'hybrid', 'hybridEx', 'rdstls', 'nlaRequired'].map((k) => refused.negotiation[k]),
      [null, null, null, null, null, null],
    );
    assert.deepEqual(refused.negotiation.failures, {});
    rmSync(join(dir, '.rdpdoctor.yaml'));
  });

  it('JSON ntlm for a CredSSP server, and checks.ntlmInfo: false in .rdpdoctor.yaml turns the question off', async () => {
    let r = await run(['check', `127.0.0.1:${nlaServer.port}`, '--format', 'json', '--ca', 'ca.pem'], dir);
    let host = JSON.parse(r.stdout).hosts[0];
    assert.deepEqual(Object.keys(host.ntlm), ['netbiosComputer', 'netbiosDomain', 'dnsComputer', 'dnsDomain', 'dnsTree', 'productVersion', 'serverTime']);
    assert.equal(host.ntlm.dnsComputer, 'localhost');
    writeFileSync(join(dir, '.rdpdoctor.yaml'), 'checks:\n  ntlmInfo: false\n');
    r = await run(['check', `127.0.0.1:${nlaServer.port}`, '--format', 'json', '--ca', 'ca.pem'], dir);
    assert.equal(r.code, 0, r.stderr);
    host = JSON.parse(r.stdout).hosts[0];
    assert.equal(host.ntlm, null);
    assert.equal(host.timings.ntlmMs, undefined);
    writeFileSync(join(dir, '.rdpdoctor.yaml'), 'checks:\n  ntlmInfo: perhaps\n');
    r = await run(['check', `127.0.0.1:${nlaServer.port}`, '--format', 'json', '--ca', 'ca.pem'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /checks\.ntlmInfo must be true or false\./);
    rmSync(join(dir, '.rdpdoctor.yaml'));
  });

  it('exit 2 for unreadable input and bad options; the other targets are still checked', async () => {
    let r = await run(['check', 'missing.rdp', `127.0.0.1:${tlsServer.port}`, '--format', 'json', '--ca', 'no-such-ca.pem'], dir);
    assert.equal(r.code, 2);
    const out = JSON.parse(r.stdout);
    assert.equal(out.hosts.length, 1);
    assert.deepEqual(out.errors.map((e: { path: string }) => e.path), ['missing.rdp', 'no-such-ca.pem']);
    assert.match(r.stderr, /missing\.rdp: No such file or folder\./);
    r = await run(['check', '127.0.0.1', '--timeout', 'soon'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--timeout must be a whole number from 100 to 600000, not "soon"\./);
    r = await run(['check'], dir);
    assert.equal(r.code, 2);
    r = await run(['check', 'bad host name'], dir);
    assert.equal(r.code, 2);
  });
});
