// `node bench/check-bench.mjs [--json]`: the figures of issue 11, printed as a Markdown section on stdout (progress on
// stderr); with --json, one JSON object { markdown, figures } instead, for bench/run.mjs's history table.
// 1. One full `rdp-doctor check` of an xrdp TLS host against `sslscan --rdp` and `nmap rdp-enum-encryption`
//    on the same host, alternating, medians. 2. 200 targets on our own fast test server, concurrency 32.
// 3. Client CPU per certificate analysis, today's code against the code from before issue 11 (built from git), alternating.
// Needs `npm run build` first (dist/cli.js); builds the lab helpers itself. Every server binds 127.0.0.1 only.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CLI = join(root, 'dist', 'cli.js');
const TARGETS = 200;
const CONCURRENCY = 32;
/** Issue 11's targets: the whole process and the check itself against sslscan, and the 200-target run. */
const TARGET = { whole: 0.15, itself: 0.05, manyMs: 2000, certificateTimesLower: 3 };
/** The commit before issue 11's certificate work (d93e53d): node-forge's certificate parser, the "before" of figure 3. */
const BEFORE_CERTIFICATE_WORK = 'afc8ac61cebc99847ac096d7fd14369d5e952e31';
const ANALYSES = 2000;
const JSON_OUTPUT = process.argv.includes('--json');

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const log = (text) => process.stderr.write(text);

function timeSync(command, args, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26, ...(env && { env: { ...process.env, ...env } }) });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  return { ms, stdout: r.stdout, status: r.status };
}

/** Asynchronous, so that servers in this process keep answering while the child runs. */
function timeAsync(command, args) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('error', reject);
    child.on('exit', (status) => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, stdout, status }));
  });
}

spawnSync(process.execPath, [join(root, 'test', 'integration', 'build.mjs')], { stdio: 'inherit' });
const lab = join(root, 'out', 'test', 'integration', 'lab');
const { missingBinaries } = require(join(lab, 'processes.js'));
const { generateCertificates } = require(join(lab, 'certs.js'));
const { XrdpServer } = require(join(lab, 'xrdp.js'));
const { startFakeRdpServer } = require(join(lab, 'fake-rdp-server.js'));

