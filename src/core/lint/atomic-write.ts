import { accessSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, lstatSync, openSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

function* utf8(chunks: Iterable<string>): Generator<Uint8Array> {
  for (const chunk of chunks) yield Buffer.from(chunk, 'utf8');
}

function writeAll(fd: number, content: Uint8Array | Iterable<string>): void {
  // Text comes in pieces (a report file by file), each written as UTF-8: no single string for the whole report.
  for (const bytes of content instanceof Uint8Array ? [content] : utf8(content)) {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  }
}

/** An error with a code `describeFsError` explains, like the ones Node throws. */
function fsError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/**
 * Where a write to `path` goes: the file a symbolic link leads to (the link stays a link), or `path` itself when
 * nothing is there yet. A link that leads nowhere is refused rather than replaced by a file.
 */
function targetOf(path: string): { target: string; info: Stats | undefined } {
  let link: Stats | undefined;
  try {
    link = lstatSync(path);
  } catch {
    return { target: path, info: undefined }; // a new file
  }
  if (!link.isSymbolicLink()) return { target: path, info: link };
  try {
    const target = realpathSync(path);
    return { target, info: statSync(target) };
  } catch {
    // A link the kernel follows but no path names: /dev/stdout → /proc/self/fd/1 → "pipe:[…]". Written through itself.
  }
  try {
    return { target: path, info: statSync(path) };
  } catch {
    throw fsError('ENOENT', 'it is a symbolic link to nothing');
  }
}

/**
 * Writes a file's new content without losing the old one or anything around it:
 * - a regular file gets a temporary file in its folder (so the rename never crosses a file system), flushed, with
 *   the original's mode and, when root writes it, its owner, then renamed over it: a write that fails part-way (a
 *   full disk, a quota, a dropped share) leaves the original byte for byte as it was, and the temporary file is removed;
 * - a file this user may not write is refused (a rename in a writable folder would replace it anyway);
 * - a symbolic link's target is written, and the link stays;
 * - a file with several hard links is written in place, so every name keeps seeing it, once a temporary file of the
 *   same size has shown the space is there, and with the original put back if the write fails all the same;
 * - a device or a named pipe (`-o /dev/stdout`) is written to, never replaced: a FIFO with no reader is refused
 *   rather than waited for;
 * - with `readAs` (the bytes a fix was made from), a file that no longer holds them is left alone: another program
 *   wrote it since (an editor's save during a long `--fix`), and replacing it would lose that write. Throws ECHANGED.
 * Throws the write's error.
 */
export function writeFileAtomic(path: string, content: Uint8Array | Iterable<string>, readAs?: Uint8Array): void {
  const { target, info } = targetOf(path);
  if (info?.isDirectory()) throw fsError('EISDIR', 'it is a folder');
  if (info && !info.isFile()) {
    // A FIFO with no reader would block the open: O_NONBLOCK opens it only when a reader is there (ENXIO otherwise).
    // The writes then block as a pipe's do, on a descriptor opened again without it, while the first is still open:
    // closed before, the reader saw no writer left, read its end of file and went (`cat` does), and the second
    // open waited for a reader forever (a unit run hung so).
    const probe = info.isFIFO() ? openSync(target, constants.O_WRONLY | constants.O_NONBLOCK) : undefined;
    let fd: number;
    try {
      fd = openSync(target, constants.O_WRONLY);
    } finally {
      if (probe !== undefined) closeSync(probe);
    }
    try {
      writeAll(fd, content);
    } finally {
      closeSync(fd);
    }
    return;
  }
  if (info) accessSync(target, constants.W_OK);
  if (info && info.nlink > 1) return writeInPlace(target, info, content, readAs);
  const temp = temporaryName(target);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', info ? info.mode & 0o7777 : 0o666);
    // The original's mode exactly (open applies the umask to it).
    if (info) fchmodSync(fd, info.mode & 0o7777);
    // Root replacing someone's file keeps it theirs (anyone else can only write files that end up their own).
    if (info && process.getuid?.() === 0 && (info.uid !== 0 || info.gid !== 0)) fchownSync(fd, info.uid, info.gid);
    writeAll(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    // Checked last, once the new content is on disk: the time left for another write to slip in is the rename's.
    if (readAs) assertHolds(target, readAs);
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already reported by the write
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // never created, or already gone
    }
    throw error;
  }
}

