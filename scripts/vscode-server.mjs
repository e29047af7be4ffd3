// Runs code-server and Debian's chromium in a throwaway sandbox: the pieces the VS Code tests and `npm start` share.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CODE_SERVER_BIN, requireTool } from './vscode-paths.mjs';

/** Rejects with `message` if `promise` has not settled within `ms`. */
export function withDeadline(promise, ms, message) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} (deadline ${Math.round(ms / 1000)} s)`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A folder holding everything a run writes: HOME and XDG dirs (so nothing lands in the real home),
 * code-server's user-data and extensions, and the browser profile. `base` keeps it across runs; otherwise it is a fresh temp dir.
 */
export function makeSandbox(base, { settings } = {}) {
  const dir = base ?? mkdtempSync(join(tmpdir(), 'rdp-doctor-vscode-'));
  const at = (name) => {
    const path = join(dir, name);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const env = {
    ...process.env,
    HOME: at('home'),
    XDG_CONFIG_HOME: at('xdg/config'),
    XDG_DATA_HOME: at('xdg/data'),
    XDG_CACHE_HOME: at('xdg/cache'),
    XDG_RUNTIME_DIR: at('xdg/runtime'),
  };
  const config = join(dir, 'code-server.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const userData = at('user-data');
  if (settings) writeFileSync(join(at('user-data/User'), 'settings.json'), JSON.stringify(settings, null, 2));
  return {
    dir,
    env,
    config,
    userData,
    extensions: at('extensions'),
    profile: at('browser-profile'),
    remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }),
  };
}

function codeServerArgs(sandbox) {
  return ['--config', sandbox.config, '--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions];
}

/** Runs code-server's CLI to completion (e.g. `--install-extension`), inside the sandbox. */
export function codeServerCli(sandbox, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(CODE_SERVER_BIN, [...codeServerArgs(sandbox), ...args], { env: sandbox.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b) => (output += b));
    child.stderr.on('data', (b) => (output += b));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`code-server ${args.join(' ')} failed (${code}):\n${output}`))));
  });
}

/**
 * Starts code-server on 127.0.0.1:`port` in its own process group and resolves once /healthz answers.
 * `stop()` ends that group (the server and its extension hosts) and nothing else.
 */
export async function startCodeServer({ sandbox, port, folder, env = {}, echo = false, deadlineMs = 30_000, workspaceTrust = false }) {
  if (!existsSync(CODE_SERVER_BIN)) throw new Error(`${CODE_SERVER_BIN} is missing: run node scripts/vscode-bootstrap.mjs`);
  const args = [
    ...codeServerArgs(sandbox),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    // Workspace trust stays off except in the run that checks Restricted Mode.
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(folder ? [folder] : []),
  ];
  const child = spawn(CODE_SERVER_BIN, args, { env: { ...sandbox.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  const keep = (chunk) => {
    const text = chunk.toString();
    log.push(text);
    if (log.length > 400) log.shift();
    if (echo) process.stderr.write(text);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const url = `http://127.0.0.1:${port}`;
  const server = {
    url,
    port,
    pid: child.pid,
    log: () => log.join(''),
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const kill = (signal) => {
        try {
          process.kill(-child.pid, signal);
        } catch (error) {
          if (error.code !== 'ESRCH') throw error;
        }
      };
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      kill('SIGKILL'); // extension hosts left in the group after the server itself exited
    },
  };
  try {
    await waitForHealth(url, exited, deadlineMs);
  } catch (error) {
    await server.stop();
    throw new Error(`${error.message}\ncode-server output:\n${server.log()}`);
  }
  return server;
}

async function waitForHealth(url, exited, deadlineMs) {
  const until = Date.now() + deadlineMs;
  let stopped;
  void exited.then((how) => (stopped = how));
  while (Date.now() < until) {
    if (stopped) throw new Error(`code-server exited (${stopped.code ?? stopped.signal}) before it was ready.`);
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${deadlineMs / 1000} s.`);
}

/** Chromium flags for a headless run in a container (shared/reference/vscode-testing.md). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Debian's chromium through playwright-core (which never downloads a browser), with a fresh profile in the sandbox. */
export async function launchBrowser(sandbox, { headless = true, profile = sandbox.profile } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  const { chromium } = requireTool('playwright-core');
  mkdirSync(profile, { recursive: true });
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    args: CHROMIUM_ARGS,
    env: sandbox.env,
    viewport: { width: 1400, height: 900 },
  });
}

/** The workbench URL for a folder, optionally with the `payload` that loads an extension under development and its tests. */
export function workbenchUrl(server, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = new URLSearchParams({ folder });
  if (payload.length > 0) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query}`;
}
