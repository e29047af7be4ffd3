// Every script RDP Doctor inserts is parsed with a PowerShell grammar (tree-sitter-powershell, run as WebAssembly):
// no syntax error, no missing token, and every command it calls is a cmdlet or tool that exists on Windows.
// No PowerShell runs here; this is the closest check of the scripts short of running them on Windows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { exampleParams, POWERSHELL_FIXES, psQuote, renderFix } from '../../../src/core/fixes/index';
import type { PowerShellFix } from '../../../src/core/fixes/types';

const ROOT = resolve(__dirname, '../../../..');

/**
 * The commands the scripts may call, with the module that ships each one on Windows Server 2016 and later
 * (Microsoft Learn, PowerShell module reference). A typo or an invented cmdlet fails the test.
 */
const KNOWN_COMMANDS: Readonly<Record<string, string>> = {
  'Disable-NetFirewallRule': 'NetSecurity',
  'Enable-NetFirewallRule': 'NetSecurity',
  'ForEach-Object': 'Microsoft.PowerShell.Core',
  'Format-List': 'Microsoft.PowerShell.Utility',
  'Get-Acl': 'Microsoft.PowerShell.Security',
  'Get-ChildItem': 'Microsoft.PowerShell.Management',
  'Get-CimInstance': 'CimCmdlets',
  'Get-Content': 'Microsoft.PowerShell.Management',
  'Get-Credential': 'Microsoft.PowerShell.Security',
  'Get-Date': 'Microsoft.PowerShell.Utility',
  'Get-ItemProperty': 'Microsoft.PowerShell.Management',
  'Get-NetFirewallAddressFilter': 'NetSecurity',
  'Get-NetFirewallRule': 'NetSecurity',
  'Get-Service': 'Microsoft.PowerShell.Management',
  'Invoke-AzVMRunCommand': 'Az.Compute',
  'Invoke-CimMethod': 'CimCmdlets',
  'Invoke-Command': 'Microsoft.PowerShell.Core',
  'Join-Path': 'Microsoft.PowerShell.Management',
  'New-Item': 'Microsoft.PowerShell.Management',
  'New-ItemProperty': 'Microsoft.PowerShell.Management',
  'New-NetFirewallRule': 'NetSecurity',
  'Out-Null': 'Microsoft.PowerShell.Core',
  'Remove-Item': 'Microsoft.PowerShell.Management',
  'Remove-ItemProperty': 'Microsoft.PowerShell.Management',
  'Remove-NetFirewallRule': 'NetSecurity',
  'Restart-Service': 'Microsoft.PowerShell.Management',
  'Select-Object': 'Microsoft.PowerShell.Utility',
  'Set-CimInstance': 'CimCmdlets',
  'Set-Content': 'Microsoft.PowerShell.Management',
  'Set-ItemProperty': 'Microsoft.PowerShell.Management',
  'Set-NetFirewallRule': 'NetSecurity',
  'Start-Sleep': 'Microsoft.PowerShell.Utility',
  'Test-NetConnection': 'NetTCPIP',
  'Test-Path': 'Microsoft.PowerShell.Management',
  'Where-Object': 'Microsoft.PowerShell.Core',
  'Write-Host': 'Microsoft.PowerShell.Utility',
  'Write-Output': 'Microsoft.PowerShell.Utility',
  'Write-Warning': 'Microsoft.PowerShell.Utility',
  'gpresult': 'gpresult.exe (Windows)',
  'gpresult.exe': 'gpresult.exe (Windows)',
};

let parser: Parser;

before(async () => {
  await Parser.init();
  parser = new Parser();
  parser.setLanguage(await Language.load(join(ROOT, 'node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm')));
});

interface Parsed {
  readonly errors: string[];
  readonly commands: string[];
}

function parse(script: string): Parsed {
  const tree = parser.parse(script);
  assert.ok(tree, 'the parser returns a tree');
  const errors: string[] = [];
  const commands: string[] = [];
  const walk = (node: Node): void => {
    if (node.type === 'ERROR' || node.isMissing) {
      errors.push(`${node.isMissing ? `missing ${node.type}` : 'syntax error'} at ${node.startPosition.row + 1}:${node.startPosition.column + 1}: ${node.text.split('\n')[0]!.slice(0, 80)}`);
    }
    if (node.type === 'command_name') commands.push(node.text);
    for (const child of node.children) if (child) walk(child);
  };
  walk(tree.rootNode);
  tree.delete();
  return { errors, commands };
}

function rendered(fix: PowerShellFix, params: Readonly<Record<string, string>>): string {
  const result = renderFix(fix, params);
  assert.ok(result.ok, `${fix.id}: ${result.ok ? '' : result.errors.join(' ')}`);
  return result.script;
}

