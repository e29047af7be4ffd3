import * as vscode from 'vscode';
import { core } from './core';
import type { Logger } from './logger';
import { readWorkspaceFile } from './workspace-files';

/** The scheme of the read-only LGPO-style text views of Registry.pol files. */
export const POL_SCHEME = 'rdp-doctor-pol';

/** The text view of a Registry.pol file: the file's own URI travels in the query. */
export function polViewUri(file: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: POL_SCHEME, path: `${file.path}.txt`, query: file.toString() });
}

export function polFileUri(view: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(view.query);
}

/**
 * Registry.pol files as read-only text (`rdp-doctor-pol:` documents), re-rendered when the file changes.
 * The bytes are kept so the lint feature can lint the file itself and place findings in the view.
 */
export class RegistryPolViews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*.{pol,POL,Pol}');
  private readonly disposables: vscode.Disposable[] = [
    this.changed,
    this.watcher,
    vscode.workspace.registerTextDocumentContentProvider(POL_SCHEME, this),
    this.watcher.onDidChange((uri) => this.refresh(uri)),
    this.watcher.onDidCreate((uri) => this.refresh(uri)),
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme === POL_SCHEME) this.bytes.delete(d.uri.toString());
    }),
  ];

  constructor(private readonly log: Logger) {
    // Double-clicking a .pol file opens its text view at once, instead of VS Code's "binary file" placeholder.
    this.disposables.push(vscode.window.registerCustomEditorProvider(POL_EDITOR, new RegistryPolEditor(), { supportsMultipleEditorsPerDocument: true }));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const file = polFileUri(uri);
    const name = file.fsPath || file.toString();
    let view: { text: string; bytes?: Uint8Array };
    try {
      // No Registry.pol comes near the lint's limit: a larger file would be held in memory whole, twice.
      view = await core().polViewText(name, () => readWorkspaceFile(file, core().MAX_FILE_BYTES), core().polHiveFromPath(file.path));
    } catch (error) {
      this.log.warn(`Cannot read ${file.toString()}: ${String(error)}`);
      return `; Cannot read ${name}: ${error instanceof Error ? error.message : String(error)}\n`;
    }
    // A refused file keeps no bytes, so the lint has nothing to read either.
    if (view.bytes) this.bytes.set(uri.toString(), view.bytes);
    else this.bytes.delete(uri.toString());
    return view.text;
  }

  /** The bytes behind an open view (undefined until VS Code asked for its content). */
  bytesFor(view: vscode.Uri): Uint8Array | undefined {
    return this.bytes.get(view.toString());
  }

  private refresh(file: vscode.Uri): void {
    const view = polViewUri(file);
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === view.toString())) this.changed.fire(view);
  }

  /** Opens a Registry.pol as text: the given file, the active editor's, or one the user picks. */
  async open(target?: vscode.Uri): Promise<void> {
    let file = target instanceof vscode.Uri ? target : activePolFile();
    if (!file) {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Registry.pol': ['pol', 'POL'] }, title: 'Open Registry.pol as Text' });
      file = picked?.[0];
    }
    if (!file) return;
    if (file.scheme === POL_SCHEME) file = polFileUri(file);
    const document = await vscode.workspace.openTextDocument(polViewUri(file));
    await vscode.window.showTextDocument(document, { preview: false });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The view type of the read-only custom editor of `.pol` files (package.json `customEditors`). */
export const POL_EDITOR = 'rdpDoctor.registryPol';

/**
 * The custom editor of `.pol` files: it replaces itself with the file's text view (where diagnostics, hovers and
 * the outline work) in the same editor group. Its own page says what happens, for the moment it is visible.
 */
class RegistryPolEditor implements vscode.CustomReadonlyEditorProvider {
  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => {} };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const name = core().escapeHtml(document.uri.path.split('/').pop() ?? '');
    const page = (body: string): string => `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${body}</p></body></html>`;
    panel.webview.options = { enableScripts: false };
    panel.webview.html = page(`Opening ${name} as text…`);
    const column = panel.viewColumn;
    try {
      const text = await vscode.workspace.openTextDocument(polViewUri(document.uri));
      await vscode.window.showTextDocument(text, { preview: false, ...(column !== undefined && { viewColumn: column }) });
      panel.dispose();
    } catch (error) {
      // The page stays, saying why, rather than "Opening … as text…" for ever.
      const why = core().escapeHtml(error instanceof Error ? error.message : String(error));
      panel.webview.html = page(`${name} could not be opened as text: ${why}`);
    }
  }
}

/** The `.pol` file of the active tab (VS Code shows binary files in a custom or "binary" editor, not a text editor). */
function activePolFile(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : vscode.window.activeTextEditor?.document.uri;
  return uri && (uri.scheme === POL_SCHEME || uri.path.toLowerCase().endsWith('.pol')) ? uri : undefined;
}
