import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openEditor, openUntitled, quickFixes, ruleOf, waitFor, waitForRules, withSetting, workspaceFile } from './helpers';
import { suite, suiteSetup, test } from './mocha-tdd';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('Editor integration: outline, CodeLens, completion, the light bulb', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });

  test('the outline of an .rdp file groups its properties by section of the property table', async () => {
    const document = await openUntitled({
      language: 'rdp',
      content: 'full address:s:rdsh01.invalid\r\ndesktopwidth:i:1920\r\ngatewayhostname:s:gw.invalid\r\nauthentication level:i:2\r\nredirectclipboard:i:1\r\npassword 51:b:01000000D08C9DDF\r\nmystery:i:1\r\n',
    });
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const outline = symbols.map((s) => [s.name, s.children.map((c) => c.name)]);
    // In the order of the file (by each section's first line), as the Outline view shows it.
    assert.deepEqual(outline, [
      ['Connection', ['full address', 'authentication level', 'password 51']],
      ['Display', ['desktopwidth']],
      ['Gateway', ['gatewayhostname']],
      ['Redirection', ['redirectclipboard']],
      ['Other', ['mystery']],
    ]);
    const connection = symbols[0]!;
    assert.equal(connection.children[0]!.detail, 'rdsh01.invalid');
    assert.equal(connection.children[2]!.detail, '(secret)', 'a password is never shown');
    assert.ok(connection.children[1]!.range.isEqual(new vscode.Range(3, 0, 3, 24)), JSON.stringify(connection.children[1]!.range));
    assert.ok(connection.range.contains(connection.children[2]!.range), 'a section spans its properties');
  });

  test('the outline of a long .rdp file lists the properties of its first lines, then says how many lines it leaves out', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => (i % 2 === 0 ? `unknown${i}:s:x` : `desktopwidth:i:${i}`));
    const document = await openUntitled({ language: 'rdp', content: lines.join('\r\n') + '\r\n' });
    const outline = async (of = document): Promise<{ listed: number; last: vscode.DocumentSymbol }> => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', of.uri);
      return { listed: symbols.reduce((n, s) => n + s.children.length, 0), last: symbols.at(-1)! };
    };
    // The default bound (rdpDoctor.outline.maxItemsComputed): 500 lines listed, the 2,500 after them counted.
    const byDefault = await outline();
    assert.equal(byDefault.listed, 500);
    assert.equal(byDefault.last.name, '2,500 more lines not listed');
    assert.match(byDefault.last.detail, /first 500 lines \(rdpDoctor\.outline\.maxItemsComputed\)/);
    assert.ok(byDefault.last.range.isEqual(new vscode.Range(500, 0, 2999, lines[2999]!.length)), JSON.stringify(byDefault.last.range));
    const restore = await withSetting('rdpDoctor', 'outline.maxItemsComputed', 100);
    try {
      // The outline provider follows the setting once the extension host has it (an update resolves before that).
      await waitFor('the outline bound', () => vscode.workspace.getConfiguration('rdpDoctor').get('outline.maxItemsComputed') === 100, vscode.workspace.onDidChangeConfiguration);
      // The same document version: VS Code keeps its outline until the providers change, which the setting makes them
      // do (an outline already shown follows the setting).
      const bounded = await outline();
      assert.equal(bounded.listed, 100);
      assert.equal(bounded.last.name, '2,900 more lines not listed');
      assert.equal(bounded.last.range.start.line, 100);
    } finally {
      await restore();
    }
    // A file within the bound has no such line.
    const short = await openUntitled({ language: 'rdp', content: lines.slice(0, 50).join('\r\n') + '\r\n' });
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', short.uri);
    assert.equal(symbols.reduce((n, s) => n + s.children.length, 0), 50);
    assert.ok(symbols.every((s) => !/not listed/.test(s.name)));
  });

  test('a CodeLens "Check host" and "Explain" sits on the full address line, and none without a target', async () => {
    const document = await openUntitled({ language: 'rdp', content: 'desktopwidth:i:1920\r\nfull address:s:rdsh01.invalid:3390\r\n' });
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
    const ours = lenses.filter((l) => l.command?.command.startsWith('rdpDoctor.'));
    assert.deepEqual(ours.map((l) => [l.range.start.line, l.command!.title, l.command!.command]), [
      [1, 'Check host', 'rdpDoctor.checkFileHost'],
      [1, 'Explain', 'rdpDoctor.explainErrorCode'],
    ]);
    // Both act on this file: its host is checked, and the explainer opens with its host chosen.
    assert.equal(String(ours[0]!.command!.arguments?.[0]), document.uri.toString());
    assert.equal(String(ours[1]!.command!.arguments?.[0]), document.uri.toString());
    assert.match(ours[0]!.command!.tooltip ?? '', /rdsh01\.invalid:3390/);
    const none = await openUntitled({ language: 'rdp', content: 'desktopwidth:i:1920\r\n' });
    const empty = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', none.uri, 10);
    assert.equal(empty.filter((l) => l.command?.command.startsWith('rdpDoctor.')).length, 0);
  });

  test('completion does not offer a property the file already sets, except the one on the cursor line', async () => {
    const document = await openUntitled({ language: 'rdp', content: 'full address:s:rdsh01.invalid\nauthentication level:i:2\nauthen' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(2, 6));
    const labels = list.items.map(labelOf);
    assert.ok(!labels.includes('authentication level'), 'already set on line 2');
    assert.ok(!labels.includes('full address'), 'already set on line 1');
    assert.ok(labels.includes('enablecredsspsupport'), 'others are offered');
    const editing = await openUntitled({ language: 'rdp', content: 'authentication level' });
    const again = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editing.uri, new vscode.Position(0, 6));
    assert.ok(again.items.map(labelOf).includes('authentication level'), 'the line being typed does not hide its own name');
  });

  test('every light bulb on one of our problems offers "Fix all auto-fixable problems" for the whole file', async () => {
    await vscode.workspace.fs.writeFile(workspaceFile('light-bulb.rdp'), new TextEncoder().encode('full address:s:rdsh01.invalid\ndesktopwidth:s:1920\ndesktopheight:s:1080\nredirectclipbaord:i:1\nauthentication level:i:2\nenablecredsspsupport:i:1\n'));
    const { document } = await openEditor('light-bulb.rdp');
    const diagnostics = await waitForRules(document.uri, ['RDP003', 'RDP003', 'RDP002']);
    const unknown = diagnostics.find((d) => ruleOf(d) === 'RDP002')!;
    const actions = await quickFixes(document.uri, unknown);
    const all = actions.find((a) => a.title === 'Fix all auto-fixable problems');
    assert.ok(all, `actions: ${JSON.stringify(actions.map((a) => a.title))}`);
    const edits = all.edit!.get(document.uri);
    assert.equal(edits.length, 2, 'it fixes both safe problems, not only those under the cursor (the misspelt name needs review)');
  });
});
