// `node bench/check-bench.mjs`: the figures of issue 4, printed as a Markdown section on stdout (progress on stderr).
// 1. One full `rdp-doctor check` of an xrdp TLS host against `sslscan --rdp` and `nmap rdp-enum-encryption`
//    on the same host, alternating, medians. 2. 200 targets on our own fast test server, concurrency 32.
// Needs `npm run build` first (dist/cli.js); builds the lab helpers itself. Every server binds 127.0.0.1 only.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CLI = join(root, 'dist', 'cli.js');
const TARGETS = 200;
const CONCURRENCY = 32;

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const log = (text) => process.stderr.write(text);

function timeSync(command, args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
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
const out = [];
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
      for (const [command, args] of Object.values(commands)) timeSync(command, args); // warm the page cache
      const times = { check: [], sslscan: [], nmap: [] };
      const inProcess = [];
      const nodeStart = [];
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
        log('.');
      }
      log('\n');
      const ratio = median(times.check) / median(times.sslscan);
      out.push(
        `xrdp 127.0.0.1 \`security_layer=tls\`; medians of ${RUNS} alternating runs, wall time of each process.`,
        '',
        '| What | Median | Runs (ms) |',
        '|---|---|---|',
        `| \`rdp-doctor check\` (DNS, TCP, negotiation with its follow-up questions, TLS, certificate; JSON) | ${fmt(median(times.check))} ms | ${times.check.map(fmt).join(', ')} |`,
        `| … of which the check itself (\`timings.totalMs\`, without Node's start) | ${fmt(median(inProcess))} ms | ${inProcess.map(fmt).join(', ')} |`,
        `| \`sslscan --rdp --show-certificate\` | ${fmt(median(times.sslscan))} ms | ${times.sslscan.map(fmt).join(', ')} |`,
        `| \`nmap -Pn -n --script +rdp-enum-encryption\` | ${fmt(median(times.nmap))} ms | ${times.nmap.map(fmt).join(', ')} |`,
        `| **Ratio check / sslscan**, whole processes (target ≤ 0.1×) | **${ratio.toFixed(3)}×** | ${ratio <= 0.1 ? 'met' : 'not met'} |`,
        `| Ratio of the check itself / sslscan (what the extension pays: no process start) | ${(median(inProcess) / median(times.sslscan)).toFixed(3)}× | ${median(inProcess) / median(times.sslscan) <= 0.1 ? 'met' : 'not met'} |`,
        `| For scale: \`node -e 0\` on this machine | ${fmt(median(nodeStart))} ms | ${nodeStart.map(fmt).join(', ')} |`,
        '',
      );
    } finally {
      await xrdp.stop();
    }
  }

  // 2. Many targets on our own fast server.
  // An ECDSA certificate keeps the server's own signing cost (one process, one thread) out of the figure.
  const server = await startFakeRdpServer({ mode: 'tls', cert: readFileSync(cases.ec.cert), key: readFileSync(cases.ec.key) });
  try {
    const targets = Array.from({ length: TARGETS }, () => `127.0.0.1:${server.port}`);
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
    out.push(
      `## ${TARGETS} targets, concurrency ${CONCURRENCY}, on the project's own test server`,
      '',
      `\`rdp-doctor check\` with ${TARGETS} targets on one local test server (\`test/integration/lab/fake-rdp-server.ts\`, TLS required, ECDSA P-256 certificate), ` +
        `every check complete (negotiation, TLS, certificate); ${runs[0].connections} TCP connections per run. Wall time of the process, median of ${runs.length} runs.`,
      '',
      '| What | Median | Runs (ms) |',
      '|---|---|---|',
      `| ${TARGETS} full checks | ${fmt(total)} ms | ${runs.map((r) => fmt(r.ms)).join(', ')} |`,
      `| **Target** ≤ 2000 ms | **${fmt(total)} ms** | ${total <= 2000 ? 'met' : 'not met'} |`,
      '',
    );
  } finally {
    await server.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(out.join('\n'));
