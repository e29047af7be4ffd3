import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { exampleParams, findFix, POWERSHELL_FIXES, renderFix } from '../../../src/core/fixes/index';

const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'dist/cli.js');

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2, nothing on stdout, and exactly one `rdp-doctor: …` line on stderr. */
function assertRefused(args: string[], message: RegExp): void {
  const r = run(args);
  assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
  assert.equal(r.stdout, '', 'no script is printed');
  assert.match(r.stderr, /^rdp-doctor: [^\n]+\n$/, `one line: ${JSON.stringify(r.stderr)}`);
  assert.match(r.stderr, message);
}

describe('rdp-doctor fix', () => {
  it('prints the rendered script, exit 0', () => {
    const r = run(['fix', 'test-port', '--param', 'host=rdsh01.contoso.com', '--param', 'port=3390']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const expected = renderFix(findFix('test-port')!, { host: 'rdsh01.contoso.com', port: '3390' });
    assert.ok(expected.ok);
    assert.equal(r.stdout, expected.script);
    assert.match(r.stdout, /^\$Target = 'rdsh01\.contoso\.com'$/m);
  });

  it('renders every fix from the command line as the core does', () => {
    for (const fix of POWERSHELL_FIXES) {
      const params = exampleParams(fix, 'all');
      const r = run(['fix', fix.id, ...Object.entries(params).flatMap(([k, v]) => ['--param', `${k}=${v}`])]);
      assert.equal(r.code, 0, `${fix.id}: ${r.stderr}`);
      const expected = renderFix(fix, params);
      assert.ok(expected.ok);
      assert.equal(r.stdout, expected.script, fix.id);
    }
  });

  it('accepts --param=KEY=VALUE, a value with "=", and normalizes a thumbprint', () => {
    const r = run(['fix', 'bind-listener-cert', '--param=thumbprint=42:49:e1:2c:a5:9d:6b:0f:7e:11:22:33:44:55:66:77:88:99:aa:bb']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^\$Thumbprint = '4249E12CA59D6B0F7E112233445566778899AABB'$/m);
    assertRefused(['fix', 'test-port', '--param', 'host=a=b'], /Parameter "host" must be a host name or an IP address; "a=b" contains "="\./);
  });

  it('prints {id, title, runsOn, script} with --format json', () => {
    const r = run(['fix', 'require-nla', '--param', 'computerName=rdsh01', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['tool', 'version', 'schemaVersion', 'id', 'title', 'runsOn', 'script']);
    assert.equal(out.id, 'require-nla');
    assert.match(out.script, /Invoke-Command -ComputerName \$ComputerName -ScriptBlock \$fix/);
  });

  it('lists the fixes with --list, as text and JSON', () => {
    for (const args of [['fix', '--list']]) {
      const r = run(args);
      assert.equal(r.code, 0, r.stderr);
      for (const fix of POWERSHELL_FIXES) assert.match(r.stdout, new RegExp(`^${fix.id} `, 'm'));
      assert.match(r.stdout, /^bind-listener-cert +rdp-bind-listener-cert +server +Bind a certificate to the RDP listener +\(thumbprint \[computerName\]\)$/m);
    }
    const json = JSON.parse(run(['fix', '--list', '--format', 'json']).stdout);
    assert.deepEqual(json.fixes.map((f: { id: string }) => f.id), POWERSHELL_FIXES.map((f) => f.id));
    assert.deepEqual(json.fixes.find((f: { id: string }) => f.id === 'test-port').params.map((p: { key: string }) => p.key), ['host', 'port']);
  });

  it('exits 2 with one clear line for an unknown fix, unknown or repeated parameter, invalid or missing value', () => {
    assertRefused(['fix', 'frobnicate'], /Unknown fix "frobnicate"\. Run "rdp-doctor fix --list" to see the fixes\./);
    assertRefused(['fix', 'require-nla', '--param', 'thumbprint=00'], /Unknown parameter "thumbprint" for fix require-nla; it takes computerName\./);
    assertRefused(['fix', 'disable-client-udp', '--param', 'x=1'], /Unknown parameter "x" for fix disable-client-udp; it takes no parameters\./);
    assertRefused(['fix', 'test-port'], /Missing parameter "host" for fix test-port/);
    assertRefused(['fix', 'test-port', '--param', 'host=rdsh01', '--param', 'port=65536'], /Parameter "port" must be a TCP port number from 1 to 65535, not "65536"\./);
    assertRefused(['fix', 'set-security-layer', '--param', 'value=ssl'], /Parameter "value" must be one of tls, negotiate, rdp, not "ssl"\./);
    assertRefused(['fix', 'enable-keepalive', '--param', 'minutes=0'], /Parameter "minutes"/);
    assertRefused(['fix', 'bind-listener-cert', '--param', 'thumbprint=1234'], /Parameter "thumbprint" must be a certificate thumbprint \(40 hexadecimal digits\); "1234" has 4\./);
    assertRefused(['fix', 'test-port', '--param', 'host=a', '--param', 'host=b'], /--param "host" is given more than once\./);
    assertRefused(['fix', 'test-port', '--param', 'host'], /--param needs KEY=VALUE, not "host"\./);
  });

  it('refuses hostile values without printing a script', () => {
    const hostile = [
      "host=x'; Remove-Item C:\\ -Recurse #",
      'host=$(calc)',
      'host=`calc`',
      'host=rdsh01\nRemove-Item C:\\',
      'host=\u2018calc\u2019',
      `host=${'a'.repeat(50_000)}`,
    ];
    for (const param of hostile) assertRefused(['fix', 'test-port', '--param', param], /^rdp-doctor: Parameter "host" must be a host name or an IP address/);
    assertRefused(['fix', 'reset-machinekeys-azure', '--param', "resourceGroup=rg'; Stop-Computer; '", '--param', 'vmName=vm'], /Parameter "resourceGroup"/);
  });

  it('reports usage errors with exit 2', () => {
    for (const args of [['fix'], ['fix', '--format', 'json'], ['fix', 'a', 'b'], ['fix', '--list', 'test-port'], ['fix', 'test-port', '--bogus'], ['fix', 'require-nla', '--format', 'sarif']]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^rdp-doctor: /);
    }
  });

  it('shows the fix command in --help', () => {
    assert.match(run(['--help']).stdout, /^ {2}fix FIX_ID {10}Print a PowerShell fix/m);
    assert.match(run(['fix', '--help']).stdout, /--param KEY=VALUE +A parameter of the fix \(repeatable\)/);
  });
});
