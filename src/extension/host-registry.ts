import * as vscode from 'vscode';
import { core } from './core';
import type { CheckTarget } from '../core/net/index';
import type { RdpDocument } from '../core/rdp/parse';
import { hostKey, type KnownHost } from './check-runner';
import { fileTarget, type DocumentModel, type FileTarget } from './document-model';
import { knownHosts, type InventoryHost } from './known-hosts';
import type { Logger } from './logger';
import { settings } from './settings';
import type { WorkspaceConfigStore } from './workspace-config';
import { findWorkspaceFiles, inPool, isScanned, readWorkspaceFile, SCAN_CONCURRENCY, withLateProgress } from './workspace-files';
// A Git diff or a generated view of an `.rdp` file is not a host of the workspace.
import { DOCUMENT_SCHEMES } from './document-selectors';

const RDP_GLOB = '**/*.rdp';
const MAX_FILES = 5000;
const MAX_BYTES = 1024 * 1024;

/**
 * Every host of the workspace: the `full address` of each `.rdp` file (kept current with a file watcher)
 * and the `hosts` inventory of each folder's `.rdpdoctor.yaml`. Reading files makes no network connection.
 */

export class HostRegistry implements vscode.Disposable {
  private readonly files = new Map<string, FileTarget>();
  /** Each inventory host with the config file that lists it. */
  private inventory: (InventoryHost & { readonly source: vscode.Uri })[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly fileChanged = new vscode.EventEmitter<FileTarget>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.fileChanged];
  private scanning: Promise<void> | undefined;
  /** Open `.rdp` documents waiting for their edits to settle. */
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** The hosts changed: a file was added or removed, or names another host, RD Gateway or authentication level. */
  readonly onDidChange = this.changed.event;
  /**
   * An open file says something else, still of the same host and in the same way (`onDidChange` otherwise): what a
   * check derives from the file (its `full address` line, XRF001/XRF003) is to be read again from it.
   */
  readonly onDidChangeFile = this.fileChanged.event;

