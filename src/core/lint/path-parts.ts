import { basename, dirname, resolve, sep } from 'node:path';
import { isMstscTemplate } from '../rules/rdp/mstsc-template';

// A path's folder and name, as `dirname` and `basename` give them, for the paths a lint meets per file: a walk's
// "folder/name". Node's two functions scan the path character by character and validate it each time; a lint of
// 1,000 files called them ~6,000 times, ~4 ms before V8 optimized them (issue 16). One search for the last separator
// gives the same two parts for such a path; any other (a root, a trailing or doubled separator, a Windows path with
// its two separators and drive letters) goes to Node's functions.

/** Where the folder ends in `path` (its last separator), or -1 when Node's functions must split it. */
function plainSplit(path: string): number {
  if (sep !== '/') return -1;
  const at = path.lastIndexOf('/');
  return at > 0 && at < path.length - 1 && path.charCodeAt(at - 1) !== 47 /* / */ ? at : -1;
}

/** `dirname(path)`. */
export function folderOf(path: string): string {
  const at = plainSplit(path);
  return at < 0 ? dirname(path) : path.slice(0, at);
}

/**
 * The name of the folder of a file named `Default.rdp` (resolved, so `lint Default.rdp` run in Documents says
 * Documents), else undefined: only that file's verdicts depend on where it is (RDP043), and no other file pays for it.
 */
export function templateFolder(path: string, name = nameOf(path)): string | undefined {
  return isMstscTemplate(name) ? basename(resolve(folderOf(path))) : undefined;
}

/** `basename(path)`. */
export function nameOf(path: string): string {
  const at = plainSplit(path);
  return at < 0 ? basename(path) : path.slice(at + 1);
}
