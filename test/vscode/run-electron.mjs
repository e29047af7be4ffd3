// Runs the same extension-host suite in desktop VS Code through @vscode/test-electron, the ecosystem's usual runner.
// It downloads VS Code from Microsoft, so it needs internet access (CI here is offline: it uses test/vscode/run.mjs).
// `node test/vscode/run-electron.mjs [--version 1.99.3|stable]`; VSCODE_EXECUTABLE uses a VS Code you already have.
// On Linux without a display, run it under `xvfb-run -a`.
import { cpSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CACHE_DIR, MOCHA_DIR, ROOT } from '../../scripts/vscode-paths.mjs';
import { makeSandbox } from '../../scripts/vscode-server.mjs';
import { TEST_USER_SETTINGS } from './workbench-settings.mjs';

const argv = process.argv.slice(2);
// The engines.vscode floor by default (what code-server 4.99.4 runs too); `--version stable` tries the newest.
const version = argv.includes('--version') ? argv[argv.indexOf('--version') + 1] : '1.99.3';
const SUITE_ENTRY = join(ROOT, 'out/test/vscode/suite/index.js');

function fail(message) {
  console.error(`test:electron: ${message}`);
  process.exit(1);
}

if (!existsSync(join(ROOT, 'dist/extension.js'))) fail('dist/extension.js is missing: run npm run build');
if (!existsSync(SUITE_ENTRY)) fail(`${SUITE_ENTRY} is missing: run node test/vscode/build.mjs`);
if (!existsSync(MOCHA_DIR)) fail('mocha is missing: run node scripts/vscode-bootstrap.mjs --tools-only');
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.warn('test:electron: no DISPLAY; if VS Code fails to start, run this under xvfb-run -a.');
}

let runTests;
let download;
try {
  ({ runTests, download } = await import('@vscode/test-electron'));
} catch {
  fail('@vscode/test-electron is not installed: run npm ci');
}

const sandbox = makeSandbox(undefined, { settings: TEST_USER_SETTINGS });
const workspace = join(sandbox.dir, 'workspace');
cpSync(join(ROOT, 'test/vscode/fixtures/workspace'), workspace, { recursive: true });
// The same lab run.mjs starts: a real xrdp on 127.0.0.1 that the Hosts tests check.
const labModule = createRequire(import.meta.url)(join(ROOT, 'out/test/vscode/lab.js'));

let exitCode = 1;
let lab;
try {
  lab = await labModule.startLab(join(sandbox.dir, 'lab'));
  labModule.writeLabWorkspace(workspace, lab);
  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    try {
      vscodeExecutablePath = await download({ version, cachePath: join(CACHE_DIR, 'electron'), timeout: 20_000 });
    } catch (error) {
      throw new Error(
        `could not download VS Code ${version} from Microsoft's update server (${error?.message ?? error}).\n` +
          '  test:electron needs internet access. Offline, run npm run test:vscode (code-server), or set VSCODE_EXECUTABLE to a VS Code binary.',
      );
    }
  }
  // reuseMachineInstall stops test-electron adding its own profile dirs; ours are in the sandbox instead.
  exitCode = await runTests({
    vscodeExecutablePath,
    reuseMachineInstall: true,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: SUITE_ENTRY,
    extensionTestsEnv: { ...sandbox.env, RDP_DOCTOR_MOCHA: MOCHA_DIR, ...labModule.labEnv(lab) },
    launchArgs: [workspace, '--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-gpu'],
  });
} catch (error) {
  console.error(`test:electron: ${error?.message ?? error}`);
} finally {
  await lab?.stop().catch(() => {});
  sandbox.remove();
}
process.exit(exitCode === 0 ? 0 : 1);
