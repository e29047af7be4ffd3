import { fstatSync, statSync, type Stats } from 'node:fs';
import { styleText } from 'node:util';
import { writeFileAtomic } from '../core/lint/atomic-write';
import { describeFsError, wasRead } from '../core/lint/read-file';
import { terminalSafe } from '../core/text/terminal';

export type Style = Parameters<typeof styleText>[0];

/** Styles text when colour is on, returns it unchanged when off. */
export type Paint = (style: Style, text: string) => string;

export const NO_PAINT: Paint = (_style, text) => text;

/**
 * Whether to colour (SPEC §3): `--color`/`--no-color` win (the last one given), then `FORCE_COLOR`
 * (any value but `0` and `false` forces it on), then `NO_COLOR` (any non-empty value turns it off), then
 * whether the output is a terminal. The same order as Node's own `getColorDepth`.
 */
export function colorEnabled(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY;
}

export function painter(enabled: boolean): Paint {
  // validateStream: false — the decision above is made once; Node would otherwise look at stdout again.
  return enabled ? (style, text) => styleText(style, text, { validateStream: false } as never) : NO_PAINT;
}

/**
 * Writes the output file through a temporary file in the same folder and a rename (`writeFileAtomic`), so a
 * reader (or a pipeline step that uploads it) never sees half a report, and a failed write leaves the old file as it was.
 */
export function writeOutputFile(path: string, chunks: Iterable<string>): { error: string } | undefined {
  // The report never replaces a file this run read: an input, the config, an inventory or a CA file.
  let existing: Stats | undefined;
  try {
    existing = statSync(path);
  } catch {
    // a new file: nothing read can be replaced
  }
  if (existing?.isFile() && wasRead(existing)) {
    return { error: `The output file ${terminalSafe(path)} is a file this command read (an input, the config, an inventory or a CA file); write the report somewhere else. Nothing was written there.` };
  }
  try {
    writeFileAtomic(path, chunks);
    return undefined;
  } catch (error) {
    return { error: `Cannot write ${path}: ${describeFsError(error, 'write')} Nothing was written there.` };
  }
}

/**
 * Whether a path is this process's standard output (`-o /dev/stdout`, `/dev/fd/1`): written as standard output is,
 * since a socket (what a parent process often gives as stdout) cannot be opened by its /proc path.
 */
export function isStandardOutput(path: string): boolean {
  try {
    const file = statSync(path);
    const stdout = fstatSync(1);
    return file.dev === stdout.dev && file.ino === stdout.ino;
  } catch {
    return false;
  }
}

