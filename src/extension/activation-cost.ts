/**
 * What activation cost this extension host: CPU (process.cpuUsage, the whole process) and wall time (performance.now)
 * of evaluating dist/extension.js — from its first line (a banner esbuild.mjs writes) to its last (a footer) — plus
 * those of activate(). The gap between the two (the host's own work) is not counted. Read by the extension-host
 * suite through the API, which writes it to test-results/activation.json, and by bench/activation-host.mjs (issue 16).
 */

/** The marks the bundle's banner and footer set; absent when this module runs from another bundle (unit tests, bench stubs). */
declare const __rdpDoctorLoad: { readonly cpu: NodeJS.CpuUsage; readonly wall: number; end?: { readonly cpu: NodeJS.CpuUsage; readonly wall: number } } | undefined;

export interface ActivationCost {
  /** Evaluating the bundle (parse, compile, top-level code), CPU and wall ms; 0 when the bundle has no marks. */
  readonly loadCpuMs: number;
  readonly loadWallMs: number;
  /** activate(), CPU and wall ms. */
  readonly activateCpuMs: number;
  readonly activateWallMs: number;
  /** The two together: the figure issue 16 sets at ≤ 20 ms. */
  readonly cpuMs: number;
  readonly wallMs: number;
}

interface Mark {
  readonly cpu: NodeJS.CpuUsage;
  readonly wall: number;
}

export function mark(): Mark {
  return { cpu: process.cpuUsage(), wall: performance.now() };
}

const cpuMsBetween = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage): number => (b.user - a.user + b.system - a.system) / 1000;

/** The cost of loading the bundle and of the activate() that began at `activateStart` and ends now. */
export function activationCost(activateStart: Mark): ActivationCost {
  const end = mark();
  const load = typeof __rdpDoctorLoad === 'undefined' ? undefined : __rdpDoctorLoad;
  const loadCpuMs = load?.end ? cpuMsBetween(load.cpu, load.end.cpu) : 0;
  const loadWallMs = load?.end ? load.end.wall - load.wall : 0;
  const activateCpuMs = cpuMsBetween(activateStart.cpu, end.cpu);
  const activateWallMs = end.wall - activateStart.wall;
  return { loadCpuMs, loadWallMs, activateCpuMs, activateWallMs, cpuMs: loadCpuMs + activateCpuMs, wallMs: loadWallMs + activateWallMs };
}
