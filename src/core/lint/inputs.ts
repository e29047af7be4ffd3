import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { existsSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { isBackupFolder } from '../gpo/read-gpo-backup';
import { isCandidateName } from './formats';
import { IgnoreRules } from './ignore-files';
import { appendAll } from '../text/collections';
import { describeFsError, fileKey, NOT_REGULAR, readInput } from './read-file';

/**
 * A name in a folder that is not valid UTF-8 (a file copied from a system with another code page): Node reads names
 * as UTF-8, with U+FFFD for what is not, and no file has the name it gives.
 */
export const NOT_UTF8_NAME = 'Its name is not valid UTF-8 (shown with \ufffd where it is not): RDP Doctor cannot open a file or folder by such a name. Rename it to read it.';

/** Never walked into, ignore files or not: no `.rdp` file or policy export lives there. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface InputFile {
  readonly path: string;
  /** Named on the command line (content alone may decide its format), rather than found in a folder. */
  readonly named: boolean;
  /** A GPO backup folder (it holds `bkupInfo.xml`), linted as one export. */
  readonly kind?: 'gpo-backup';
  /** The content, already read (standard input); `path` then is the name it is reported and detected by. */
  readonly bytes?: Uint8Array;
  /** False when the run has no policy export to cross-check against, so the file's cross-check facts are not gathered. */
  readonly crossCheck?: false;
  /**
   * Found in a folder walk as a regular file and not stat'ed there (`deferFileStat`): whether it is a second hard
   * link to a file met before is decided when it is read, from the read's own `fstat` (`fileKey`).
   */
  readonly unchecked?: true;
}

/** An input that could not be read, or a part of one (a policy export's reader reports where). */
export interface InputError {
  readonly path: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  readonly byteOffset?: number;
}

export interface CollectOptions {
  /** Honour `.gitignore` and `.rdpdoctorignore` in folder walks and glob matches (default true; `--no-ignore`). */
  readonly ignore?: boolean;
  /** Files named on the command line are recognized as in a folder walk, and skipped when not a known format (`--ignore-unknown`). */
  readonly ignoreUnknown?: boolean;
  /**
   * Regular files met in a folder walk are listed without a `stat` (marked `unchecked`): the lint skips a second
   * link to a file when it reads it (a stat per file was ~4–6% of a 10,000-file lint, issue 16).
   */
  readonly deferFileStat?: boolean;
}

export interface CollectedInputs {
  readonly files: InputFile[];
  readonly errors: InputError[];
  /** The arguments that matched no file to lint (a glob with no match, a folder with nothing to lint). */
  readonly unmatched: string[];
  /** Each argument that found files, and where they sit in `files` (from `start` up to `end`). */
  readonly found: { readonly path: string; readonly start: number; readonly end: number }[];
}


/** One collection: what was visited (so a symlink loop or a second link is walked once) and what was found. */
class Walk {
  readonly files: InputFile[] = [];
  readonly errors: InputError[] = [];
  /** Files and GPO backups met, counting those met again through another argument or link. */
  found = 0;
  private readonly visitedFolders = new Set<string>();
  private readonly seenFiles = new Set<string>();
  /** The top folder whose ignore files apply to the argument being expanded (absolute). */
  root = process.cwd();
  /**
   * The real path of the folder being walked: a symbolic link met in the walk is followed only to what lies inside
   * it. `ln -s / rootlink` in a cloned repository made `lint .` walk the whole disk (and report other users' files),
   * and a link to a folder outside made `--fix` rewrite files there (session 15 review). Undefined: no bound.
   */
  tree: string | undefined = undefined;

  /** Whether a link met in the walk leads inside the folder being walked (a broken link goes on, to be reported). */
  private leadsInside(link: string): boolean {
    if (this.tree === undefined) return true;
    let real: string;
    try {
      real = realpathSync(link);
    } catch {
      return true;
    }
    return real === this.tree || real.startsWith(this.tree.endsWith(sep) ? this.tree : this.tree + sep);
  }

