import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { applyAction, lines, openEditor, openUntitled, quickFixes, revertAndClose, ruleOf, waitForDiagnostics, waitForRules, withSetting, workspaceFile } from './helpers';
import { suite, test } from './mocha-tdd';

suite('Code actions', () => {
  test('the preferred quick fix corrects the line and its diagnostic goes away', async () => {
    const { document } = await openEditor('quick-fix.rdp');
    const diagnostics = await waitForRules(document.uri, ['RDP013', 'RDP003', 'RDP002']);
    const unknown = diagnostics.find((d) => ruleOf(d) === 'RDP002')!;
    const actions = await quickFixes(document.uri, unknown);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Show documentation for RDP002 (unknown-property)'), `actions: ${JSON.stringify(titles)}`);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.deepEqual(preferred.map((a) => a.title), ['Change to "redirectclipboard"']);
    await applyAction(preferred[0]!);
    assert.equal(document.lineAt(2).text, 'redirectclipboard:i:1');
    await waitForRules(document.uri, ['RDP013', 'RDP003']);
  });

  test('"Fix all RDP003 problems in this file" fixes every line of that rule at once', async () => {
    const { document } = await openEditor('fix-all.rdp');
    const diagnostics = await waitForRules(document.uri, ['RDP003', 'RDP003', 'RDP003']);
    const actions = await quickFixes(document.uri, diagnostics[1]!);
    const fixAll = actions.find((a) => a.title === 'Fix all RDP003 problems in this file');
    assert.ok(fixAll, `actions: ${JSON.stringify(actions.map((a) => a.title))}`);
    await applyAction(fixAll);
    assert.deepEqual(lines(document).slice(1, 4), ['desktopwidth:i:1920', 'desktopheight:i:1080', 'session bpp:i:32']);
    await waitForDiagnostics(document.uri, 'no diagnostics', (d) => d.length === 0);
  });

  test('source.fixAll.rdp runs on save when editor.codeActionsOnSave asks for it', async () => {
    const restore = await withSetting('editor', 'codeActionsOnSave', { 'source.fixAll.rdp': 'explicit' }, 'rdp');
    try {
      const editor = await openEditor('save-fix.rdp');
      const { document } = editor;
      await editor.edit((b) => b.insert(new vscode.Position(document.lineCount - 1, 0), 'desktopwidth:s:1920\nredirectclipbaord:i:1\n'));
      await waitForRules(document.uri, ['RDP003', 'RDP002']);
      assert.equal(await document.save(), true, 'save failed');
      // The unknown name's closest match is a guess: saving never applies it; its quick fix stays on offer.
      const expected = 'full address:s:rdsh01.contoso.com\nauthentication level:i:2\nenablecredsspsupport:i:1\ndesktopwidth:i:1920\nredirectclipbaord:i:1\n';
      assert.equal(document.getText(), expected);
      assert.equal(await readFile(workspaceFile('save-fix.rdp').fsPath, 'utf8'), expected);
      await waitForRules(document.uri, ['RDP002']);
    } finally {
      await restore();
    }
  });

  test('the "Fix All Auto-Fixable Problems" command fixes the active editor', async () => {
    const { document } = await openEditor('fix-command.rdp');
    await waitForRules(document.uri, ['RDP003', 'RDP002']);
    await vscode.commands.executeCommand('rdpDoctor.fixAll');
    assert.deepEqual(lines(document).slice(1, 3), ['desktopwidth:i:1920', 'redirectclipbaord:i:1']);
    await waitForRules(document.uri, ['RDP002']);
  });

  test('RDP021 offers its in-file fix and no PowerShell fix: requiring NLA would lock a client without CredSSP out', async () => {
    const document = await openUntitled({
      language: 'rdp',
      content: 'full address:s:rdsh01.contoso.com\r\nnegotiate security layer:i:0\r\nenablecredsspsupport:i:0\r\n',
    });
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForRules(document.uri, ['RDP021', 'RDP020']);
    const negotiation = diagnostics.find((d) => ruleOf(d) === 'RDP021')!;
    assert.match(negotiation.message, /servers that require NLA refuse a client without CredSSP in any case/);
    const actions = await quickFixes(document.uri, negotiation);
    const titles = actions.map((a) => a.title);
    assert.deepEqual(actions.filter((a) => a.isPreferred).map((a) => a.title), ['Set "negotiate security layer" to 1']);
    assert.ok(titles.includes('Show documentation for RDP021 (negotiation-disabled)'), titles.join(' | '));
    assert.deepEqual(titles.filter((t) => t.startsWith('Insert PowerShell fix:')), [], titles.join(' | '));
    await revertAndClose(document);
  });

  test('Fix All and source.fixAll.rdp leave a signed file alone', async () => {
    const document = await openUntitled({
      language: 'rdp',
      content: 'full address:s:rdsh01.contoso.com\r\nauthentication level:i:0\r\nsignscope:s:Full Address,Authentication Level\r\nsignature:s:AQABAAEAAAA=\r\n',
    });
    await vscode.window.showTextDocument(document);
    await waitForRules(document.uri, ['RDP022', 'RDP041']);
    const before = document.getText();
    await vscode.commands.executeCommand('rdpDoctor.fixAll');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.rdp');
    assert.deepEqual(actions.filter((a) => a.kind?.value === 'source.fixAll.rdp'), []);
    assert.equal(document.getText(), before);
    // A single quick fix is still there for the user to pick.
    const [diagnostic] = vscode.languages.getDiagnostics(document.uri).filter((d) => ruleOf(d) === 'RDP022');
    const quick = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic!.range);
    assert.ok(quick.some((a) => a.isPreferred), quick.map((a) => a.title).join(' | '));
    await revertAndClose(document);
  });
});
