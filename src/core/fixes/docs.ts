import { POWERSHELL_FIXES } from './catalogue/index';
import { exampleParams, renderFix, RUNS_ON_LABEL } from './render';
import type { FixParam, PowerShellFix } from './types';

const INTRO = `# PowerShell fixes

<!-- Generated from src/core/fixes/catalogue/ by \`node scripts/gen-powershell-snippets.mjs\`: edit the catalogue, not this file. -->

One catalogue of PowerShell fixes, used three ways:

- \`rdp-doctor fix FIX_ID [--param KEY=VALUE]...\` prints the script (\`--format json\` prints \`{ "id", "title", "runsOn", "script" }\`); \`rdp-doctor fix --list\` lists the fixes.
- In VS Code, the snippets \`rdp-<id>\` in PowerShell files (\`snippets/powershell.json\`), the Fixes view and the insert command.
- Rule pages link to the fixes that address them (the "Addresses" lines below).

Every parameter value is validated before anything is rendered (host names, IP addresses, 40-hex thumbprints, ports, minutes, listed choices, Azure names), then written only as a single-quoted PowerShell literal with each quote character doubled, so nothing in it runs. A value that fails is refused with a message naming the parameter, and the CLI exits 2.

Every script starts with comment lines saying what it does, how to undo it and what can go wrong. Scripts that change the computer they run on require an elevated PowerShell (\`#Requires -RunAsAdministrator\`). With \`computerName\` they run on that server through PowerShell remoting (\`Invoke-Command\`, WinRM), or here if you empty \`$ComputerName\` in the editor; without it, on this computer. Give the server's host name: to an IP address, remoting authenticates with NTLM instead of Kerberos and needs \`-Credential\` and HTTPS or the address in this computer's WinRM TrustedHosts list ([about_Remote_Troubleshooting](https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_remote_troubleshooting)), so for an IP address the script passes \`-Credential (Get-Credential)\` and says why in a comment. The snippets (prefix \`rdp-\`) always have the \`$ComputerName\` line: empty it to run the fix on the server's own console (elevated). They use the CIM cmdlets, not \`wmic\` or \`Get-WmiObject\`, so they work in Windows PowerShell 5.1 and PowerShell 7.

The tests check the text, the quoting and the links of every script; they do not run PowerShell. Try a fix on one server before you roll it out.
`;

const KIND_VALUES: Readonly<Record<FixParam['kind'], (p: FixParam) => string>> = {
  computerName: () => 'host name or IP address',
  host: () => 'host name or IP address',
  thumbprint: () => '40 hexadecimal digits (spaces and colons are ignored)',
  port: () => '1 to 65535',
  minutes: () => '1 to 999',
  choice: (p) => (p.choices ?? []).map((c) => `\`${c}\``).join(', '),
  azureName: (p) => `letters, digits, \`. _ - ( )\`, at most ${p.maxLength ?? 90} characters`,
};

function paramRow(p: FixParam): string {
  const required = p.required ? 'yes' : p.default !== undefined ? `no (default \`${p.default}\`)` : 'no (this computer)';
  return `| \`${p.key}\` | ${required} | ${KIND_VALUES[p.kind](p)} | ${p.description} |`;
}

function section(fix: PowerShellFix): string {
  const example = exampleParams(fix, 'required');
  const rendered = renderFix(fix, example);
  if (!rendered.ok) throw new Error(`${fix.id}: ${rendered.errors.join(' ')}`);
  const command = ['rdp-doctor fix', fix.id, ...Object.entries(example).map(([k, v]) => `--param ${k}=${v}`)].join(' ');
  const lines = [
    `## ${fix.id}`,
    '',
    `**${fix.title}.** ${fix.description}`,
    '',
    `- **Cause:** ${fix.cause}`,
    `- **Runs on:** ${RUNS_ON_LABEL[fix.runsOn]}`,
    `- **To undo:** ${fix.undo}`,
    ...(fix.warning ? [`- **Warning:** ${fix.warning}`] : []),
    `- **Addresses:** ${fix.fixes.map((id) => `[${id}](rules/${id}.md)`).join(', ')}`,
    `- **Sources:** ${fix.sources.map((url) => `<${url}>`).join(', ')}`,
    '',
  ];
  if (fix.params.length) {
    lines.push('| Parameter | Required | Valid values | Description |', '|---|---|---|---|', ...fix.params.map(paramRow), '');
  } else {
    lines.push('No parameters.', '');
  }
  lines.push('```console', command, '```', '', '```powershell', rendered.script.trimEnd(), '```', '');
  return lines.join('\n');
}

/** The content of docs/powershell-fixes.md. */
export function fixesMarkdown(): string {
  const index = [
    '| Fix | Cause | Runs on | Addresses |',
    '|---|---|---|---|',
    ...POWERSHELL_FIXES.map((f) => `| [${f.id}](#${f.id}) | ${f.cause} | ${f.runsOn} | ${f.fixes.join(', ')} |`),
  ];
  return [INTRO, ...index, '', ...POWERSHELL_FIXES.map(section)].join('\n');
}
