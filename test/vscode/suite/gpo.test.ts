import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { findFix } from '../../../src/core/fixes/index';
import { EXTENSION_ID, openEditor, ours, ruleOf, waitFor, waitForDiagnostics, workspaceFile } from './helpers';
import { suite, suiteSetup, test } from './mocha-tdd';

// GPO exports are written into the (fresh) fixture workspace by the tests themselves.
const TS = 'SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';

function utf16(text: string): Uint8Array {
  return Uint8Array.from([0xff, 0xfe, ...Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')]);
}

const REPORT = `<?xml version="1.0" encoding="utf-16"?>
<GPO xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
  <Name>RDS Hosts</Name>
  <Computer>
    <ExtensionData>
      <Extension xmlns:q5="http://www.microsoft.com/GroupPolicy/Settings/Registry" xsi:type="q5:RegistrySettings">
        <q5:Policy>
          <q5:Name>Require use of specific security layer for remote (RDP) connections</q5:Name>
          <q5:State>Enabled</q5:State>
          <q5:DropDownList>
            <q5:Name>Security Layer</q5:Name>
            <q5:State>Enabled</q5:State>
            <q5:Value>
              <q5:Name>RDP</q5:Name>
            </q5:Value>
          </q5:DropDownList>
        </q5:Policy>
      </Extension>
      <Name>Registry</Name>
    </ExtensionData>
  </Computer>
</GPO>
`;

/** A Registry.pol with one record: SecurityLayer = 0. */
function pol(): Uint8Array {
  const u16z = (s: string): Buffer => Buffer.from(`${s}\0`, 'utf16le');
  const ch = (c: string): Buffer => Buffer.from(c, 'utf16le');
  const u32 = (n: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  return Buffer.concat([Buffer.from('PReg', 'latin1'), u32(1), ch('['), u16z(TS), ch(';'), u16z('SecurityLayer'), ch(';'), u32(4), ch(';'), u32(4), ch(';'), u32(0), ch(']')]);
}

async function write(name: string, bytes: Uint8Array | string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
  return uri;
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

suite('Group Policy exports', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });

  test('a Get-GPOReport XML (UTF-16LE, prefix q5) gets GPO diagnostics at the drop-down value; unrelated XML and .reg files get none', async () => {
    const unrelatedXml = await write('gpo/pom.xml', '<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0"/>\n');
    const unrelatedReg = await write('gpo/notes.reg', 'SecurityLayer=0\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(unrelatedXml));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(unrelatedReg));
    const uri = await write('gpo/gpreport.xml', utf16(REPORT));
    const { document } = await openEditor('gpo/gpreport.xml');
    const [diagnostic] = await waitForDiagnostics(uri, 'GPO002', (d) => d.some((x) => ruleOf(x) === 'GPO002'));
    assert.equal(document.lineAt(diagnostic!.range.start.line).text.trim(), '<q5:Name>RDP</q5:Name>');
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Warning);
    // The cause first, the GPO's name once at the end (it pushed the cause off screen at the front).
    assert.match(diagnostic!.message, /^"SecurityLayer" is 0 \(RDP\) in the policy: the connection uses Standard RDP Security .* Set by GPO "RDS Hosts"\.$/);
    const code = diagnostic!.code as { value: string; target: vscode.Uri };
    assert.ok(code.target.path.endsWith('/docs/rules/GPO002.md'));
    assert.deepEqual(ours(unrelatedXml), []);
    assert.deepEqual(ours(unrelatedReg), []);

    // The light bulb on the export offers the PowerShell fix for the policy setting and the rule's page; no text fix.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic!.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes(`Insert PowerShell fix: ${findFix('set-security-layer')!.title}`), titles.join(' | '));
    assert.ok(titles.includes('Show documentation for GPO002 (security-layer-rdp)'), titles.join(' | '));
    assert.ok(actions.every((a) => a.edit === undefined), 'nothing edits the export');
  });

  test('a report cut short is one Problems entry where it ends, not one per element left open', async () => {
    const text = REPORT.slice(0, REPORT.indexOf('<q5:Name>RDP') + '<q5:Name>RD'.length);
    const uri = await write('gpo-cut/cut-short.xml', utf16(text));
    try {
      const { document } = await openEditor('gpo-cut/cut-short.xml');
      const diagnostics = await waitForDiagnostics(uri, 'the cut', (d) => d.length > 0);
      assert.deepEqual(
        diagnostics.map((d) => [d.severity, d.message, document.offsetAt(d.range.end)]),
        [[vscode.DiagnosticSeverity.Error, 'The XML is not well-formed: the file ends inside <q5:Name> (8 elements left open).', document.getText().length]],
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('hovering the value explains the policy, its registry value and what each value means', async () => {
    const uri = workspaceFile('gpo/gpreport.xml');
    const document = await vscode.workspace.openTextDocument(uri);
    const line = document.getText().split(/\r?\n/).findIndex((l) => l.includes('<q5:Name>RDP</q5:Name>'));
    const text = await hoverText(uri, new vscode.Position(line, document.lineAt(line).text.indexOf('RDP') + 1));
    assert.match(text, /Require use of specific security layer for remote \(RDP\) connections/);
    assert.match(text, /SecurityLayer` = `0`/);
    assert.match(text, /\| 2 \| SSL/);
  });

  test('"Open Registry.pol as Text" shows an LGPO-style view (a content provider: no file behind it) with the same diagnostics and hovers', async () => {
    const file = await write('gpo/Machine/Registry.pol', pol());
    await vscode.commands.executeCommand('rdpDoctor.openRegistryPol', file);
    const view = await waitFor('the Registry.pol view', () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'rdp-doctor-pol'), vscode.workspace.onDidOpenTextDocument);
    assert.match(view.getText(), /\nComputer\nSOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\nSecurityLayer\nDWORD:0\n/);
    const [diagnostic] = await waitForDiagnostics(view.uri, 'GPO002 in the view', (d) => d.some((x) => ruleOf(x) === 'GPO002'));
    assert.equal(view.lineAt(diagnostic!.range.start.line).text, 'DWORD:0');
    assert.match(await hoverText(view.uri, new vscode.Position(diagnostic!.range.start.line - 1, 2)), /SecurityLayer/);
    // Its problems go with its last tab (a session 19 review: they stayed for minutes after "Close All Editors").
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitForDiagnostics(view.uri, 'no problems once the view is closed', (d) => d.length === 0, 5_000);
  });

  test('a client .rdp is cross-checked against a server export in the workspace, with the related location in the export', async () => {
    const server = await write('xrf/server.reg', utf16(`Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\${TS}]\n"UserAuthentication"=dword:00000001\n`));
    await write('xrf/client.rdp', 'full address:s:rdsh01.contoso.com\r\nenablecredsspsupport:i:0\r\n');
    // The export is opened as a document: linting it puts its facts in the workspace's index and lints the open
    // .rdp files again, whichever is linted first. Waiting for the file watcher to report it instead made this test
    // depend on the machine's load: a loaded machine delivered that event after 18 s once (session 4) and after
    // more than 40 s once (session 6). The watcher's delivery is VS Code's; this test is about the cross-check.
    await vscode.workspace.openTextDocument(server);
    const { document } = await openEditor('xrf/client.rdp');
    const diagnostics = await waitForDiagnostics(document.uri, 'XRF001', (d) => d.some((x) => ruleOf(x) === 'XRF001'), 20_000);
    const xrf = diagnostics.find((d) => ruleOf(d) === 'XRF001')!;
    assert.equal(xrf.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(xrf.range.start.line, 1);
    assert.equal(xrf.relatedInformation?.[0]?.location.uri.toString(), server.toString());
    assert.equal(xrf.relatedInformation?.[0]?.location.range.start.line, 3);
  });

  test('an unsigned .rdp beside an export that blocks unknown publishers is told it will not open (RDP043)', async () => {
    const policy = await write('publishers/client-policy.reg', utf16(`Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\${TS}]\n"AllowUnsignedFiles"=dword:00000000\n`));
    // The fixture workspace turns RDP043 off; the nearest config, this folder's, turns it on again.
    await write('publishers/.rdpdoctor.yaml', 'rules:\n  RDP043: info\n');
    await write('publishers/client.rdp', 'full address:s:rdsh01.corp.invalid\r\nredirectclipboard:i:1\r\n');
    // Opened, as above: linting the export indexes it and lints the open .rdp files again.
    await vscode.workspace.openTextDocument(policy);
    const { document } = await openEditor('publishers/client.rdp');
    const blocked = (d: vscode.Diagnostic[]): boolean => d.some((x) => ruleOf(x) === 'RDP043' && x.message.includes('says the publisher has been blocked'));
    const diagnostics = await waitForDiagnostics(document.uri, 'RDP043 (blocked)', blocked, 20_000);
    assert.match(diagnostics.find((d) => ruleOf(d) === 'RDP043')!.message, /"AllowUnsignedFiles" is 0 in .*client-policy\.reg/);
  });

  test('a signed .rdp beside an export that blocks valid publishers is told it will not open (RDP043)', async () => {
    const signed = readFileSync(path.resolve(__dirname, '../../../../test/fixtures/rdp/signed-by-contoso.rdp'));
    const policy = await write('valid-publishers/client-policy.reg', utf16(`Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\${TS}]\n"AllowSignedFiles"=dword:00000000\n`));
    // The fixture workspace turns RDP043 off; the nearest config, this folder's, turns it on again.
    await write('valid-publishers/.rdpdoctor.yaml', 'rules:\n  RDP043: info\n');
    await write('valid-publishers/signed.rdp', signed);
    // Opened, as above: linting the export indexes it and lints the open .rdp files again.
    await vscode.workspace.openTextDocument(policy);
    const { document } = await openEditor('valid-publishers/signed.rdp');
    const blocked = (d: vscode.Diagnostic[]): boolean => d.some((x) => ruleOf(x) === 'RDP043' && x.message.includes('says the publisher has been blocked'));
    const diagnostics = await waitForDiagnostics(document.uri, 'RDP043 (blocked)', blocked, 20_000);
    assert.match(diagnostics.find((d) => ruleOf(d) === 'RDP043')!.message, /it is signed, and "Allow \.rdp files from valid publishers and user's default \.rdp settings" is disabled \("AllowSignedFiles" is 0 in .*client-policy\.reg\)/);
  });
});
