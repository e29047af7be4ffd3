import { lstat, readlink, realpath } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

/** Links followed before a path is given up on (Linux's own limit is 40). */
const MAX_LINKS = 40;

/**
 * Whether `path` (absolute, or relative to `folder`) is `folder` or lies below it once `..` parts are resolved and
 * symbolic links followed. In Restricted Mode a workspace's config may name CA files only inside the workspace; a
 * review found `ws/../../etc/…` and a `ca.pem` linked to a file elsewhere both read (VS Code's `Uri.file` keeps `..`).
 * Links are followed one part at a time and given up on as soon as one leads outside, before anything there is looked
 * up: a link to an automounted network path (`/net/host/…`) makes no connection. A path whose end does not exist is
 * inside when what exists of it is (reading it then fails).
 */
export async function leadsInside(folder: string, path: string): Promise<boolean> {
  const start = resolve(folder);
  const target = resolve(start, path);
  if (!within(target, start)) return false;
  const base = await realpath(start).catch(() => start);
  const parts = relative(start, target).split(sep).filter(Boolean);
  let current = base;
  for (let links = 0; parts.length > 0; ) {
    const next = join(current, parts.shift()!);
    const info = await lstat(next).catch(() => undefined);
    if (!info) return true;
    if (!info.isSymbolicLink()) {
      current = next;
      continue;
    }
    if (++links > MAX_LINKS) return false;
    const link = await readlink(next).catch(() => undefined);
    if (link === undefined) return false;
    const destination = resolve(current, link);
    if (!within(destination, base)) return false;
    parts.unshift(...relative(base, destination).split(sep).filter(Boolean));
    current = base;
  }
  return true;
}

function within(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}
