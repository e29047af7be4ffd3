import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** The ignore files a folder walk honours (gitignore syntax), each read from every folder on the way down. */
export const IGNORE_FILE_NAMES = ['.gitignore', '.rdpdoctorignore'] as const;

/**
 * The `.gitignore` and `.rdpdoctorignore` rules that apply to a path: those of its own folder and of every
 * folder above it up to the root (the working folder, or the folder named on the command line when it lies
 * outside). A deeper file's rule wins, as in git: a `!pattern` there brings back what a folder above ignored;
 * in one folder `.rdpdoctorignore` is read after `.gitignore`, so it has the last word.
 */
export class IgnoreRules {
  private readonly byFolder = new Map<string, Ignore | null>();

  /** `read` gives a file's text, or undefined when there is none (or it is not a regular file: never a FIFO). */
  constructor(private readonly read: (path: string) => string | undefined) {}

  /** `path` and `root` absolute; a path outside the root is never ignored. */
  ignores(path: string, isFolder: boolean, root: string): boolean {
    const fromRoot = relative(root, path);
    if (!fromRoot || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return false;
    const folders: string[] = [];
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      folders.push(dir);
      if (dir === root || dirname(dir) === dir) break;
    }
    let ignored = false;
    for (const dir of folders.reverse()) {
      const rules = this.rulesOf(dir);
      if (!rules) continue;
      const rel = relative(dir, path).split(sep).join('/') + (isFolder ? '/' : '');
      const result = rules.test(rel);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  private rulesOf(dir: string): Ignore | null {
    let rules = this.byFolder.get(dir);
    if (rules !== undefined) return rules;
    rules = null;
    for (const name of IGNORE_FILE_NAMES) {
      const text = this.read(join(dir, name));
      if (text === undefined) continue;
      rules ??= ignore();
      rules.add(text);
    }
    this.byFolder.set(dir, rules);
    return rules;
  }
}
