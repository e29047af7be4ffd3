import * as vscode from 'vscode';
import { RDP_DOCUMENTS } from './document-selectors';

/** What an optional item always says: its name in the language status list, its severity and its short text. */
export interface OptionalStatusLook {
  readonly name: string;
  readonly severity: vscode.LanguageStatusSeverity;
  readonly text: string;
}

/**
 * A language status item on `.rdp` files that is there only while it has something to say: made when first shown,
 * disposed when hidden (an item cannot be hidden otherwise). The outline limit and Restricted Mode items are such.
 */
export class OptionalStatusItem implements vscode.Disposable {
  private item?: vscode.LanguageStatusItem;

  constructor(
    private readonly id: string,
    private readonly look: OptionalStatusLook,
  ) {}

  show(detail: string, command: vscode.Command): void {
    this.item ??= vscode.languages.createLanguageStatusItem(this.id, RDP_DOCUMENTS);
    this.item.name = this.look.name;
    this.item.severity = this.look.severity;
    this.item.text = this.look.text;
    this.item.detail = detail;
    this.item.command = command;
  }

  hide(): void {
    this.item?.dispose();
    this.item = undefined;
  }

  /** What the item says while shown (the extension-host tests read it). */
  state(): { readonly text: string; readonly detail: string | undefined } | undefined {
    return this.item && { text: this.item.text, detail: this.item.detail };
  }

  dispose(): void {
    this.hide();
  }
}