  constructor(
    private readonly documents: DocumentModel,
    private readonly configs: WorkspaceConfigStore,
    private readonly log: Logger,
    /** Resolves once the document's current version is linted (the lint an edit scheduled, or one made now). */
    private readonly linted: (document: vscode.TextDocument) => Promise<unknown> = () => Promise.resolve(),
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(RDP_GLOB);
    this.disposables.push(
      watcher,
      // An open document is read from the editor: its text may be ahead of the disk. A save may come as a file created
      // (written to a new file, renamed over the old one).
      watcher.onDidCreate((uri) => this.followed(uri)),
      watcher.onDidChange((uri) => this.followed(uri)),
      watcher.onDidDelete((uri) => {
        if (this.files.delete(uri.toString())) this.changed.fire();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()),
      vscode.workspace.onDidOpenTextDocument((d) => this.readDocument(d)),
      // A large document's target is known once the lint worker's parse of it arrives.
      documents.onDidSummarize((d) => this.readDocument(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.documentEdited(e.document)),
      vscode.workspace.onDidSaveTextDocument((d) => this.documentSaved(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.documentClosed(d)),
      { dispose: () => this.pending.forEach((timer) => clearTimeout(timer)) },
      configs.onDidChange(() => void this.loadInventory().then(() => this.changed.fire())),
    );
  }

  /** A file the watcher reported created or changed: an open document as it is in the editor, else from disk. */
  private followed(uri: vscode.Uri): void {
    const open = this.openDocument(uri);
    if (open) this.readDocument(open);
    else void this.watched(uri);
  }

  /** A file the watcher reported: read once the workspace is (the first scan finds it otherwise), unless excluded. */
  private async watched(uri: vscode.Uri): Promise<void> {
    try {
      if (!this.scanning || !(await isScanned(uri))) return;
      await this.readFile(uri);
      // Opened meanwhile: it counts as it is in the editor (the disk's read would undo its target, or drop a large one's).
      const open = this.openDocument(uri);
      if (open) return this.readDocument(open);
      this.changed.fire();
    } catch (error) {
      this.log.debug(`Could not follow a change of ${uri.toString()}: ${String(error)}`);
    }
  }

  /** Reads the workspace again (the view's Refresh). */
  refresh(): Promise<void> {
    this.scanning = (async () => {
      this.files.clear();
      try {
        const uris = await findWorkspaceFiles(RDP_GLOB, MAX_FILES, this.log);
        await withLateProgress('RDP Doctor: reading .rdp files', async (report) => {
          let done = 0;
          await inPool(uris, SCAN_CONCURRENCY, async (uri) => {
            await this.readFile(uri);
            report(`${++done}/${uris.length}`);
          });
        });
        for (const d of vscode.workspace.textDocuments) this.readDocument(d, false);
        await this.loadInventory();
      } catch (error) {
        this.log.warn(`Could not scan the workspace for .rdp files: ${String(error)}`);
      }
      this.log.debug(`Found ${this.files.size} .rdp files and ${this.inventory.length} inventory hosts.`);
      this.changed.fire();
    })();
    return this.scanning;
  }

  /** Resolves when the first scan is done. */
  ready(): Promise<void> {
    return this.scanning ?? this.refresh();
  }

  /** Files read by scans and the watcher; the extension-host tests read it. */
  filesRead = 0;

  /** Whether the workspace's `.rdp` files have been read (or are being read). */
  get started(): boolean {
    return this.scanning !== undefined;
  }

  private async readFile(uri: vscode.Uri): Promise<void> {
    try {
      const read = await readWorkspaceFile(uri, MAX_BYTES);
      if ('refused' in read) {
        // A FIFO, a device or a file too large names no host (it was one before, maybe: it is one no longer).
        this.files.delete(uri.toString());
        this.log.debug(`Not reading ${uri.toString()}: it is ${read.refused}.`);
        return;
      }
      this.filesRead += 1;
      const decoded = core().decodeBytes(read.bytes);
      const target = decoded.binary ? undefined : fileTarget(uri, decoded.text);
      if (target) this.files.set(uri.toString(), target);
      else this.files.delete(uri.toString());
    } catch (error) {
      this.files.delete(uri.toString());
      this.log.debug(`Could not read ${uri.toString()}: ${String(error)}`);
    }
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.languageId === 'rdp' && !d.isClosed && d.uri.toString() === uri.toString());
  }

  /**
   * An open `.rdp` document counts as it is in the editor, saved or not (an untitled one too): check diagnostics
   * land on the `full address` line where it is now, and read as the file says now. Fires `onDidChange` when the
   * host, its RD Gateway or its authentication level changed, `onDidChangeFile` when anything else did.
   */
  private readDocument(document: vscode.TextDocument, notify = true): void {
    // Whatever its size: its target comes from the lint's parse, and the language status counts its check findings (a
    // file over MAX_BYTES kept the target it had before it grew, and Problems none where the status counted some).
    if (document.languageId !== 'rdp' || !DOCUMENT_SCHEMES.includes(document.uri.scheme)) return;
    const key = document.uri.toString();
    const before = this.files.get(key);
    const target = this.documents.get(document).target;
    if (target) this.files.set(key, target);
    else this.files.delete(key);
    if (!notify || before === target) return;
    const sameHost =
      before &&
      target &&
      before.host === target.host &&
      before.port === target.port &&
      core().sameCheckFacts(core().fileCheckFacts([before.doc]), core().fileCheckFacts([target.doc]));
    if (sameHost) this.fileChanged.fire(target);
    else this.changed.fire();
  }

  /** Edits settle before an open document is read again, as they do before it is linted again. */
  private documentEdited(document: vscode.TextDocument): void {
    if (document.languageId !== 'rdp') return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        // Its target needs the text parsed whole: the lint the edit scheduled does it once typing pauses.
        void this.documents.settled(document).then(() => {
          if (!document.isClosed) this.readDocument(document);
        });
      }, settings.debounceMs()),
    );
  }

  /** A save reads the document at once: its edits may not have settled, and the file watcher may not report it. */
  private documentSaved(document: vscode.TextDocument): void {
    if (document.languageId !== 'rdp') return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.readDocument(document);
  }

  /** A closed document counts as it is on disk again (an untitled one is gone). */
  private documentClosed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    if (!this.files.has(key)) return;
    if (document.uri.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(document.uri)) void this.readFile(document.uri).then(() => this.changed.fire());
    else {
      this.files.delete(key);
      this.changed.fire();
    }
  }

  private async loadInventory(): Promise<void> {
    const next: typeof this.inventory = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const entry = await this.configs.forFolder(folder.uri);
      for (const h of entry?.config.hosts ?? []) next.push({ target: core().inventoryTarget(h), group: h.group, source: entry!.uri });
    }
    this.inventory = next;
  }

  /** Where an open `.rdp` document connects, and its parsed text (its current text, saved or not). */
  fileOf(document: vscode.TextDocument): FileTarget | undefined {
    return this.documents.get(document).target;
  }

  /** What an open `.rdp` document's target is read from (`DocumentState.targetDocument`). */
  documentOf(document: vscode.TextDocument): RdpDocument | undefined {
    return this.documents.get(document).targetDocument;
  }

  /** The target of an open `.rdp` document (its current text, saved or not). */
  targetOf(document: vscode.TextDocument): CheckTarget | undefined {
    const found = this.fileOf(document);
    if (!found) return undefined;
    // The file's RD Gateway and authentication level, as `check FILE.rdp` passes them: the check then says the gateway
    // path was not checked (a failed direct probe of a host reached only through the gateway is a warning, NET002's
    // page), and whether a certificate the client cannot trust stops it connecting (NET022's page).
    return { target: core().displayTarget(found.host, found.port), host: found.host, port: found.port, ...core().fileCheckFacts([found.doc]) };
  }

  /**
   * The target of an open `.rdp` document once it can be read: a large document's comes with the lint worker's parse of
   * its current version, so a command run just after it opens or changes (Check Host, Explain from the Explorer) waits
   * for that lint instead of finding no target. Undefined when it has none, or linting is off (no worker parse comes).
   */
  async settledTargetOf(document: vscode.TextDocument): Promise<CheckTarget | undefined> {
    const target = this.targetOf(document);
    if (target || this.documentOf(document) || !settings.lintEnabled(document.uri)) return target;
    await withLateProgress('RDP Doctor: reading the large file…', () => this.linted(document));
    // Closed meanwhile: nothing to check (and no state made again for it, which would keep its text).
    return document.isClosed ? undefined : this.targetOf(document);
  }

  /** Why the lint worker could not read a large document's current version (a crash, a timeout), if it could not. */
  readFailure(document: vscode.TextDocument): string | undefined {
    return this.documents.get(document).workerFailed;
  }

  /**
   * Where each host is written down, so its check reads the config there: the inventory that lists it, else the first
   * `.rdp` file. Every host at once, in one pass over the inventory and the files (a lookup per host over every file
   * was quadratic for a check of all hosts).
   */
  sources(): Map<string, vscode.Uri> {
    const sources = new Map<string, vscode.Uri>();
    for (const i of this.inventory) {
      const key = hostKey(i.target.host, i.target.port);
      if (!sources.has(key)) sources.set(key, i.source);
    }
    const fromFiles = new Map<string, vscode.Uri>();
    for (const file of this.files.values()) {
      const key = hostKey(file.host, file.port);
      const first = fromFiles.get(key);
      if (!first || file.uri.toString().localeCompare(first.toString()) < 0) fromFiles.set(key, file.uri);
    }
    for (const [key, uri] of fromFiles) if (!sources.has(key)) sources.set(key, uri);
    return sources;
  }

  /** The `.rdp` files that target a host key. */
  filesFor(key: string): FileTarget[] {
    return [...this.files.values()].filter((f) => hostKey(f.host, f.port) === key);
  }

  /** Every host, inventory first (in its order), then the hosts only `.rdp` files name, sorted. */
  hosts(): KnownHost[] {
    return knownHosts(this.inventory, this.files.values());
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
