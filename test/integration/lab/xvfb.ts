import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { GroupProcess } from './processes';

/** A private Xvfb and the display it holds. */
export interface Xvfb {
  readonly process: GroupProcess;
  readonly display: string;
}

const lockOf = (n: number): string => `/tmp/.X${n}-lock`;
const socketOf = (n: number): string => `/tmp/.X11-unix/X${n}`;

/** Whether `/tmp/.X11-unix/X<n>` accepts a connection now. */
function accepts(n: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(socketOf(n));
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * Starts Xvfb on a display no other X server holds, and resolves once clients can open it. The display is ours when its
 * lock file, which Xvfb creates atomically before it listens, names our process; another server that got there first
 * makes ours exit ("Server is already active"), and another number is tried. Two ways that raced under load: a number
 * picked because no socket or lock was there yet (two test files could pick the same one), and `-displayfd`, with which
 * Xvfb writes no lock file at all, so a server started for an explicit display took its socket over. `-noreset`: an X
 * server resets when its last client leaves (Xserver(1)), and a client arriving meanwhile, such as a shadow server
 * started again or the next xfreerdp, failed to open the display.
 */
export async function startXvfb(): Promise<Xvfb> {
  for (let attempt = 1; ; attempt++) {
    const n = 100 + Math.floor(Math.random() * 800);
    if (existsSync(lockOf(n)) || existsSync(socketOf(n))) continue;
    const process = new GroupProcess('Xvfb', [`:${n}`, '-screen', '0', '800x600x24', '-nolisten', 'tcp', '-noreset']);
    const end = Date.now() + 10_000;
    const ours = (): boolean => {
      try {
        return Number(readFileSync(lockOf(n), 'utf8').trim()) === process.child.pid;
      } catch {
        return false;
      }
    };
    while (process.running && Date.now() < end && !(ours() && (await accepts(n)))) await new Promise((r) => setTimeout(r, 20));
    if (process.running && ours()) return { process, display: `:${n}` };
    await process.stop();
    if (attempt >= 10 || Date.now() >= end) throw new Error(`Xvfb did not start on a free display (${attempt} attempts, the last :${n})`);
  }
}
