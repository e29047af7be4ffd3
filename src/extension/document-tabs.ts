import * as vscode from 'vscode';

/**
 * Which documents show in no tab. VS Code does not promise onDidCloseTextDocument when a tab closes ("There is no
 * guarantee that this event fires when an editor tab is closed, use the onDidChangeTabs-event": the API's own words); it
 * disposes the document later, or not while anything holds it, so a Registry.pol's text view kept its problems for
 * minutes after "Close All Editors" (a review in a real VS Code), and a closed `.rdp` file's stayed past 10 s in one CI
 * run. A document whose last tab closed is hidden (`onHidden`) until a tab shows it again (`onShown`).
 */
export class DocumentTabs implements vscode.Disposable {
  private readonly hidden = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(
    /** Whether a document whose last tab closed has anything to hide. */
    hasShown: (uri: vscode.Uri) => boolean,
    onHidden: (uri: vscode.Uri) => void,
    onShown: (document: vscode.TextDocument) => void,
  ) {
    this.subscription = vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of e.closed) {
        const uri = textUri(tab);
        if (uri && !openInATab(uri) && hasShown(uri)) {
          onHidden(uri);
          this.hidden.add(uri.toString());
        }
      }
      for (const tab of [...e.opened, ...e.changed]) {
        const uri = textUri(tab);
        if (!uri || !this.hidden.delete(uri.toString())) continue;
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (document) onShown(document);
      }
    });
  }

  /** Whether the document's last tab closed and no tab shows it since. */
  isHidden(uri: vscode.Uri): boolean {
    return this.hidden.has(uri.toString());
  }

  /** The document itself is closed: nothing to show again. */
  forget(uri: vscode.Uri): void {
    this.hidden.delete(uri.toString());
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** The document a text tab shows. */
function textUri(tab: vscode.Tab): vscode.Uri | undefined {
  return tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
}

/** Whether a tab still shows the document, alone or as a side of a diff. */
function openInATab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  const shows = (tab: vscode.Tab): boolean =>
    tab.input instanceof vscode.TabInputTextDiff
      ? tab.input.original.toString() === key || tab.input.modified.toString() === key
      : textUri(tab)?.toString() === key;
  return vscode.window.tabGroups.all.some((group) => group.tabs.some(shows));
}
