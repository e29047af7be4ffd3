import { relative, sep } from 'node:path';
import { folderOf, nameOf } from './path-parts';

/** How a path is shown: relative to the working folder when inside it, else as given. */
export function displayPath(path: string): string {
  const base = nameOf(path);
  const dir = folderOf(path);
  // A file met in a folder walk is its folder, a separator and its name: the folder's relative path, worked out
  // once per folder, plus the name is the file's (issue 16: a relative() per file was 2% of a 10,000-file lint).
  if (base !== '' && base !== '.' && base !== '..' && path.length === dir.length + 1 + base.length && path.startsWith(dir) && path[dir.length] === sep && !dir.endsWith(sep)) {
    const folder = relativeFolder(dir);
    const rel = folder === '' ? base : folder + sep + base;
    return rel && !rel.startsWith('..') ? rel : path;
  }
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

let relativeFolders = { cwd: '', folders: new Map<string, string>() };

/** `relative(process.cwd(), dir)`, remembered per folder while the working folder stays the same. */
function relativeFolder(dir: string): string {
  const cwd = process.cwd();
  if (relativeFolders.cwd !== cwd) relativeFolders = { cwd, folders: new Map() };
  let rel = relativeFolders.folders.get(dir);
  if (rel === undefined) {
    rel = relative(cwd, dir);
    relativeFolders.folders.set(dir, rel);
  }
  return rel;
}
