// `npm run bench`: every figure of issue 16 (and the ones issue 13 records), each a ratio or a time measured
// side by side in this run (alternating, medians), with the machine's core count. bench/RESULTS.md keeps the
// history: each run appends a row to its table and rewrites the "Latest run" details; earlier rows stay.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// Node loads the certificates NODE_EXTRA_CA_CERTS names at every start (~30 ms for a distribution's bundle), a
// cost of the machine, not of either command: it made the floor longer and every ratio look better than it is.
// Each command here runs without it; the run records whether the machine had it.
const extraCaCerts = process.env.NODE_EXTRA_CA_CERTS !== undefined;
delete process.env.NODE_EXTRA_CA_CERTS;
const DATA = join('bench', 'data');
const corpus10k = join(DATA, 'rdp-10000');
const corpus1k = join(DATA, 'rdp-1000');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

/** CPU time of this process's waited-for children, in ms (Linux: /proc/self/stat, clock ticks of 10 ms). */
function childCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime (fields 16 and 17 of stat)
  } catch {
    return NaN;
  }
}

/** Runs a command once: wall ms, and max RSS in KiB when GNU time is installed (Debian's `time`). */
function run(command, args, { rss = false, cwd } = {}) {
  const out = join(tmpdir(), `rdp-doctor-bench-${process.pid}.time`);
  const [cmd, argv] = rss && TIME ? [TIME, ['-f', '%M', '-o', out, command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26, cwd });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw new Error(`${command} could not run: ${r.error.message}`);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  let rssKb;
  if (rss && TIME) {
    rssKb = Number(readFileSync(out, 'utf8').trim().split('\n').pop());
    rmSync(out, { force: true });
  }
  return { ms, rssKb };
}

/** Alternates the commands `RUNS` times (after one warm-up round); returns each one's wall times and RSS. */
function sideBySide(commands, { rss = false, runs = RUNS } = {}) {
  for (const [cmd, args] of commands) run(cmd, args);
  const results = commands.map(() => ({ ms: [], rssKb: [] }));
  for (let i = 0; i < runs; i++) {
    commands.forEach(([cmd, args], k) => {
      const r = run(cmd, args, { rss });
      results[k].ms.push(r.ms);
      if (r.rssKb !== undefined) results[k].rssKb.push(r.rssKb);
    });
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  return results;
}

/** CPU ms of one start of each command, alternating batches of `batch` starts (the 10 ms clock ticks average out). */
function startupCpu(commands, batch = 20) {
  const results = commands.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    commands.forEach(([cmd, args], k) => {
      const before = childCpuMs();
      for (let j = 0; j < batch; j++) run(cmd, args);
      results[k].push((childCpuMs() - before) / batch);
    });
  }
  return results;
}

