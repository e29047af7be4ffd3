import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RdpDoctorApi } from '../../../src/extension/main';
import { EXTENSION_ID, openEditor, openUntitled, revertAndClose, ruleOf, waitForDiagnostics, waitForRules, withSetting, workspaceFile } from './helpers';
import { suite, test } from './mocha-tdd';

async function replaceInDocument(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const start = document.getText().indexOf(from);
  assert.ok(start >= 0, `"${from}" is not in ${document.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + from.length)), to);
  assert.equal(await vscode.workspace.applyEdit(edit), true);
}

/** Turns RDP013 off by the setting, waits for the diagnostics to lose it, then restores the setting and waits for it back. */
async function withRdp013Off(uri: vscode.Uri): Promise<void> {
  const restore = await withSetting('rdpDoctor', 'rules', { RDP013: 'off' });
  try {
    await waitForRules(uri, ['RDP003']);
  } finally {
    await restore();
  }
  await waitForRules(uri, ['RDP013', 'RDP003']);
}

suite('Configuration', () => {
  test('the rdpDoctor.rules setting turns a rule off and changes a severity', async () => {
    const { document } = await openEditor('short-name.rdp');
    await waitForRules(document.uri, ['RDP013', 'RDP003']);
    await withRdp013Off(document.uri);
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
    assert.equal(await config.save(), true, 'saving the restored config failed');
  });

  test('an edit or a save of .rdpdoctor.yaml that leaves its settings as they are re-lints nothing', async () => {
    const api = vscode.extensions.getExtension<RdpDoctorApi>(EXTENSION_ID)!.exports;
    const { document } = await openEditor('short-name.rdp');
    await waitForRules(document.uri, ['RDP013', 'RDP003']);
    const config = await vscode.workspace.openTextDocument(workspaceFile('.rdpdoctor.yaml'));
    const before = api.lints!(document.uri).length;
    // A comment changes the text, not the settings; saving it reaches the config watcher as a change on disk.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(config.uri, config.lineAt(config.lineCount - 1).rangeIncludingLineBreak.end, '# reviewed\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const watcher = vscode.workspace.createFileSystemWatcher('**/.rdpdoctor.yaml', true, false, true);
    try {
      const onDisk = new Promise((resolve) => watcher.onDidChange(resolve));
      assert.equal(await config.save(), true, 'save failed');
      await onDisk;
    } finally {
      watcher.dispose();
    }
    // A change that does re-lint, after the save's event: whatever the edit or the save set off has run by then.
    await withRdp013Off(document.uri);
    assert.deepEqual(api.lints!(document.uri).slice(before), ['settings', 'settings']);
  });

  test('a lint.debounceMs beyond the schema (2e9 ms, as a workspace may set it) still lints an edit, after at most 5 s', async () => {
    // VS Code hands a setting's value on as written (the schema's maximum of 5000 only marks it in the settings editor):
    // unbounded, a workspace's 2e9 ms made the Problems of an edited file wait 23 days (session 27).
    // Set before the file opens: the re-lint a change of the setting sets off is over before the edit.
    const restore = await withSetting('rdpDoctor', 'lint.debounceMs', 2_000_000_000);
    try {
      const document = await openUntitled({ language: 'rdp', content: 'full address:s:rdsh01\r\n' });
      try {
        await waitForDiagnostics(document.uri, 'RDP013 on open', (d) => d.some((x) => ruleOf(x) === 'RDP013'));
        await new Promise((resolve) => setTimeout(resolve, 500));
        const edit = new vscode.WorkspaceEdit();
        edit.insert(document.uri, document.positionAt(document.getText().length), 'authentication level:i:0\r\n');
        assert.equal(await vscode.workspace.applyEdit(edit), true);
        await waitForDiagnostics(document.uri, 'RDP022 after the edit', (d) => d.some((x) => ruleOf(x) === 'RDP022'), 12_000);
      } finally {
        await revertAndClose(document);
      }
    } finally {
      await restore();
    }
  });
});
