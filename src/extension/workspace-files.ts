import * as vscode from 'vscode';
import { readAfterLook, readLocalFile, type BoundedRead, type FileShape } from './bounded-read';
import type { Logger } from './logger';
import { excludePatterns, inPool } from './scan-helpers';

export { inPool };

/** Folders no workspace scan enters, whatever the settings say. */
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', '**/.vscode-test/**'];
/** How many files a scan reads at once: a few, so a big workspace never floods the disk or the extension host. */
export const SCAN_CONCURRENCY = 4;
/** How much of a file is read to decide whether it is worth reading whole. */
export const SNIFF_BYTES = 4096;
/** A scan that takes longer than this shows a progress item in the status bar. */
const PROGRESS_AFTER_MS = 1500;

/**
 * The exclude glob of a workspace folder's scan: its `files.exclude` and `search.exclude` (their unconditional
 * entries), plus node_modules and .git. `findFiles` applies `files.exclude` only when given no exclude at all, so
 * both are merged here. An entry too large to expand (a workspace's own settings may hold a brace bomb) is left out
 * and logged: the scan then reads the files it would exclude, up to its usual limits.
 */
export function scanExcludeGlob(folder: vscode.Uri, log?: Logger): string {
  const entries: [string, unknown][] = [];
  for (const section of ['files', 'search']) {
    entries.push(...Object.entries(vscode.workspace.getConfiguration(section, folder).get<Record<string, unknown>>('exclude') ?? {}));
  }
  const { patterns, dropped } = excludePatterns(ALWAYS_EXCLUDED, entries);
  if (dropped.length > 0 && log) {
    const shown = dropped.slice(0, 3).map((d) => JSON.stringify(d.length > 80 ? `${d.slice(0, 80)}…` : d));
    log.warn(`${dropped.length === 1 ? 'An exclude pattern' : `${dropped.length} exclude patterns`} of ${folder.toString()} (files.exclude, search.exclude) ${dropped.length === 1 ? 'is' : 'are'} not used by the workspace scan: too long, or too many patterns once its {…} groups are expanded (${shown.join(', ')}${dropped.length > 3 ? ', …' : ''}). Files ${dropped.length === 1 ? 'it' : 'they'} would exclude are scanned.`);
  }
  return `{${patterns.join(',')}}`;
}

/** The files of every workspace folder that match `glob`, each folder with its own excludes; at most `max` in all. */
export async function findWorkspaceFiles(glob: string, max: number, log?: Logger): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (found.length >= max) break;
    found.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), scanExcludeGlob(folder.uri, log), max - found.length)));
  }
  return found;
}

/**
 * A workspace file's bytes, or why they are not read: only a regular file (a link to one is one) of at most `maxBytes`
 * is read, and only its first `upTo` bytes when a scan sniffs it. A local file is read with node's fs, opened without
 * blocking and judged by its own `fstat` (`readLocalFile`); any other is looked at with `workspace.fs.stat` first.
 * Every read of a workspace file goes through here: `workspace.fs.readFile` alone reads a link to `/dev/zero` until
 * memory runs out, and waits on a FIFO for ever.
 */
export function readWorkspaceFile(uri: vscode.Uri, maxBytes: number, upTo = maxBytes): Promise<BoundedRead> {
  if (uri.scheme === 'file') return readLocalFile(uri.fsPath, maxBytes, upTo);
  return readAfterLook(async () => fileShape(await vscode.workspace.fs.stat(uri)), () => vscode.workspace.fs.readFile(uri), maxBytes, upTo);
}

/** A `FileStat` as `readRefusal` judges it: `FileType` is a bit set (a link to a file is `File | SymbolicLink`). */
function fileShape(stat: vscode.FileStat): FileShape {
  return { isFile: (stat.type & vscode.FileType.File) !== 0, isFolder: (stat.type & vscode.FileType.Directory) !== 0, size: stat.size };
}

/** Shows a status-bar progress item for `task` once it has run for a while (a quick scan shows nothing). */
export async function withLateProgress<T>(title: string, task: (report: (message: string) => void) => Promise<T>): Promise<T> {
  let report: (message: string) => void = () => {};
  let last = '';
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const timer = setTimeout(() => {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, (progress) => {
      report = (message) => progress.report({ message });
      if (last) report(last);
      return finished;
    });
  }, PROGRESS_AFTER_MS);
  try {
    return await task((message) => {
      last = message;
      report(message);
    });
  } finally {
    clearTimeout(timer);
    finish();
  }
}

/**
 * Whether a file a watcher reported is one a scan would read: in a workspace folder and not excluded by
 * `files.exclude`/`search.exclude` (asked of the search itself, for that one path). Names with glob characters
 * cannot be asked that way and count as included.
 */
export async function isScanned(uri: vscode.Uri): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return false;
  const relative = vscode.workspace.asRelativePath(uri, false);
  if (/[[\]{}*?!]/.test(relative)) return true;
  return (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, relative), scanExcludeGlob(folder.uri), 1)).length > 0;
}
