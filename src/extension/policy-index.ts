import { createHash } from 'node:crypto';
import { core } from './core';
import * as vscode from 'vscode';
import type { PolicyDocument } from '../core/gpo/model';
import type { PolicyFacts } from '../core/rules/xrf/facts';
import { LineIndex } from '../core/text/line-index';
import type { Logger } from './logger';
import { polViewUri } from './registry-pol-view';
import { findWorkspaceFiles, inPool, isScanned, readWorkspaceFile, SCAN_CONCURRENCY, SNIFF_BYTES, withLateProgress } from './workspace-files';

/** Files worth reading for exports; the content decides (sniffing), never the name alone. */
const EXPORT_GLOB = '**/*.{xml,XML,pol,POL,Pol,reg,REG,txt,inf,INF}';
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
  return core().policyFacts(doc, (s) => new vscode.Location(uri, new vscode.Range(at(s.source.span.start), at(s.source.span.end))));
}

/**
 * The policy exports of the workspace, with the facts the cross-checks compare: read once the workspace is
 * needed (`start`: an `.rdp` file, an export or `.rdpdoctor.yaml` is open, or a command runs), a few files at a
 * time, each sniffed from its first bytes before it is read whole; kept up to date by a file watcher, and from
 * open documents (unsaved edits) by the lint feature.
 */
export class PolicyIndex implements vscode.Disposable {
  private readonly exports = new Map<string, IndexedExport>();
  /** The SHA-256 of each indexed export's bytes as last read from disk: a watcher event for unchanged bytes changes nothing. */
  private readonly digests = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private scanning: Promise<void> | undefined;
  /** Files read (a head or whole) by scans and the watcher, and their bytes; the extension-host tests read them. */
  filesRead = 0;
  bytesRead = 0;

  constructor(private readonly log: Logger) {}

  /** Starts the first scan and the watcher (once); resolves when the first scan is done. */
  start(): Promise<void> {
    if (this.scanning) return this.scanning;
    const watcher = vscode.workspace.createFileSystemWatcher(EXPORT_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.watched(uri)),
      watcher.onDidChange((uri) => void this.watched(uri)),
      watcher.onDidDelete((uri) => {
        this.digests.delete(uri.toString());
        if (this.exports.delete(uri.toString())) this.changed.fire();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scan()),
    );
    this.scanning = this.scan();
    return this.scanning;
  }

  /** Whether the workspace has been read (or is being read). */
  get started(): boolean {
    return this.scanning !== undefined;
  }

  /** Resolves when the first scan is done (at once when none was started). */
  get ready(): Promise<void> {
    return this.scanning ?? Promise.resolve();
  }

  /**
   * A file the watcher reported, unless `files.exclude`/`search.exclude` hide it from scans. Listeners hear of it
   * only when the index changed: watchers report a file more than once (and late), and every `changed` re-lints
   * every open document.
   */
  private async watched(uri: vscode.Uri): Promise<void> {
    try {
      if (!(await isScanned(uri))) return;
      if (await this.readFile(uri)) this.changed.fire();
    } catch (error) {
      this.log.debug(`Could not follow a change of ${uri.toString()}: ${String(error)}`);
    }
  }

  private async scan(): Promise<void> {
    let changed = false;
    try {
      const uris = await findWorkspaceFiles(EXPORT_GLOB, MAX_FILES, this.log);
      await withLateProgress('RDP Doctor: reading policy exports', async (report) => {
        let done = 0;
        await inPool(uris, SCAN_CONCURRENCY, async (uri) => {
          if (await this.readFile(uri)) changed = true;
          report(`${++done}/${uris.length}`);
        });
      });
      this.log.debug(`Found ${this.exports.size} policy exports among ${uris.length} candidate files.`);
      if (changed) this.changed.fire();
    } catch (error) {
      this.log.warn(`Could not scan the workspace for policy exports: ${String(error)}`);
    }
  }

  /** Reads a file into the index (or drops it): whether the index changed. */
  private async readFile(uri: vscode.Uri): Promise<boolean> {
    const key = uri.toString();
    try {
      // The first bytes decide: most .xml/.txt/.inf files of a workspace are not exports and are never read whole.
      const head = await readWorkspaceFile(uri, MAX_BYTES, SNIFF_BYTES);
      if ('refused' in head) return this.refused(key, head.refused);
      this.filesRead += 1;
      this.bytesRead += head.bytes.length;
      if (!core().sniffExport(core().decodeBytes(head.bytes), head.bytes)) return this.drop(key);
      let bytes = head.bytes;
      if (head.size > bytes.length) {
        const whole = await readWorkspaceFile(uri, MAX_BYTES);
        if ('refused' in whole) return this.refused(key, whole.refused);
        bytes = whole.bytes;
        this.bytesRead += bytes.length;
      }
      const digest = createHash('sha256').update(bytes).digest('base64');
      if (this.exports.has(key) && this.digests.get(key) === digest) return false;
      const read = core().readPolicyBytes(bytes, uri.path);
      if (!read) return this.drop(key);
      const located = read.polView ? polViewUri(uri) : uri;
      const facts = exportFacts(read.doc, read.text, located);
      const before = this.exports.get(key)?.facts;
      this.set(uri, facts);
      this.digests.set(key, digest);
      // An export opened in the editor is in the index before the watcher reports it: the same facts are no change.
      return before === undefined || JSON.stringify(before) !== JSON.stringify(facts);
    } catch (error) {
      this.log.debug(`Could not read ${key} as a policy export: ${String(error)}`);
      return false;
    }
  }

  /** Drops a file that is not read (a FIFO, a device, a file too large): whether it was in the index. */
  private refused(key: string, why: string): boolean {
    this.log.debug(`Not reading ${key} as a policy export: it is ${why}.`);
    return this.drop(key);
  }

  /** Drops a file from the index: whether it was there. */
  private drop(key: string): boolean {
    this.digests.delete(key);
    return this.exports.delete(key);
  }

  /** Replaces a file's facts with those of its open document. */
  set(uri: vscode.Uri, facts: PolicyFacts<vscode.Location>): void {
    // Facts from an open document may differ from the bytes on disk: the next read from disk counts as a change.
    this.digests.delete(uri.toString());
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
