// Reading a workspace file within limits, apart from `vscode` so unit tests can run it. VS Code's `workspace.fs.readFile`
// of a local file is node's `readFile` with no limit: a link to `/dev/zero` grew the extension host to 8 GB, and a FIFO
// never answers (a security review). Whatever reads a workspace file looks at what it is first.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** What is known of a file before a byte of it is read. */
export interface FileShape {
  readonly isFile: boolean;
  readonly isFolder: boolean;
  readonly size: number;
}

/**
 * A file read within limits (`bytes`, at most `upTo` of them, and the file's `size`), or why it was not: `refused` ends
 * "… is ${refused}". Errors (no such file, permission denied) are thrown, as `workspace.fs.readFile` throws them.
 */
export type BoundedRead = { readonly bytes: Uint8Array; readonly size: number } | { readonly refused: string };

/** Why a file is not read (see `BoundedRead`), or undefined when it is: only a regular file (a link to one is one) within `maxBytes`. */
export function readRefusal(file: FileShape, maxBytes: number): string | undefined {
  if (file.isFolder) return 'a folder, not a file';
  // A FIFO would block the read for ever, and a device such as /dev/zero never ends.
  if (!file.isFile) return 'not a regular file (a FIFO, socket or device)';
  if (file.size > maxBytes) return `larger than ${sizeText(maxBytes)}`;
  return undefined;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`;
}

/**
 * Reads a local file within limits, as the CLI's `readInput` does: opened with O_NONBLOCK (a FIFO with no writer opens
 * at once instead of waiting for one, and blocks no libuv thread), then judged by the open file's own `fstat`, so what
 * is read is what was judged (nothing swapped in after a look at the path). At most `upTo` bytes are read (the head a
 * scan sniffs), never more than the size judged.
 */
export async function readLocalFile(path: string, maxBytes: number, upTo = maxBytes): Promise<BoundedRead> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    const refused = readRefusal({ isFile: info.isFile(), isFolder: info.isDirectory(), size: info.size }, maxBytes);
    if (refused !== undefined) return { refused };
    const bytes = new Uint8Array(Math.min(info.size, upTo));
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break; // shrunk since the fstat
      filled += bytesRead;
    }
    return { bytes: bytes.subarray(0, filled), size: info.size };
  } finally {
    await handle.close();
  }
}

/**
 * Reads a file of a file system only reachable through a look (`stat`) and a whole read (`read`), such as VS Code's
 * for a virtual workspace: nothing is read of a file the look refuses, and a file that grew past the limit between the
 * look and the read is refused all the same (its bytes are dropped).
 */
export async function readAfterLook(stat: () => PromiseLike<FileShape>, read: () => PromiseLike<Uint8Array>, maxBytes: number, upTo = maxBytes): Promise<BoundedRead> {
  const refused = readRefusal(await stat(), maxBytes);
  if (refused !== undefined) return { refused };
  const bytes = await read();
  const grown = readRefusal({ isFile: true, isFolder: false, size: bytes.length }, maxBytes);
  if (grown !== undefined) return { refused: grown };
  return { bytes: bytes.length > upTo ? bytes.subarray(0, upTo) : bytes, size: bytes.length };
}
