// Runs alone, in a folder holding only Markdown notes (run.mjs's "lazy" phase): a Markdown file activates the
// extension for the error-code hover, and that activation reads nothing of the workspace until it is needed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RdpDoctorApi } from '../../../src/extension/main';
import { EXTENSION_ID, waitFor, workspaceFile } from './helpers';
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
    const column = document.lineAt(2).text.indexOf('0x904');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(2, column + 1));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(text, /\*\*Error code 0x904\*\*/, 'the error-code hover answers');
    assert.deepEqual(api.workspaceReads!(), { started: false, files: 0 }, 'no workspace scan, no file read');
    // A second note and a log do not start it either.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('more.md')));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'log', content: 'Reason= 2308' }));
    assert.deepEqual(api.workspaceReads!(), { started: false, files: 0 });
  });

  test('a command that needs the workspace reads it then, a few files at a time (the counter counts)', async () => {
    const api = vscode.extensions.getExtension<RdpDoctorApi>(EXTENSION_ID)!.exports;
    await vscode.workspace.fs.writeFile(workspaceFile('later.rdp'), new TextEncoder().encode('full address:s:later.invalid\r\n'));
    await vscode.commands.executeCommand('rdpDoctor.refreshHosts');
    await waitFor('the host of later.rdp', () => api.hosts!().some((h) => h.key === 'later.invalid:3389'), api.hostsView!.onDidChangeTreeData, 10_000);
    const reads = api.workspaceReads!();
    assert.equal(reads.started, true);
    assert.ok(reads.files >= 1, `files read: ${reads.files}`);
  });
});
