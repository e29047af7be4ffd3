import { lstatSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, sep } from 'node:path';

/**
 * Which configs the upward search takes without a look at their owner, and who the user is. A `.rdpdoctor.yaml` found
 * outside `root` (above it, or above a file outside it) is used only when it is the user's own or root's and not
 * writable by every user: anyone may put one in a shared folder (`/tmp`, a mode-1777 share) above another user's
 * project, and a config turns rules off and names CA certificates to trust. Git closed the same hole for repositories
 * found above the working folder (CVE-2022-24765: its owner check, `safe.directory`).
 */
export interface ConfigTrust {
  /**
   * The folder whose configs, in it and below it, are the project's own, whoever owns them: the CLI's working folder,
   * the editor's workspace folder. A checkout owned by another user than the one who runs RDP Doctor (a GitHub Actions
   * container runs as root over the runner's checkout) is linted from inside it, so its own configs are never refused.
   */
  readonly root: string;
  /** The user (`process.getuid()`); undefined on Windows, which has no POSIX owner to compare. */
  readonly uid: number | undefined;
}

/** The trust of a command run in this process's working folder. */
export function processTrust(): ConfigTrust {
  return { root: process.cwd(), uid: process.getuid?.() };
}

/** What `stat` says of who may write a file. */
export interface Ownership {
  readonly uid: number;
  readonly mode: number;
}

/**
 * Why a file with this owner and mode is not `uid`'s to trust ("… is ${why}"), or undefined when it is: owned by `uid`
 * or root, and not writable by every user.
 */
export function ownershipProblem(file: Ownership, uid: number): string | undefined {
  if (file.uid !== uid && file.uid !== 0) return `owned by another user (uid ${file.uid})`;
  if ((file.mode & 0o002) !== 0) return `writable by every user (mode ${(file.mode & 0o7777).toString(8).padStart(4, '0')})`;
  return undefined;
}

/** Whether `path` is `root` or lies below it (both absolute and resolved; compared as written). */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Why the config the upward search found at `path` is not used ("… is ${why}", see `ConfigTrust`), or undefined when it is. */
export function configDistrust(path: string, trust: ConfigTrust): string | undefined {
  if (trust.uid === undefined || isWithin(trust.root, dirname(path))) return undefined;
  return ownerDistrust(path, trust.uid);
}

/**
 * Why a config at `path`, outside the folders trusted as they are, is not `uid`'s to use, or undefined when it is.
 * Looked at are the file the path leads to and, when the path is a symbolic link, the link itself: another user's link
 * may lead to a file of yours they can write in. What cannot be looked at cannot be read either: the read says why.
 */
export function ownerDistrust(path: string, uid: number): string | undefined {
  try {
    const link = lstatSync(path);
    if (!link.isSymbolicLink()) return ownershipProblem(link, uid);
    if (link.uid !== uid && link.uid !== 0) return `a symbolic link owned by another user (uid ${link.uid})`;
    return ownershipProblem(statSync(path), uid);
  } catch {
    return undefined;
  }
}

/** What is said of a config the search passed over: `where` it was looked for without a look at owners (the working folder). */
export function skippedConfigMessage(why: string, where: string): string {
  return `Not used: it lies outside ${where} and is ${why}. A config found there is used only when it is yours or root's and not writable by every user.`;
}