function node(script, args = []) {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${script}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

// ---------- data ----------
await esbuild.build({
  entryPoints: ['bench/completion.ts', 'bench/vscode-stub.ts'],
  outdir: 'out/bench',
  outbase: 'bench',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  alias: { vscode: './bench/vscode-stub.ts' },
});
mkdirSync(DATA, { recursive: true });
// Made again when bench/corpus.ts changed (its CORPUS_REVISION), and with it the files made from the corpus.
for (const [dir, count] of [[corpus10k, 10000], [corpus1k, 1000]]) {
  const r = spawnSync(process.execPath, ['out/bench/make-corpus.js', dir, String(count)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`out/bench/make-corpus.js ${dir}: ${r.stderr}`);
  if (r.stdout.trim() === 'made') {
    console.log(`Made ${count} UTF-16LE .rdp files in ${dir}.`);
    if (dir === corpus10k) for (const eol of ['lf', 'crlf']) rmSync(join(DATA, `rdp-400k-${eol}.rdp`), { force: true });
  }
}
const mstscLines = readFileSync(join(corpus10k, 'host-00001.rdp')).toString('utf16le').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
const lines400k = (eol) => {
  const file = join(DATA, `rdp-400k-${eol === '\n' ? 'lf' : 'crlf'}.rdp`);
  if (!existsSync(file)) {
    const out = [];
    for (let i = 0; i < 400_000; i++) out.push(i % 50 === 0 ? `x-unknown-${i}:s:${i}` : mstscLines[i % mstscLines.length]);
    writeFileSync(file, out.join(eol) + eol);
  }
  return file;
};
const lf400k = lines400k('\n');
const crlf400k = lines400k('\r\n');
const reg50mb = join(DATA, 'one-line-50mb.reg');
if (!existsSync(reg50mb)) {
  const value = 'A'.repeat(50 * 1024 * 1024);
  writeFileSync(reg50mb, `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services]\r\n"Big"="${value}"\r\n`);
}
const configDir = join(DATA, 'config-20000');
if (!existsSync(configDir)) {
  mkdirSync(configDir, { recursive: true });
  const keys = [];
  for (let i = 0; i < 20_000; i++) keys.push(`key${String(i).padStart(5, '0')}: ${i}`);
  writeFileSync(join(configDir, '.rdpdoctor.yaml'), `rules:\n  RDP012: off\n${keys.join('\n')}\n`);
}

// ---------- measurements ----------
// The CLI's code cache (src/cli/load-commands.ts) in this run's own folder, written by each figure's warm-up round
// as the first command after an install writes it; removed at the end.
const cliCache = join(tmpdir(), `rdp-doctor-bench-cache-${process.pid}`);
process.env.RDP_DOCTOR_CACHE_DIR = cliCache;
const CLI = 'dist/cli.js';
const NODE = process.execPath;
console.log('Lint 10,000 files (JSON) against reading and decoding them');
const [floor10k, lint10k] = sideBySide([[NODE, ['out/bench/read-decode-baseline.js', corpus10k]], [NODE, [CLI, 'lint', '--no-ignore', corpus10k, '--format', 'json']]], { rss: true });
console.log('Lint 1,000 files (JSON) against reading and decoding them');
// Three times the rounds: a pair of these takes ~0.25 s, and on a shared 2-core machine one round of 7 moved the
// median by up to 15% (session 12: lint 138–198 ms, floor 45–67 ms in one run).
const [floor1k, lint1k] = sideBySide([[NODE, ['out/bench/read-decode-baseline.js', corpus1k]], [NODE, [CLI, 'lint', '--no-ignore', corpus1k, '--format', 'json']]], { runs: RUNS * 3 });
console.log('Start-up CPU: rdp-doctor --version against node -e 0');
const [cpuNode, cpuVersion] = startupCpu([[NODE, ['-e', '0']], [NODE, [CLI, '--version']]]);
console.log('400k lines, LF only against CRLF');
const [lintLf, lintCrlf] = sideBySide([[NODE, [CLI, 'lint', '--no-ignore', lf400k, '--format', 'json']], [NODE, [CLI, 'lint', '--no-ignore', crlf400k, '--format', 'json']]], { runs: Math.min(RUNS, 5) });
console.log('A 50 MB one-line .reg and a 20,000-key .rdpdoctor.yaml');
const [reg] = sideBySide([[NODE, [CLI, 'lint', '--no-ignore', reg50mb]]], { rss: true, runs: 3 });
const [config] = sideBySide([[NODE, [CLI, 'lint', '--no-ignore', join(configDir, '.rdpdoctor.yaml')]]], { runs: Math.min(RUNS, 5) });
const relint = node('out/bench/relint.js', ['5000']);
const completion = node('out/bench/completion.js', ['5000']);
const activation = [];
for (let i = 0; i < RUNS; i++) activation.push(node('bench/activation.cjs'));
// In a real extension host (code-server), as the extension measures itself; n/a without the VS Code test setup.
let activationHost;
try {
  // 11 windows unless BENCH_RUNS says otherwise: one activation ranges over ±25% here, and a median of 5 moved by 3 ms between runs of one build.
  activationHost = node('bench/activation-host.mjs', [String(process.env.BENCH_RUNS ? RUNS : 11)]);
} catch (error) {
  console.log(`Activation in the extension host not measured: ${String(error.message).split('\n')[0]}`);
}
const { runGpoBench } = await import('./gpo-bench.mjs');
const gpo = await runGpoBench({ runs: RUNS });
// The live check beside sslscan and nmap, 200 targets, certificate analysis CPU (issue 11's figures); NaN when skipped or not measured.
const checkRun = process.env.BENCH_SKIP_CHECK ? undefined : spawnSync(process.execPath, ['bench/check-bench.mjs', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
const check = checkRun?.status === 0 ? JSON.parse(checkRun.stdout) : { markdown: '', figures: {} };
const checkSection = check.markdown;
const checkFigure = (name) => check.figures[name] ?? NaN;

// What the extension bundle holds, by part.
const meta = JSON.parse(readFileSync('dist/extension.meta.json', 'utf8'));
const bundle = Object.values(meta.outputs).find((o) => o.entryPoint === 'src/extension/main.ts');
const groups = {};
for (const [path, { bytesInOutput }] of Object.entries(bundle.inputs)) {
  const group = path.startsWith('node_modules/') ? path.split('/').slice(0, path.startsWith('node_modules/@') ? 3 : 2).join('/') : path.split('/').slice(0, 3).join('/');
  groups[group] = (groups[group] ?? 0) + bytesInOutput;
}
const bundleTop = Object.entries(groups).sort((x, y) => y[1] - x[1]).slice(0, 12);

// ---------- figures ----------
const ratio = (a, b) => median(a) / median(b);
const activationMs = activation.map((a) => a.requireMs + (a.activateMs ?? 0));
const figures = [
  { name: 'lint 10,000 mstsc files (JSON) / read+decode floor', value: ratio(lint10k.ms, floor10k.ms), unit: '×', target: 3.0 },
  { name: 'lint 1,000 files / floor', value: ratio(lint1k.ms, floor1k.ms), unit: '×', target: 2.5 },
  { name: 'lint 20 MB Get-GPOReport XML / `xmllint --noout`', value: gpo.results.ratio, unit: '×', target: 2.5 },
  { name: '`rdp-doctor --version` CPU over `node -e 0`', value: median(cpuVersion) - median(cpuNode), unit: ' ms', target: 15 },
  { name: 're-lint of a 60-line file in-process, median', value: relint.medianMs * 1000, unit: ' µs', target: 40 },
  { name: 'name completion per request (vscode stubbed)', value: completion.medianMs, unit: ' ms', target: 0.05 },
  { name: 'max RSS linting 10,000 files', value: lint10k.rssKb.length ? median(lint10k.rssKb) / 1024 : NaN, unit: ' MB', target: 150 },
  { name: 'extension activation CPU in the extension host (bundle load + activate())', value: activationHost?.cpuMs ?? NaN, unit: ' ms', target: 20 },
  { name: 'max RSS linting a 50 MB one-line .reg (issue 13)', value: reg.rssKb.length ? median(reg.rssKb) / 1024 : NaN, unit: ' MB', target: 500 },
  { name: '400k lines: LF-only / CRLF lint time (issue 13)', value: ratio(lintLf.ms, lintCrlf.ms), unit: '×', target: 1.5 },
  { name: 'lint a 20,000-key .rdpdoctor.yaml (issue 13; whole process)', value: median(config.ms), unit: ' ms', target: 500 },
  { name: 'check of an xrdp TLS host / sslscan, whole processes (issue 11)', value: checkFigure('wholeRatio'), unit: '×', target: 0.15 },
  { name: 'check itself (timings.totalMs) / sslscan (issue 11)', value: checkFigure('itselfRatio'), unit: '×', target: 0.05 },
  { name: '200 targets at concurrency 32, own test server (issue 11)', value: checkFigure('manyMs'), unit: ' ms', target: 2000 },
  { name: 'certificate analysis CPU, before issue 11 / now (issue 11)', value: checkFigure('certificateBeforeMicros') / checkFigure('certificateAfterMicros'), unit: '×', target: 3, atLeast: true },
];
const shown = (f) => (Number.isNaN(f.value) ? 'n/a' : `${f.unit === ' ms' || f.unit === ' µs' || f.unit === ' MB' ? fmt(f.value) : f.value.toFixed(f.value < 0.1 ? 3 : 2)}${f.unit}`);
const met = (f) => (Number.isNaN(f.value) ? 'not measured' : (f.atLeast ? f.value >= f.target : f.value <= f.target) ? 'met' : 'not met');

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).stdout.trim() !== '';
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
const cores = cpus().length;

const row = `| ${date} | ${commit}${dirty ? '+' : ''} | ${cores} | ${figures.map(shown).join(' | ')} |`;
const historyHeader = `| Date (UTC) | Commit | Cores | ${figures.map((f) => f.name.replace(/\|/g, '/')).join(' | ')} |\n|${' --- |'.repeat(figures.length + 3)}`;

const details = `## Latest run: ${date} UTC, commit ${commit}${dirty ? ' (with uncommitted changes)' : ''}

Node ${process.version}, ${cores} × ${cpus()[0]?.model ?? 'unknown CPU'}. Each ratio compares two commands run alternately in this run, ${RUNS} rounds after a warm-up round; medians. Wall times, except the start-up figure (CPU of batches of 20 starts). The CLI's code cache (\`src/cli/load-commands.ts\`) lives in a folder of this run, written by the warm-up round. Every command runs without \`NODE_EXTRA_CA_CERTS\`${extraCaCerts ? ' (this machine sets it; earlier rows kept it, and their lint ratios read about 20–30% lower than the same build measured without it)' : ''}.

| Figure | Value | Target | |
|---|---|---|---|
${figures.map((f) => `| ${f.name} | ${shown(f)} | ${f.atLeast ? '≥' : '≤'} ${f.target}${f.unit} | ${met(f)} |`).join('\n')}

| Measurement | Median | Runs |
|---|---|---|
| read + decode 10,000 files (\`bench/read-decode-baseline.ts\`) | ${fmt(median(floor10k.ms))} ms | ${floor10k.ms.map(fmt).join(', ')} |
| \`rdp-doctor lint\` 10,000 files, JSON | ${fmt(median(lint10k.ms))} ms | ${lint10k.ms.map(fmt).join(', ')} |
| … its max RSS | ${lint10k.rssKb.length ? fmt(median(lint10k.rssKb) / 1024) + ' MB' : 'n/a (no /usr/bin/time)'} | ${lint10k.rssKb.map((k) => fmt(k / 1024)).join(', ')} |
| read + decode 1,000 files | ${fmt(median(floor1k.ms))} ms | ${floor1k.ms.map(fmt).join(', ')} |
| \`rdp-doctor lint\` 1,000 files, JSON | ${fmt(median(lint1k.ms))} ms | ${lint1k.ms.map(fmt).join(', ')} |
| CPU of \`node -e 0\` (per start) | ${fmt(median(cpuNode))} ms | ${cpuNode.map(fmt).join(', ')} |
| CPU of \`rdp-doctor --version\` (per start) | ${fmt(median(cpuVersion))} ms | ${cpuVersion.map(fmt).join(', ')} |
| lint 400,000 lines, LF only | ${fmt(median(lintLf.ms))} ms | ${lintLf.ms.map(fmt).join(', ')} |
| lint 400,000 lines, CRLF | ${fmt(median(lintCrlf.ms))} ms | ${lintCrlf.ms.map(fmt).join(', ')} |
| lint a 50 MB one-line .reg (wall / max RSS) | ${fmt(median(reg.ms))} ms / ${reg.rssKb.length ? fmt(median(reg.rssKb) / 1024) + ' MB' : 'n/a'} | ${reg.ms.map(fmt).join(', ')} |
| lint a 20,000-key .rdpdoctor.yaml | ${fmt(median(config.ms))} ms | ${config.ms.map(fmt).join(', ')} |
| re-lint in-process (5,000 runs after warm-up) | median ${fmt(relint.medianMs * 1000)} µs, p95 ${fmt(relint.p95Ms * 1000)} µs | |
| name completion (\`bench/completion.ts\`, ${completion.items} items, 5,000 requests) | median ${completion.medianMs.toFixed(4)} ms, p95 ${completion.p95Ms.toFixed(4)} ms | |
| extension: CPU of \`require('dist/extension.js')\` / \`activate()\` (\`bench/activation.cjs\`, vscode stubbed) | ${fmt(median(activation.map((a) => a.requireMs)))} / ${activation[0].activateMs === null ? 'n/a' : fmt(median(activation.map((a) => a.activateMs ?? 0))) + ' ms'} | ${activationMs.map(fmt).join(', ')} |
| extension in the extension host (\`bench/activation-host.mjs\`): CPU load / activate(), wall load + activate() | ${activationHost ? `${fmt(activationHost.loadCpuMs)} / ${fmt(activationHost.activateCpuMs)} ms CPU (its thread alone: ${activationHost.threadCpuMs == null ? 'n/a' : fmt(activationHost.threadCpuMs) + ' ms'}), ${fmt(activationHost.wallMs)} ms wall; first activation, code cache ${activationHost.first.codeCache}: ${fmt(activationHost.first.cpuMs)} ms CPU` : 'n/a'} | ${activationHost ? activationHost.cpuRuns.map(fmt).join(', ') : ''} |

The stub line runs the bundle outside the editor with a stub \`vscode\` module, so \`activate()\` registers against no-ops. The extension-host figure opens a folder with one \`.rdp\` file in code-server ${activationHost?.vscode ?? ''}, a new window each run after a warm-up; the extension measures itself (process CPU and wall time from the first line of \`dist/extension.js\` to the end of \`activate()\`, \`src/extension/activation-cost.ts\`) and the extension-host suite's activation-cost test writes it out.

${gpo.markdown}
## \`dist/extension-code.js\` (loaded by \`dist/extension.js\` through a V8 code cache)

${(statSync('dist/extension-code.js').size / 1024).toFixed(1)} KiB minified; apart, loaded at first use: \`dist/forge.js\` (node-forge's ASN.1 reader, ${(statSync('dist/forge.js').size / 1024).toFixed(1)} KiB); both also load \`dist/yaml.js\` (yaml, ${(statSync('dist/yaml.js').size / 1024).toFixed(1)} KiB), \`dist/saxes.js\` and \`dist/tinyglobby.js\` at first use. The largest parts of the extension bundle:

| Part | KiB |
|---|---|
${bundleTop.map(([g, n]) => `| ${g} | ${(n / 1024).toFixed(1)} |`).join('\n')}

${checkSection}`;

const FILE = join('bench', 'RESULTS.md');
const HISTORY_END = '<!-- history: rows above, newest last -->';
const LATEST_START = '<!-- latest run: rewritten by each run -->';
const LATEST_END = '<!-- end of latest run -->';
let previous = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmark results\n';
if (!previous.includes(HISTORY_END)) {
  // First run with a history: the file's earlier content stays below, as it was.
  const earlier = previous.replace(/^# Benchmark results\s*/, '');
  previous = `# Benchmark results

Written by \`npm run bench\` (\`bench/run.mjs\`). Each run adds a row here; the details of the latest run follow.

## History

${historyHeader}
${HISTORY_END}

${LATEST_START}
${LATEST_END}
${earlier ? `\n## Earlier results (before the history table)\n\n${earlier.replace(/^## /gm, '### ')}` : ''}`;
}
// Figures added since the table began get their columns (appended, so earlier rows keep theirs and leave the new ones empty).
previous = previous.replace(/^\| Date \(UTC\) \|.*\n\|(?: --- \|)+$/m, () => historyHeader);
let next = previous.replace(HISTORY_END, `${row}\n${HISTORY_END}`);
const a = next.indexOf(LATEST_START);
const b = next.indexOf(LATEST_END);
next = `${next.slice(0, a + LATEST_START.length)}\n${details}\n${next.slice(b)}`;
writeFileSync(FILE, next);
console.log(details);
rmSync(cliCache, { recursive: true, force: true });
