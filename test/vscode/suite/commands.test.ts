import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './helpers';
import { suite, test } from './mocha-tdd';

function openDocument(matches: (uri: vscode.Uri) => boolean): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => matches(d.uri));
}

suite('Commands', () => {
  // "Explain Error Code" opens a webview panel now: see explainer.test.ts.

  test('"Show Rule Documentation" opens the rule page bundled with the extension', async () => {
    await vscode.commands.executeCommand('rdpDoctor.showRuleDocs', 'RDP002');
    const page = await waitFor(
      'docs/rules/RDP002.md to open',
      () => openDocument((uri) => uri.path.endsWith('/docs/rules/RDP002.md')),
      vscode.workspace.onDidOpenTextDocument,
    );
    assert.match(page.getText(), /RDP002/);
  });
});
