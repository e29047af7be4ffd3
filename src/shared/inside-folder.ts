import { lstat, readlink, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, parse, resolve, sep } from 'node:path';

/** Links followed before a path is given up on (Linux's own limit is 40). */
const MAX_LINKS = 40;

/**
 * Whether `path` (absolute, or relative to `folder`) names `folder` or something below it, as the kernel would
 * resolve it: part by part, a symbolic link followed before the `..` after it applies (`ws/self/../x`, with
 * `self -> ws`, is the folder above `ws`), and `..` going to the real parent. In Restricted Mode a workspace's config
 * may name CA files only inside the workspace; session 16 reviews read files above it through `ws/../..`, a linked
 * `ca.pem`, and a link back to the folder followed by `..`. Nothing outside the folder is looked up: a part that
 * leads outside it (other than the folders above it on the way down) ends the walk, so a link to an automounted
 * network path (`/net/host/…`) makes no connection. A path whose end does not exist is inside when what exists of
 * it is (reading it then fails).
 */
export async function leadsInside(folder: string, path: string): Promise<boolean> {
  const base = await realpath(folder).catch(() => resolve(folder));
  let current: string;
  let parts: string[];
  if (isAbsolute(path)) {
    const root = parse(path).root;
    current = root;
    parts = split(path.slice(root.length));
  } else {
    current = base;
    parts = split(path);
  }
  let links = 0;
  while (parts.length > 0) {
    const part = parts.shift()!;
    if (part === '.') continue;
    if (part === '..') {
      current = dirname(current);
      continue;
    }
    const next = join(current, part);
    // A folder above the base, on the way down to it: real (the base is), nothing to look up.
    if (isAbove(next, base)) {
      current = next;
      continue;
    }
    if (!within(next, base)) return false;
    const info = await lstat(next).catch(() => undefined);
    if (!info) return parts.every((p) => p !== '..') || within(resolve(next, ...parts), base);
    if (!info.isSymbolicLink()) {
      current = next;
      continue;
    }
    if (++links > MAX_LINKS) return false;
    const link = await readlink(next).catch(() => undefined);
    if (link === undefined) return false;
    if (isAbsolute(link)) {
      const root = parse(link).root;
      current = root;
      parts.unshift(...split(link.slice(root.length)));
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

/** Whether `path` is a folder the base lies below (`/tmp` for `/tmp/ws`). */
function isAbove(path: string, base: string): boolean {
  return path !== base && base.startsWith(path.endsWith(sep) ? path : path + sep);
}
