import * as vscode from 'vscode';
import type { PolicyDocument } from '../core/gpo/model';
import { readPolicyBytes } from '../core/gpo/read-export';
import { policyFacts, type PolicyFacts } from '../core/rules/xrf/facts';
import { LineIndex } from '../core/text/line-index';
import type { Logger } from './logger';
import { polViewUri } from './registry-pol-view';

/** Files worth reading for exports; the content decides (sniffing), never the name alone. */
const EXPORT_GLOB = '**/*.{xml,XML,pol,POL,Pol,reg,REG,txt,inf,INF}';
const EXCLUDE_GLOB = '**/{node_modules,.git,.vscode-test,dist,out}/**';
const MAX_FILES = 5000;
const MAX_BYTES = 64 * 1024 * 1024;

export interface IndexedExport {
  readonly path: string;
  readonly folder?: string;
  readonly facts: PolicyFacts<vscode.Location>;
}

/** Locates a document's settings: spans of its text, in the file or (Registry.pol) in its text view. */
export function exportFacts(doc: PolicyDocument, text: string, uri: vscode.Uri): PolicyFacts<vscode.Location> {
  const index = new LineIndex(text);
  const at = (offset: number): vscode.Position => {
    const p = index.positionAt(offset);
    return new vscode.Position(p.line, p.character);
  };
  return policyFacts(doc, (s) => new vscode.Location(uri, new vscode.Range(at(s.source.span.start), at(s.source.span.end))));
}

/**
 * The policy exports of the workspace, with the facts the cross-checks compare: read once at start,
 * kept up to date by a file watcher, and from open documents (unsaved edits) by the lint feature.
 */
export class PolicyIndex implements vscode.Disposable {
  private readonly exports = new Map<string, IndexedExport>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher(EXPORT_GLOB);
  private readonly disposables: vscode.Disposable[] = [this.changed, this.watcher];
  readonly ready: Promise<void>;

  constructor(private readonly log: Logger) {
    this.disposables.push(
      this.watcher.onDidCreate((uri) => void this.readFile(uri).then(() => this.changed.fire())),
      this.watcher.onDidChange((uri) => void this.readFile(uri).then(() => this.changed.fire())),
      this.watcher.onDidDelete((uri) => {
        if (this.exports.delete(uri.toString())) this.changed.fire();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scan()),
    );
    this.ready = this.scan();
  }

  private async scan(): Promise<void> {
    try {
      const uris = await vscode.workspace.findFiles(EXPORT_GLOB, EXCLUDE_GLOB, MAX_FILES);
      await Promise.all(uris.map((uri) => this.readFile(uri)));
      this.log.debug(`Found ${this.exports.size} policy exports in the workspace.`);
      if (this.exports.size > 0) this.changed.fire();
    } catch (error) {
      this.log.warn(`Could not scan the workspace for policy exports: ${String(error)}`);
    }
  }

  private async readFile(uri: vscode.Uri): Promise<void> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_BYTES) return;
      const bytes = await vscode.workspace.fs.readFile(uri);
      const read = readPolicyBytes(bytes, uri.path);
      if (!read) {
        this.exports.delete(uri.toString());
        return;
      }
      const located = read.polView ? polViewUri(uri) : uri;
      this.set(uri, exportFacts(read.doc, read.text, located));
    } catch (error) {
      this.log.debug(`Could not read ${uri.toString()} as a policy export: ${String(error)}`);
    }
  }

  /** Replaces a file's facts with those of its open document. */
  set(uri: vscode.Uri, facts: PolicyFacts<vscode.Location>): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString();
    this.exports.set(uri.toString(), { path: vscode.workspace.asRelativePath(uri), ...(folder !== undefined && { folder }), facts });
  }

  /** Every export of the workspace. */
  all(): IndexedExport[] {
    return [...this.exports.values()];
  }

  /** The exports in the same workspace folder as `uri` (all of them for a file outside any folder). */
  exportsNear(uri: vscode.Uri): IndexedExport[] {
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString();
    return [...this.exports.values()].filter((e) => folder === undefined || e.folder === folder);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
