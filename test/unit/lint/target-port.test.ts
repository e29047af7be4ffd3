import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseRdp } from '../../../src/core/rdp/parse';
import { signerThumbprints } from '../../../src/core/rdp/signer';
import { rdpTarget } from '../../../src/core/rdp/target';
import { rdpFacts } from '../../../src/core/rules/xrf/facts';

const CLI = resolve(__dirname, '../../../../dist/cli.js');
const LISTENER = 'SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';

/** A port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('the port a .rdp file connects to is decided once', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-port-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('full address port, else server port, else 3389, for the target and the cross-check facts alike', () => {
    const cases: [string, number, string][] = [
      ['full address:s:h.example.invalid:3391\r\nserver port:i:3390\r\n', 3391, 'address'],
      ['full address:s:h.example.invalid\r\nserver port:i:3390\r\n', 3390, 'server port'],
      ['full address:s:h.example.invalid\r\nserver port:i:99999\r\n', 3389, 'default'],
      ['full address:s:h.example.invalid\r\n', 3389, 'default'],
    ];
    for (const [text, port, from] of cases) {
      const doc = parseRdp(text);
      const target = rdpTarget(doc);
      assert.ok(target.ok);
      assert.equal(target.port, port, text);
      assert.equal(target.portFrom, from, text);
      assert.deepEqual(rdpFacts(doc, () => 0).port, { value: port, from, key: 'full address', at: 0 }, text);
    }
  });

  it('a set alternate full address is where clients connect (FreeRDP file.c: "alternate full address always wins"), with its own port or none', () => {
    const cases: [string, string, number, string][] = [
      ['full address:s:a.example.invalid:3391\r\nalternate full address:s:b.example.invalid\r\n', 'b.example.invalid', 3389, 'default'],
      ['full address:s:a.example.invalid\r\nalternate full address:s:b.example.invalid:3392\r\nserver port:i:3390\r\n', 'b.example.invalid', 3392, 'address'],
      ['full address:s:a.example.invalid\r\nalternate full address:s:b.example.invalid\r\nserver port:i:3390\r\n', 'b.example.invalid', 3390, 'server port'],
      // An empty alternate is none: the full address.
      ['full address:s:a.example.invalid:3391\r\nalternate full address:s:\r\n', 'a.example.invalid', 3391, 'address'],
    ];
    for (const [text, host, port, from] of cases) {
      const doc = parseRdp(text);
      const target = rdpTarget(doc);
      assert.ok(target.ok, text);
      assert.deepEqual([target.host, target.port, target.portFrom], [host, port, from], text);
      const facts = rdpFacts(doc, (span) => span.start);
      assert.equal(facts.port?.key, host === 'b.example.invalid' ? 'alternate full address' : 'full address', text);
      assert.equal(facts.port?.at, doc.byKey.get(facts.port!.key)![0]!.valueSpan.start, 'located at the line the address came from');
    }
    const broken = rdpTarget(parseRdp('full address:s:a.example.invalid\r\nalternate full address:s:b.example.invalid:99999\r\n'));
    assert.ok(!broken.ok);
    assert.match(broken.problem, /^the alternate full address "b\.example\.invalid:99999" is not valid/);
  });

  it('a port with a leading zero is no port to take: FreeRDP reads it as octal (cmdline.c value_to_int, base 0), others may not', () => {
    for (const text of ['full address:s:h.example.invalid:03389\r\n', 'full address:s:h.example.invalid\r\nserver port:i:03389\r\n']) {
      const doc = parseRdp(text);
      const target = rdpTarget(doc);
      assert.ok(!target.ok, text);
      assert.match(target.problem, /the port "03389" has a leading zero: FreeRDP reads it as the octal number 033 \(it stops at the "8"\) and connects to port 27, while other clients may read 3389/, text);
      assert.equal(rdpFacts(doc, () => 0).port, undefined, 'no port for XRF002 either');
    }
    // The address's own port decides (rdpTarget): a server port with a leading zero beside it changes nothing here.
    const beside = rdpTarget(parseRdp('full address:s:h.example.invalid:3390\r\nserver port:i:03389\r\n'));
    assert.ok(beside.ok);
    assert.equal(beside.port, 3390);
  });

  it('check of a file whose port has a leading zero says why it checks nothing (exit 2), as for any invalid address', () => {
    const file = join(dir, 'octal.rdp');
    writeFileSync(file, 'full address:s:127.0.0.1:03389\r\n');
    const r = spawnSync(process.execPath, [CLI, 'check', file, '--format', 'json', '--timeout', '2000'], { encoding: 'utf8' });
    rmSync(file); // the folder is linted by a later test
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /The full address "127\.0\.0\.1:03389" is not valid: the port "03389" has a leading zero: FreeRDP reads it as the octal number 033/);
  });

  it('check of a file with an alternate full address probes the alternate, where clients connect', async () => {
    const port = await closedPort();
    const file = join(dir, 'alternate.rdp');
    writeFileSync(file, `full address:s:127.0.0.1:1\r\nalternate full address:s:127.0.0.1:${port}\r\n`);
    const r = spawnSync(process.execPath, [CLI, 'check', file, '--format', 'json', '--timeout', '2000'], { encoding: 'utf8' });
    rmSync(file); // the folder is linted by the next test
    const json = JSON.parse(r.stdout) as { hosts: { port: number }[] };
    assert.equal(json.hosts[0]!.port, port);
  });

  it('lint: no XRF002 when server port matches the export PortNumber; XRF002 when it does not', () => {
    writeFileSync(join(dir, 'client.rdp'), 'full address:s:rdsh01.example.invalid\r\nserver port:i:3390\r\n');
    writeFileSync(join(dir, 'server.reg'), `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${LISTENER}]\r\n"PortNumber"=dword:00000d3e\r\n`);
    const lint = (): { ruleId: string; message: string }[] => {
      const r = spawnSync(process.execPath, [CLI, 'lint', dir, '--format', 'json'], { encoding: 'utf8' });
      const json = JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string; message: string }[] }[] };
      return json.files.flatMap((f) => f.findings);
    };
    assert.deepEqual(lint().filter((f) => f.ruleId === 'XRF002'), []);
    writeFileSync(join(dir, 'server.reg'), `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${LISTENER}]\r\n"PortNumber"=dword:00000d3f\r\n`);
    const found = lint().filter((f) => f.ruleId === 'XRF002');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /^The file connects to port 3390 \(from server port\), but the listener/);
  });

  it('check of the file connects to its server port', async () => {
    const port = await closedPort();
    const file = join(dir, 'loopback.rdp');
    writeFileSync(file, `full address:s:127.0.0.1\r\nserver port:i:${port}\r\n`);
    const r = spawnSync(process.execPath, [CLI, 'check', file, '--format', 'json', '--timeout', '2000'], { encoding: 'utf8' });
    const json = JSON.parse(r.stdout) as { hosts: { port: number; findings: { ruleId: string }[] }[] };
    assert.equal(json.hosts[0]!.port, port);
    assert.deepEqual(json.hosts[0]!.findings.map((f) => f.ruleId), ['NET002']);
  });
});

describe('publishers trusted by policy reach RDP043 in the lint session', () => {
  it('a signed file whose signer an export of the run trusts gets the "trusted publisher" verdict, in the CLI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-trusted-'));
    try {
      const fixture = readFileSync(resolve(__dirname, '../../../../test/fixtures/rdp/signed-by-contoso.rdp'), 'utf8');
      const signature = /^signature:s:(.*)$/m.exec(fixture)![1]!;
      const sha1 = signerThumbprints(signature)!.sha1;
      writeFileSync(join(dir, 'signed.rdp'), fixture);
      const lint = (): string => {
        const r = spawnSync(process.execPath, [CLI, 'lint', dir, '--format', 'json'], { encoding: 'utf8' });
        const json = JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string; message: string }[] }[] };
        return json.files.find((f) => f.path.endsWith('signed.rdp'))!.findings.find((f) => f.ruleId === 'RDP043')!.message;
      };
      assert.match(lint(), /it is signed, so clients updated since April 2026 name the publisher/);
      const policy = 'SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';
      writeFileSync(join(dir, 'trust.reg'), `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${policy}]\r\n"TrustedCertThumbprints"="${sha1}"\r\n`);
      assert.match(lint(), new RegExp(`its signer ${sha1} is trusted by policy \\("TrustedCertThumbprints" in .*trust\\.reg\\)`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
