// How `--fix` and `-o` write: a hostile-input review (run as root, as CI containers are) found a write that replaced a
// symbolic link, split hard links, took a file from its owner, and turned a device node into a regular file.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { writeFileAtomic } from '../../../src/core/lint/atomic-write';

const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-atomic-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const isRoot = process.getuid?.() === 0;

describe('writeFileAtomic', () => {
  it('replaces a regular file, keeps its mode, and leaves no temporary file', () => {
    const file = join(dir, 'plain.rdp');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    writeFileAtomic(file, Buffer.from('new'));
    assert.equal(readFileSync(file, 'utf8'), 'new');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
  });

  it('writes the file a symbolic link leads to, and the link stays a link', () => {
    const target = join(dir, 'target.rdp');
    const link = join(dir, 'link.rdp');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    writeFileAtomic(link, Buffer.from('new'));
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(readlinkSync(link), target);
    assert.equal(readFileSync(target, 'utf8'), 'new');
  });

  it('refuses a link to nothing rather than replacing it with a file', () => {
    const link = join(dir, 'dangling.rdp');
    symlinkSync(join(dir, 'nowhere.rdp'), link);
    assert.throws(() => writeFileAtomic(link, Buffer.from('x')), { code: 'ENOENT' });
    assert.ok(lstatSync(link).isSymbolicLink());
  });

  it('writes a file with several names in place: every name sees the new content', () => {
    const a = join(dir, 'a.rdp');
    const b = join(dir, 'b.rdp');
    writeFileSync(a, 'old content, longer than the new');
    linkSync(a, b);
    writeFileAtomic(a, Buffer.from('new'));
    assert.equal(readFileSync(b, 'utf8'), 'new');
    assert.equal(statSync(a).ino, statSync(b).ino);
  });

  it('a file with several names that cannot take its new content is left as it was, and said to be (a full disk, a size limit)', { skip: process.platform === 'win32' && 'ulimit' }, () => {
    // A session 16 review: the in-place write truncated first, so a write cut short left the file damaged, while the
    // CLI said "The file is unchanged." bash's ulimit -f (1 KB blocks) makes writes past 4096 bytes fail with EFBIG,
    // as a full disk would; XFSZ is ignored so that the write fails rather than the process being killed.
    const a = join(dir, 'limited.rdp');
    const head = 'full address:s:a.localhost:33890\r\nserver port:i:1\r\nusername:s:';
    const original = `${head}${'u'.repeat(4095 - head.length - 2)}\r\n`;
    writeFileSync(a, original);
    linkSync(a, join(dir, 'limited-link.rdp'));
    const cli = join(__dirname, '../../../../dist/cli.js');
    let stdout = '';
    try {
      stdout = execFileSync('bash', ['-c', `trap '' XFSZ; ulimit -f 4; exec "${process.execPath}" "${cli}" lint --fix "${a}"`], { encoding: 'utf8' });
    } catch (error) {
      stdout = String((error as { stdout?: string }).stdout);
    }
    assert.match(stdout, /Cannot write the fixes: .*EFBIG.*The file is unchanged\./);
    assert.equal(readFileSync(a, 'utf8'), original);
    assert.equal(statSync(a).nlink, 2);
    assert.deepEqual(readdirSync(dir).filter((n) => n.includes('limited') && n.endsWith('.tmp')), []);
  });

  it('a file with several names, writable in a folder this user may not write to, is still fixed in place', { skip: !isRoot && 'needs root to run the CLI as another user' }, (t) => {
    // A review of the session's change: the space proof's temporary file needs the folder; without it the fix failed.
    const folder = join(dir, 'read-only');
    execFileSync('mkdir', ['-p', folder]);
    const a = join(folder, 'a.rdp');
    writeFileSync(a, 'full address:s:h.localhost\r\ndesktopwidth:s:1024\r\n');
    linkSync(a, join(folder, 'b.rdp'));
    chmodSync(a, 0o666);
    chmodSync(folder, 0o555);
    chmodSync(dir, 0o755);
    try {
      const cli = join(__dirname, '../../../../dist/cli.js');
      try {
        // Node and the CLI must be reachable by that user (a checkout under /root is not).
        execFileSync(process.execPath, ['-e', 'require("fs").accessSync(process.argv[1])', cli], { uid: 65534, gid: 65534, stdio: 'ignore' });
      } catch {
        t.skip('the CLI is not readable by uid 65534 here');
        return;
      }
      const out = execFileSync(process.execPath, [cli, 'lint', a, '--fix'], { uid: 65534, gid: 65534, encoding: 'utf8' });
      assert.match(out, /\(1 fixed\)/);
      assert.equal(readFileSync(join(folder, 'b.rdp'), 'utf8'), 'full address:s:h.localhost\r\ndesktopwidth:i:1024\r\n');
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  it('a named pipe with no reader is refused at once, and stays a pipe', () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    assert.throws(() => writeFileAtomic(fifo, Buffer.from('report')), { code: 'ENXIO' });
    assert.ok(statSync(fifo).isFIFO());
  });

  // A reader that ends at its first end of file (cat) must get the report, every time: the writer once closed its
  // probe of the pipe before opening it for the writes, the reader saw no writer and went, and the open then waited
  // forever (a unit run hung so, about one round in a hundred). The open blocks this thread, so no test timeout can
  // end such a hang: thirty rounds make the race likely to show as a hung run.
  it('a named pipe with a reader gets the report, every time', async () => {
    for (let round = 0; round < 30; round++) await writeThroughFifo(join(dir, `pipe-${round}`));
  });

  async function writeThroughFifo(fifo: string): Promise<void> {
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const done = new Promise((resolve) => reader.on('close', resolve));
    // The reader opens the pipe when it starts: try until it has.
    for (let i = 0; ; i++) {
      try {
        writeFileAtomic(fifo, ['rep', 'ort']);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENXIO' || i > 200) throw error;
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    await done;
    assert.equal(got, 'report');
    assert.ok(statSync(fifo).isFIFO());
  }

  it('a folder is refused', () => {
    assert.throws(() => writeFileAtomic(dir, Buffer.from('x')), { code: 'EISDIR' });
  });

  it('root writing a device node writes to it and leaves it a device', { skip: !isRoot && 'needs root for mknod' }, () => {
    const node = join(dir, 'null');
    execFileSync('mknod', ['-m', '666', node, 'c', '1', '3']);
    writeFileAtomic(node, Buffer.from('report'));
    assert.ok(statSync(node).isCharacterDevice());
  });

  it("root replacing another user's file keeps it theirs", { skip: !isRoot && 'needs root for chown' }, () => {
    const file = join(dir, 'owned.rdp');
    writeFileSync(file, 'old');
    chownSync(file, 65534, 65534);
    writeFileAtomic(file, Buffer.from('new'));
    assert.equal(statSync(file).uid, 65534);
    assert.equal(statSync(file).gid, 65534);
    assert.equal(readFileSync(file, 'utf8'), 'new');
  });
});
