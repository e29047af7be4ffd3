import { styleText } from 'node:util';
import { writeFileAtomic } from '../core/lint/atomic-write';
import { describeFsError } from '../core/lint/inputs';

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
