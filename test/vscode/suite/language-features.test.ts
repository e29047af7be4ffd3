import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openEditor, openUntitled, range } from './helpers';
import { suite, test } from './mocha-tdd';

function markdownOf(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function insertTextOf(item: vscode.CompletionItem): string {
  const text = item.insertText ?? labelOf(item);
  return typeof text === 'string' ? text : text.value;
}

suite('Hover and completion', () => {
  test('hover on a property name shows its documentation', async () => {
    const { document } = await openEditor('clean.rdp');
    assert.equal(document.lineAt(1).text, 'authentication level:i:2');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(1, 5));
    const ours = hovers.filter((h) => markdownOf([h]).includes('**authentication level**'));
    assert.equal(ours.length, 1, `hovers: ${markdownOf(hovers)}`);
    assert.ok(ours[0]!.range?.isEqual(range(1, 0, 1, 20)));
    const text = markdownOf(ours);
    assert.match(text, /Server authentication/);
    assert.match(text, /\*\*Default:\*\* `3`/);
  });

  test('hover on a value says what that value does', async () => {
    const { document } = await openEditor('clean.rdp');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(1, 23));
    const text = markdownOf(hovers);
    assert.match(text, /\*\*authentication level\*\* = `2`/);
    assert.match(text, /Warn the user and let them decide whether to connect\./);
    assert.ok(hovers.some((h) => h.range?.isEqual(range(1, 23, 1, 24))));
  });

  test('completion of a property name inserts name:type:', async () => {
    const document = await openUntitled({ language: 'rdp', content: 'full address:s:rdsh01.contoso.com\nauthen' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(1, 6));
    const item = list.items.find((i) => labelOf(i) === 'authentication level');
    assert.ok(item, `no "authentication level" among ${list.items.length} items`);
    assert.equal(insertTextOf(item), 'authentication level:i:');
    assert.equal(item.kind, vscode.CompletionItemKind.Property);
    const enableCredSsp = list.items.find((i) => labelOf(i) === 'enablecredsspsupport');
    assert.equal(enableCredSsp && insertTextOf(enableCredSsp), 'enablecredsspsupport:i:');
  });

  test('completion on the name of a line that has its value corrects the name and its type, and keeps the value', async () => {
    const complete = async (content: string, character: number): Promise<vscode.CompletionItem> => {
      const document = await openUntitled({ language: 'rdp', content });
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, character));
      const item = list.items.find((i) => labelOf(i) === 'redirectclipboard');
      assert.ok(item, content);
      return item;
    };
    // A misspelt name with its type and value: the name and `:type:` are replaced, the wrong type letter too.
    for (const content of ['redirectclip:i:1', 'redirectclip:s:1']) {
      const item = await complete(content, 12);
      assert.equal(insertTextOf(item), 'redirectclipboard:i:', content);
      assert.ok((item.range as vscode.Range).isEqual(range(0, 0, 0, 15)), `${content}: ${JSON.stringify(item.range)}`);
      assert.equal(item.command, undefined, 'no value suggestions: the line has its value');
    }
    // Only `:value` after it: the name alone.
    const nameOnly = await complete('redirectclip:1', 12);
    assert.equal(insertTextOf(nameOnly), 'redirectclipboard');
    assert.ok((nameOnly.range as vscode.Range).isEqual(range(0, 0, 0, 12)));
    // In the middle of a bare word: inserted before the rest, or replacing it, as the user's insert mode says.
    const word = await complete('redirectclip', 8);
    const { inserting, replacing } = word.range as { inserting: vscode.Range; replacing: vscode.Range };
    assert.ok(inserting.isEqual(range(0, 0, 0, 8)) && replacing.isEqual(range(0, 0, 0, 12)), JSON.stringify(word.range));
    assert.equal(insertTextOf(word), 'redirectclipboard:i:');
  });

  test('completion after name:type: offers the documented values, the default preselected', async () => {
    const document = await openUntitled({ language: 'rdp', content: 'authentication level:i:' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 23), ':');
    const values = list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(values.map(insertTextOf), ['0', '1', '2', '3']);
    assert.deepEqual(values.filter((i) => i.preselect).map(labelOf), ['3']);
  });
});
