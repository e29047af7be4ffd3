import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { foldersAbove } from '../config/search-dirs';
import { CONFIG_FILE_NAMES } from '../config/types';
import { appendAll } from '../text/collections';
import { configDistrust, processTrust, type ConfigTrust } from './config-trust';
import { decodedFromNarrowUtf16le, hasUtf16leBom, narrowUnitsInto, type DecodedText } from '../text/decode';

// One file on disk: reading it within limits, naming what went wrong, its identity, and the config and backup files
// around it. The walk that decides which files to read is inputs.ts.

/** What a FIFO, socket or device among the inputs is told. */
export const NOT_REGULAR = 'Not a regular file (a FIFO, socket or device): not read.';

/** A one-line reason for a file-system error, without a stack trace. */
export function describeFsError(error: unknown, doing: 'read' | 'write' = 'read'): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EFBIG':
      return 'The file would exceed the file size limit (EFBIG).';
    case 'ENOSPC':
      return 'No space left on the device (ENOSPC).';
    case 'EDQUOT':
      return 'The disk quota is exhausted (EDQUOT).';
    case 'EROFS':
      return 'The file system is read-only (EROFS).';
    case 'ENOENT':
      return 'No such file or folder.';
    case 'EACCES':
    case 'EPERM':
      return 'Permission denied.';
    case 'EISDIR':
      return 'Is a folder, not a file.';
    case 'ELOOP':
      return 'Too many symbolic links (a link that leads to itself, or a chain of links too long).';
    default:
      return `Cannot ${doing} it (${code ?? (error instanceof Error ? error.message : String(error))}).`;
  }
}

/**
 * Why a file could not be opened: `describeFsError`, except that a symbolic link to nothing says so rather than "No
 * such file" of a name that is plainly there (a config linked to a file since moved).
 */
export function describeOpenError(path: string, error: unknown): string {
  if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') {
    try {
      if (lstatSync(path).isSymbolicLink()) return `A symbolic link to "${readlinkSync(path)}", which does not exist.`;
    } catch {
      // Gone since the open: "No such file" is then right.
    }
  }
  return describeFsError(error);
}

/**
 * Whether a config is there to be read: any entry of that name, a broken symbolic link (to nothing, or to itself)
 * included. Such a config is found and then fails to read, which is said (exit 2; a warning in the editor), rather
 * than passed over for one above it that the project never meant to apply (`existsSync` follows the link).
 */
