import { fstatSync, statSync, writeSync } from 'node:fs';

/** The reader of standard output has gone (EPIPE, as after `| head`): the command stops and writes nothing more. */
export class OutputClosed extends Error {
  constructor() {
    super('Standard output was closed.');
  }
}

const STDOUT = 1;
/** Something to wait on (never notified): `Atomics.wait` is a synchronous sleep. */
const NEVER = new Int32Array(new SharedArrayBuffer(4));
/** The longest sleep between two tries of a full pipe, in ms. */
const MAX_WAIT_MS = 20;

let terminal: boolean | undefined;

/** Whether a character device's number is that of /dev/null (false where there is no /dev/null, as on Windows). */
function isDevNull(rdev: number): boolean {
  try {
    return statSync('/dev/null').rdev === rdev;
  } catch {
    return false;
  }
}

/**
 * Whether standard output is a terminal. A file, a pipe, a socket or /dev/null is known from `fstat` alone; only
 * another character device (a terminal) is asked of `process.stdout`. Not `tty.isatty`: node:tty loads node:net, ~5 ms
 * of every command's start-up, and making `process.stdout` for a pipe would set the pipe non-blocking (libuv).
 */
export function stdoutIsTerminal(): boolean {
  if (terminal === undefined) {
    let device = false;
    try {
      const info = fstatSync(STDOUT);
      // /dev/null is a character device too: known by its device number, it needs no stream (node:stream, ~3 ms).
      device = info.isCharacterDevice() && !isDevNull(info.rdev);
    } catch {
      // not a file descriptor fstat can read: leave it to process.stdout below only if it is a device
    }
    terminal = device && process.stdout.isTTY === true;
  }
  return terminal;
}

/**
 * Writes one piece of the report to standard output before the next file is linted. A file or a pipe gets the
 * bytes at once, written with `writeSync`: `process.stdout` queues what a full pipe cannot take in memory, and the
 * lint loop never yields to let the queue drain, so `lint --format json | jq` held the whole report until the end.
 * A full pipe is waited for (the reader sets the pace, as with any Unix tool); a reader that has gone ends the
 * command (`OutputClosed`). A terminal keeps `process.stdout`, which writes Unicode right on a Windows console.
 */
export function writeStdout(text: string): void {
  if (text.length === 0) return;
  if (stdoutIsTerminal()) process.stdout.write(text);
  else writeAllSync(STDOUT, text);
}

/** Writes all of `text` to `fd`, waiting while a non-blocking pipe is full; `OutputClosed` when its reader has gone. */
export function writeAllSync(fd: number, text: string): void {
  let bytes: Buffer | undefined;
  let offset = 0;
  for (let waits = 0; ; ) {
    try {
      if (bytes === undefined) {
        const written = writeSync(fd, text);
        const length = Buffer.byteLength(text);
        if (written === length) return;
        // Part of it went (a pipe with room for some): the rest, from the byte where it stopped.
        bytes = Buffer.from(text);
        offset = written;
      } else {
        offset += writeSync(fd, bytes, offset);
      }
      if (offset >= bytes.length) return;
      waits = 0;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') throw new OutputClosed();
      if (code !== 'EAGAIN') throw error;
      // A non-blocking pipe that is full: sleep a little longer each time, up to MAX_WAIT_MS.
      Atomics.wait(NEVER, 0, 0, Math.min(++waits, MAX_WAIT_MS));
    }
  }
}
