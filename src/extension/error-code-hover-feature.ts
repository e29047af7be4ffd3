import * as vscode from 'vscode';
import { core } from './core';
import { documentsOf } from './document-selectors';
import { settings } from './settings';

/** Logs can have very long lines; the codes near the cursor are enough. */
const WINDOW = 1000;

/** Hover on a known Remote Desktop error code in plain text, logs and Markdown ("Error code: 0x904", "Reason= 2308"). */
export class ErrorCodeHoverFeature implements vscode.Disposable, vscode.HoverProvider {
  private readonly registration = vscode.languages.registerHoverProvider(documentsOf('plaintext', 'log', 'markdown'), this);

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    // Read on each hover, so turning the setting off takes effect at once.
    if (!settings.hoverErrorCodes(document)) return undefined;
    const text = document.lineAt(position.line).text;
    const offset = Math.max(0, position.character - WINDOW);
    // mstsc's dialog puts the extended code on a line of its own: the lines around may hold the other code of the pair.
    const lineAt = (delta: number): string | undefined => {
      const line = position.line + delta;
      return line >= 0 && line < document.lineCount ? document.lineAt(line).text.slice(0, 2 * WINDOW) : undefined;
    };
    const hover = core().explainAt(core().findErrorCodes(text.slice(offset, position.character + WINDOW)), position.character - offset, lineAt);
    if (!hover) return undefined;
    const markdown = new vscode.MarkdownString(core().hoverMarkdown(hover));
    markdown.isTrusted = { enabledCommands: ['rdpDoctor.explainErrorCode'] };
    return new vscode.Hover(markdown, new vscode.Range(position.line, hover.start + offset, position.line, hover.end + offset));
  }

  dispose(): void {
    this.registration.dispose();
  }
}
