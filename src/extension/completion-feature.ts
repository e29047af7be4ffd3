import * as vscode from 'vscode';
import { propertyMarkdown } from '../core/rdp/property-docs';
import { findProperty, PROPERTIES } from '../core/rdp/properties/index';
import type { DocumentModel } from './document-model';

/** Completes property names (inserting `name:type:`) and the documented values of the property on the line. */
export class CompletionFeature implements vscode.Disposable, vscode.CompletionItemProvider {
  private readonly registration = vscode.languages.registerCompletionItemProvider({ language: 'rdp' }, this, ':');
  /** Each property's documentation, built at its first completion and kept: the table does not change. */
  private readonly docs = new Map<string, vscode.MarkdownString>();

  constructor(private readonly documents: DocumentModel) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const first = before.indexOf(':');
    if (first < 0) return this.names(document, position, before);
    const second = before.indexOf(':', first + 1);
    if (second < 0) return [];
    const info = findProperty(before.slice(0, first));
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
    const range = new vscode.Range(position.line, before.length - before.trimStart().length, position.line, position.character);
    // A property the file already sets (on another line) is not offered again: a second line would only shadow one.
    const set = new Set<string>();
    for (const entry of this.documents.get(document).rdp.entries) {
      if (entry.line === position.line) continue;
      const info = findProperty(entry.key);
      if (info) set.add(info.name);
    }
    return PROPERTIES.filter((p) => !set.has(p.name)).map((p) => {
      const item = new vscode.CompletionItem({ label: p.name, description: p.displayName ?? p.category }, vscode.CompletionItemKind.Property);
      item.insertText = `${p.name}:${p.type}:`;
      item.range = range;
      item.filterText = p.name;
      item.detail = `${p.name}:${p.type}:`;
      let docs = this.docs.get(p.name);
      if (!docs) this.docs.set(p.name, (docs = new vscode.MarkdownString(propertyMarkdown(p))));
      item.documentation = docs;
      if (p.deprecated) item.tags = [vscode.CompletionItemTag.Deprecated];
      if (p.values?.length) item.command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
      return item;
    });
  }

  dispose(): void {
    this.registration.dispose();
  }
}
