// Installs what the VS Code tests and `npm start` need into the ignored `.vscode-test/`, once:
// code-server in `.vscode-test/cs` and the test tools (playwright-core, mocha) in `.vscode-test/tools`.
// `node scripts/vscode-bootstrap.mjs [--tools-only]`. Reuses an install whose version stamp matches.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CACHE_DIR,
  CHROMIUM,
  CODE_SERVER_BIN,
  CODE_SERVER_PREFIX,
  CODE_SERVER_VERSION,
  MOCHA_DIR,
  TOOLS,
  TOOLS_PREFIX,
} from './vscode-paths.mjs';

const STAMP = '.rdp-doctor-stamp.json';
const NODE_MAJOR = process.versions.node.split('.')[0];

// NOTE: the ripgrep release that @vscode/ripgrep 1.15.11 (in code-server 4.99.4) downloads from GitHub;
// its postinstall looks in this cache first (shared/reference/vscode-testing.md, workaround 3).
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_TARGETS = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };
const RIPGREP_ASSET = (target) => `ripgrep-v13.0.0-10-${target}.tar.gz`;

class BootstrapError extends Error {}

function readStamp(prefix) {
  try {
    return JSON.parse(readFileSync(join(prefix, STAMP), 'utf8'));
  } catch {
    return undefined;
  }
}

function sameStamp(prefix, wanted, mustExist) {
  const stamp = readStamp(prefix);
  return stamp !== undefined && JSON.stringify(stamp) === JSON.stringify(wanted) && existsSync(mustExist);
}

/** How often a long step says it is still working: npm prints nothing while code-server's postinstall builds. */
const HEARTBEAT_MS = 15_000;

/** Runs a command to completion; with `doing`, prints a line every HEARTBEAT_MS saying what it is still doing. */
function run(command, args, options = {}, doing) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    const heartbeat = doing && setInterval(() => console.log(`  … ${doing} (${Math.round((Date.now() - started) / 1000)} s so far)`), HEARTBEAT_MS);
    const settle = (error) => {
      clearInterval(heartbeat);
      if (error) reject(error);
      else resolve();
    };
    child.once('error', (error) => settle(new BootstrapError(`${command} could not start: ${error.message}`)));
    child.once('exit', (code, signal) => settle(code === 0 ? undefined : new BootstrapError(`${command} ${args.join(' ')} failed with ${code !== null ? `exit code ${code}` : signal}.`)));
  });
}

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** A fresh npm prefix holding only what we install into it. */
function freshPrefix(prefix, name, allowScripts = {}) {
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  const manifest = { name, private: true, description: 'Installed by scripts/vscode-bootstrap.mjs', allowScripts };
  writeFileSync(join(prefix, 'package.json'), JSON.stringify(manifest, null, 2));
}

function npmInstall(prefix, specs, env = process.env, doing = undefined) {
  return run('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', ...specs], { env, cwd: prefix }, doing);
}

function checkCodeServerPrerequisites() {
  const missing = [];
  if (!commandExists('rg')) missing.push('ripgrep');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  for (const tool of ['g++', 'make', 'python3']) if (!commandExists(tool)) missing.push(tool === 'g++' || tool === 'make' ? 'build-essential' : tool);
  if (missing.length > 0) {
    throw new BootstrapError(`code-server needs these Debian packages to install: ${[...new Set(missing)].join(' ')}.\n  Run: apt-get install -y ${[...new Set(missing)].join(' ')}`);
  }
}

async function ensureCodeServer() {
  const wanted = { codeServer: CODE_SERVER_VERSION, node: NODE_MAJOR };
  if (sameStamp(CODE_SERVER_PREFIX, wanted, CODE_SERVER_BIN)) return false;
  checkCodeServerPrerequisites();
  const target = RIPGREP_TARGETS[process.arch];
  if (!target) throw new BootstrapError(`No ripgrep workaround for ${process.arch}; code-server's install would try to download from GitHub.`);
  console.log(`Installing code-server ${CODE_SERVER_VERSION} (VS Code for the Web) into ${CODE_SERVER_PREFIX}: about 2 minutes, once.`);
  console.log('  npm downloads code-server (about 300 MB), then its postinstall builds the native modules (node-pty, kerberos, argon2)');
  console.log("  and installs VS Code's server modules; npm prints little until it is done.");
  // code-server's postinstall installs and builds VS Code's server modules; argon2 builds from source.
  freshPrefix(CODE_SERVER_PREFIX, 'rdp-doctor-code-server', { 'code-server': true, argon2: true });
  const tmp = join(CACHE_DIR, 'tmp');
  mkdirSync(join(tmp, RIPGREP_CACHE), { recursive: true });
  console.log("  Using Debian's ripgrep instead of the copy code-server would download from GitHub.");
  await run('tar', ['czf', join(tmp, RIPGREP_CACHE, RIPGREP_ASSET(target)), '-C', '/usr/bin', 'rg']);
  await npmInstall(CODE_SERVER_PREFIX, [`code-server@${CODE_SERVER_VERSION}`], {
    ...process.env,
    npm_config_unsafe_perm: 'true', // as root, the postinstall refuses to run otherwise
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
    npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr', // node-gyp uses the local headers instead of downloading them
    TMPDIR: tmp, // where @vscode/ripgrep looks for its cached download
  }, 'installing code-server: downloading, then building native modules');
  rmSync(tmp, { recursive: true, force: true });
  if (!existsSync(CODE_SERVER_BIN)) throw new BootstrapError(`code-server installed but ${CODE_SERVER_BIN} is missing.`);
  writeFileSync(join(CODE_SERVER_PREFIX, STAMP), JSON.stringify(wanted));
  return true;
}

async function ensureTools() {
  const wanted = { tools: TOOLS, node: NODE_MAJOR };
  if (sameStamp(TOOLS_PREFIX, wanted, MOCHA_DIR)) return false;
  console.log(`Installing ${Object.entries(TOOLS).map(([n, v]) => `${n}@${v}`).join(', ')} into ${TOOLS_PREFIX}…`);
  freshPrefix(TOOLS_PREFIX, 'rdp-doctor-test-tools');
  // playwright-core never downloads a browser: the tests drive Debian's chromium.
  await npmInstall(TOOLS_PREFIX, Object.entries(TOOLS).map(([name, version]) => `${name}@${version}`), process.env, 'installing the test tools');
  writeFileSync(join(TOOLS_PREFIX, STAMP), JSON.stringify(wanted));
  return true;
}

/** Makes sure the tools (and, unless `toolsOnly`, code-server and chromium) are in place. */
export async function bootstrap({ toolsOnly = false } = {}) {
  const started = Date.now();
  if (!toolsOnly && !existsSync(CHROMIUM)) {
    throw new BootstrapError(`${CHROMIUM} is missing: the VS Code tests drive Debian's chromium.\n  Run: apt-get install -y chromium   (or set CHROMIUM_PATH)`);
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const installed = [await ensureTools(), !toolsOnly && (await ensureCodeServer())].some(Boolean);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(installed ? `VS Code test setup ready in ${seconds} s.` : `VS Code test setup already in place (${CACHE_DIR}).`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await bootstrap({ toolsOnly: process.argv.includes('--tools-only') });
  } catch (error) {
    if (!(error instanceof BootstrapError)) throw error;
    console.error(`vscode-bootstrap: ${error.message}`);
    process.exit(1);
  }
}
