import * as vscode from 'vscode';
import { core } from './core';
import { configSearchDirs, foldersAbove } from '../core/config/search-dirs';
import { CONFIG_FILE_NAMES, DEFAULT_CONFIG, type RdpDoctorConfig } from '../core/config/types';
import type { BoundedRead } from './bounded-read';
import type { Logger } from './logger';
import { readWorkspaceFile } from './workspace-files';

/** A config as read, with the file it was read from (relative paths in it, such as CA files, are relative to its folder). */
export interface ConfigEntry {
  readonly config: RdpDoctorConfig;
  readonly uri: vscode.Uri;
  /**
   * In Restricted Mode, the file's rule settings not applied (`ID: setting`): its rules may raise findings there, not
   * turn a rule off or lower it (`raiseOnly`), until the workspace is trusted.
   */
  readonly notApplied?: readonly string[];
}

export function isConfigDocument(uri: vscode.Uri): boolean {
  const name = uri.path.split('/').pop()?.toLowerCase() ?? '';
  return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
}

/** A config's place as the log names it: its path as on disk, else its URI. */
function shown(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

/**
 * Whether a local config that failed to read is there all the same (a broken link), rather than absent. A virtual
 * file system's error (Unavailable, NoPermissions) says nothing of a link: the search goes on there, as before.
 */
function isThere(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && core().configIsThere(uri.fsPath);
}

/** The config files' names as a glob pattern, for file watchers. */
const CONFIG_GLOB = `{${CONFIG_FILE_NAMES.join(',')}}`;

/**
 * The folders where the config of a document in a workspace folder is looked for, nearest first. On the local file
 * system, each folder up to the root, above the workspace folder too, as the CLI's `findConfigFor` walks (a repository
 * opened at a subfolder gets the repository's config; one above must be yours or root's, `load`); in a virtual
 * workspace, only those within the workspace folder.
 */
function searchFolders(uri: vscode.Uri, folder: vscode.WorkspaceFolder): vscode.Uri[] {
  if (uri.scheme === 'file') return foldersAbove(uri.fsPath).map((dir) => vscode.Uri.file(dir));
  return configSearchDirs(uri.path, folder.uri.path, process.platform !== 'linux').map((path) => uri.with({ path }));
}

/**
 * The `.rdpdoctor.yaml` files that apply in the workspace (a folder's, nested ones, and on the local file system those
 * above a folder), read from the open editor when there is one (so unsaved edits take effect) and otherwise from
 * disk; reloaded when either changes.
 */
export class WorkspaceConfigStore implements vscode.Disposable {
  /** The config file in each folder (by folder URI) as last read: a folder nobody asked about is not read. */
  private cache = new Map<string, Promise<ConfigEntry | undefined>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /**
   * A watcher of each folder above a local workspace folder (by folder URI), made when the folder is opened: the
   * workspace's own watcher sees no file outside the workspace folders. Made at once, not when a document first asks
   * for its config: a watcher takes a moment to start, and a config changed on disk meanwhile went unseen.
   */
  private watchersAbove = new Map<string, vscode.Disposable>();
  /** Whether a config was read with rule settings not applied (Restricted Mode). */
  private limitedSome = false;
  /** The configs above a workspace folder the log has named, and the warnings it has given. */
  private readonly announced = new Set<string>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Logger) {
    this.disposables.push(this.watch(`**/${CONFIG_GLOB}`));
    // Right after activation, not in it (activation's own time is issue 16's figure).
    const startWatching = setTimeout(() => {
      for (const folder of vscode.workspace.workspaceFolders ?? []) this.watchAbove(folder);
    }, 0);
    this.disposables.push({ dispose: () => clearTimeout(startWatching) });
    const reload = (): void => void this.reload();
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isConfigDocument(e.document.uri) && e.contentChanges.length > 0) reload();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (isConfigDocument(d.uri)) reload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.cache = new Map();
        this.disposeWatchersAbove();
        for (const folder of vscode.workspace.workspaceFolders ?? []) this.watchAbove(folder);
        this.changed.fire();
      }),
      // The configs' rules apply in full once the user trusts the workspace (they were read raise-only until then).
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.cache = new Map();
        if (this.limitedSome) this.log.info('The workspace is trusted: the rules of its .rdpdoctor.yaml files apply in full.');
        this.changed.fire();
      }),
    );
  }

  /** A watcher of config files that reloads the configs on any change. */
  private watch(pattern: vscode.GlobPattern): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const reload = (): void => void this.reload();
    return vscode.Disposable.from(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
  }

  /**
   * Watches the folders above a local workspace folder for config files. A simple pattern (no `**`, no `/`) makes
   * a non-recursive watcher of that folder, which `files.watcherExclude` does not filter (vscode.d.ts,
   * `workspace.createFileSystemWatcher`, "Out of workspace file watching").
   */
  private watchAbove(folder: vscode.WorkspaceFolder): void {
    if (folder.uri.scheme !== 'file') return;
    for (const dir of foldersAbove(folder.uri.fsPath)) {
      const uri = vscode.Uri.file(dir);
      const key = uri.toString();
      // A folder inside another workspace folder is watched with it already.
      if (this.watchersAbove.has(key) || vscode.workspace.getWorkspaceFolder(uri)) continue;
      this.watchersAbove.set(key, this.watch(new vscode.RelativePattern(uri, CONFIG_GLOB)));
    }
  }

  private disposeWatchersAbove(): void {
    for (const watcher of this.watchersAbove.values()) watcher.dispose();
    this.watchersAbove = new Map();
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
   * The config that applies to a document in a workspace folder, with the file it came from: the nearest
   * `.rdpdoctor.yaml` at or above the document's folder, as the CLI finds it (core/lint/read-file.ts, findConfigFor),
   * looked for above the workspace folder too on the local file system (`searchFolders`).
   */
  async entryFor(uri: vscode.Uri): Promise<ConfigEntry | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    this.watchAbove(folder);
    for (const dir of searchFolders(uri, folder)) {
      const found = await this.inFolder(dir);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The config that applies at a workspace folder itself (a host checked ad hoc there): the nearest at or above it, as
   * `rdp-doctor check` run in the folder finds it (cli/check-command.ts looks as for a file in the working folder).
   */
  entryAt(folder: vscode.Uri): Promise<ConfigEntry | undefined> {
    return this.entryFor(vscode.Uri.joinPath(folder, CONFIG_FILE_NAMES[0]));
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

  /**
   * The config file of one folder. One above every workspace folder must be yours or root's and not writable by every
   * user, or it is passed over (said in the log) as if it were not there, as the CLI passes over one above its working
   * folder (core/lint/config-trust.ts). One that is not a regular file or is too large is not read: the folder's files
   * get no config, as the CLI's get none from a config it cannot read.
   */
  private async load(folder: vscode.Uri): Promise<ConfigEntry | undefined> {
    for (const name of CONFIG_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(folder, name);
      const above = vscode.workspace.getWorkspaceFolder(uri) === undefined;
      const uid = process.getuid?.();
      const distrust = above && uri.scheme === 'file' && uid !== undefined ? core().ownerDistrust(uri.fsPath, uid) : undefined;
      if (distrust !== undefined) {
        this.warnOnce(`Not using ${shown(uri)}, above the workspace folder: it is ${distrust}. A config above the workspace folder is used only when it is yours or root's and not writable by every user; the search goes on above it.`);
        continue;
      }
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      let text: string | undefined = open?.getText();
      if (text === undefined) {
        let read: BoundedRead;
        try {
          read = await readWorkspaceFile(uri, core().MAX_CONFIG_BYTES);
        } catch (error) {
          // Not there: the search goes on. There but unreadable (a link to nothing or to itself): said, and not passed
          // over for a config above, as the CLI reports it (core/lint/read-file.ts, configIsThere).
          if (!isThere(uri)) continue;
          const why = uri.scheme === 'file' ? core().describeOpenError(uri.fsPath, error) : String(error);
          this.warnOnce(`Cannot read ${shown(uri)}: ${why} The files below it get no config (RDP Doctor's defaults).`);
          return { config: DEFAULT_CONFIG, uri };
        }
        if ('refused' in read) {
          this.warnOnce(`Not reading ${shown(uri)}: it is ${read.refused}. The files below it get no config (RDP Doctor's defaults).`);
          return { config: DEFAULT_CONFIG, uri };
        }
        text = core().decodeBytes(read.bytes).text;
      }
      // A config above the workspace folder surprises more than one in it: it is said, with its path as on disk.
      if (!above) this.log.debug(`Loaded ${uri.toString()}`);
      // Said once per file: every edit of a config reads them all again (a review of the change).
      else if (!this.announced.has(uri.toString())) {
        this.announced.add(uri.toString());
        this.log.info(`Using ${shown(uri)}, above the workspace folder, for the files below it (as the CLI does).`);
      }
      const config = core().parseConfig(text, core().KNOWN_RULE_IDS).config;
      return vscode.workspace.isTrusted ? { config, uri } : this.restricted(config, uri);
    }
    return undefined;
  }

  /**
   * A config read in Restricted Mode (`untrustedConfig`): its rules may raise a rule's findings, not turn the rule off or
   * lower them, its `trust.ca`, hosts' `name`, a shorter `checks.timeoutMs` and a larger `checks.concurrency` are not applied, as the workspace's `rdpDoctor.rules` setting is ignored there (package.json's
   * restrictedConfigurations, which covers settings only). VS Code's workspace trust guide: trust-sensitive features
   * stay off until trust is granted (onDidGrantWorkspaceTrust reads the configs again). Said once per file and settings.
   */
  private restricted(config: RdpDoctorConfig, uri: vscode.Uri): ConfigEntry {
    const { config: limited, notApplied } = core().untrustedConfig(config);
    const entry = { config: limited, uri };
    if (notApplied.length === 0) return entry;
    this.limitedSome = true;
    const message = `Restricted Mode: ${shown(uri)} sets what is not applied until you trust the workspace (${notApplied.join(', ')}): a workspace's config can only raise a rule's severity, warn of a certificate's expiry earlier, give a check more time and check fewer hosts at once, and sets no trusted CA and no certificate name for a host.`;
    if (!this.announced.has(message)) {
      this.announced.add(message);
      this.log.info(message);
    }
    return { ...entry, notApplied };
  }

  /** A warning in the log, once: every edit of a config reads them all again. */
  private warnOnce(message: string): void {
    if (this.announced.has(message)) return;
    this.announced.add(message);
    this.log.warn(message);
  }

  dispose(): void {
    this.disposeWatchersAbove();
    for (const d of this.disposables) d.dispose();
  }
}
