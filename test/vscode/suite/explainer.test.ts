import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from './helpers';
import { suite, suiteSetup, teardown, test } from './mocha-tdd';

/** Open explainer tabs (webview panels) whose label contains `code`. */
function explainerTabs(code: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('rdpDoctor.explainer') && t.label.includes(code));
}

suite('Error-code explainer', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });

  teardown(async () => {
    await vscode.window.tabGroups.close(explainerTabs('0x'));
  });

  test('"Explain Error Code" with a code pair opens a webview panel named for both codes', async () => {
    await vscode.commands.executeCommand('rdpDoctor.explainErrorCode', '0x904 0x7');
    const [tab] = await waitFor('an explainer tab for 0x904', () => explainerTabs('0x904').length === 1 && explainerTabs('0x904'), vscode.window.tabGroups.onDidChangeTabs);
    assert.equal(tab!.label, 'Error code 0x904 / 0x7');
    assert.equal(tab!.isActive, true);
  });

  test('the same pair again reveals the open panel; another code gets its own', async () => {
    await vscode.commands.executeCommand('rdpDoctor.explainErrorCode', '0x904 0x7');
    await waitFor('the first panel', () => explainerTabs('0x904 / 0x7').length === 1, vscode.window.tabGroups.onDidChangeTabs);
    await vscode.commands.executeCommand('rdpDoctor.explainErrorCode', '0x204');
    await waitFor('the 0x204 panel to be active', () => explainerTabs('0x204')[0]?.isActive, vscode.window.tabGroups.onDidChangeTabs);
    await vscode.commands.executeCommand('rdpDoctor.explainErrorCode', '2308 7');
    await waitFor('the 0x904 panel to be active again', () => explainerTabs('0x904 / 0x7')[0]?.isActive, vscode.window.tabGroups.onDidChangeTabs);
    assert.equal(explainerTabs('0x904').length, 1);
    assert.equal(explainerTabs('0x').length, 2);
  });

  test('a lone code of another family (from a hover link) gets its own panel, named for its family', async () => {
    await vscode.commands.executeCommand('rdpDoctor.explainErrorCode', '0xC');
    // 0xC is no OnDisconnected code: the plain lookup reads it as the extended code, and says so.
    await waitFor('the extended 0xC panel', () => explainerTabs('Extended error code 0xC')[0]?.isActive, vscode.window.tabGroups.onDidChangeTabs);
    await vscode.commands.executeCommand('rdpDoctor.explainErrorCode', 'errinfo 0xC');
    const [tab] = await waitFor('the ERRINFO 0xC panel', () => explainerTabs('Server error info 0xC').length === 1 && explainerTabs('Server error info 0xC'), vscode.window.tabGroups.onDidChangeTabs);
    assert.equal(tab!.isActive, true);
    assert.equal(explainerTabs('0xC').length, 2);
  });

  test('a line pasted from the dialog opens the panel of the codes it names', async () => {
    await vscode.commands.executeCommand('rdpDoctor.explainErrorCode', 'Error code: 0x904\nExtended error code: 0x7');
    const [tab] = await waitFor('the 0x904 / 0x7 panel', () => explainerTabs('0x904 / 0x7').length === 1 && explainerTabs('0x904 / 0x7'), vscode.window.tabGroups.onDidChangeTabs);
    assert.equal(tab!.label, 'Error code 0x904 / 0x7');
  });

  test('an unknown code opens no panel', async () => {
    const before = explainerTabs('0x').length;
    await vscode.commands.executeCommand('rdpDoctor.explainErrorCode', '0x516');
    // A known code after it: once its panel's tab is there, a panel the unknown code opened would be too (tabs come in order).
    await vscode.commands.executeCommand('rdpDoctor.explainErrorCode', '0x3');
    await waitFor('the 0x3 panel', () => explainerTabs('0x3').length > 0, vscode.window.tabGroups.onDidChangeTabs);
    assert.equal(explainerTabs('0x516').length, 0);
    assert.equal(explainerTabs('0x').length, before + 1, 'the known code\'s panel only');
  });
});
