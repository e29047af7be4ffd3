import * as vscode from 'vscode';
import { groupDigits } from '../core/text/group-digits';
import { OptionalStatusItem } from './optional-status-item';

const SETTING = 'rdpDoctor.outline.maxItemsComputed';

/**
 * A language status item, while the active `.rdp` document's outline is cut short: how many lines it lists, and a
 * button to the setting. VS Code's JSON support shows the same for its outline (`json.maxItemsComputed`).
 */
export class OutlineLimitStatus implements vscode.Disposable {
  /** The documents whose last outline was cut short, and where. */
  private readonly limited = new Map<vscode.TextDocument, number>();
  private readonly item = new OptionalStatusItem('rdpDoctor.outlineLimit', { name: 'RDP Doctor Outline', severity: vscode.LanguageStatusSeverity.Warning, text: 'Outline' });
  private readonly disposables: vscode.Disposable[] = [
    vscode.window.onDidChangeActiveTextEditor(() => this.show()),
    vscode.workspace.onDidCloseTextDocument((document) => this.limited.delete(document)),
  ];

  /** Records what the document's outline listed: cut short at `max` lines, or whole (`false`). */
  update(document: vscode.TextDocument, max: number | false): void {
    if (max === false) this.limited.delete(document);
    else this.limited.set(document, max);
    if (document === vscode.window.activeTextEditor?.document) this.show();
  }

  private show(): void {
    const document = vscode.window.activeTextEditor?.document;
    const max = document && this.limited.get(document);
    if (max === undefined) this.item.hide();
    else this.item.show(`only the first ${groupDigits(max)} lines listed, for speed`, { command: 'workbench.action.openSettings', arguments: [SETTING], title: 'Configure' });
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
