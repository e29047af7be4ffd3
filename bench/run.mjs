// `npm run bench`: the figures each issue names, as medians of alternating runs, written to bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const corpus = join('bench', 'data', 'rdp-10000');

function time(command, args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(2));

if (!existsSync(corpus)) {
  console.log(`Generating 10,000 UTF-16LE .rdp files in ${corpus} …`);
  spawnSync(process.execPath, ['out/bench/make-corpus.js', corpus, '10000'], { stdio: 'inherit' });
}

// Warm the page cache once so neither side pays for the first read.
time(process.execPath, ['out/bench/read-decode-baseline.js', corpus]);

const baseline = [];
const lint = [];
for (let i = 0; i < RUNS; i++) {
  baseline.push(time(process.execPath, ['out/bench/read-decode-baseline.js', corpus]));
  lint.push(time(process.execPath, ['dist/cli.js', 'lint', corpus]));
  process.stdout.write('.');
}
process.stdout.write('\n');

const relint = JSON.parse(spawnSync(process.execPath, ['out/bench/relint.js', '5000'], { encoding: 'utf8' }).stdout);

const meta = JSON.parse(readFileSync('dist/extension.meta.json', 'utf8'));
const output = Object.values(meta.outputs).find((o) => o.entryPoint === 'src/extension/main.ts');
const groups = {};
for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
  const group = path.startsWith('node_modules/') ? path.split('/').slice(0, path.startsWith('node_modules/@') ? 3 : 2).join('/') : path.split('/').slice(0, 3).join('/');
  groups[group] = (groups[group] ?? 0) + bytesInOutput;
}
const extensionBytes = statSync('dist/extension.js').size;
const top = Object.entries(groups).sort((a, b) => b[1] - a[1]);

const { runGpoBench } = await import('./gpo-bench.mjs');
const gpo = await runGpoBench({ runs: RUNS });

const checkSection = spawnSync(process.execPath, ['bench/check-bench.mjs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).stdout;

const ratio = median(lint) / median(baseline);
const report = `# Benchmark results

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}. Medians of ${RUNS} alternating runs.

## Lint 10,000 mstsc-style \`.rdp\` files (UTF-16LE, 50 lines each) from the CLI

| What | Median | Runs (ms) |
|---|---|---|
| Baseline: read and decode the same files (\`bench/read-decode-baseline.ts\`) | ${fmt(median(baseline))} ms | ${baseline.map(fmt).join(', ')} |
| \`rdp-doctor lint\` (all rules, text output) | ${fmt(median(lint))} ms | ${lint.map(fmt).join(', ')} |
| **Ratio** (target ≤ 1.5×) | **${ratio.toFixed(2)}×** | ${ratio <= 1.5 ? 'met' : 'not met'} |

## Re-lint of a 60-line file in-process

Median ${relint.medianMs.toFixed(4)} ms, p95 ${relint.p95Ms.toFixed(4)} ms over 5,000 runs after warm-up (target median ≤ 0.2 ms: ${relint.medianMs <= 0.2 ? 'met' : 'not met'}).

## \`dist/extension.js\`

${(extensionBytes / 1024).toFixed(1)} KiB minified, plus \`dist/forge.js\` (node-forge, ${(statSync('dist/forge.js').size / 1024).toFixed(1)} KiB), loaded only when a check analyses a certificate. What is in the bundle (bytes):

| Part | KiB |
|---|---|
${top.map(([g, b]) => `| ${g} | ${(b / 1024).toFixed(1)} |`).join('\n')}

${checkSection}

${gpo.markdown}`;
writeFileSync('bench/RESULTS.md', report);
console.log(report);