function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}.rdp-doctor-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** A write in place that failed and whose original could not be put back: the file may hold part of each. */
export class DamagedFileError extends Error {
  readonly code = 'EDAMAGED';
}

/**
 * A file with several hard links, written in place so every name keeps seeing it, without losing it to a full disk
 * (a session 16 review truncated one, cut its last bytes off and was told it was unchanged):
 * - the whole new content is first written to a temporary file beside it and removed, which shows the space is there;
 * - the original is kept in memory, the new content written over it from the start, then the file cut to its length;
 * - a write that fails all the same puts the original back over the blocks it had (no new space needed) and throws
 *   the write's error; only if that fails too does it throw a `DamagedFileError`.
 */
function writeInPlace(target: string, info: Stats, content: Uint8Array | Iterable<string>, readAs?: Uint8Array): void {
  const bytes = content instanceof Uint8Array ? content : Buffer.concat([...utf8(content)]);
  proveSpace(target, bytes);
  const fd = openSync(target, 'r+');
  try {
    // The original, to write back if the write fails; not kept for a file too large to hold (an output file).
    const old = info.size <= MAX_KEPT_BYTES ? readUpTo(fd, info.size) : undefined;
    // A file too large to keep (over 64 MB) is larger than any text a fix was made from: changed too.
    if (readAs && !(old !== undefined && fstatSync(fd).size === readAs.length && old.equals(readAs))) throw changedError();
    try {
      writeAt(fd, bytes);
      ftruncateSync(fd, bytes.length);
      fsyncSync(fd);
    } catch (error) {
      try {
        if (!old) throw error;
        writeAt(fd, old);
        ftruncateSync(fd, old.length);
        fsyncSync(fd);
      } catch {
        throw new DamagedFileError(`${(error as Error).message}; and its original content could not be written back`);
      }
      throw error;
    }
  } finally {
    closeSync(fd);
  }
}

function changedError(): NodeJS.ErrnoException {
  return fsError('ECHANGED', 'it changed after it was read');
}

/** The first `limit` bytes of a file, or all of a shorter one. */
function readUpTo(fd: number, limit: number): Buffer {
  const buffer = Buffer.alloc(limit);
  let filled = 0;
  while (filled < limit) {
    const n = readSync(fd, buffer, filled, limit - filled, filled);
    if (n === 0) break;
    filled += n;
  }
  return buffer.subarray(0, filled);
}

/** Throws ECHANGED unless `target` still holds exactly `bytes` (gone counts as changed: a deleted file is not made again). */
function assertHolds(target: string, bytes: Uint8Array): void {
  let fd: number;
  try {
    fd = openSync(target, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw changedError();
    throw error;
  }
  try {
    // One byte more than expected is read, so a file that grew after its size was taken is seen to differ.
    if (fstatSync(fd).size !== bytes.length || !readUpTo(fd, bytes.length + 1).equals(bytes)) throw changedError();
  } finally {
    closeSync(fd);
  }
}

/** The largest original kept in memory to be written back (the files RDP Doctor lints are at most 64 MB). */
const MAX_KEPT_BYTES = 64 * 1024 * 1024;

/**
 * Writes the new content to a temporary file beside the target and removes it, which shows the space is there. A
 * folder this user may not write to (a file writable in place, in a read-only folder) or a read-only file system
 * skips the proof: the write in place then relies on writing the original back.
 */
function proveSpace(target: string, bytes: Uint8Array): void {
  const temp = temporaryName(target);
  let probe: number | undefined;
  try {
    probe = openSync(temp, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return;
    throw error;
  }
  try {
    writeAll(probe, bytes);
    fsyncSync(probe);
  } finally {
    closeSync(probe);
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
}

/** Writes `bytes` at the start of the file. */
function writeAt(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, written);
}
