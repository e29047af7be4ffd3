import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './helpers';
import { suite, test } from './mocha-tdd';

function openDocument(matches: (uri: vscode.Uri) => boolean): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => matches(d.uri));
}

suite('Commands', () => {
  test('"Explain Error Code" renders the explanation as a Markdown page', async () => {
    await vscode.commands.executeCommand('rdpDoctor.explainErrorCode', '0x904');
    const page = await waitFor(
      'the rdp-doctor:/explain/0x904.md page',
      () => openDocument((uri) => uri.scheme === 'rdp-doctor' && uri.path === '/explain/0x904.md'),
      vscode.workspace.onDidOpenTextDocument,
    );
    assert.match(page.getText(), /^# 0x904\n/);
    assert.match(page.getText(), /disconnectReasonAtClientWinsockFDCLOSE/);
  });

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
