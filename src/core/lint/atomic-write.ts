import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

function* utf8(chunks: Iterable<string>): Generator<Uint8Array> {
  for (const chunk of chunks) yield Buffer.from(chunk, 'utf8');
}

/**
 * Replaces a file's content all at once: writes a temporary file in the same folder (so the rename never
 * crosses a file system), flushes it, gives it the original's mode, and renames it over the original. A
 * write that fails part-way (a full disk, a quota, a dropped share) leaves the original byte for byte as it
 * was, and the temporary file is removed. Throws the write's error.
 */
export function writeFileAtomic(path: string, content: Uint8Array | Iterable<string>): void {
  const temp = join(dirname(path), `.${basename(path)}.rdp-doctor-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    mode = undefined; // a new file: the umask decides
  }
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode ?? 0o666);
    // Text comes in pieces (a report file by file), each written as UTF-8: no single string for the whole report.
    for (const bytes of content instanceof Uint8Array ? [content] : utf8(content)) {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
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
