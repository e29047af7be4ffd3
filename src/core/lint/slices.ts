import { statSync } from 'node:fs';
import type { InputFile } from './inputs';

/** The most files a slice lints before a host process (the extension host) gets its event loop back. */
export const SLICE_FILES = 50;
/**
 * The most bytes a slice reads, past its first file. 50 files of 1–58 MB blocked the extension host 52 s in one stretch
 * (a session 22 review of Export Report). On a loaded 2-core machine a slice of 64 KB of an .rdp text with findings on
 * every line (the slowest text per byte) took 63–96 ms once the code was warm, and one of mstsc-sized files (28 of
 * them) 10–25 ms.
 */
export const SLICE_BYTES = 64 * 1024;

/**
 * The slices of `count` inputs, in order, as [start, end) index pairs: each ends after `maxFiles` inputs or once its
 * inputs reach `maxBytes` bytes, whichever comes first (a file larger than that is a slice of its own; one file is not
 * split). `sizeOf` is asked once per input, as the slices are made.
 */
export function* slices(count: number, sizeOf: (index: number) => number, maxFiles = SLICE_FILES, maxBytes = SLICE_BYTES): Generator<[number, number]> {
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    bytes += sizeOf(i);
    if (i + 1 - start >= maxFiles || bytes >= maxBytes) {
      yield [start, i + 1];
      start = i + 1;
      bytes = 0;
    }
  }
  if (start < count) yield [start, count];
}

/**
 * What linting an input reads, as far as a look tells before reading it: its bytes (standard input), its size on disk,
 * or a full slice for a GPO backup folder (its report files are looked for only when it is linted). A file that cannot
 * be looked at counts as empty: its read will say why.
 */
export function inputSize(input: InputFile): number {
  if (input.bytes !== undefined) return input.bytes.length;
  if (input.kind === 'gpo-backup') return SLICE_BYTES;
  try {
    return statSync(input.path).size;
  } catch {
    return 0;
  }
}
