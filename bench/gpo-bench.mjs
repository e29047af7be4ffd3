// The two benchmarks of issue 5, as medians of alternating runs:
//  - a 20 MB Get-GPOReport XML (many GPOs, generated): `rdp-doctor lint` against `xmllint --noout` (Debian's libxml2-utils) on the same file;
//  - a Registry.pol with 100,000 records.
// Standalone: `npm run build && node bench/gpo-bench.mjs` prints the Markdown section.
// From bench/run.mjs: `const { runGpoBench } = await import('./gpo-bench.mjs'); const gpo = await runGpoBench({ runs: RUNS });` and append `gpo.markdown`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const DATA = join('bench', 'data');
const REPORT = join(DATA, 'gpo-report-20mb.xml');
const POL = join(DATA, 'registry-100k.pol');

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

function time(command, args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw new Error(`${command} could not run (${r.error.message}); xmllint comes with Debian's libxml2-utils.`);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function inProcess(file, runs, view = false) {
  const r = spawnSync(process.execPath, ['out/bench/gpo-in-process.js', file, String(runs), ...(view ? ['view'] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

/** Runs both benchmarks; returns the numbers and a Markdown section for bench/RESULTS.md. */
export async function runGpoBench({ runs = 7 } = {}) {
  await esbuild.build({
    entryPoints: ['bench/gpo-make-data.ts', 'bench/gpo-in-process.ts'],
    outdir: 'out/bench',
    outbase: 'bench',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  if (!existsSync(REPORT) || !existsSync(POL)) {
    console.log(`Generating ${REPORT} and ${POL} …`);
    const r = spawnSync(process.execPath, ['out/bench/gpo-make-data.js', DATA], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('Generating the GPO benchmark data failed.');
  }
  // Warm the page cache once so neither side pays for the first read.
  time('xmllint', ['--noout', REPORT]);
  time(process.execPath, ['dist/cli.js', 'lint', REPORT]);
  const xmllint = [];
  const lint = [];
  const polLint = [];
  for (let i = 0; i < runs; i++) {
    xmllint.push(time('xmllint', ['--noout', REPORT]));
    lint.push(time(process.execPath, ['dist/cli.js', 'lint', REPORT]));
    polLint.push(time(process.execPath, ['dist/cli.js', 'lint', POL]));
  }
  const startup = [];
  for (let i = 0; i < runs; i++) startup.push(time(process.execPath, ['dist/cli.js', '--version']));
  const reportIn = inProcess(REPORT, runs);
  const polIn = inProcess(POL, runs);
  const polView = inProcess(POL, runs, true);
  // Counted for the description only (closing tags in the generated file).
  const reportText = readFileSync(REPORT).toString('utf16le');
  const count = (s) => reportText.split(s).length - 1;
  const results = {
    reportMb: statSync(REPORT).size / 1024 / 1024,
    gpos: count('</GPO>'),
    policies: count(':Policy>') / 2,
    xmllintMs: median(xmllint),
    lintMs: median(lint),
    ratio: median(lint) / median(xmllint),
    startupMs: median(startup),
    reportInProcess: reportIn,
    inProcessRatio: reportIn.medianMs / median(xmllint),
    polCliMs: median(polLint),
    polInProcess: polIn,
    polViewInProcess: polView,
  };
  const met = (ok) => (ok ? 'met' : 'not met');
  const markdown = `## Lint a ${results.reportMb.toFixed(1)} MB Get-GPOReport XML (\`bench/gpo-make-data.ts\`: ${results.gpos} GPOs, ${results.policies} Administrative Template policies, ${reportIn.settings} of them Remote Desktop settings the rules read; UTF-16LE)

| What | Median | Runs (ms) |
|---|---|---|
| \`xmllint --noout\` (libxml2, parse only) | ${fmt(results.xmllintMs)} ms | ${xmllint.map(fmt).join(', ')} |
| \`rdp-doctor lint\` (CLI process, text output) | ${fmt(results.lintMs)} ms | ${lint.map(fmt).join(', ')} |
| **Ratio** (issue 16's target ≤ 2.5×) | **${results.ratio.toFixed(2)}×** | ${met(results.ratio <= 2.5)} |
| of which: CLI start-up alone (\`rdp-doctor --version\`) | ${fmt(results.startupMs)} ms | ${startup.map(fmt).join(', ')} |
| In-process: read, decode, parse, map, rules (\`bench/gpo-in-process.ts\`; first run / median of ${runs}) | ${fmt(reportIn.firstMs)} / ${fmt(reportIn.medianMs)} ms | ${reportIn.runsMs.map(fmt).join(', ')} |
| In-process CPU time (user + system, JIT and GC threads included; first run / median) | ${fmt(reportIn.firstCpuMs)} / ${fmt(reportIn.medianCpuMs)} ms | |
| In-process median against xmllint | ${results.inProcessRatio.toFixed(2)}× | |

## Lint a Registry.pol with 100,000 records

| What | Median | Runs (ms) |
|---|---|---|
| In-process, as the CLI lints it: read, records, rules (first run / median) | ${fmt(polIn.firstMs)} / ${fmt(polIn.medianMs)} ms | ${polIn.runsMs.map(fmt).join(', ')} |
| In-process, as the editor's text view needs it: plus the LGPO-style rendering (first run / median) | ${fmt(polView.firstMs)} / ${fmt(polView.medianMs)} ms | ${polView.runsMs.map(fmt).join(', ')} |
| \`rdp-doctor lint\` (CLI process) | ${fmt(results.polCliMs)} ms | ${polLint.map(fmt).join(', ')} |
| Target ≤ 150 ms (in-process median) | | ${met(polIn.medianMs <= 150)} |
`;
  return { results, markdown };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { markdown } = await runGpoBench({ runs: Number(process.env.BENCH_RUNS ?? 7) });
  console.log(markdown);
}
