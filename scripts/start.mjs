// `npm start`: builds and packages the extension, installs the .vsix into a local code-server (VS Code in the browser),
// starts a demo RDP listener on 127.0.0.1 (xrdp when installed, else the project's own test server) and opens a scratch
// copy of examples/ whose inventory lists it as demo-listener.localhost, so quick fixes and autosave never touch the repo
// and "Check All Hosts" climbs a real ladder without a packet leaving the machine. Prints the URL and runs until Ctrl+C,
// which stops code-server and the listener and removes the copy. PORT picks code-server's port (default: a free one);
// RDP_DOCTOR_DEMO_SERVER=node picks the project's own listener over xrdp.
// `npm start -- --check`: the same in a throwaway sandbox, then checks in headless chromium that the workbench loads, the
// installed extension reports findings in Problems and lists the listener in Hosts, and that a check of the listener
// (only it) climbs the full ladder DNS → TCP → Negotiation → TLS → Certificate; prints OK and exits (for CI).
import * as esbuild from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { bootstrap } from './vscode-bootstrap.mjs';
import { CACHE_DIR, ROOT } from './vscode-paths.mjs';
import { codeServerCli, freePort, launchBrowser, makeSandbox, startCodeServer, withDeadline } from './vscode-server.mjs';
import { openFromExplorer, openWorkbench, until } from './vscode-workbench.mjs';

const check = process.argv.includes('--check');
const EXAMPLES = join(ROOT, 'examples');
const CHECK_FILE = 'legacy-by-ip.rdp';
const CHECK_MS = 90_000;
const STEP_ICONS = { ok: '✓', warning: '!', error: '✗', skipped: '-' };
const STEP_NAMES = { dns: 'DNS', tcp: 'TCP', negotiation: 'Negotiation', tls: 'TLS', certificate: 'Certificate' };

function step(what, command, args) {
  console.log(`\n> ${what}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${what} failed (${command} ${args.join(' ')} exited with ${result.status ?? result.signal}).`);
}

/** A copy of examples/ in a temp folder: the workspace the demo opens, so nothing it does changes the repo. */
function scratchCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-demo-'));
  const workspace = join(dir, 'examples');
  cpSync(EXAMPLES, workspace, { recursive: true });
  return { dir, workspace };
}

/** Every file under a folder with its size and modification time: to prove the demo left examples/ as it was. */
function snapshot(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = join(prefix, e.name);
    if (e.isDirectory()) return snapshot(dir, rel);
    const { size, mtimeMs } = statSync(join(dir, rel));
    return [`${rel} ${size} ${mtimeMs}`];
  });
}

