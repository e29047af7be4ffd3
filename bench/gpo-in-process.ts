// In-process timing of the GPO lint (read the file, decode, read the export, run the rules), without the
// CLI's start-up: `node out/bench/gpo-in-process.js FILE [RUNS] [view]` prints {"firstMs","medianMs","runsMs","firstCpuMs","medianCpuMs","settings","findings"}.
import { readFileSync } from 'node:fs';
import { hasPolSignature } from '../src/core/gpo/registry-pol-records';
import { detectFormat } from '../src/core/lint/formats';
import { lintRegistryPol, lintText } from '../src/core/lint/lint-file';
import { decodeBytes } from '../src/core/text/decode';

/** `view`: also render a Registry.pol's LGPO-style text, as the editor's view does (the CLI does not). */
function lintFile(path: string, view: boolean): { settings: number; findings: number } {
  const bytes = readFileSync(path);
  if (hasPolSignature(bytes)) {
    const r = lintRegistryPol(bytes, { path, view });
    return { settings: r.policy.settings.length, findings: r.findings.length };
  }
  const decoded = decodeBytes(bytes);
  const format = detectFormat(path, decoded, true, bytes);
  if (!format || format === 'gpo-backup' || format === 'registry-pol' || format === 'rdp' || format === 'config') throw new Error(`${path} is not a policy export`);
  const r = lintText(format, decoded.text);
  return { settings: r.policy?.settings.length ?? 0, findings: r.findings.length };
}

if (require.main === module) {
  const [path, runs = '7', view] = process.argv.slice(2);
  const samples: number[] = [];
  const cpu: number[] = [];
  let last = { settings: 0, findings: 0 };
  for (let i = 0; i < Number(runs); i++) {
    const start = process.hrtime.bigint();
    const startCpu = process.cpuUsage();
    last = lintFile(path!, view === 'view');
    const usedCpu = process.cpuUsage(startCpu);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpu.push((usedCpu.user + usedCpu.system) / 1000);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  // CPU time (user + system, GC threads included) beside the wall time: less disturbed by other processes on a busy machine.
  process.stdout.write(JSON.stringify({ firstMs: samples[0], medianMs: median(samples), runsMs: samples, firstCpuMs: cpu[0], medianCpuMs: median(cpu), ...last }) + '\n');
}
