import * as vscode from 'vscode';
import type { CheckTarget } from '../core/net/index';
import { parseRdp } from '../core/rdp/parse';
import { displayTarget, inventoryTarget, rdpTarget } from '../core/rdp/target';
import { decodeBytes } from '../core/text/decode';
import { LineIndex } from '../core/text/line-index';
import { hostKey, type KnownHost } from './check-runner';
import type { Logger } from './logger';
import type { WorkspaceConfigStore } from './workspace-config';

/** Where one `.rdp` file connects, and the range of its `full address` line (for check diagnostics). */
export interface FileTarget {
  readonly uri: vscode.Uri;
  readonly host: string;
  readonly port: number;
  readonly range: vscode.Range;
  readonly text: string;
}

const RDP_GLOB = '**/*.rdp';
const EXCLUDE = '**/{node_modules,.git}/**';
const MAX_FILES = 5000;
const MAX_BYTES = 1024 * 1024;

/** The target of a `.rdp` text, or undefined when it has no usable `full address`. */
export function fileTarget(uri: vscode.Uri, text: string): FileTarget | undefined {
  const found = rdpTarget(parseRdp(text));
  if (!found.ok) return undefined;
  const lines = new LineIndex(text);
  const start = lines.positionAt(found.span.start);
  const end = lines.positionAt(found.span.end);
  return { uri, host: found.host, port: found.port, range: new vscode.Range(start.line, start.character, end.line, end.character), text };
}

/**
 * Every host of the workspace: the `full address` of each `.rdp` file (kept current with a file watcher)
 * and the `hosts` inventory of each folder's `.rdpdoctor.yaml`. Reading files makes no network connection.
 */
export class HostRegistry implements vscode.Disposable {
  private readonly files = new Map<string, FileTarget>();
  private inventory: { target: CheckTarget; group: string | undefined; folder: vscode.Uri }[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private scanning: Promise<void> | undefined;
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly configs: WorkspaceConfigStore,
    private readonly log: Logger,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(RDP_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.readFile(uri).then(() => this.changed.fire())),
      watcher.onDidChange((uri) => void this.readFile(uri).then(() => this.changed.fire())),
      watcher.onDidDelete((uri) => {
        if (this.files.delete(uri.toString())) this.changed.fire();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()),
      configs.onDidChange(() => void this.loadInventory().then(() => this.changed.fire())),
    );
  }

  /** Reads the workspace again (the view's Refresh). */
  refresh(): Promise<void> {
    this.scanning = (async () => {
      this.files.clear();
      try {
        const uris = await vscode.workspace.findFiles(RDP_GLOB, EXCLUDE, MAX_FILES);
        await Promise.all(uris.map((uri) => this.readFile(uri)));
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

  private async readFile(uri: vscode.Uri): Promise<void> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_BYTES) return;
      const decoded = decodeBytes(await vscode.workspace.fs.readFile(uri));
      const target = decoded.binary ? undefined : fileTarget(uri, decoded.text);
      if (target) this.files.set(uri.toString(), target);
      else this.files.delete(uri.toString());
    } catch (error) {
      this.files.delete(uri.toString());
      this.log.debug(`Could not read ${uri.toString()}: ${String(error)}`);
    }
  }

  private async loadInventory(): Promise<void> {
    const next: typeof this.inventory = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const config = await this.configs.forDocument(folder.uri);
      for (const h of config?.hosts ?? []) next.push({ target: inventoryTarget(h), group: h.group, folder: folder.uri });
    }
    this.inventory = next;
  }

  /** The target of an open `.rdp` document (its current text, saved or not). */
  targetOf(document: vscode.TextDocument): CheckTarget | undefined {
    const found = fileTarget(document.uri, document.getText());
    if (!found) return undefined;
    return { target: displayTarget(found.host, found.port), host: found.host, port: found.port };
  }

  /** The `.rdp` files that target a host key. */
  filesFor(key: string): FileTarget[] {
    return [...this.files.values()].filter((f) => hostKey(f.host, f.port) === key);
  }

  /** Every host, inventory first (in its order), then the hosts only `.rdp` files name, sorted. */
  hosts(): KnownHost[] {
    const byKey = new Map<string, { target: CheckTarget; groups: string[]; files: vscode.Uri[] }>();
    for (const { target, group } of this.inventory) {
      const key = hostKey(target.host, target.port);
      const entry = byKey.get(key) ?? { target, groups: [], files: [] };
      if (group !== undefined && !entry.groups.includes(group)) entry.groups.push(group);
      byKey.set(key, entry);
    }
    const fromFiles = [...this.files.values()].sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
    const fileOnly: string[] = [];
    for (const file of fromFiles) {
      const key = hostKey(file.host, file.port);
      let entry = byKey.get(key);
      if (!entry) {
        entry = { target: { target: displayTarget(file.host, file.port), host: file.host, port: file.port }, groups: [], files: [] };
        byKey.set(key, entry);
        fileOnly.push(key);
      }
      entry.files.push(file.uri);
    }
    const inventoryKeys = [...byKey.keys()].filter((k) => !fileOnly.includes(k));
    return [...inventoryKeys, ...fileOnly.sort()].map((key) => ({ key, ...byKey.get(key)! }));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
