// Every host in examples/ lives on this machine or nowhere: addresses in 127.0.0.0/8 (or ::1), names under
// `.localhost` or `.invalid` (RFC 6761). A check run from the demo, or a test built on it, then never sends a
// packet beyond loopback, and no name in it can resolve to someone's server.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parseConfig } from '../../../src/core/config/parse';
import { hasPolSignature } from '../../../src/core/gpo/registry-pol-records';
import { specialUseName } from '../../../src/core/net/dns';
import { parseAddress } from '../../../src/core/text/address';
import { parseRdp } from '../../../src/core/rdp/parse';
import { ALL_RULES } from '../../../src/core/rules/registry';
import { decodeBytes } from '../../../src/core/text/decode';
import { mstscFile } from '../../../bench/corpus';

const ROOT = resolve(__dirname, '../../../..');
const EXAMPLES = join(ROOT, 'examples');

/** Extensions of file names that appear in the examples' text (`legacy-by-ip.rdp`, `gpreport.xml`): not host names. */
const FILE_EXTENSIONS = new Set(['rdp', 'xml', 'pol', 'reg', 'txt', 'inf', 'yaml', 'yml', 'md', 'json', 'pem', 'ps1', 'exe', 'msc', 'admx', 'adml', 'cmtx', 'csv', 'mjs']);

/** Hosts of XML namespace URIs and documentation links, which nothing connects to. */
const DOCUMENTATION_HOSTS = new Set(['www.microsoft.com', 'schemas.microsoft.com', 'www.w3.org', 'learn.microsoft.com', 'www.rfc-editor.org']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The text of any example file: decoded with its BOM, or a Registry.pol's UTF-16LE records. */
function textOf(path: string): string {
  const bytes = readFileSync(path);
  return hasPolSignature(bytes) ? bytes.subarray(8).toString('utf16le') : decodeBytes(bytes).text;
}

/** Whether a host (a name or an address) is on this machine or nowhere. */
function isContained(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const ip = isIP(bare);
  if (ip === 4) return bare.split('.')[0] === '127';
  if (ip === 6) return bare === '::1';
  return specialUseName(bare) !== undefined;
}

/** Addresses and dotted names anywhere in a text that are not contained, with what they were found as. */
function uncontainedIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\.?\d)/g)) if (isIP(m[0]) === 4 && !isContained(m[0])) found.push(m[0]);
  for (const m of text.matchAll(/(?<![\w:.])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/gi)) if (isIP(m[0]) === 6 && !isContained(m[0])) found.push(m[0]);
  // A URL's host must be contained too, unless it names an XML namespace or a documentation site (nothing
  // connects there) or it is a `tsv://` load-balancing cookie (a farm name, not a host).
  const withoutUrls = text.replace(/\b([a-z][a-z0-9+.-]*):\/\/([^\s"'<>)\]/:]*)[^\s"'<>)\]]*/gi, (_url, scheme: string, host: string) => {
    if (scheme.toLowerCase() !== 'tsv' && !DOCUMENTATION_HOSTS.has(host.toLowerCase()) && !isContained(host)) found.push(host);
    return ' ';
  });
  // `**del.name` is a Registry.pol deletion, not a name.
  for (const m of withoutUrls.matchAll(/(?<![\w.*-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z](?:[a-z0-9-]*[a-z0-9])?(?![\w-]|\.[a-z0-9])/gi)) {
    const name = m[0];
    const last = name.split('.').pop()!.toLowerCase();
    if (FILE_EXTENSIONS.has(last) || /^\d/.test(name)) continue;
    if (!isContained(name)) found.push(name);
  }
  return found;
}

/** Every host a check or a client could be sent to: the `.rdp` files' addresses and gateways, the inventory. */
function checkTargets(path: string, text: string): string[] {
  if (path.endsWith('.rdp')) {
    const hosts: string[] = [];
    for (const line of parseRdp(text).lines) {
      const entry = line.entry;
      if (!entry || entry.value.trim() === '') continue;
      if (entry.key === 'full address' || entry.key === 'alternate full address') {
        const parsed = parseAddress(entry.value);
        hosts.push(parsed.ok ? parsed.address.host : entry.value);
      }
      if (entry.key === 'gatewayhostname' || entry.key === 'kdcproxyname') hosts.push(entry.value.replace(/:\d+$/, ''));
    }
    return hosts;
  }
  if (/\.rdpdoctor\.ya?ml$/.test(path)) {
    return parseConfig(text, new Set(ALL_RULES.map((r) => r.id))).config.hosts.flatMap((h) => [h.host, ...(h.name !== undefined ? [h.name] : [])]);
  }
  return [];
}

describe('examples/ hosts stay on this machine or nowhere', () => {
  const files = filesUnder(EXAMPLES);

  it('the scanner itself tells contained hosts from the others', () => {
    assert.deepEqual(uncontainedIn('full address:s:10.0.0.12 and 127.0.0.12:3390, [::1], fd00::1, rdsh01.contoso.com, demo-listener.localhost, rdgw.corp.invalid.'), ['10.0.0.12', 'fd00::1', 'rdsh01.contoso.com']);
    assert.deepEqual(uncontainedIn('see https://learn.microsoft.com/x and legacy-by-ip.rdp, OID 1.3.6.1.4.1.311.54.1.2, version 1.0'), []);
    assert.deepEqual(uncontainedIn('xmlns="http://www.microsoft.com/GroupPolicy/Settings" https://rdweb.contoso.com/RDWeb https://demo.localhost:8443/x'), ['rdweb.contoso.com']);
    assert.deepEqual(uncontainedIn('[HKEY_LOCAL_MACHINE\\Terminal Services] **del.fAllowToGetHelp tsv://MS Terminal Services Plugin.1.Office_Apps'), []);
    assert.deepEqual(uncontainedIn('alice@contoso.com 192.168.1.5 172.16.0.1'), ['192.168.1.5', '172.16.0.1', 'contoso.com']);
  });

  it('holds files to scan', () => {
    assert.ok(files.some((f) => f.endsWith('.rdp')));
    assert.ok(files.some((f) => f.endsWith('.rdpdoctor.yaml')));
  });

  it('no file names an address outside 127.0.0.0/8 or a name outside .localhost and .invalid', () => {
    const offenders = files.flatMap((f) => uncontainedIn(textOf(f)).map((h) => `${relative(ROOT, f)}: ${h}`));
    assert.deepEqual(offenders, []);
  });

  it('every .rdp target, gateway and inventory host is contained (single-label names included)', () => {
    const targets = files.flatMap((f) => checkTargets(f, textOf(f)).map((h) => ({ file: relative(ROOT, f), host: h })));
    assert.ok(targets.length >= 5, 'the scan found the hosts');
    assert.deepEqual(targets.filter((t) => !isContained(t.host)), []);
  });
});

describe('the benchmark corpus names no host outside this machine', () => {
  // bench/corpus.ts makes the 10,000 files `npm run bench` lints into bench/data, a folder an editor may open.
  it('every target of its files is contained, and no other address or name is written', () => {
    for (let n = 0; n < 10000; n += 7) {
      const text = mstscFile(n);
      const hosts = checkTargets(`bench/data/host-${n}.rdp`, text);
      assert.equal(hosts.length, 1, `file ${n} has one target`);
      assert.ok(isContained(hosts[0]!), `file ${n}: ${hosts[0]}`);
      assert.deepEqual(uncontainedIn(text), [], `file ${n}`);
    }
  });
});
