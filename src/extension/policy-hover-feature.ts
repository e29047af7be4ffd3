import * as vscode from 'vscode';
import { core } from './core';
import type { LintFeature } from './lint-feature';
import { toRange } from './convert';
import { POL_SCHEME } from './registry-pol-view';

/**
 * Hover on a setting in a recognized policy export (or a Registry.pol text view): what the policy does,
 * its registry value, what each value means, and the sources. Other XML, `.reg` and text files get nothing.
 */
export class PolicyHoverFeature implements vscode.Disposable, vscode.HoverProvider {
  private readonly registration = vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: POL_SCHEME }], this);

  constructor(private readonly lint: LintFeature) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const format = this.lint.formatOf(document);
    if (!format || format === 'rdp' || format === 'config') return undefined;
    const policy = await this.lint.policyFor(document);
    if (!policy) return undefined;
    const offset = document.offsetAt(position);
    // In a Registry.pol view an entry is four lines (configuration, key, value name, action); the action holds the span.
    const setting =
      core().settingAt(policy.settings, offset) ??
      (document.uri.scheme === POL_SCHEME ? policy.settings.find((s) => inEntry(document.positionAt(s.source.span.start).line, position.line)) : undefined);
    if (!setting) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(core().settingMarkdown(setting)), toRange(document, setting.source.span));
  }

  dispose(): void {
    this.registration.dispose();
  }
}

function inEntry(actionLine: number, line: number): boolean {
  return line <= actionLine && line >= actionLine - 3;
}