  constructor(private readonly ignoreRules: IgnoreRules | undefined, private readonly deferFileStat = false) {}

  /** Whether this folder or file (by device and inode) is met for the first time. */
  firstVisit(info: Stats, folder: boolean): boolean {
    const key = fileKey(info);
    const seen = folder ? this.visitedFolders : this.seenFiles;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }

  ignored(path: string, folder: boolean): boolean {
    return this.ignoreRules?.ignores(resolve(path), folder, this.root) ?? false;
  }

  addFile(path: string, named: boolean, info?: Stats): void {
    let stats = info;
    if (!stats) {
      try {
        stats = statSync(path);
      } catch (error) {
        this.errors.push({ path, message: describeFsError(error) });
        return;
      }
    }
    this.found++;
    if (this.firstVisit(stats, false)) this.files.push({ path, named });
  }

  folder(dir: string, info: Stats, named: boolean): void {
    if (!this.firstVisit(info, true)) {
      this.found++; // walked already (`lint . sub`, or a link back up): matched, not linted twice
      return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      this.errors.push({ path: dir, message: describeFsError(error) });
      return;
    }
    if (isBackupFolder(entries.filter((e) => e.isFile()).map((e) => e.name))) {
      this.found++;
      this.files.push({ path: dir, named, kind: 'gpo-backup' });
      return;
    }
    // join(dir, name) for each entry, normalized once: a directory entry's name holds no separator and is never
    // "." or "..", so joining it adds nothing to normalize (a join per file was 7 MB of a 10,000-file walk).
    const prefix = join(dir, '_').slice(0, -1);
    for (const entry of entries) {
      const full = prefix + entry.name;
      // A symlink is followed to what it names when that is inside the folder being walked; FIFOs, sockets and devices
      // are skipped without being opened.
      if (!entry.isDirectory() && !entry.isFile() && !entry.isSymbolicLink()) continue;
      if (entry.isSymbolicLink() && !this.leadsInside(full)) continue;
      // A name Node could not read as UTF-8 names no file: said so, rather than "no such file" when it is read.
      if (entry.name.includes('\ufffd') && (entry.isDirectory() || isCandidateName(entry.name)) && !existsSync(full)) {
        this.errors.push({ path: full, message: NOT_UTF8_NAME });
        continue;
      }
      if (this.deferFileStat && entry.isFile()) {
        if (isCandidateName(entry.name) && !this.ignored(full, false)) {
          this.found++;
          this.files.push({ path: full, named: false, unchecked: true });
        }
        continue;
      }
      let stats: Stats;
      try {
        stats = statSync(full);
      } catch (error) {
        if (entry.isSymbolicLink()) this.errors.push({ path: full, message: describeFsError(error) });
        continue;
      }
      if (stats.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !this.ignored(full, true)) this.folder(full, stats, false);
      } else if (stats.isFile() && isCandidateName(entry.name) && !this.ignored(full, false)) {
        this.addFile(full, false, stats);
      }
    }
  }

  /** A glob's matches, relative to the working folder, each a file or a folder as a walk would meet it. */
  glob(pattern: string, cwd: string): void {
    const matches = globSync(process.platform === 'win32' ? pattern.split('\\').join('/') : pattern, {
      cwd,
      onlyFiles: false,
      followSymbolicLinks: false,
      ignore: [...SKIPPED_FOLDERS].map((f) => `**/${f}/**`),
      expandDirectories: false,
    }).sort();
    for (const match of matches) {
      const path = match.endsWith('/') ? match.slice(0, -1) : match;
      let stats: Stats;
      try {
        stats = statSync(join(cwd, path));
      } catch (error) {
        this.errors.push({ path, message: describeFsError(error) });
        continue;
      }
      if (stats.isDirectory()) {
        if (!this.ignored(join(cwd, path), true)) {
          this.tree = realOrResolved(join(cwd, path));
          this.folder(path, stats, false);
        }
      } else if (stats.isFile() && isCandidateName(path) && !this.ignored(join(cwd, path), false)) this.addFile(path, false, stats);
    }
  }
}

