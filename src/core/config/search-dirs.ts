import { posix } from 'node:path';

/**
 * The folders where the editor looks for the `.rdpdoctor.yaml` of a document, nearest first: the document's folder and
 * each one above it up to its workspace folder, as the CLI's `findConfigFor` walks (within the workspace folder only).
 * URI paths (`/`-separated); compared without case where the file system has none (Windows, macOS), and ending at a
 * workspace folder that is a file system's root (`/`, `/c:/`). None when the document is not inside the folder.
 */
export function configSearchDirs(documentPath: string, folderPath: string, caseInsensitive: boolean): string[] {
  const norm = (path: string): string => (caseInsensitive ? path.toLowerCase() : path).replace(/\/+$/, '');
  const root = norm(folderPath);
  const dirs: string[] = [];
  for (let dir = posix.dirname(documentPath); ; ) {
    const path = norm(dir);
    if (path !== root && !path.startsWith(`${root}/`)) return [];
    dirs.push(dir);
    if (path === root) return dirs;
    const up = posix.dirname(dir);
    if (up === dir) return [];
    dir = up;
  }
}
