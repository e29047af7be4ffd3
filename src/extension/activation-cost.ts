/**
 * What activation cost this extension host: CPU (process.cpuUsage, the whole process) and wall time (process.hrtime;
 * performance.now would load perf_hooks inside the span it measures). Loading is dist/extension.js (the loader)
 * from its first line to its last — a banner and a footer esbuild.mjs writes — plus the load of the extension's code
 * (dist/extension-code.js) in activate(); then the code's own activate(). The host's work between them is not
 * counted. The extension-host suite reads it through the API and writes test-results/activation.json;
 * bench/activation-host.mjs reports it (issue 16).
 */

import { readFileSync } from 'node:fs';
import type { CodeCacheUse } from '../shared/code-cache';
import { coreLoaded } from './core';

/** The marks the loader's banner and footer set; absent in a bundle built without them (unit tests, bench stubs). */
declare const __rdpDoctorLoad: { readonly cpu: NodeJS.CpuUsage; readonly wall: number; readonly thread?: number; end?: Mark } | undefined;

export interface Mark {
  readonly cpu: NodeJS.CpuUsage;
  readonly wall: number;
  /** This thread's CPU ms so far (Linux), without the process's other threads (GC helpers, the host's workers). */
  readonly thread?: number;
}

/** Loading, as the loader measured it. */
export interface LoadCost {
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly threadCpuMs?: number;
  readonly codeCache: CodeCacheUse;
}

export interface ActivationCost {
  /** Evaluating the loader and loading the extension's code (read, compile, top-level code), CPU and wall ms. */
  readonly loadCpuMs: number;
  readonly loadWallMs: number;
  /** The code's activate(), CPU and wall ms. */
  readonly activateCpuMs: number;
  readonly activateWallMs: number;
  /** The two together: the figure issue 16 sets at ≤ 20 ms (CPU). */
  readonly cpuMs: number;
  readonly wallMs: number;
  /** The CPU of this thread alone over the same spans (Linux; null elsewhere): the process's CPU less other threads' noise. */
  readonly threadCpuMs: number | null;
  readonly codeCache: CodeCacheUse;
  /** Whether activation loaded the extension's core (dist/extension-core.js, core.ts): only when it had work for it, such as an open .rdp file. */
  readonly coreLoaded: boolean;
}

export function mark(): Mark {
  return { cpu: process.cpuUsage(), wall: Number(process.hrtime.bigint()) / 1e6, thread: threadCpuMs() };
}

/** The first field of /proc/thread-self/schedstat: nanoseconds this thread ran (the loader's banner reads it the same way). */
export function threadCpuMs(): number | undefined {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

const threadMsBetween = (a: Mark | undefined, b: Mark | undefined): number | undefined => (a?.thread !== undefined && b?.thread !== undefined ? b.thread - a.thread : undefined);

const cpuMsBetween = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage): number => (b.user - a.user + b.system - a.system) / 1000;

/** The loader's own evaluation (its banner to its footer; nothing without them) plus the span from `start` to `end`. */
export function loadCost(start: Mark, end: Mark, codeCache: CodeCacheUse): LoadCost {
  const own = typeof __rdpDoctorLoad === 'undefined' ? undefined : __rdpDoctorLoad;
  const ownCpu = own?.end ? cpuMsBetween(own.cpu, own.end.cpu) : 0;
  const ownWall = own?.end ? own.end.wall - own.wall : 0;
  const ownThread = own?.end ? threadMsBetween(own, own.end) : 0;
  const thread = threadMsBetween(start, end);
  const threadCpuMs = ownThread === undefined || thread === undefined ? undefined : ownThread + thread;
  return { cpuMs: ownCpu + cpuMsBetween(start.cpu, end.cpu), wallMs: ownWall + end.wall - start.wall, ...(threadCpuMs !== undefined && { threadCpuMs }), codeCache };
}

/** The cost of loading (`load`, from the loader) and of the activate() that began at `activateStart` and ends now. */
export function activationCost(load: LoadCost | undefined, activateStart: Mark): ActivationCost {
  const end = mark();
  const activateThread = threadMsBetween(activateStart, end);
  const threadCpu = activateThread === undefined || (load && load.threadCpuMs === undefined) ? null : (load?.threadCpuMs ?? 0) + activateThread;
  const activateCpuMs = cpuMsBetween(activateStart.cpu, end.cpu);
  const activateWallMs = end.wall - activateStart.wall;
  const loadCpuMs = load?.cpuMs ?? 0;
  const loadWallMs = load?.wallMs ?? 0;
  return { loadCpuMs, loadWallMs, activateCpuMs, activateWallMs, cpuMs: loadCpuMs + activateCpuMs, wallMs: loadWallMs + activateWallMs, threadCpuMs: threadCpu, codeCache: load?.codeCache ?? 'off', coreLoaded: coreLoaded() };
}