export function configIsThere(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/** A config the upward search passed over, and why (`configDistrust`). */
export interface SkippedConfig {
  readonly path: string;
  readonly why: string;
}

/**
 * The nearest `.rdpdoctor.yaml` at or above a file's folder that may be used: one outside `trust.root` that another
 * user owns or every user may write to is passed over (told to `skipped`), as if it were not there, and the search goes
 * on above it. Not stopped there: a file another user can put in a shared folder then changes nothing of what applies.
 */
export function findConfigFor(file: string, cache: Map<string, string | null>, trust: ConfigTrust = processTrust(), skipped?: (config: SkippedConfig) => void): string | undefined {
  const usable = (path: string): boolean => {
    if (!configIsThere(path)) return false;
    const why = configDistrust(path, trust);
    if (why !== undefined) skipped?.({ path, why });
    return why === undefined;
  };
  const visited: string[] = [];
  for (const dir of foldersAbove(resolve(file))) {
    const cached = cache.get(dir);
    if (cached !== undefined) {
      for (const v of visited) cache.set(v, cached);
      return cached ?? undefined;
    }
    visited.push(dir);
    const found = CONFIG_FILE_NAMES.map((n) => join(dir, n)).find(usable);
    if (found) {
      for (const v of visited) cache.set(v, found);
      return found;
    }
  }
  for (const v of visited) cache.set(v, null);
  return undefined;
}

/** Every file under a folder, as paths relative to it (for a GPO backup, whose parts sit at fixed places). */
export function filesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) appendAll(out, filesUnder(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** Larger inputs are refused rather than read: no `.rdp` file or policy export comes near it. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** A file read whole, or (`readInput`'s `narrow`) a large UTF-16LE file read straight into its decoded text. */
export type ReadInput = WholeInput | { narrowed: NarrowedInput; info: Stats } | { error: string };

/** A file read whole: its bytes, and the `fstat` of the open file. */
export interface WholeInput {
  readonly bytes: Buffer;
  readonly info: Stats;
}

/** How `readInput` may read a large UTF-16LE file straight into its text (the sizes are for tests). */
export interface NarrowRead {
  readonly minBytes?: number;
  readonly chunkBytes?: number;
}

/** A large UTF-16LE file whose characters all fit in one byte, decoded as it was read: no copy of its bytes is kept. */
export interface NarrowedInput {
  /** What `decodeBytes` gives for the whole file. */
  readonly decoded: DecodedText;
  /** The file's first bytes (up to 4 KB), for signatures and byte-order marks. */
  readonly head: Buffer;
}

/**
 * From this size on, `readInput`'s `narrow` reads a UTF-16LE file with a BOM a chunk at a time into the one-byte text
 * its characters make: a 20 MB Get-GPOReport XML then never sits in memory as bytes. Memory first touched costs a page
 * fault each 4 KB, ~13 µs each on the bench's virtual machine: 65 ms of the 20 MB report's lint (issue 16).
 */
export const NARROW_READ_MIN_BYTES = 1024 * 1024;
const NARROW_CHUNK_BYTES = 1024 * 1024;
/** How much of a narrowed file's start is kept as bytes: enough for every signature and byte-order mark. */
const HEAD_BYTES = 4096;

/**
 * Reads one input file, refusing what is not a regular file (a FIFO or a device would block or never end)
 * and what is larger than the limit, both decided from the open file's own `fstat` before any byte is read.
 * Synchronous on purpose: the CLI reads thousands of small files, and a promise per file costs more than the read.
 * With `narrow` (a lint that writes no fix), a large UTF-16LE file of one-byte characters comes back decoded instead.
 */
export function readInput(path: string): WholeInput | { error: string };
export function readInput(path: string, narrow: NarrowRead | undefined): ReadInput;
export function readInput(path: string, narrow?: NarrowRead): ReadInput {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not wait for one.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (recording && info.isFile()) noteRead(info);
    if (info.isDirectory()) return { error: 'Is a folder, not a file.' };
    if (!info.isFile()) return { error: NOT_REGULAR };
    if (info.size > MAX_FILE_BYTES) return { error: `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.` };
    if (narrow && info.size >= (narrow.minBytes ?? NARROW_READ_MIN_BYTES)) {
      const narrowed = readNarrowed(fd, info.size, narrow.chunkBytes ?? NARROW_CHUNK_BYTES);
      if (narrowed) return { narrowed, info };
    }
    const bytes = Buffer.allocUnsafe(info.size);
    const filled = readAt(fd, bytes, 0);
    return { bytes: filled === bytes.length ? bytes : bytes.subarray(0, filled), info };
  } catch (error) {
    return { error: describeOpenError(path, error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Fills `buffer` from the file's byte `position` on, up to its end; how many bytes were read. */
function readAt(fd: number, buffer: Buffer, position: number): number {
  let filled = 0;
  while (filled < buffer.length) {
    const n = readSync(fd, buffer, filled, buffer.length - filled, position + filled);
    if (n === 0) break;
    filled += n;
  }
  return filled;
}

/**
 * A UTF-16LE file with a BOM read a chunk at a time, each chunk's code units narrowed into one buffer of the text's
 * bytes; undefined when the file has no such BOM or a character does not fit in one byte (the caller then reads it
 * whole, as `decodeBytes` needs it). `chunkBytes` is even, so only the last chunk can end in half a code unit.
 */
function readNarrowed(fd: number, size: number, chunkBytes: number): NarrowedInput | undefined {
  const chunk = Buffer.allocUnsafe(Math.min(Math.max(2, chunkBytes & ~1), size));
  let got = readAt(fd, chunk, 0);
  const head = Buffer.from(chunk.subarray(0, Math.min(got, HEAD_BYTES)));
  if (!hasUtf16leBom(head)) return undefined;
  const narrow = Buffer.allocUnsafe((size - 2) >> 1);
  let units = 0;
  let position = got;
  // The first chunk's BOM is not text; its other units start at an even offset like every other chunk's.
  let from = 2;
  for (;;) {
    const body = chunk.subarray(from, from + ((got - from) & ~1));
    if (!narrowUnitsInto(narrow, units, body)) return undefined;
    units += body.length >> 1;
    // The end of the file as measured, or of what it still holds.
    if (position >= size || got < chunk.length) break;
    // Never past the size measured: a file that grows meanwhile is read as it was, as a whole read reads it.
    got = readAt(fd, chunk.subarray(0, Math.min(chunk.length, size - position)), position);
    if (got === 0) break;
    position += got;
    from = 0;
  }
  // A lone last byte is dropped, as `decodeBytes` drops it.
  return { decoded: decodedFromNarrowUtf16le(narrow.subarray(0, units), ((position - 2) & 1) === 1), head };
}

/**
 * The files this thread has read (device and inode), so `--output-file` never replaces one: a config, an inventory,
 * a CA file or an input (a session 16 review replaced the `.rdp` file of `check a.rdp -o a.rdp`, the config of
 * `lint --config c.yaml -o c.yaml`, and a glob's match). Lint threads read in their own threads: `noteRead` adds the
 * files their reports name.
 */
const READ_FILES = new Map<string, number>();
/** Whether reads are recorded: only when a command writes an output file (a key and a map entry per file otherwise cost ~3 ms of a 1,000-file lint). */
let recording = false;

/** Records every file read from now on, for `--output-file` (`wasRead`). */
export function recordReads(): void {
  recording = true;
}

/** Records a file as read once more (by its device and inode). */
function noteRead(info: Pick<Stats, 'dev' | 'ino'>): void {
  const key = fileKey(info);
  READ_FILES.set(key, (READ_FILES.get(key) ?? 0) + 1);
}

/**
 * Takes back one read of a file that was only looked at and found to be no format RDP Doctor reads (a report in the
 * folder): `lint . -o report.txt` may write it again. A file also read for another reason (the config named with
 * `--config rules.txt`) stays recorded, as it was read twice.
 */
export function forgetRead(info: Pick<Stats, 'dev' | 'ino'>): void {
  if (!recording) return;
  const key = fileKey(info);
  const count = READ_FILES.get(key) ?? 0;
  if (count <= 1) READ_FILES.delete(key);
  else READ_FILES.set(key, count - 1);
}

/**
 * Records a file a lint thread linted, by the device and inode its path leads to now: a stat per file, only when
 * reads are recorded (`-o`). Not by path: a hard link, a symbolic link or another letter case names the same file
 * (a review of the change replaced an input through a hard link when lint threads ran).
 */
export function noteLinted(path: string): void {
  if (!recording) return;
  try {
    noteRead(statSync(path));
  } catch {
    // gone since: nothing to protect
  }
}

/** Records standard input when it is a file (`lint - -o s.rdp < s.rdp`). */
export function noteStandardInput(): void {
  if (!recording) return;
  try {
    const info = fstatSync(0);
    if (info.isFile()) noteRead(info);
  } catch {
    // no standard input
  }
}

/** Whether this file (by device and inode) was read by this run. */
export function wasRead(info: Pick<Stats, 'dev' | 'ino'>): boolean {
  return READ_FILES.has(fileKey(info));
}

/** A file's identity, however many links lead to it: its device and inode. */
export function fileKey(info: Pick<Stats, 'dev' | 'ino'>): string {
  return `${info.dev}:${info.ino}`;
}
