import * as vscode from 'vscode';
import { core } from './core';
import type { HostCheckResult } from '../core/net/index';
import { checkedAt } from './checked-at';

export const CERT_SCHEME = 'rdp-doctor-cert';

/** Read-only documents with every field of a listener's certificate and chain, as the last check saw them. */
export class CertificateViews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly results = new Map<string, HostCheckResult>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, vscode.workspace.registerTextDocumentContentProvider(CERT_SCHEME, this)];

  /** The document's URI for a host: one per host, refreshed by each check. */
  uriFor(result: HostCheckResult): vscode.Uri {
    return vscode.Uri.from({ scheme: CERT_SCHEME, path: `/${core().certificateDocumentName(result.host, result.port)}` });
  }

  /** A new check of a host whose certificate document is open refreshes that document. */
  checked(results: readonly HostCheckResult[]): void {
    for (const result of results) {
      if (result.cancelled) continue;
      const uri = this.uriFor(result);
      if (!this.results.has(uri.path)) continue;
      this.results.set(uri.path, result);
      this.changed.fire(uri);
    }
  }

  async show(result: HostCheckResult): Promise<vscode.TextEditor> {
    const uri = this.uriFor(result);
    const known = this.results.has(uri.path);
    this.results.set(uri.path, result);
    if (known) this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document, { preview: false });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const result = this.results.get(uri.path);
    // Dated by the check, not by the opening of the view (a review: "As of" a time the listener was not asked).
    return result ? core().certificateDocument(result, checkedAt(result)) : 'No certificate: check the host again to see it.\n';
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