const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-bench-'));
// The CLI's code cache (src/cli/load-commands.ts) in this run's own folder: each run starts without one, and the
// warm-up writes it, as the first command after an install does.
process.env.RDP_DOCTOR_CACHE_DIR = join(dir, 'cli-cache');
const out = [];
const figures = { wholeRatio: NaN, itselfRatio: NaN, manyMs: NaN, certificateBeforeMicros: NaN, certificateAfterMicros: NaN };
const met = (value, target) => (Number.isNaN(value) ? 'not measured' : value <= target ? 'met' : 'not met');
try {
  const { cases } = generateCertificates(dir, ['valid', 'ec']);
  const valid = cases.valid;

  // 1. One full check of an xrdp TLS host, side by side with the peers.
  const missing = missingBinaries(['xrdp', 'sslscan', 'nmap']);
  out.push('## `rdp-doctor check` of one xrdp TLS host, beside sslscan and nmap', '');
  if (missing.length > 0) {
    out.push(`Not measured: ${missing.join(', ')} not installed.`, '');
  } else {
    const xrdp = await XrdpServer.start(dir, { securityLayer: 'tls', cert: valid.cert, key: valid.key });
    try {
      const target = `127.0.0.1:${xrdp.port}`;
      const commands = {
        check: [process.execPath, [CLI, 'check', target, '--format', 'json']],
        sslscan: ['sslscan', ['--rdp', '--show-certificate', target]],
        nmap: ['nmap', ['-Pn', '-n', '-p', String(xrdp.port), '--script', '+rdp-enum-encryption', '127.0.0.1']],
      };
      // Warms the page cache and writes the CLI's code cache (in this run's own folder, set below).
      for (const [command, args] of Object.values(commands)) timeSync(command, args);
      const times = { check: [], sslscan: [], nmap: [] };
      const inProcess = [];
      const nodeStart = [];
      const withoutCache = [];
      for (let i = 0; i < RUNS; i++) {
        for (const [name, [command, args]] of Object.entries(commands)) {
          const r = timeSync(command, args);
          times[name].push(r.ms);
          if (name === 'check') {
            const host = JSON.parse(r.stdout).hosts[0];
            if (!host.certificate || host.certificate.sha1 !== valid.sha1) throw new Error(`the check did not read the certificate: ${r.stdout}`);
            inProcess.push(host.timings.totalMs);
          }
        }
        nodeStart.push(timeSync(process.execPath, ['-e', '0']).ms);
        withoutCache.push(timeSync(...commands.check, { RDP_DOCTOR_CODE_CACHE: 'off' }).ms);
        log('.');
      }
      log('\n');
      const ratio = median(times.check) / median(times.sslscan);
      const itself = median(inProcess) / median(times.sslscan);
      figures.wholeRatio = ratio;
      figures.itselfRatio = itself;
      out.push(
        `xrdp 127.0.0.1 \`security_layer=tls\`; medians of ${RUNS} alternating runs, wall time of each process.`,
        '',
        '| What | Median | Runs (ms) |',
        '|---|---|---|',
        `| \`rdp-doctor check\` (DNS, TCP, negotiation with its follow-up questions, TLS, certificate; JSON) | ${fmt(median(times.check))} ms | ${times.check.map(fmt).join(', ')} |`,
        `| … of which the check itself (\`timings.totalMs\`, without Node's start) | ${fmt(median(inProcess))} ms | ${inProcess.map(fmt).join(', ')} |`,
        `| \`sslscan --rdp --show-certificate\` | ${fmt(median(times.sslscan))} ms | ${times.sslscan.map(fmt).join(', ')} |`,
        `| \`nmap -Pn -n --script +rdp-enum-encryption\` | ${fmt(median(times.nmap))} ms | ${times.nmap.map(fmt).join(', ')} |`,
        `| **Ratio check / sslscan**, whole processes (target ≤ ${TARGET.whole}×) | **${ratio.toFixed(3)}×** | ${met(ratio, TARGET.whole)} |`,
        `| **Ratio of the check itself / sslscan** (what the extension pays: no process start; target ≤ ${TARGET.itself}×) | **${itself.toFixed(3)}×** | ${met(itself, TARGET.itself)} |`,
        `| For scale: \`node -e 0\` on this machine | ${fmt(median(nodeStart))} ms | ${nodeStart.map(fmt).join(', ')} |`,
        `| For scale: \`rdp-doctor check\` without its code cache (\`RDP_DOCTOR_CODE_CACHE=off\`, as the first run after an install) | ${fmt(median(withoutCache))} ms | ${withoutCache.map(fmt).join(', ')} |`,
        '',
      );
    } finally {
      await xrdp.stop();
    }
  }

  // 2. Many targets on our own fast server.
  // An ECDSA certificate keeps the server's own signing cost (one process, one thread) out of the figure.
  // One server per target, each on a port of its own: a listener named twice is probed once (core/net/batch.ts
  // probeGroups), so 200 copies of one address measured a single check (4 connections a run).
  const cert = readFileSync(cases.ec.cert);
  const key = readFileSync(cases.ec.key);
  const servers = [];
  for (let i = 0; i < TARGETS; i++) servers.push(await startFakeRdpServer({ mode: 'tls', cert, key }));
  const server = { get connections() { return servers.reduce((n, s) => n + s.connections, 0); }, close: () => Promise.all(servers.map((s) => s.close())) };
  try {
    const targets = servers.map((s) => `127.0.0.1:${s.port}`);
    const args = [CLI, 'check', ...targets, '--concurrency', String(CONCURRENCY), '--format', 'json'];
    await timeAsync(process.execPath, args);
    const runs = [];
    for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
      const before = server.connections;
      const r = await timeAsync(process.execPath, args);
      const hosts = JSON.parse(r.stdout).hosts;
      const complete = hosts.filter((h) => h.certificate && !h.findings.some((f) => f.severity === 'error')).length;
      if (complete !== TARGETS) throw new Error(`${TARGETS - complete} of ${TARGETS} checks did not complete`);
      runs.push({ ms: r.ms, connections: server.connections - before });
      log('.');
    }
    log('\n');
    const total = median(runs.map((r) => r.ms));
    figures.manyMs = total;
    out.push(
      `## ${TARGETS} targets, concurrency ${CONCURRENCY}, on the project's own test server`,
      '',
      `\`rdp-doctor check\` with ${TARGETS} targets, each a local test server on a port of its own (\`test/integration/lab/fake-rdp-server.ts\`, TLS required, ECDSA P-256 certificate), ` +
        `every check complete (negotiation, TLS, certificate); ${runs[0].connections} TCP connections per run. Wall time of the process, median of ${runs.length} runs.`,
      '',
      '| What | Median | Runs (ms) |',
      '|---|---|---|',
      `| ${TARGETS} full checks | ${fmt(total)} ms | ${runs.map((r) => fmt(r.ms)).join(', ')} |`,
      `| **Target** ≤ ${TARGET.manyMs} ms | **${fmt(total)} ms** | ${met(total, TARGET.manyMs)} |`,
      '',
    );
  } finally {
    await server.close();
  }

  // 3. Client CPU per certificate analysis: bench/certificate-analysis.ts built against today's code and against the code from before issue 11.
  out.push('## Client CPU per certificate analysis, before issue 11 and now', '');
  const before = buildBeforeCertificateBench(dir);
  if (typeof before !== 'string') {
    out.push(`Not measured: ${before.problem}.`, '');
  } else {
    const benches = { before, after: join(root, 'out', 'bench', 'certificate-analysis.js') };
    const micros = { before: [], after: [] };
    const firstMs = { before: [], after: [] };
    for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
      for (const [name, script] of Object.entries(benches)) {
        const r = spawnSync(process.execPath, [script, valid.cert, String(ANALYSES)], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`${script}: ${r.stderr}`);
        const measured = JSON.parse(r.stdout.trim().split('\n').pop());
        micros[name].push(measured.microsEach);
        firstMs[name].push(measured.firstMs);
      }
      log('.');
    }
    log('\n');
    figures.certificateBeforeMicros = median(micros.before);
    figures.certificateAfterMicros = median(micros.after);
    const lower = figures.certificateBeforeMicros / figures.certificateAfterMicros;
    out.push(
      `\`bench/certificate-analysis.ts\` (${ANALYSES} analyses of the RSA 2048 listener certificate of part 1, process CPU time after a first analysis that loads node-forge), ` +
        `built once against today's \`src/core/net\` and once against commit ${BEFORE_CERTIFICATE_WORK.slice(0, 7)} (before issue 11's certificate work); alternating runs, medians. ` +
        'The check also remembers the analyses of certificates it has seen (a batch behind one certificate analyses it once); that memory is not used here.',
      '',
      '| What | Median | Runs (µs per analysis) |',
      '|---|---|---|',
      `| before issue 11 (${BEFORE_CERTIFICATE_WORK.slice(0, 7)}: node-forge's certificate parser) | ${median(micros.before).toFixed(0)} µs | ${micros.before.map((m) => m.toFixed(0)).join(', ')} |`,
      `| now (node-forge's ASN.1 reader, node:crypto for the signature) | ${median(micros.after).toFixed(0)} µs | ${micros.after.map((m) => m.toFixed(0)).join(', ')} |`,
      `| first analysis, with node-forge's load (before / now) | ${median(firstMs.before).toFixed(1)} / ${median(firstMs.after).toFixed(1)} ms | |`,
      `| **Times lower** (target ≥ ${TARGET.certificateTimesLower}×) | **${lower.toFixed(2)}×** | ${Number.isNaN(lower) ? 'not measured' : lower >= TARGET.certificateTimesLower ? 'met' : 'not met'} |`,
      '',
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(JSON_OUTPUT ? JSON.stringify({ markdown: out.join('\n'), figures }) : out.join('\n'));

/** bench/certificate-analysis.ts bundled against `src` as it was before issue 11 (read from git); a problem when git cannot give it. */
function buildBeforeCertificateBench(work) {
  const tree = join(work, 'before');
  mkdirSync(join(tree, 'bench'), { recursive: true });
  const archive = spawnSync('git', ['-C', root, 'archive', '--format=tar', BEFORE_CERTIFICATE_WORK, 'src'], { maxBuffer: 1 << 28 });
  if (archive.status !== 0) return { problem: `commit ${BEFORE_CERTIFICATE_WORK.slice(0, 7)} is not in this clone (${String(archive.stderr).trim()})` };
  const untar = spawnSync('tar', ['-x', '-C', tree], { input: archive.stdout });
  if (untar.status !== 0) return { problem: `its source could not be unpacked (${String(untar.stderr).trim()})` };
  writeFileSync(join(tree, 'bench', 'certificate-analysis.ts'), readFileSync(join(root, 'bench', 'certificate-analysis.ts')));
  const outfile = join(tree, 'certificate-analysis.js');
  esbuild.buildSync({
    entryPoints: [join(tree, 'bench', 'certificate-analysis.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    nodePaths: [join(root, 'node_modules')],
  });
  return outfile;
}
