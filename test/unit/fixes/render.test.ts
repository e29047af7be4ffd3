import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { exampleParams, findFix, normalizeParamValue, POWERSHELL_FIXES, psQuote, renderFix, validateParam } from '../../../src/core/fixes/index';
import type { FixParam, PowerShellFix } from '../../../src/core/fixes/index';
import { expandLines, isIpAddress } from '../../../src/core/fixes/render';
import { HOSTILE } from './hostile';
import { lexPowerShell } from './ps-lexer';

function render(id: string, params: Record<string, string>): string {
  const result = renderFix(findFix(id)!, params);
  assert.ok(result.ok, result.ok ? '' : result.errors.join(' '));
  return result.script;
}

/** Fixes that change nothing locally or run elsewhere, so they need no elevation here. */
const NO_ELEVATION = new Set(['test-port', 'reset-machinekeys-azure']);

describe('renderFix', () => {
  it('prints the exact script for test-port', () => {
    assert.equal(
      render('test-port', { host: 'rdsh01.contoso.com', port: '3390' }),
      [
        '# Test the RDP port from a client (rdp-doctor fix test-port)',
        '# What it does: Resolves the host and opens a TCP connection to the port with Test-NetConnection (TcpTestSucceeded), without speaking RDP, and changes nothing.',
        '# To undo: Nothing to undo.',
        '# Run on: the client computer.',
        '# Addresses: NET002, NET003, GPO012, RDP014, XRF002.',
        "$Target = 'rdsh01.contoso.com'",
        "$Port = '3390'",
        "Test-NetConnection -ComputerName $Target -Port ([int] $Port) -InformationLevel 'Detailed'",
        '',
      ].join('\n'),
    );
    assert.match(render('test-port', { host: '10.0.0.12' }), /^\$Port = '3389'$/m, 'the port defaults to 3389');
  });

  it('prints the exact script for set-credssp-oracle', () => {
    assert.equal(
      render('set-credssp-oracle', { value: '1' }),
      [
        '# Set CredSSP Encryption Oracle Remediation on the client or the server (rdp-doctor fix set-credssp-oracle)',
        '# What it does: Sets AllowEncryptionOracle under HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\CredSSP\\Parameters on the computer it runs on, client or server, since both sides have the setting and KB4093492 blocks certain client and server combinations: 0 Force Updated Clients, 1 Mitigated (the Windows default), 2 Vulnerable.',
        '# To undo: Set the PreviousAllowEncryptionOracle value it prints, or delete the AllowEncryptionOracle value to go back to the Windows default (Mitigated).',
        '# Warning: 2 (Vulnerable) lets unpatched peers in and exposes CVE-2018-0886, so use it only until both sides are patched; a domain GPO overwrites this value at its next refresh.',
        '# Run on: the client or the server, whichever computer holds the value to change.',
        '# Addresses: GPO005, NET010, RDP020.',
        '#Requires -RunAsAdministrator',
        "$AllowEncryptionOracle = '1'",
        '# In $fix, the first error stops it (also when pasted into a console that is not elevated, which #Requires does not stop);',
        '# what it prints is read back from the registry.',
        '$fix = {',
        '    param([string] $AllowEncryptionOracle)',
        "    $ErrorActionPreference = 'Stop'",
        "    $key = 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\CredSSP\\Parameters'",
        "    $previous = (Get-ItemProperty -Path $key -Name 'AllowEncryptionOracle' -ErrorAction SilentlyContinue).AllowEncryptionOracle",
        '    if (-not (Test-Path -Path $key)) { New-Item -Path $key -Force | Out-Null }',
        "    New-ItemProperty -Path $key -Name 'AllowEncryptionOracle' -PropertyType DWord -Value ([int] $AllowEncryptionOracle) -Force | Out-Null",
        '    [pscustomobject]@{',
        '        PreviousAllowEncryptionOracle = $previous',
        "        AllowEncryptionOracle         = (Get-ItemProperty -Path $key -Name 'AllowEncryptionOracle').AllowEncryptionOracle",
        '    }',
        '}',
        '& $fix $AllowEncryptionOracle',
        '',
      ].join('\n'),
    );
  });

  it('every script that changes something stops at its first error, inside a script block (a console keeps its own preference)', () => {
    const WRITES = /\b(New-Item|New-ItemProperty|Set-ItemProperty|Remove-Item|Set-CimInstance|Invoke-CimMethod|New-NetFirewallRule|Set-NetFirewallRule|Restart-Service)\b/;
    for (const fix of POWERSHELL_FIXES) {
      const lines = render(fix.id, exampleParams(fix, 'required')).split('\n');
      const firstWrite = lines.findIndex((l) => !/^\s*#/.test(l) && WRITES.test(l));
      if (firstWrite < 0) continue;
      const stop = lines.findIndex((l) => /^\s*\$ErrorActionPreference = 'Stop'$/.test(l));
      assert.ok(stop >= 0 && stop < firstWrite, `${fix.id}: 'Stop' before ${lines[firstWrite]!.trim()}`);
      // Azure Run Command runs the here-string as its own script; anywhere else 'Stop' at the top level would stay set in a console.
      if (fix.runsOn !== 'azure') assert.match(lines[stop]!, /^ {4}/, `${fix.id}: 'Stop' is inside $fix`);
    }
  });

  it('runs on this computer without computerName, and through Invoke-Command with it', () => {
    const local = render('bind-listener-cert', { thumbprint: '42:49:e1:2c:a5:9d:6b:0f:7e:11:22:33:44:55:66:77:88:99:aa:bb' });
    assert.match(local, /^#Requires -RunAsAdministrator$/m);
    assert.match(local, /^\$Thumbprint = '4249E12CA59D6B0F7E112233445566778899AABB'$/m, 'the thumbprint is normalized');
    assert.match(local, /^& \$fix \$Thumbprint$/m);
    assert.doesNotMatch(local, /ComputerName/);
    const remote = render('bind-listener-cert', { thumbprint: '4249E12CA59D6B0F7E112233445566778899AABB', computerName: 'rdsh01.contoso.com' });
    assert.doesNotMatch(remote, /#Requires -RunAsAdministrator/, 'elevation is needed on the server, not here');
    assert.match(remote, /^\$ComputerName = 'rdsh01\.contoso\.com'$/m);
    // Emptying $ComputerName in the editor runs it here instead: the same text serves the snippet on the server's console.
    assert.match(remote, /^if \(\$ComputerName\) \{ Invoke-Command -ComputerName \$ComputerName -ScriptBlock \$fix -ArgumentList \$Thumbprint \} else \{ & \$fix \$Thumbprint \}$/m);
    assert.doesNotMatch(remote, /^& \$fix/m);
    assert.equal(render('show-listener-cert', { computerName: '' }), render('show-listener-cert', {}), 'an empty optional value means this computer');
  });

  it('to an IP address, the remote call passes -Credential and a comment says why; to a host name, neither', () => {
    const remoteLine = /^if \(\$ComputerName\) \{ Invoke-Command -ComputerName \$ComputerName( -Credential \(Get-Credential\))? -ScriptBlock \$fix \} else \{ & \$fix \}$/m;
    for (const ip of ['10.0.0.5', '2001:db8::5', 'fe80::1%12']) {
      const script = render('show-listener-cert', { computerName: ip });
      assert.equal(remoteLine.exec(script)?.[1], ' -Credential (Get-Credential)', ip);
      assert.match(script, /^# \$ComputerName is an IP address\. Kerberos does not work with one, so PowerShell remoting uses NTLM: it needs$/m, ip);
      assert.match(script, /TrustedHosts/);
      assert.match(script, /about_remote_troubleshooting/);
      assert.equal(script.match(/Invoke-Command/g)?.length, 1, 'one remote call');
    }
    const named = render('show-listener-cert', { computerName: 'rdsh01.contoso.com' });
    assert.equal(remoteLine.exec(named)?.[1], undefined);
    assert.doesNotMatch(named, /Credential|TrustedHosts/);
    assert.doesNotMatch(render('show-listener-cert', {}), /Credential|TrustedHosts/);
    const description = findFix('show-listener-cert')!.params.find((p) => p.key === 'computerName')!.description;
    assert.match(description, /IP address.*-Credential.*TrustedHosts/, 'the parameter says so too');
  });

  for (const fix of POWERSHELL_FIXES) {
    describe(fix.id, () => {
      it('renders with every parameter and with only the required ones, the same text every time', () => {
        for (const which of ['all', 'required'] as const) {
          const params = exampleParams(fix, which);
          const script = render(fix.id, params);
          assert.equal(render(fix.id, params), script);
          assert.doesNotMatch(script, /\{\{|\}\}/, 'no slot is left');
          assert.ok(script.endsWith('}\n') || script.endsWith('\n'));
          const lines = script.split('\n');
          assert.equal(lines[0], `# ${fix.title} (rdp-doctor fix ${fix.id})`);
          assert.match(lines[1]!, /^# What it does: /);
          assert.match(lines[2]!, /^# To undo: /);
          assert.doesNotMatch(script, /[^\x20-\x7e\n]/, 'printable ASCII only');
          assert.doesNotMatch(script, /[ \t]$/m, 'no trailing blanks');
          lexPowerShell(script);
          const local = !fix.params.some((p) => p.kind === 'computerName') || params['computerName'] === undefined;
          assert.equal(/^#Requires -RunAsAdministrator$/m.test(script), local && !NO_ELEVATION.has(fix.id), 'elevation when it changes this computer');
        }
      });

      it('puts each value into a single-quoted literal assigned to a variable', () => {
        const script = render(fix.id, exampleParams(fix, 'all'));
        for (const p of fix.params) {
          const literal = psQuote(normalizeParamValue(p, p.placeholder));
          assert.ok(script.split('\n').some((line) => /^\$[A-Z][A-Za-z]* = /.test(line) && line.endsWith(` = ${literal}`)), `${p.key} = ${literal}`);
        }
      });

      it('refuses hostile values, unknown parameters and missing required ones, naming the parameter', () => {
        for (const p of fix.params) {
          for (const value of HOSTILE) {
            const result = renderFix(fix, { ...exampleParams(fix, 'all'), [p.key]: value });
            assert.equal(result.ok, false, `${p.key} accepted ${JSON.stringify(value.slice(0, 40))}`);
            if (result.ok) continue;
            assert.ok(result.errors.length === 1 && result.errors[0]!.includes(`"${p.key}"`), result.errors.join(' '));
            assert.doesNotMatch(result.errors[0]!, /[\n\r\u0000]/);
          }
        }
        const unknown = renderFix(fix, { ...exampleParams(fix, 'required'), ...JSON.parse('{"bogus": "x", "__proto__": "y", "constructor": "z"}') });
        assert.equal(unknown.ok, false);
        if (!unknown.ok) {
          assert.ok(unknown.errors.some((e) => e.startsWith('Unknown parameter "bogus" for fix ' + fix.id)), unknown.errors.join(' '));
          assert.ok(unknown.errors.some((e) => e.startsWith('Unknown parameter "constructor"')));
          assert.ok(unknown.errors.some((e) => e.startsWith('Unknown parameter "__proto__"')));
        }
        for (const p of fix.params.filter((q) => q.required)) {
          const rest = exampleParams(fix, 'all');
          delete rest[p.key];
          const missing = renderFix(fix, rest);
          assert.ok(!missing.ok && missing.errors.some((e) => e.startsWith(`Missing parameter "${p.key}" for fix ${fix.id}`)), p.key);
        }
      });

      it('keeps any value that passes validation inside exactly its own literals (fast-check)', () => {
        for (const p of fix.params) {
          fc.assert(
            fc.property(valueFor(p), (value) => checkConfinement(fix, p, value)),
            { numRuns: 150 },
          );
        }
      });
    });
  }
});

/** Valid values of the kind mixed with noise: the property holds either way. */
function valueFor(p: FixParam): fc.Arbitrary<string> {
  const tricky = fc.constantFrom("'", '\u2018', '\u2019', '\u201a', '\u201b', '"', '\u201c', '$', '`', '#', ' ', ';', '\n', 'a', '1', '.', '-', ':');
  const noise = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: tricky, minLength: 1 }),
    fc.constantFrom(...HOSTILE.filter((h) => h.length < 1000)),
  );
  switch (p.kind) {
    case 'computerName':
    case 'host':
      return fc.oneof(fc.domain(), fc.ipV4(), fc.ipV6(), noise);
    case 'thumbprint':
      return fc.oneof(
        fc.tuple(fc.stringMatching(/^[0-9a-fA-F]{40}$/), fc.constantFrom('', ' ', ':')).map(([hex, sep]) => hex.match(/../g)!.join(sep)),
        noise,
      );
    case 'port':
      return fc.oneof(fc.integer({ min: -5, max: 70_000 }).map(String), noise);
    case 'minutes':
      return fc.oneof(fc.integer({ min: -5, max: 1_200 }).map(String), noise);
    case 'choice':
      return fc.oneof(fc.constantFrom(...p.choices!, ...p.choices!.map((c) => c.toUpperCase())), noise);
    case 'azureName':
      return fc.oneof(fc.stringMatching(/^[A-Za-z0-9._()-]{1,90}$/), noise);
  }
}

const MARKER = '@@rdp-doctor-slot@@';

/**
 * Renders `value` for `p` and compares the token stream with the template's own, where the slot is a
 * marker literal: a valid value must change nothing but the marker literals, and an invalid one must be refused.
 */
function checkConfinement(fix: PowerShellFix, p: FixParam, value: string): void {
  const params = { ...exampleParams(fix, 'all'), [p.key]: value };
  const result = renderFix(fix, params);
  if (value === '' && !p.required) return assert.ok(result.ok);
  const problem = validateParam(p, value);
  if (problem !== undefined) {
    assert.ok(!result.ok && result.errors.includes(problem), `refused with ${problem}`);
    return;
  }
  assert.ok(result.ok, result.ok ? '' : result.errors.join(' '));
  const byKey = new Map(fix.params.map((q) => [q.key, q]));
  const skeleton =
    expandLines(fix, {
      // The lines the value's form selects (an IP address gets -Credential), every other line as rendered.
      has: (key, form) => form === undefined || (form === 'ip') === isIpAddress(params[key] ?? ''),
      slot: (key) => (key === p.key ? psQuote(MARKER) : psQuote(normalizeParamValue(byKey.get(key)!, byKey.get(key)!.placeholder))),
    }).join('\n') + '\n';
  const tokens = lexPowerShell(skeleton);
  const markers = skeleton.split(MARKER).length - 1;
  assert.ok(markers >= 1, 'the parameter is used');
  assert.equal(tokens.filter((t) => t.kind === 'single' && t.value === MARKER).length, markers, 'every slot is a whole single-quoted literal');
  const expected = tokens.map((t) => (t.kind === 'single' && t.value === MARKER ? { kind: 'single', value: normalizeParamValue(p, value) } : t));
  assert.deepEqual(lexPowerShell(result.script), expected);
}
