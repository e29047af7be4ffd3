import * as vscode from 'vscode';
import { core } from './core';
import { RDP_DOCUMENTS } from './document-selectors';

const TYPE_HELP: Record<string, string> = {
  s: '`s` — a string value.',
  i: '`i` — an integer value, written in plain decimal.',
  b: '`b` — binary data written as hex (only `password 51` uses it).',
};

/** Hover on a property name (its documentation) or on a value (what that value does). */
export class HoverFeature implements vscode.Disposable, vscode.HoverProvider {
  private readonly registration = vscode.languages.registerHoverProvider(RDP_DOCUMENTS, this);

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const line = document.lineAt(position.line);
    const entry = core().parseRdp(line.text).entries[0];
    if (!entry) return undefined;
    const at = position.character;
    const range = (span: { start: number; end: number }): vscode.Range => new vscode.Range(position.line, span.start, position.line, span.end);
    const info = core().findProperty(entry.key);
    if (at >= entry.nameSpan.start && at <= entry.nameSpan.end) {
      if (!info) return undefined;
      return new vscode.Hover(new vscode.MarkdownString(core().propertyMarkdown(info)), range(entry.nameSpan));
    }
    if (at >= entry.typeSpan.start && at < entry.typeSpan.end) {
      const help = TYPE_HELP[entry.type];
      return help ? new vscode.Hover(new vscode.MarkdownString(help), range(entry.typeSpan)) : undefined;
    }
    if (at >= entry.valueSpan.start && info) {
      if (info.secret) return new vscode.Hover(new vscode.MarkdownString('A saved password (its value is never shown).'), range(entry.valueSpan));
      const text = core().valueMarkdown(info, entry.value);
      return text ? new vscode.Hover(new vscode.MarkdownString(text), range(entry.valueSpan)) : undefined;
    }
    return undefined;
  }

  dispose(): void {
    this.registration.dispose();
  }
}
