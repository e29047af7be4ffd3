import * as vscode from 'vscode';
import { parseConfig } from '../core/config/parse';
import { CONFIG_FILE_NAMES, type RdpDoctorConfig } from '../core/config/types';
import { ALL_RULES } from '../core/rules/registry';
import { decodeBytes } from '../core/text/decode';
import type { Logger } from './logger';

const KNOWN_RULE_IDS = new Set(ALL_RULES.map((r) => r.id));

export function isConfigDocument(uri: vscode.Uri): boolean {
  const name = uri.path.split('/').pop()?.toLowerCase() ?? '';
  return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
}

/**
 * The `.rdpdoctor.yaml` of each workspace folder, read from the open editor when there is one
 * (so unsaved edits take effect) and otherwise from disk; reloaded when either changes.
 */
export class WorkspaceConfigStore implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<RdpDoctorConfig | undefined>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Logger) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.rdpdoctor.{yaml,yml}');
    const invalidate = (): void => this.invalidate();
    this.disposables.push(
      watcher,
      watcher.onDidChange(invalidate),
      watcher.onDidCreate(invalidate),
      watcher.onDidDelete(invalidate),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isConfigDocument(e.document.uri) && e.contentChanges.length > 0) invalidate();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (isConfigDocument(d.uri)) invalidate();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(invalidate),
    );
  }

  private invalidate(): void {
    this.cache.clear();
    this.changed.fire();
  }

  /** The config that applies to a document: its workspace folder's, if any. */
  forDocument(uri: vscode.Uri): Promise<RdpDoctorConfig | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return Promise.resolve(undefined);
    const key = folder.uri.toString();
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.load(folder.uri);
      this.cache.set(key, pending);
    }
    return pending;
  }

  private async load(folder: vscode.Uri): Promise<RdpDoctorConfig | undefined> {
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
      return parseConfig(text, KNOWN_RULE_IDS).config;
    }
    return undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
