import { lstat, readlink, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Links followed before a path is given up on (Linux's own limit is 40). */
const MAX_LINKS = 40;

/**
 * Whether `path` (absolute, or relative to `folder`) names `folder` or something below it, as VS Code's file system
 * reads it: `workspace.fs` normalizes the path's text first (`..` removed, as Node does on Windows), then the kernel
 * follows the links it meets, part by part, a link's own text resolved as the kernel resolves it (a link before the
 * `..` after it). In Restricted Mode a workspace's config may name CA files only inside the workspace; session 16
 * reviews read files above it through `ws/../..`, a linked `ca.pem`, and a link whose text climbs out. Nothing outside
 * the folder is looked up: a link that leads outside ends the walk, so one to an automounted network path
 * (`/net/host/…`) makes no connection. The path is compared with the folder as written (a drive letter's case, a
 * symbolic link above the folder) before the links below it are followed from the folder's real path. A path whose
 * end does not exist is inside when what exists of it is (reading it then fails).
 */
export async function leadsInside(folder: string, path: string): Promise<boolean> {
  const start = resolve(folder);
  const rel = relative(start, resolve(start, path));
  if (rel === '') return true;
  if (rel.startsWith('..') || isAbsolute(rel)) return false;
  const base = await realpath(start).catch(() => start);
  let current = base;
  const parts = split(rel);
  let links = 0;
  while (parts.length > 0) {
    const part = parts.shift()!;
    if (part === '.') continue;
    if (part === '..') {
      current = dirname(current);
      if (!within(current, base)) return false;
      continue;
    }
    const next = join(current, part);
    if (!within(next, base)) return false;
    const info = await lstat(next).catch(() => undefined);
    if (!info) return true;
    if (!info.isSymbolicLink()) {
      current = next;
      continue;
    }
    if (++links > MAX_LINKS) return false;
    const link = await readlink(next).catch(() => undefined);
    if (link === undefined) return false;
    if (isAbsolute(link)) {
      // Compared with the folder as written and with its real path (macOS's /var is /private/var); a link
      // elsewhere is not looked up.
      const target = resolve(link);
      const from = within(target, base) ? base : within(target, start) ? start : undefined;
      if (from === undefined) return false;
      current = base;
      parts.unshift(...split(relative(from, target)));
    } else {
      parts.unshift(...split(link));
    }
  }
  return within(current, base);
}

function split(path: string): string[] {
  return path.split(/[\\/]+/).filter((p) => p !== '');
}

function within(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}
