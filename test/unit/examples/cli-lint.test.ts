// `rdp-doctor lint examples/`: the demo shows every export format RDP Doctor reads, each with findings, and the
// cross-checks between the connection files and the exports (XRF001–003, GPO013). The exports' bytes are the
// generator's (scripts/make-examples.mjs), so they are made, not hand-edited.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { demoExports } from '../../support/demo-examples';

const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'dist/cli.js');

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  related?: { path: string; line: number; message: string }[];
}
interface Json {
  files: { path: string; format: string; findings: Finding[] }[];
  errors: { path: string; message: string }[];
}

function lintExamples(): { code: number; json: Json } {
  const r = spawnSync(process.execPath, [CLI, 'lint', 'examples', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, json: JSON.parse(r.stdout) as Json };
}

const posix = (p: string): string => p.replace(/\\/g, '/');

describe('rdp-doctor lint examples/', () => {
  let code: number;
  let json: Json;
  let byPath: Map<string, Json['files'][number]>;
  before(() => {
    ({ code, json } = lintExamples());
    byPath = new Map(json.files.map((f) => [posix(f.path), f]));
  });
  const rules = (path: string): string[] => [...new Set(byPath.get(`examples/${path}`)?.findings.map((f) => f.ruleId) ?? [])].sort();

  it('reads everything without an error, and finds errors to show (exit code 1)', () => {
    assert.deepEqual(json.errors, []);
    assert.equal(code, 1);
  });

  it('has an export in every format RDP Doctor reads, each with findings of its own', () => {
    const formats = new Map<string, number>();
    for (const f of json.files) formats.set(f.format, (formats.get(f.format) ?? 0) + f.findings.filter((x) => x.ruleId.startsWith('GPO')).length);
    for (const format of ['gpo-report-xml', 'rsop-xml', 'registry-pol', 'reg', 'lgpo-text', 'gpo-backup']) {
      assert.ok((formats.get(format) ?? 0) > 0, `a ${format} export with GPO findings (formats seen: ${[...formats.keys()].join(', ')})`);
    }
    assert.ok(formats.has('rdp') && formats.has('config'));
  });

  it('each export shows the finding its story is about', () => {
    assert.deepEqual(rules('policy/gpreport-rds-session-hosts.xml'), ['GPO007', 'GPO013']);
    assert.deepEqual(rules('policy/gpresult-rdsh01.xml'), ['GPO007', 'GPO013']);
    assert.deepEqual(rules('policy/rdsh02-local-policy.lgpo.txt'), ['GPO002', 'GPO006', 'GPO010', 'GPO013']);
    assert.deepEqual(rules('policy/rdsh02-rdp-tcp.reg'), ['GPO011']);
    assert.deepEqual(rules('policy/helpdesk-pc/Machine/Registry.pol'), ['GPO005', 'GPO006']);
    const backup = json.files.filter((f) => f.format === 'gpo-backup').flatMap((f) => f.findings.map((x) => x.ruleId));
    assert.deepEqual([...new Set(backup)].sort(), ['GPO008', 'GPO009']);
  });

  it('the connection files cross-check against the exports: XRF001, XRF002, XRF003', () => {
    const legacy = byPath.get('examples/legacy-by-ip.rdp')!.findings;
    const xrf001 = legacy.find((f) => f.ruleId === 'XRF001')!;
    assert.match(xrf001.message, /"UserAuthentication" is 1 in examples\/policy\//);
    // The listener's own UserAuthentication 1 in rdsh02-rdp-tcp.reg is overridden by the policies of the other exports.
    assert.ok(!xrf001.related!.some((r) => posix(r.path) === 'examples/policy/rdsh02-rdp-tcp.reg'));
    const xrf002 = legacy.find((f) => f.ruleId === 'XRF002')!;
    assert.match(xrf002.message, /connects to port 3390, but the listener in examples\/policy\/rdsh02-rdp-tcp\.reg listens on 3389/);
    const xrf003 = byPath.get('examples/rdsh02-strict.rdp')!.findings;
    assert.deepEqual(xrf003.map((f) => f.ruleId), ['XRF003']);
    assert.match(xrf003[0]!.message, /"SecurityLayer" is 0 in examples\/policy\/rdsh02-local-policy\.lgpo\.txt/);
    // The reference file stays clean of cross-check findings.
    assert.deepEqual(rules('secure-desktop.rdp'), ['RDP043']);
  });

  it('GPO013 shows both kinds of conflict: between two exports, and a GPO that lost in gpresult', () => {
    const lgpo = byPath.get('examples/policy/rdsh02-local-policy.lgpo.txt')!.findings.find((f) => f.ruleId === 'GPO013')!;
    assert.match(lgpo.message, /"SecurityLayer" is 0 here but 2 in examples\/policy\//);
    const lost = byPath.get('examples/policy/gpresult-rdsh01.xml')!.findings.filter((f) => f.ruleId === 'GPO013').map((f) => f.message);
    assert.ok(lost.includes('"UserAuthentication" is 0 in GPO "RDS Legacy Clients", which lost (precedence 2): GPO "RDS Session Hosts" wins with 1.'), lost.join('\n'));
  });
});

describe('examples/policy is what scripts/make-examples.mjs writes', () => {
  const generated = demoExports();
  const dir = join(ROOT, 'examples', 'policy');
  const committed = (function list(d: string): string[] {
    return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(join(d, e.name)) : [posix(relative(join(ROOT, 'examples'), join(d, e.name)))]));
  })(dir);

  it('the same files, byte for byte', () => {
    assert.deepEqual(committed.sort(), Object.keys(generated).sort());
    for (const [path, bytes] of Object.entries(generated)) assert.ok(readFileSync(join(ROOT, 'examples', path)).equals(bytes), `examples/${path} differs: run node scripts/make-examples.mjs`);
  });

  it('in the encodings Windows writes them', () => {
    const utf16 = (path: string): boolean => generated[path]!.subarray(0, 2).equals(Buffer.from([0xff, 0xfe]));
    assert.ok(utf16('policy/gpreport-rds-session-hosts.xml') && utf16('policy/gpresult-rdsh01.xml') && utf16('policy/rdsh02-rdp-tcp.reg'));
    assert.equal(generated['policy/helpdesk-pc/Machine/Registry.pol']!.subarray(0, 4).toString('latin1'), 'PReg');
  });
});
