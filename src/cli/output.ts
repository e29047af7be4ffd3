import { fstatSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative } from 'node:path';
import { styleText } from 'node:util';
import { writeFileAtomic } from '../core/lint/atomic-write';
import { describeFsError } from '../core/lint/read-file';
import { terminalSafe } from '../core/text/terminal';
import { UsageError } from './usage';

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

/** Extensions of the files a folder's lint reads, so an existing one there may be an input. */
const LINTED_EXTENSIONS = new Set(['.rdp', '.xml', '.reg', '.pol', '.txt', '.inf', '.yaml', '.yml']);

/**
 * `lint x.rdp -o x.rdp` (or `-o` a file a linted folder holds) would replace an input with the report: refused, as
 * `--fix` and `-o` on one file are meant for different things. Only an output file that exists can be an input.
 */
export function refuseOutputOverInput(outputFile: string, positionals: readonly string[]): void {
  let output: string;
  try {
    output = realpathSync(outputFile);
    if (!statSync(output).isFile()) return;
  } catch {
    return;
  }
  for (const path of positionals) {
    let input: string;
    try {
      input = realpathSync(path);
    } catch {
      continue;
    }
    const inside = relative(input, output);
    const isInput = input === output || (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) && LINTED_EXTENSIONS.has(extname(output).toLowerCase()));
    if (isInput) throw new UsageError(`The output file ${terminalSafe(outputFile)} is one of the files to lint; write the report somewhere else.`);
  }
}
