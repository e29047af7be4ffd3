import { lstatSync } from 'node:fs';
import { posix, win32 } from 'node:path';

/** What `userCacheDir` reads: the environment, the platform and the home folder. */
export interface CacheDirContext {
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly home: string;
}

/**
 * The CLI's cache folder (the V8 code cache of its command bundle), in the user's own cache folder as each
 * platform names it: `%LOCALAPPDATA%\rdp-doctor\Cache` on Windows, `~/Library/Caches/rdp-doctor` on macOS,
 * `$XDG_CACHE_HOME/rdp-doctor` or `~/.cache/rdp-doctor` elsewhere (the XDG Base Directory specification).
 * `RDP_DOCTOR_CACHE_DIR` names another folder; `RDP_DOCTOR_CODE_CACHE=off` (or `0`) turns the cache off.
 * Never a shared folder such as the temporary one: undefined (no cache) when there is no home to put it in.
 */
export function userCacheDir({ env, platform, home }: CacheDirContext): string | undefined {
  const { isAbsolute, join } = platform === 'win32' ? win32 : posix;
  const off = env.RDP_DOCTOR_CODE_CACHE?.toLowerCase();
  if (off === 'off' || off === '0' || off === 'false') return undefined;
  const given = env.RDP_DOCTOR_CACHE_DIR;
  if (given) return isAbsolute(given) ? given : undefined;
  if (platform === 'win32') return env.LOCALAPPDATA && isAbsolute(env.LOCALAPPDATA) ? join(env.LOCALAPPDATA, 'rdp-doctor', 'Cache') : undefined;
  if (!home || !isAbsolute(home)) return undefined;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'rdp-doctor');
  const xdg = env.XDG_CACHE_HOME;
  // The specification: a relative $XDG_CACHE_HOME is invalid and ignored.
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.cache'), 'rdp-doctor');
}

/**
 * Whether a code cache may be kept in `dir`, a folder of `root`: code read from it runs in this process, so on
 * POSIX both must be this user's own, not links, and writable by nobody else. A folder that does not exist yet is
 * fine: it is made with mode 0700. On Windows (`uid` undefined) %LOCALAPPDATA% is the user's own.
 */
export function safeCacheDir(root: string, dir: string, uid: number | undefined): boolean {
  if (uid === undefined) return true;
  return ownFolder(root, uid) && ownFolder(dir, uid);
}

function ownFolder(dir: string, uid: number): boolean {
  try {
    const info = lstatSync(dir);
    return info.isDirectory() && info.uid === uid && (info.mode & 0o022) === 0;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