/** A folder's real path, or its resolved path when it cannot be had. */
function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** `*` runs one part of a glob may hold: the matcher's time grows as the file name's length to this power. */
const MAX_WILDCARDS_PER_PART = 3;
const TOO_MANY_WILDCARDS = `The pattern has more than ${MAX_WILDCARDS_PER_PART} "*" in one part of its path: matching such a pattern can take minutes. Name a folder, or use fewer wildcards.`;

/**
 * Whether a part of a glob (between slashes) holds more `*` runs than the matcher copes with: `*a*a*a*a*a*a*a*a*a*a*b`
 * took 9 s against one 40-character name and 57 s with two more stars. `**` as a whole part counts once.
 */
function tooManyWildcards(pattern: string): boolean {
  return pattern.split(/[\\/]/).some((part) => (part.match(/\*+/g)?.length ?? 0) > MAX_WILDCARDS_PER_PART);
}

/**
 * Expands files, folders (recursively) and globs into the files to lint, in a stable order (SPEC §3): each
 * folder and file is visited once however many links lead to it; FIFOs, sockets and devices are refused
 * before they are opened; an argument that yields nothing to lint is listed in `unmatched`.
 */
export function collectInputs(paths: readonly string[], options: CollectOptions = {}): CollectedInputs {
  const cwd = process.cwd(); // ignore files are read from here down, and globs expanded from here
  const read = (path: string): string | undefined => {
    const input = readInput(path);
    return 'bytes' in input ? Buffer.from(input.bytes).toString('utf8') : undefined;
  };
  const ignoreRules = options.ignore === false ? undefined : new IgnoreRules(read);
  const walk = new Walk(ignoreRules, options.deferFileStat === true);
  const unmatched: string[] = [];
  const found: { path: string; start: number; end: number }[] = [];
  for (const path of paths) {
    const before = walk.found + walk.errors.length;
    const start = walk.files.length;
    let stats: Stats | undefined;
    try {
      stats = statSync(path);
    } catch (error) {
      if (!isDynamicPattern(path)) {
        walk.errors.push({ path, message: describeFsError(error) });
        continue;
      }
    }
    // Inside the working folder the ignore files from there down apply; a folder elsewhere brings its own.
    const fromCwd = relative(cwd, resolve(path));
    const outside = fromCwd.startsWith('..') || isAbsolute(fromCwd);
    walk.root = !stats || !outside ? cwd : stats.isDirectory() ? resolve(path) : dirname(resolve(path));
    if (!stats && tooManyWildcards(path)) walk.errors.push({ path, message: TOO_MANY_WILDCARDS });
    else if (!stats) walk.glob(path, cwd);
    else if (stats.isDirectory()) {
      walk.tree = realOrResolved(path);
      walk.folder(path, stats, true);
    }
    else if (stats.isFile()) walk.addFile(path, options.ignoreUnknown !== true, stats);
    else walk.errors.push({ path, message: NOT_REGULAR });
    if (walk.found + walk.errors.length === before) unmatched.push(path);
    else if (walk.files.length > start) found.push({ path, start, end: walk.files.length });
  }
  // An ignore file or pattern not used is an input not read in full: said, and the exit is 2.
  if (ignoreRules) appendAll(walk.errors, ignoreRules.problems);
  return { files: walk.files, errors: walk.errors, unmatched, found };
}

/**
 * The inputs without the later links to a file met before, the `unchecked` ones stat'ed now: for a run split
 * over threads, each of which could only compare the files it reads. An input that cannot be stat'ed stays
 * (its read reports why).
 */
export function dropLaterLinks(inputs: readonly InputFile[]): InputFile[] {
  if (!inputs.some((input) => input.unchecked)) return [...inputs];
  const seen = new Set<string>();
  return inputs.filter((input) => {
    if (input.kind === 'gpo-backup' || input.bytes !== undefined) return true;
    let key: string;
    try {
      key = fileKey(statSync(input.path));
    } catch {
      return true;
    }
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
