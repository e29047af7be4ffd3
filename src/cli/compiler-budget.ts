import type * as V8 from 'node:v8';

// How much of V8's optimizing compiler (TurboFan) a lint of many files asks for: the CLI only, never the extension
// host, whose V8 is shared with every other extension.
//
// Measured on 2 cores (issue 16, bench/RESULTS.md): linting 1,000 .rdp files, TurboFan spends about 250 ms of
// compile time on V8's four background threads, 36 ms of it on one function that inlines every rule it calls, while
// the lint itself takes about 150 ms on the main thread. Those threads take turns with the main thread on the two
// cores. With a smaller inlining budget (bytecode inlined into one function: 150 bytes, not V8's 920) the compiles
// are shorter and the code they make is hardly slower. At 150 bytes the 1,000-file lint took 14% less wall time and
// the 10,000-file lint 8% less (31 and 25 alternating runs, each build with its own code cache); 100 bytes took
// another 3% (1,000 files, 31 runs) and 2% (10,000 files, 15 runs) off; 60 bytes was no better than 100 on 1,000
// files and worse on 10,000. Without inlining at all the compiles halve, but the 10,000-file lint was no faster.
// Session 24 counted instructions instead (callgrind, machine-independent; the wall times of a loaded machine could
// not tell 3% apart): at 150 bytes the main thread of a 1,000-file lint ran 1.5% fewer instructions than at 100
// (915 against 929 million, medians of 3, the same for all threads together); 200 and 300 saved no more on the main
// thread and cost the background threads more; V8's 920 saved 3% on the main thread for 17% more on the others.

/** Below this many files, TurboFan optimizes little or nothing: not worth loading node:v8 (1.8 ms, it loads Node's streams). */
export const MANY_FILES = 100;

/** The flag, and V8's default it goes back to (920 in Node 20's V8; compiler-budget.test.ts notices if that changes). */
const LESS_INLINING = '--max-inlined-bytecode-size-cumulative=150';
const DEFAULT_INLINING = '--max-inlined-bytecode-size-cumulative=920';

/**
 * Gives TurboFan a smaller inlining budget for a lint of `files` files, when that is at least `MANY_FILES` and neither
 * the command line nor NODE_OPTIONS sets a V8 inlining flag of its own. Returns what puts the flag back (undefined
 * when nothing was set): call it once the files are linted. V8 keys its code cache by the flags, so the cache written
 * when the command ends (code-cache.ts) must be written with the flags it was read with, or the next run would find
 * it rejected.
 */
export function lessInliningFor(files: number, execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): (() => void) | undefined {
  if (files < MANY_FILES || execArgv.some(setsInlining) || setsInlining(nodeOptions)) return undefined;
  const v8 = require('node:v8') as typeof V8;
  v8.setFlagsFromString(LESS_INLINING);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    v8.setFlagsFromString(DEFAULT_INLINING);
  };
}

/** Whether a command-line argument (or NODE_OPTIONS) sets one of V8's inlining flags itself. */
function setsInlining(argument: string): boolean {
  return /inlin/i.test(argument);
}
