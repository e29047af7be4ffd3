// Standard output of the CLI: written as it is made, waiting for a full pipe, stopping when the reader has gone.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { OutputClosed, writeAllSync } from '../../src/cli/stdout';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const PIECE = 64 * 1024;
const TOTAL = 2 * 1024 * 1024;

interface WriterData {
  readonly fifo: string;
}

if (!isMainThread) {
  // The writer: a non-blocking write end, as libuv leaves a pipe once process.stdout has been made for it.
  const { fifo } = workerData as WriterData;
  const fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
  try {
    for (let sent = 0; sent < TOTAL; sent += PIECE) writeAllSync(fd, 'é'.repeat(PIECE / 2));
    parentPort!.postMessage({ done: true });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof OutputClosed ? 'closed' : String(error) });
  } finally {
    closeSync(fd);
  }
} else {
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  /** A FIFO whose read end is open (non-blocking), and a writer thread on its other end. */
  function fifoWithWriter(): { dir: string; reader: number; worker: Worker; messages: { done?: boolean; error?: string }[] } {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-stdout-'));
    const fifo = join(dir, 'out');
    const made = spawnSync('mkfifo', [fifo]);
    assert.equal(made.status, 0, String(made.stderr));
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const worker = new Worker(__filename, { workerData: { fifo } satisfies WriterData });
    const messages: { done?: boolean; error?: string }[] = [];
    worker.on('message', (m: { done?: boolean; error?: string }) => messages.push(m));
    return { dir, reader, worker, messages };
  }

  describe('writeAllSync', { skip: process.platform === 'win32' && 'FIFOs are POSIX' }, () => {
    it('returns only when the bytes are in the pipe: a slow reader holds the writer back, nothing piles up in memory', async () => {
      const { dir, reader, worker, messages } = fifoWithWriter();
      let read = 0;
      let readWhenDone: number | undefined;
      worker.on('message', (m: { done?: boolean }) => {
        if (m.done) readWhenDone = read;
      });
      const buffer = Buffer.alloc(8192);
      const bytes: Buffer[] = [];
      try {
        // Until the writer has closed its end (EOF: a read of 0, not EAGAIN) after saying it was done.
        for (let eof = false; !(eof && readWhenDone !== undefined); ) {
          assert.deepEqual(messages.filter((m) => m.error), []);
          eof = false;
          try {
            const n = readSync(reader, buffer, 0, buffer.length, null);
            if (n === 0) eof = true;
            read += n;
            bytes.push(Buffer.from(buffer.subarray(0, n)));
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
          }
          await sleep(1); // a reader slower than the writer: the pipe fills, the writer meets EAGAIN
        }
      } finally {
        closeSync(reader);
        await worker.terminate();
        rmSync(dir, { recursive: true, force: true });
      }
      // 'é' is two bytes in UTF-8: every character arrived whole, in order.
      const text = Buffer.concat(bytes).toString('utf8');
      assert.equal(text.length, TOTAL / 2);
      assert.ok(/^é+$/.test(text));
      // When the writer said it was done, at most a pipe's worth (64 KB on Linux) was still unread.
      assert.ok(readWhenDone! >= TOTAL - 256 * 1024, `only ${readWhenDone} of ${TOTAL} bytes were read when the writer finished`);
    });

    it('throws OutputClosed when the reader has gone (EPIPE), instead of an unhandled error', async () => {
      const { dir, reader, worker, messages } = fifoWithWriter();
      try {
        const buffer = Buffer.alloc(1024);
        // Read a little, then close the read end while the writer still has most of its 2 MB to write.
        for (let got = 0; got === 0; await sleep(1)) {
          try {
            got = readSync(reader, buffer, 0, buffer.length, null);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
          }
        }
        closeSync(reader);
        while (messages.length === 0) await sleep(5);
        assert.deepEqual(messages, [{ error: 'closed' }]);
      } finally {
        await worker.terminate();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('rdp-doctor lint into a pipe', () => {
    it('stops quietly with exit code 2 when the reader stops reading (`| head`)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-stdout-'));
      try {
        // ~1 MB of JSON: far more than a pipe holds, so the CLI is still writing when the reader goes.
        for (let i = 0; i < 600; i++) writeFileSync(join(dir, `host-${i}.rdp`), `full address:s:127.0.0.${i % 250}\r\nenablecredsspsupport:i:0\r\nredirectclipbaord:i:1\r\n`);
        const child = spawn(process.execPath, [CLI, 'lint', '--no-ignore', dir, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RDP_DOCTOR_CODE_CACHE: 'off' } });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.stdout.once('data', () => child.stdout.destroy());
        const code = await new Promise<number | null>((r) => child.on('close', r));
        assert.equal(stderr, '');
        assert.equal(code, 2);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('ends only once a slow reader has taken all of standard error (main.ts ends the process early only when idle)', { skip: process.platform === 'win32' && 'a POSIX shell pipeline' }, () => {
      // 3,000 missing files: ~210 KB of error lines, three times what a pipe holds, for a reader that starts late.
      // Ending the process at once (process.exit) left ~1,300 of them unwritten.
      const missing = Array.from({ length: 3000 }, (_, i) => join(tmpdir(), 'rdp-doctor-missing', `host-${i}.rdp`));
      const script = '"$0" "$1" lint --format json "${@:2}" 2>&1 >/dev/null | { sleep 0.5; wc -l; }; echo "${PIPESTATUS[0]}"';
      const run = spawnSync('bash', ['-c', script, process.execPath, CLI, ...missing], { encoding: 'utf8', env: { ...process.env, RDP_DOCTOR_CODE_CACHE: 'off' } });
      assert.equal(run.stderr, '');
      const [lines, code] = run.stdout.trim().split(/\s+/);
      assert.equal(Number(lines), 3000);
      assert.equal(Number(code), 2);
    });
  });
}