/** A VS Code snippet body as the editor inserts it when the user accepts every default: tab stops take their text, choices their first item. */
function acceptDefaults(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1]!)) {
      out += body[++i];
    } else if (c === '$' && body[i + 1] === '{') {
      const choice = /^\$\{\d+\|([^,|]*)[^|]*\|\}/.exec(body.slice(i));
      const stop = /^\$\{\d+:((?:\\.|[^}\\])*)\}/.exec(body.slice(i));
      const m = choice ?? stop;
      assert.ok(m, `an unreadable snippet placeholder at ${body.slice(i, i + 20)}`);
      out += m[1]!.replace(/\\([$}\\])/g, '$1');
      i += m[0].length - 1;
    } else {
      out += c;
    }
  }
  return out;
}

describe('PowerShell fixes parse as PowerShell', () => {
  it('the parser sees a syntax error when there is one (so a clean parse means something)', () => {
    assert.notDeepEqual(parse("if ($a) { Write-Host 'x'\n").errors, []);
    assert.notDeepEqual(parse("$x = 'it''s\n").errors, []);
    assert.deepEqual(parse("$x = 'it''s'\nWrite-Host $x\n").errors, []);
  });

  for (const fix of POWERSHELL_FIXES) {
    it(`${fix.id}: every parameter filled, and only the required ones`, () => {
      for (const which of ['all', 'required'] as const) {
        const { errors, commands } = parse(rendered(fix, exampleParams(fix, which)));
        assert.deepEqual(errors, [], `${fix.id} (${which} parameters)`);
        const unknown = commands.filter((c) => !Object.prototype.hasOwnProperty.call(KNOWN_COMMANDS, c));
        assert.deepEqual(unknown, [], `${fix.id} calls commands that are not known cmdlets`);
      }
    });
  }

  it('with an IP address as the computer name (-Credential and its note), every script parses and calls only known commands', () => {
    for (const fix of POWERSHELL_FIXES.filter((f) => f.params.some((p) => p.key === 'computerName'))) {
      for (const ip of ['10.0.0.5', 'fe80::1']) {
        const script = rendered(fix, { ...exampleParams(fix), computerName: ip });
        const { errors, commands } = parse(script);
        assert.deepEqual(errors, [], `${fix.id} ${ip}`);
        assert.ok(commands.includes('Get-Credential'), `${fix.id}: asks for the credential remoting to an IP address needs`);
        assert.deepEqual(commands.filter((c) => !Object.prototype.hasOwnProperty.call(KNOWN_COMMANDS, c)), [], fix.id);
      }
    }
  });

  it('every choice of every choice parameter renders a script that parses', () => {
    for (const fix of POWERSHELL_FIXES) {
      for (const param of fix.params.filter((p) => p.choices?.length)) {
        for (const choice of param.choices!) {
          assert.deepEqual(parse(rendered(fix, { ...exampleParams(fix), [param.key]: choice })).errors, [], `${fix.id} ${param.key}=${choice}`);
        }
      }
    }
  });

  it('snippets/powershell.json: each body, with its defaults accepted, parses and calls only known commands', () => {
    const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets/powershell.json'), 'utf8')) as Record<string, { body: string[] }>;
    assert.equal(Object.keys(snippets).length, POWERSHELL_FIXES.length);
    for (const [name, snippet] of Object.entries(snippets)) {
      const { errors, commands } = parse(acceptDefaults(snippet.body.join('\n')) + '\n');
      assert.deepEqual(errors, [], name);
      assert.deepEqual(commands.filter((c) => !Object.prototype.hasOwnProperty.call(KNOWN_COMMANDS, c)), [], name);
    }
  });

  it('psQuote makes any text one string literal: quotes, backticks, $(…) and line breaks do not end it (property)', () => {
    const parts = fc.constantFrom("'", '\u2018', '\u2019', '\u201A', '\u201B', '"', '`', '$', '$(', ')', '{', '}', ';', '|', '&', '#', '\n', '\r\n', 'a', 'Remove-Item', ' ');
    fc.assert(
      fc.property(fc.array(fc.oneof(parts, fc.string({ maxLength: 4 })), { maxLength: 12 }), (pieces) => {
        const value = pieces.join('');
        const parsed = parse(`$x = ${psQuote(value)}\nWrite-Output $x\n`);
        return parsed.errors.length === 0 && parsed.commands.join() === 'Write-Output';
      }),
      { numRuns: 300 },
    );
    // Without the doubling, the same value breaks out of the literal: the test can fail.
    const naive = parse(`$x = '${"a'; Remove-Item C:\\ -Recurse; '"}'\nWrite-Output $x\n`);
    assert.deepEqual(naive.commands, ['Remove-Item', 'Write-Output']);
  });
});