/** Starts the demo listener (test/integration/lab/demo-listener.ts, bundled into the scratch folder) with its files there. */
async function startListener(scratchDir) {
  const bundle = join(scratchDir, 'demo-listener.cjs');
  await esbuild.build({ entryPoints: [join(ROOT, 'test/integration/lab/demo-listener.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  const { startDemoListener } = createRequire(import.meta.url)(bundle);
  const dir = join(scratchDir, 'listener');
  mkdirSync(dir);
  // RDP_DOCTOR_DEMO_SERVER=node runs the project's own server even where xrdp is installed.
  return startDemoListener(dir, { prefer: process.env.RDP_DOCTOR_DEMO_SERVER === 'node' ? 'node' : 'xrdp' });
}

/** Lists the listener in the scratch workspace's inventory, under its `.localhost` name (RFC 6761: loopback, no DNS query). */
function addToInventory(workspace, listener) {
  const path = join(workspace, '.rdpdoctor.yaml');
  const original = readFileSync(path, 'utf8');
  const what = listener.kind === 'xrdp' ? 'xrdp' : "RDP Doctor's test server";
  const entry = { host: listener.name, port: listener.port };
  // Appended as text, so the file keeps its layout and comments, when `hosts` is the file's last list (as in examples/).
  const appended = `${original.replace(/\n*$/, '\n')}  - group: Demo listener (this machine)\n    hosts:\n      - { host: ${entry.host}, port: ${entry.port} }   # ${what} on 127.0.0.1, started and stopped by npm start\n`;
  const listed = (text) => {
    const doc = parseDocument(text);
    return doc.errors.length === 0 && (doc.get('hosts')?.items ?? []).some((g) => (g.get?.('hosts')?.items ?? []).some((h) => h.get?.('host') === entry.host && h.get?.('port') === entry.port));
  };
  if (listed(appended)) return writeFileSync(path, appended);
  const doc = parseDocument(original);
  doc.addIn(['hosts'], doc.createNode({ group: 'Demo listener (this machine)', hosts: [entry] }));
  writeFileSync(path, doc.toString());
}

/** Runs a command asynchronously (the project's own listener answers from this process) and collects its output. */
function capture(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Checks the demo listener, and only it, with the packaged CLI: the ladder must be climbed to the end (every step ok
 * or a warning), from `.localhost` to loopback, up to the certificate the listener was given.
 */
async function verifyLadder(listener, workspace) {
  const target = `${listener.name}:${listener.port}`;
  const run = await capture(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', target, '--format', 'json', '--timeout', '5000'], { cwd: workspace });
  let host;
  try {
    host = JSON.parse(run.stdout).hosts[0];
  } catch {
    throw new Error(`rdp-doctor check ${target} printed no JSON (exit code ${run.code}):\n${run.stdout}${run.stderr}`);
  }
  const ladder = Object.entries(host.steps).map(([name, s]) => `  ${STEP_ICONS[s.status] ?? '?'} ${(STEP_NAMES[name] ?? name).padEnd(12)} ${s.detail}`);
  console.log(`\n> rdp-doctor check ${target}\n${ladder.join('\n')}`);
  for (const f of host.findings) console.log(`      ${f.severity.padEnd(8)}${f.message}  ${f.ruleId}`);
  const problems = [];
  for (const [name, s] of Object.entries(host.steps)) if (s.status !== 'ok' && s.status !== 'warning') problems.push(`the ${name} step is ${s.status}`);
  if (host.addresses[0] !== '127.0.0.1') problems.push(`${listener.name} resolved to ${host.addresses.join(', ')}, not loopback`);
  if (host.certificate?.sha1 !== listener.sha1) problems.push(`the certificate presented is ${host.certificate?.sha1 ?? 'missing'}, not the demo's ${listener.sha1}`);
  if (problems.length > 0) throw new Error(`The check of the demo listener did not climb the full ladder: ${problems.join('; ')}.`);
}

/** Headless chromium opens the workbench, a file of the scratch copy, Problems, and the Hosts view. */
async function verifyWorkbench(server, sandbox, workspace, listener) {
  const context = await launchBrowser(sandbox);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await openWorkbench(page, `${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await openFromExplorer(page, CHECK_FILE);
    await page.keyboard.press('Control+Shift+M');
    // The code column shows the rule ID: RDP012 is the IP-address target in this file, XRF002 its port against the listener export.
    await page.locator('.markers-panel').getByText('RDP012').first().waitFor();
    await page.locator('.markers-panel').getByText('XRF002').first().waitFor();
    await page.locator('.activitybar .action-label[aria-label^="RDP Doctor"]').click();
    const hosts = page.locator('.pane', { hasText: 'Hosts' });
    await until('the demo listener in the Hosts view', async () => hosts.getByRole('treeitem', { name: new RegExp(`^${listener.name.replace(/\./g, '\\.')}:${listener.port}\\b`) }).first().isVisible(), 30_000);
  } finally {
    await context.close();
  }
}

async function main() {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const vsix = join(ROOT, `rdp-doctor-${version}.vsix`);
  // --check leaves nothing behind; an interactive session keeps its settings and state in .vscode-test/start.
  const sandbox = makeSandbox(check ? undefined : join(CACHE_DIR, 'start'));
  // The workbench opens with examples/README.md, the tour of the demo, instead of VS Code's welcome page; a user's own
  // settings from an earlier session are kept.
  const userSettings = join(sandbox.userData, 'User', 'settings.json');
  if (!existsSync(userSettings)) {
    mkdirSync(dirname(userSettings), { recursive: true });
    writeFileSync(userSettings, `${JSON.stringify({ 'workbench.startupEditor': 'readme' }, null, 2)}\n`);
  }
  let server;
  let listener;
  let scratch;
  let waiting = false;
  let stopping;
  // Every exit path, Ctrl+C at any step included, stops what was started: code-server's process group, the listener
  // (xrdp runs in a process group of its own, which Ctrl+C in the terminal does not reach) and the scratch copy.
  const stop = () =>
    (stopping ??= (async () => {
      await server?.stop().catch((e) => console.error(`Stopping code-server failed: ${e.message}`));
      await listener?.stop().catch((e) => console.error(`Stopping the demo listener failed: ${e.message}`));
      if (scratch) rmSync(scratch.dir, { recursive: true, force: true, maxRetries: 3 });
      if (check) sandbox.remove();
    })());
  let interrupted;
  const interruption = new Promise((resolve) => (interrupted = resolve));
  // Ctrl+C during a step lets it finish (a half-started code-server or xrdp would be left running), then stops; a second
  // Ctrl+C stops at once. Closing the terminal (SIGHUP) counts as Ctrl+C.
  let cancelled;
  const cancelPoint = () => {
    if (cancelled) throw new Error(`${cancelled}: stopped.`);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (waiting) return interrupted(signal);
      if (cancelled) return void stop().finally(() => process.exit(130));
      cancelled = signal;
      console.log(`\n${signal}: stopping once this step ends (again to stop now)…`);
    });
  }
  try {
    step('Building and packaging the extension', 'npm', ['run', 'package']);
    cancelPoint();
    console.log('\n> Making sure code-server (VS Code for the Web) and the test tools are installed');
    await bootstrap();
    cancelPoint();
    console.log(`\n> Installing ${vsix} into code-server`);
    await codeServerCli(sandbox, ['--install-extension', vsix, '--force']);
    cancelPoint();
    console.log('\n> Copying examples/ to a scratch folder, so nothing the demo does changes the repo');
    scratch = scratchCopy();
    console.log(`  ${scratch.workspace}`);
    console.log('\n> Starting the demo RDP listener on 127.0.0.1');
    listener = await startListener(scratch.dir);
    cancelPoint();
    if (listener.fallback) console.log(`  ${listener.fallback}: RDP Doctor's own test server answers instead.`);
    console.log(`  ${listener.kind === 'xrdp' ? 'xrdp' : "RDP Doctor's test server"} on 127.0.0.1:${listener.port}, listed in the inventory as ${listener.name}:${listener.port}`);
    console.log(`  self-signed certificate for ${listener.name}, SHA-1 ${listener.sha1}`);
    addToInventory(scratch.workspace, listener);
    console.log('\n> Starting code-server');
    const port = process.env.PORT ? Number(process.env.PORT) : await freePort();
    server = await startCodeServer({ sandbox, port, folder: scratch.workspace });
    cancelPoint();
    const url = `${server.url}/?folder=${encodeURI(scratch.workspace)}`;
    if (check) {
      const before = snapshot(EXAMPLES).join('\n');
      await verifyLadder(listener, scratch.workspace);
      await withDeadline(verifyWorkbench(server, sandbox, scratch.workspace, listener), CHECK_MS, `The workbench at ${url} did not show RDP Doctor's findings and hosts`);
      if (snapshot(EXAMPLES).join('\n') !== before) throw new Error('examples/ changed while the demo ran: the demo must work on its scratch copy only.');
      console.log(`\nOK: code-server loaded the workbench on a scratch copy of examples/ (left unchanged), RDP Doctor ${version} reported findings for ${CHECK_FILE} and listed the demo listener, and its check climbed the full ladder.`);
      await stop();
      return 0;
    }
    console.log(`\nRDP Doctor ${version} is running in VS Code for the Web:\n\n  ${url}\n`);
    console.log('Try: open an .rdp file or an export under policy/, then RDP Doctor in the activity bar → Hosts → Check All Hosts.');
    console.log(`The .invalid hosts fail at once without a DNS query; ${listener.name} climbs the whole ladder.`);
    console.log('Edits and quick fixes change the scratch copy only; it is removed when you stop.\n\nPress Ctrl+C to stop.');
    waiting = true;
    if (cancelled) interrupted(cancelled);
    const outcome = await Promise.race([interruption, server.exited]);
    if (typeof outcome !== 'string') {
      console.error(`code-server stopped by itself (${outcome.code ?? outcome.signal}):\n${server.log()}`);
      await stop();
      return 1;
    }
    console.log('\nStopping code-server and the demo listener…');
    await stop();
    return 0;
  } catch (error) {
    console.error(`\n${error?.message ?? error}`);
    if (server && !cancelled) console.error(`code-server output:\n${server.log()}`);
    await stop();
    return cancelled ? 130 : 1;
  }
}

process.exit(await main());
