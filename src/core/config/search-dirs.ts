import * as nodePath from 'node:path';

/**
 * The folders that hold `path`, nearest first, up to its file system's root: where the CLI's `findConfigFor` looks for
 * a file's `.rdpdoctor.yaml`, and the editor for a document on the local file system. A root (`/`, `C:\`, the
 * `\\server\share\` of a UNC path) is its own `dirname`, so the walk ends there. `path` is the platform's by default.
 */
export function foldersAbove(path: string, paths: Pick<typeof nodePath, 'dirname'> = nodePath): string[] {
  const dirs: string[] = [];
  for (let dir = paths.dirname(path); ; ) {
    dirs.push(dir);
    const up = paths.dirname(dir);
    if (up === dir) return dirs;
    dir = up;
  }
}

/**
 * The folders where the editor looks for the `.rdpdoctor.yaml` of a document in a virtual workspace (not on the local
 * file system), nearest first: the document's folder and each one above it up to its workspace folder, the part of
 * the CLI's walk that the workspace holds. URI paths (`/`-separated); compared without case where the file system has
 * none (Windows, macOS), and ending at a workspace folder that is a file system's root (`/`, `/c:/`). None when the
 * document is not inside the folder.
 */
export function configSearchDirs(documentPath: string, folderPath: string, caseInsensitive: boolean): string[] {
  const norm = (path: string): string => (caseInsensitive ? path.toLowerCase() : path).replace(/\/+$/, '');
  const root = norm(folderPath);
  const dirs: string[] = [];
  for (let dir = nodePath.posix.dirname(documentPath); ; ) {
    const path = norm(dir);
    if (path !== root && !path.startsWith(`${root}/`)) return [];
    dirs.push(dir);
    if (path === root) return dirs;
    const up = nodePath.posix.dirname(dir);
    if (up === dir) return [];
    dir = up;
  }
}
