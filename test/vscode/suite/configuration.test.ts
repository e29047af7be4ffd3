import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openEditor, ruleOf, waitForDiagnostics, waitForRules, withSetting, workspaceFile } from './helpers';
import { suite, test } from './mocha-tdd';

async function replaceInDocument(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const start = document.getText().indexOf(from);
  assert.ok(start >= 0, `"${from}" is not in ${document.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + from.length)), to);
  assert.equal(await vscode.workspace.applyEdit(edit), true);
}

suite('Configuration', () => {
  test('the rdpDoctor.rules setting turns a rule off and changes a severity', async () => {
    const { document } = await openEditor('short-name.rdp');
    await waitForRules(document.uri, ['RDP013', 'RDP003']);
    const restore = await withSetting('rdpDoctor', 'rules', { RDP013: 'off' });
    try {
      await waitForRules(document.uri, ['RDP003']);
    } finally {
      await restore();
    }
    await waitForRules(document.uri, ['RDP013', 'RDP003']);
    // The setting wins over .rdpdoctor.yaml, which raises RDP013 to a warning.
    const raise = await withSetting('rdpDoctor', 'rules', { RDP013: 'error' });
    try {
      await waitForDiagnostics(document.uri, 'RDP013 as an error', (d) =>
        d.some((x) => ruleOf(x) === 'RDP013' && x.severity === vscode.DiagnosticSeverity.Error),
      );
    } finally {
      await raise();
    }
  });

  test('editing .rdpdoctor.yaml re-lints open files without saving', async () => {
    const { document } = await openEditor('short-name.rdp');
    await waitForRules(document.uri, ['RDP013', 'RDP003']);
    const config = await vscode.workspace.openTextDocument(workspaceFile('.rdpdoctor.yaml'));
    await replaceInDocument(config, 'RDP013: warning', 'RDP013: off');
    await waitForRules(document.uri, ['RDP003']);
    await replaceInDocument(config, 'RDP013: off', 'RDP013: warning');
    const [diagnostic] = await waitForRules(document.uri, ['RDP013', 'RDP003']);
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Warning);
  });
});
