// The extension's activation in a real extension host (issue 16): code-server with the built extension opens a
// folder holding one .rdp file, `runs` times after a warm-up, each time in a new window (so a new extension host, with
// the code cache the warm-up wrote: the figure is that of every activation but the first after an install or update);
// the extension-host suite's activation-cost test (test/vscode/suite/activation-cost.test.ts, run alone in a folder
// named workspace-activation) writes what the extension measured itself: CPU (process.cpuUsage) and wall time from
// the first line of dist/extension.js to the end of activate(). Prints the medians as JSON on its last line.
// `node bench/activation-host.mjs [runs]` (default 5); needs `npm run build` and the VS Code test setup
// (`node scripts/vscode-bootstrap.mjs`); builds the extension-host tests itself (test/vscode/build.mjs).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MOCHA_DIR, ROOT } from '../scripts/vscode-paths.mjs';
import { freePort, launchBrowser, startCodeServer, withDeadline, workbenchUrl } from '../scripts/vscode-server.mjs';
import { prepareVsCodeBench } from './vscode-bench-setup.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const RUN_MS = 60_000;

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const { suiteEntry: SUITE_ENTRY, sandbox, results } = prepareVsCodeBench();
// suite/index.ts runs only the activation-cost test in a folder of this name.
const folder = join(sandbox.dir, 'workspace-activation');
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'host.rdp'), 'full address:s:rdsh01.contoso.invalid\r\nauthentication level:i:2\r\n');

/** One window on the folder: its extension host runs the activation-cost test; resolves with what the test wrote. */
async function once(browser, server) {
  const page = await browser.newPage();
  let exit;
  const exited = new Promise((resolve) => (exit = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => exit(code));
  // The extension host's console (Mocha's reporter) arrives here: kept to say why a window's test failed.
  const printed = [];
  await page.exposeFunction('codeAutomationLog', (_type, message) => {
    printed.push(Array.isArray(message) ? message.join(' ') : String(message));
  });
  const file = join(results, 'activation.json');
  rmSync(file, { force: true });
  await page.goto(workbenchUrl(server, folder, { extensionDevelopmentPath: ROOT, extensionTestsPath: SUITE_ENTRY }));
  try {
    const code = await withDeadline(exited, RUN_MS, 'The activation-cost test did not finish');
    if (code !== 0) throw new Error(`The activation-cost test failed (exit code ${code}): ${printed.slice(-30).join(' | ')}`);
  } finally {
    await page.close().catch(() => {});
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

let server;
let browser;
try {
  server = await startCodeServer({ sandbox, port: await freePort(), env: { RDP_DOCTOR_MOCHA: MOCHA_DIR, RDP_DOCTOR_RESULTS: results } });
  browser = await launchBrowser(sandbox);
  // Warm-up: the first window fills the caches (files, code-server's own start, the extension's code cache); its
  // figures are those of a first activation after an install or update, reported apart.
  const first = await once(browser, server);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await once(browser, server));
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  const pick = (key) => runs.map((r) => r[key]);
  const summary = Object.fromEntries(['cpuMs', 'wallMs', 'loadCpuMs', 'loadWallMs', 'activateCpuMs', 'activateWallMs', 'threadCpuMs'].map((k) => [k, median(pick(k))]));
  process.stdout.write(JSON.stringify({ runs: RUNS, ...summary, cpuRuns: pick('cpuMs'), wallRuns: pick('wallMs'), codeCache: pick('codeCache'), first: { cpuMs: first.cpuMs, threadCpuMs: first.threadCpuMs, codeCache: first.codeCache }, vscode: runs[0]?.vscode }) + '\n');
} finally {
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
  sandbox.remove();
}
