import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openEditor, waitForDiagnostics } from './helpers';
import { suite, test } from './mocha-tdd';

suite('Activation', () => {
  test('opening an .rdp file activates the extension, which registers its commands', async () => {
    const extension = vscode.extensions.getExtension<{ ready: boolean }>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded.`);
    const editor = await openEditor('problems.rdp');
    assert.equal(editor.document.languageId, 'rdp');
    await waitForDiagnostics(editor.document.uri, 'the first diagnostics', (d) => d.length > 0);
    assert.equal(extension.isActive, true);
    assert.equal(extension.exports.ready, true);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['rdpDoctor.fixAll', 'rdpDoctor.showRuleDocs', 'rdpDoctor.explainErrorCode', 'rdpDoctor.showOutput']) {
      assert.ok(commands.includes(id), `${id} is not registered.`);
    }
  });
});
