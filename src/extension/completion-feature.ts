import * as vscode from 'vscode';
import { core } from './core';
import { RDP_DOCUMENTS } from './document-selectors';
import type { DocumentModel } from './document-model';

/** The longest document parsed for a completion (about 30 ms of the extension host; clients' files have a few dozen lines). */
const PARSE_FOR_COMPLETION_LINES = 5000;

/**
 * Completes property names (inserting `name:type:`, or correcting the name of a line that has its value already) and
 * the documented values of the property on the line.
 */
export class CompletionFeature implements vscode.Disposable, vscode.CompletionItemProvider {
  private readonly registration = vscode.languages.registerCompletionItemProvider(RDP_DOCUMENTS, this, ':');
  /** Each property's documentation, built at its first completion and kept: the table does not change. */
  private readonly docs = new Map<string, vscode.MarkdownString>();

  constructor(private readonly documents: DocumentModel) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const first = before.indexOf(':');
    if (first < 0) return this.names(document, position, before);
    const second = before.indexOf(':', first + 1);
    if (second < 0) return [];
    const info = core().findProperty(before.slice(0, first));
    if (!info?.values?.length) return [];
    const replace = new vscode.Range(position.line, second + 1, position.line, document.lineAt(position.line).text.length);
    return info.values.map((v, i) => {
      const item = new vscode.CompletionItem({ label: v.value === '' ? '(empty)' : v.value, description: v.meaning }, vscode.CompletionItemKind.EnumMember);
      item.insertText = v.value;
      item.range = replace;
      item.sortText = String(i).padStart(4, '0');
      item.documentation = new vscode.MarkdownString(`${v.meaning}${info.default === v.value ? '\n\n(default)' : ''}`);
      if (info.default === v.value) item.preselect = true;
      return item;
    });
  }

  private names(document: vscode.TextDocument, position: vscode.Position, before: string): vscode.CompletionItem[] {
    const start = new vscode.Position(position.line, before.length - before.trimStart().length);
    // What follows the cursor on the line: a name being corrected keeps its line's value. With `type:value` after it,
    // the name and its `:type:` are replaced (the type the new name takes); with only `:value`, the name alone; with a
    // word, that word is replaced (or the completion inserted before it, as the user's insert mode says).
    const after = document.lineAt(position.line).text.slice(position.character);
    const colons = /^([^:]*):(?:([^:]*):)?/.exec(after);
    const withType = colons?.[2] !== undefined;
    const nameOnly = colons !== null && !withType;
    const end = (length: number): vscode.Position => new vscode.Position(position.line, position.character + length);
    const range: vscode.Range | { inserting: vscode.Range; replacing: vscode.Range } = withType
      ? new vscode.Range(start, end(colons![0].length))
      : nameOnly
        ? new vscode.Range(start, end(colons![1]!.length))
        : { inserting: new vscode.Range(start, position), replacing: new vscode.Range(start, end(/^[^\s:]*/.exec(after)![0].length)) };
    // A property the file already sets (on another line) is not offered again: a second line would only shadow one.
    // Completion is asked as a name is typed, before the lint parses the new version: a longer file is not parsed
    // whole for it (every property is offered until the lint has parsed the version).
    const state = this.documents.get(document);
    const parsed = state.rdpIfParsed ?? (document.lineCount <= PARSE_FOR_COMPLETION_LINES ? state.rdp : undefined);
    const set = new Set<string>();
    for (const entry of parsed?.entries ?? []) {
      if (entry.line === position.line) continue;
      const info = core().findProperty(entry.key);
      if (info) set.add(info.name);
    }
    return core().PROPERTIES.filter((p) => !set.has(p.name)).map((p) => {
      const item = new vscode.CompletionItem({ label: p.name, description: p.displayName ?? p.category }, vscode.CompletionItemKind.Property);
      item.insertText = nameOnly ? p.name : `${p.name}:${p.type}:`;
      item.range = range;
      item.filterText = p.name;
      item.detail = `${p.name}:${p.type}:`;
      let docs = this.docs.get(p.name);
      if (!docs) this.docs.set(p.name, (docs = new vscode.MarkdownString(core().propertyMarkdown(p))));
      item.documentation = docs;
      if (p.deprecated) item.tags = [vscode.CompletionItemTag.Deprecated];
      if (p.values?.length && !colons) item.command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
      return item;
    });
  }

  dispose(): void {
    this.registration.dispose();
  }
}
