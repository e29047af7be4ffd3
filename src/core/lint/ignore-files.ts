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
/** Patterns a file may hold: a repository's own `.gitignore` has tens or hundreds. */
const MAX_PATTERNS = 10_000;
/** A pattern longer than a path can be (Linux's PATH_MAX) matches nothing; a 60,000-character one broke the regex engine. */
const MAX_PATTERN_LENGTH = 4096;
/**
 * `**` parts one pattern may hold: the matcher's time grows steeply with them (against a path 40 folders deep, 5 took
 * 27 ms per path, 7 took 0.6 s, 12 over two minutes), as the `*` runs of a command-line glob do.
 */
const MAX_GLOBSTARS = 3;

/**
 * The `**` parts of a pattern: only a whole part is a globstar to the matcher (`a/**` and `**` `/b`); `**` inside a name
 * (`a**b`) is read as `*`, and costs no more.
 */
function globstars(pattern: string): number {
  let n = 0;
  for (const part of pattern.split('/')) if (part === '**') n++;
  return n;
}

/** An ignore file, or patterns in it, that a walk did not use, and why. */
export interface IgnoreProblem {
  readonly path: string;
  readonly message: string;
}

export class IgnoreRules {
  private readonly byFolder = new Map<string, Ignore | null>();
  /**
   * Ignore files, or patterns in them, not used: too many patterns, a pattern too long or too slow to match, one the
   * matcher cannot compile. Files they would have ignored are linted (a session 16 review hung, aborted and crashed
   * every folder walk with such a `.gitignore`).
   */
  readonly problems: IgnoreProblem[] = [];

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
      let result: ReturnType<Ignore['test']>;
      try {
        result = rules.test(rel);
      } catch (error) {
        // A pattern the matcher cannot compile (it compiles them when first asked): the folder's rules go unused.
        this.byFolder.set(dir, null);
        this.problems.push({ path: dir, message: `The ignore rules of this folder were not used: the matcher cannot read one of them (${String((error as Error).message).slice(0, 120)}…). Files they would ignore are linted.` });
        continue;
      }
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
      const file = join(dir, name);
      const text = this.read(file);
      if (text === undefined) continue;
      const patterns = this.usable(file, text);
      if (patterns.length === 0) continue;
      rules ??= ignore();
      rules.add(patterns);
    }
    this.byFolder.set(dir, rules);
    return rules;
  }

  /** The patterns of an ignore file that a walk can use: none when it holds too many, and not those too long or too slow. */
  private usable(file: string, text: string): string[] {
    const lines = text.split(/\r?\n/);
    const patterns = lines.filter((l) => l.trim() !== '' && !l.startsWith('#'));
    if (patterns.length > MAX_PATTERNS) {
      this.problems.push({ path: file, message: `The ignore file was not used: it has ${patterns.length.toLocaleString('en-US')} patterns, more than the ${MAX_PATTERNS.toLocaleString('en-US')} RDP Doctor reads. Files it would ignore are linted.` });
      return [];
    }
    const usable = (p: string): boolean => p.length <= MAX_PATTERN_LENGTH && globstars(p) <= MAX_GLOBSTARS;
    const kept = patterns.filter(usable);
    const dropped = patterns.length - kept.length;
    // A pattern that brings files back (`!…`), left out, would hide what it brings back: the file then goes unused
    // as a whole, so that nothing is hidden that it meant to show (a review of the change found keep.rdp unlinted).
    if (patterns.some((p) => p.startsWith('!') && !usable(p))) {
      this.problems.push({
        path: file,
        message: `The ignore file was not used: a pattern that brings files back ("!…") has more than ${MAX_GLOBSTARS} "**" parts (matching it can take minutes) or is longer than ${MAX_PATTERN_LENGTH.toLocaleString('en-US')} characters. Files it would ignore are linted.`,
      });
      return [];
    }
    if (dropped > 0) {
      this.problems.push({
        path: file,
        message: `${dropped === 1 ? 'A pattern' : `${dropped} patterns`} of the ignore file ${dropped === 1 ? 'was' : 'were'} not used: more than ${MAX_GLOBSTARS} "**" parts in one pattern (matching such a pattern can take minutes) or longer than ${MAX_PATTERN_LENGTH.toLocaleString('en-US')} characters. Files ${dropped === 1 ? 'it' : 'they'} would ignore are linted.`,
      });
    }
    return kept;
  }
}
