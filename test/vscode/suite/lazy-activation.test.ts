// Runs alone, in a folder holding only Markdown notes (run.mjs's "lazy" phase): a Markdown file activates the
// extension for the error-code hover, and that activation reads nothing of the workspace until it is needed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RdpDoctorApi } from '../../../src/extension/main';
import { EXTENSION_ID, openUntitled, waitFor, workspaceFile } from './helpers';
import { suite, test } from './mocha-tdd';

suite('Lazy activation (a folder of Markdown notes)', () => {
  test('opening a Markdown file activates the hover and reads nothing of the workspace', async () => {
    const extension = vscode.extensions.getExtension<RdpDoctorApi>(EXTENSION_ID)!;
    // Whatever activated it (the note, or the test host itself at start-up), activation alone reads nothing.
    if (extension.isActive) assert.deepEqual(extension.exports.workspaceReads!(), { started: false, files: 0 }, 'activation read the workspace');
    const document = await vscode.workspace.openTextDocument(workspaceFile('notes.md'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'markdown');
    // onLanguage:markdown activates it; the hover is the proof that it runs.
    for (let i = 0; i < 150 && !extension.isActive; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(extension.isActive, 'the extension is active with the note open');
    const api = extension.exports;
    // A note is never a policy export: activation with it open does not load the core (rules, readers: core.ts).
    assert.equal(api.activation?.coreLoaded, false, 'activation by a Markdown note loaded dist/extension-core.js');
    const column = document.lineAt(2).text.indexOf('0x904');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(2, column + 1));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(text, /\*\*Error code 0x904\*\*/, 'the error-code hover answers');
    assert.deepEqual(api.workspaceReads!(), { started: false, files: 0 }, 'no workspace scan, no file read');
    // A second note and a log do not start it either.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('more.md')));
    await vscode.window.showTextDocument(await openUntitled({ language: 'log', content: 'Reason= 2308' }));
    assert.deepEqual(api.workspaceReads!(), { started: false, files: 0 });
    // Commands that need nothing of the workspace do not start its scan either.
    await vscode.commands.executeCommand('rdpDoctor.showOutput');
    assert.deepEqual(api.workspaceReads!(), { started: false, files: 0 }, 'Show Output started the workspace scan');
  });

  test('a command that needs the workspace reads it then, honouring files.exclude and search.exclude', async () => {
    const api = vscode.extensions.getExtension<RdpDoctorApi>(EXTENSION_ID)!.exports;
    // A brace bomb beside it (a workspace's own settings may hold one): 33 million patterns once expanded, which held the
    // extension host until it ran out of memory. It is left out (and logged); the other entries still apply.
    const bomb = `**/${'{a,b}'.repeat(25)}`;
    await vscode.workspace.getConfiguration('files').update('exclude', { '**/hidden': true, [bomb]: true }, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('search').update('exclude', { '**/vendor/**': true }, vscode.ConfigurationTarget.Workspace);
    const write = (name: string, host: string): Thenable<void> => vscode.workspace.fs.writeFile(workspaceFile(name), new TextEncoder().encode(`full address:s:${host}\r\n`));
    await write('later.rdp', 'later.invalid');
    // A big XML file that is no policy export: only its first bytes are read. And a small report that is one.
    const big = `<?xml version="1.0"?>\n<project>\n${'  <dependency>x</dependency>\n'.repeat(40_000)}</project>\n`;
    await vscode.workspace.fs.writeFile(workspaceFile('pom.xml'), new TextEncoder().encode(big));
    const report = '<?xml version="1.0" encoding="utf-8"?>\n<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings"><Name>Lazy</Name></GPO>\n';
    await vscode.workspace.fs.writeFile(workspaceFile('gpreport.xml'), new TextEncoder().encode(report));
    await write('hidden/files-excluded.rdp', 'files-excluded.invalid');
    await write('vendor/search-excluded.rdp', 'search-excluded.invalid');
    assert.deepEqual(api.workspaceReads!(), { started: false, files: 0 }, 'files appearing do not start the scan');
    await vscode.commands.executeCommand('rdpDoctor.refreshHosts');
    await waitFor('the host of later.rdp', () => api.hosts!().some((h) => h.key === 'later.invalid:3389'), api.hostsView!.onDidChangeTreeData, 10_000);
    const scan = await api.policyScan!();
    assert.deepEqual(scan.exports, ['gpreport.xml'], 'the report is an export, pom.xml is not');
    // The scan sniffs each file once; the watcher's create events for the files written above may arrive after the
    // scan started (late on a loaded machine) and sniff them once more. Either way pom.xml is sniffed, never read whole.
    assert.ok(scan.bytesRead <= 2 * (4096 + report.length), `${scan.bytesRead} bytes read for ${big.length + report.length} bytes of XML: pom.xml was sniffed, not read`);
    const reads = api.workspaceReads!();
    assert.equal(reads.started, true);
    assert.ok(reads.files >= 1, `files read: ${reads.files}`);
    // Files created in excluded folders after the scan are not picked up by the watcher either.
    await write('hidden/later-excluded.rdp', 'later-excluded.invalid');
    await write('after.rdp', 'after.invalid');
    await waitFor('the host of after.rdp', () => api.hosts!().some((h) => h.key === 'after.invalid:3389'), api.hostsView!.onDidChangeTreeData, 10_000);
    const keys = api.hosts!().map((h) => h.key);
    for (const excluded of ['files-excluded.invalid:3389', 'search-excluded.invalid:3389', 'later-excluded.invalid:3389']) assert.ok(!keys.includes(excluded), `${excluded} in ${keys.join(', ')}`);
  });
});
