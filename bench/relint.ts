// In-process re-lint of a 60-line mstsc-style file: the editor's per-keystroke cost.
import { lintRdp } from '../src/core/rules/engine';
import { mstscFile } from './corpus';

export function relintSamples(iterations: number): number[] {
  const text = mstscFile(7, 60);
  for (let i = 0; i < 500; i++) lintRdp(text); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    lintRdp(text);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

if (require.main === module) {
  const samples = relintSamples(Number(process.argv[2] ?? 2000)).sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ medianMs: samples[samples.length >> 1], p95Ms: samples[Math.floor(samples.length * 0.95)] }) + '\n');
}
