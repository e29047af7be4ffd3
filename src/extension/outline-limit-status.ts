import * as vscode from 'vscode';
import { groupDigits } from '../core/text/group-digits';
import { RDP_DOCUMENTS } from './document-selectors';

const SETTING = 'rdpDoctor.outline.maxItemsComputed';

/**
 * A language status item, while the active `.rdp` document's outline is cut short: how many lines it lists, and a
 * button to the setting. VS Code's JSON support shows the same for its outline (`json.maxItemsComputed`).
 */
export class OutlineLimitStatus implements vscode.Disposable {
  /** The documents whose last outline was cut short, and where. */
  private readonly limited = new Map<vscode.TextDocument, number>();
  private item?: vscode.LanguageStatusItem;
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
    if (max === undefined) {
      this.item?.dispose();
      this.item = undefined;
      return;
    }
    this.item ??= vscode.languages.createLanguageStatusItem('rdpDoctor.outlineLimit', RDP_DOCUMENTS);
    this.item.name = 'RDP Doctor Outline';
    this.item.severity = vscode.LanguageStatusSeverity.Warning;
    this.item.text = 'Outline';
    this.item.detail = `only the first ${groupDigits(max)} lines listed, for speed`;
    this.item.command = { command: 'workbench.action.openSettings', arguments: [SETTING], title: 'Configure' };
  }

  dispose(): void {
    this.item?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
