import * as vscode from 'vscode';
import { configSearchDirs } from '../core/config/search-dirs';
import { parseConfig } from '../core/config/parse';
import { CONFIG_FILE_NAMES, type RdpDoctorConfig } from '../core/config/types';
import { KNOWN_RULE_IDS } from '../core/rules/registry';
import { decodeBytes } from '../core/text/decode';
import type { Logger } from './logger';

/** A config as read, with the file it was read from (relative paths in it, such as CA files, are relative to its folder). */
export interface ConfigEntry {
  readonly config: RdpDoctorConfig;
  readonly uri: vscode.Uri;
}

export function isConfigDocument(uri: vscode.Uri): boolean {
  const name = uri.path.split('/').pop()?.toLowerCase() ?? '';
  return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
}

/**
 * The `.rdpdoctor.yaml` files of the workspace (a folder's and nested ones), read from the open editor when there is
 * one (so unsaved edits take effect) and otherwise from disk; reloaded when either changes.
 */
export class WorkspaceConfigStore implements vscode.Disposable {
  /** The config file in each folder (by folder URI) as last read: a folder nobody asked about is not read. */
  private cache = new Map<string, Promise<ConfigEntry | undefined>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Logger) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.rdpdoctor.{yaml,yml}');
    const reload = (): void => void this.reload();
    this.disposables.push(
      watcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isConfigDocument(e.document.uri) && e.contentChanges.length > 0) reload();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (isConfigDocument(d.uri)) reload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.cache = new Map();
        this.changed.fire();
      }),
    );
  }

  /**
   * Reads the configs again and tells listeners only when one of them changed. Every `changed` re-lints every open
   * document and reloads the inventory, and the same text comes round more than once: an edit is read from the
   * editor at once, then its save (by hand or by auto-save, the default in VS Code for the Web) reaches the watcher
   * with the same text, sometimes seconds later.
   */
  private async reload(): Promise<void> {
    const before = this.cache;
    this.cache = new Map();
    const changed = await Promise.all(
      [...before].map(async ([key, previous]) => {
        try {
          const [was, now] = await Promise.all([previous, this.inFolder(vscode.Uri.parse(key))]);
          return JSON.stringify(was) !== JSON.stringify(now);
        } catch (error) {
          this.log.debug(`Could not read the config of ${key} again: ${String(error)}`);
          return true;
        }
      }),
    );
    if (changed.includes(true)) this.changed.fire();
  }

  /** The config that applies to a document (see `entryFor`). */
  async forDocument(uri: vscode.Uri): Promise<RdpDoctorConfig | undefined> {
    return (await this.entryFor(uri))?.config;
  }

  /**
   * The config that applies to a document, with the file it came from: the nearest `.rdpdoctor.yaml` at or above the
   * document's folder, as the CLI finds it (core/lint/read-file.ts, findConfigFor), looked for within its workspace folder.
   */
  async entryFor(uri: vscode.Uri): Promise<ConfigEntry | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    for (const path of configSearchDirs(uri.path, folder.uri.path, process.platform !== 'linux')) {
      const found = await this.inFolder(uri.with({ path }));
      if (found) return found;
    }
    return undefined;
  }

  /** The config at the root of a workspace folder (its `hosts` are the folder's inventory). */
  forFolder(folder: vscode.Uri): Promise<ConfigEntry | undefined> {
    return this.inFolder(folder);
  }

  /** The config file in one folder (not above it), read once until a config changes. */
  private inFolder(folder: vscode.Uri): Promise<ConfigEntry | undefined> {
    const key = folder.toString();
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.load(folder);
      this.cache.set(key, pending);
    }
    return pending;
  }

  private async load(folder: vscode.Uri): Promise<ConfigEntry | undefined> {
    for (const name of CONFIG_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(folder, name);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      let text: string | undefined = open?.getText();
      if (text === undefined) {
        try {
          text = decodeBytes(await vscode.workspace.fs.readFile(uri)).text;
        } catch {
          continue;
        }
      }
      this.log.debug(`Loaded ${uri.toString()}`);
      return { config: parseConfig(text, KNOWN_RULE_IDS).config, uri };
    }
    return undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
