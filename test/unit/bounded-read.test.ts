// The extension's reads of workspace files (src/extension/bounded-read.ts): a FIFO, a device, a folder or a file past
// the reader's limit is refused before a byte of it is read, and never waited on. A security review had VS Code's
// readFile grow the extension host to 8 GB on a link to /dev/zero and wait for ever on a FIFO.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readAfterLook, readLocalFile, readRefusal, type BoundedRead } from '../../src/extension/bounded-read';

const FILE = { isFile: true, isFolder: false };
const NOT_REGULAR = 'not a regular file (a FIFO, socket or device)';

/** Settles within `ms`, or says it did not: a read that waits on a FIFO never settles. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`not settled within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe('readRefusal', () => {
  it('reads a regular file within the limit, and nothing else', () => {
    assert.equal(readRefusal({ ...FILE, size: 1024 }, 1024), undefined);
    assert.equal(readRefusal({ ...FILE, size: 1025 }, 1024), 'larger than 1 KB');
    assert.equal(readRefusal({ ...FILE, size: 64 * 1024 * 1024 + 1 }, 64 * 1024 * 1024), 'larger than 64 MB');
    // /dev/zero and a FIFO have no size: their type refuses them.
    assert.equal(readRefusal({ isFile: false, isFolder: false, size: 0 }, 1024), NOT_REGULAR);
    assert.equal(readRefusal({ isFile: false, isFolder: true, size: 4096 }, 1024 * 1024), 'a folder, not a file');
  });
});

describe('readLocalFile', { skip: process.platform === 'win32' && 'FIFOs and /dev/zero are POSIX' }, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-bounded-'));
    writeFileSync(join(dir, 'a.rdp'), 'full address:s:a\r\n');
    symlinkSync('a.rdp', join(dir, 'link.rdp'));
    symlinkSync('/dev/zero', join(dir, 'zero[1].rdp'));
    mkdirSync(join(dir, 'folder.rdp'));
    // Sparse: 2 MB that take no disk.
    writeFileSync(join(dir, 'big.rdp'), '');
    truncateSync(join(dir, 'big.rdp'), 2 * 1024 * 1024);
    if (existsSync('/usr/bin/mkfifo')) spawnSync('mkfifo', [join(dir, 'x[1].xml')]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const text = (read: BoundedRead): string => ('bytes' in read ? Buffer.from(read.bytes).toString('utf8') : `refused: ${read.refused}`);

  it('reads a regular file, and one through a symbolic link, whole or its first bytes', async () => {
    assert.equal(text(await readLocalFile(join(dir, 'a.rdp'), 1024)), 'full address:s:a\r\n');
    assert.equal(text(await readLocalFile(join(dir, 'link.rdp'), 1024)), 'full address:s:a\r\n');
    const head = await readLocalFile(join(dir, 'a.rdp'), 1024, 4);
    assert.deepEqual('bytes' in head && { text: Buffer.from(head.bytes).toString(), size: head.size }, { text: 'full', size: 18 });
  });

  it('refuses a link to /dev/zero, a folder and a file past the limit without reading them', async () => {
    assert.deepEqual(await within(2000, readLocalFile(join(dir, 'zero[1].rdp'), 1024 * 1024)), { refused: NOT_REGULAR });
    assert.deepEqual(await readLocalFile(join(dir, 'folder.rdp'), 1024 * 1024), { refused: 'a folder, not a file' });
    assert.deepEqual(await readLocalFile(join(dir, 'big.rdp'), 1024 * 1024), { refused: 'larger than 1 MB' });
  });

  it('refuses a FIFO with no writer at once: it is opened without blocking, and judged before any read', { skip: !existsSync('/usr/bin/mkfifo') && 'no mkfifo' }, async () => {
    assert.deepEqual(await within(2000, readLocalFile(join(dir, 'x[1].xml'), 64 * 1024 * 1024, 4096)), { refused: NOT_REGULAR });
  });

  it('throws what the file system says of a file that is not there', async () => {
    await assert.rejects(readLocalFile(join(dir, 'missing.rdp'), 1024), { code: 'ENOENT' });
  });
});

describe('readAfterLook (a virtual workspace)', () => {
  it('reads nothing of a file the look refuses', async () => {
    let reads = 0;
    const read = (): Promise<Uint8Array> => {
      reads++;
      return Promise.resolve(new Uint8Array(0));
    };
    assert.deepEqual(await readAfterLook(() => Promise.resolve({ ...FILE, size: 2048 }), read, 1024), { refused: 'larger than 1 KB' });
    assert.deepEqual(await readAfterLook(() => Promise.resolve({ isFile: false, isFolder: false, size: 0 }), read, 1024), { refused: NOT_REGULAR });
    assert.equal(reads, 0);
  });

  it('refuses a file that grew past the limit between the look and the read, and cuts a head', async () => {
    assert.deepEqual(await readAfterLook(() => Promise.resolve({ ...FILE, size: 10 }), () => Promise.resolve(new Uint8Array(1025)), 1024), { refused: 'larger than 1 KB' });
    const head = await readAfterLook(() => Promise.resolve({ ...FILE, size: 10 }), () => Promise.resolve(new Uint8Array(10).fill(65)), 1024, 4);
    assert.deepEqual('bytes' in head && { text: Buffer.from(head.bytes).toString(), size: head.size }, { text: 'AAAA', size: 10 });
  });
});
