// `npm start`: builds and packages the extension, installs the .vsix into a local code-server (VS Code in the browser)
// and opens examples/ in it. Prints the URL and runs until Ctrl+C. PORT picks the port (default: a free one).
// `npm start -- --check`: the same in a throwaway sandbox, then checks in headless chromium that the workbench loads and
// the installed extension reports findings in Problems; prints OK and exits (for CI).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootstrap } from './vscode-bootstrap.mjs';
import { CACHE_DIR, ROOT } from './vscode-paths.mjs';
import { codeServerCli, freePort, launchBrowser, makeSandbox, startCodeServer, withDeadline } from './vscode-server.mjs';
import { openFromExplorer, openWorkbench } from './vscode-workbench.mjs';

const check = process.argv.includes('--check');
const EXAMPLES = join(ROOT, 'examples');
const CHECK_FILE = 'legacy-by-ip.rdp';
const CHECK_MS = 90_000;

function step(what, command, args) {
  console.log(`\n> ${what}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${what} failed (${command} ${args.join(' ')} exited with ${result.status ?? result.signal}).`);
}

/** Headless chromium opens the workbench, a file from examples/, and Problems; the extension's findings must show. */
async function verify(server, sandbox) {
  const context = await launchBrowser(sandbox);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await openWorkbench(page, `${server.url}/?folder=${encodeURIComponent(EXAMPLES)}`);
    await openFromExplorer(page, CHECK_FILE);
    await page.keyboard.press('Control+Shift+M');
    // The code column shows the rule ID: RDP012 is the IP-address target in this file.
    await page.locator('.markers-panel').getByText('RDP012').first().waitFor();
  } finally {
    await context.close();
  }
}

async function main() {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const vsix = join(ROOT, `rdp-doctor-${version}.vsix`);
  // --check leaves nothing behind; an interactive session keeps its settings and state in .vscode-test/start.
  const sandbox = makeSandbox(check ? undefined : join(CACHE_DIR, 'start'));
  let server;
  const stop = async () => {
    await server?.stop();
    if (check) sandbox.remove();
  };
  try {
    step('Building and packaging the extension', 'npm', ['run', 'package']);
    bootstrap();
    console.log(`\n> Installing ${vsix} into code-server`);
    await codeServerCli(sandbox, ['--install-extension', vsix, '--force']);
    const port = process.env.PORT ? Number(process.env.PORT) : await freePort();
    server = await startCodeServer({ sandbox, port, folder: EXAMPLES });
    const url = `${server.url}/?folder=${encodeURI(EXAMPLES)}`;
    if (check) {
      await withDeadline(verify(server, sandbox), CHECK_MS, `The workbench at ${url} did not show RDP Doctor's findings`);
      console.log(`\nOK: code-server loaded the workbench and RDP Doctor ${version} reported findings for examples/${CHECK_FILE}.`);
      await stop();
      return 0;
    }
    console.log(`\nRDP Doctor ${version} is running in VS Code for the Web:\n\n  ${url}\n\nPress Ctrl+C to stop.`);
    const interrupted = new Promise((resolve) => {
      process.once('SIGINT', () => resolve('interrupted'));
      process.once('SIGTERM', () => resolve('interrupted'));
    });
    const outcome = await Promise.race([interrupted, server.exited]);
    if (outcome !== 'interrupted') {
      console.error(`code-server stopped by itself (${outcome.code ?? outcome.signal}):\n${server.log()}`);
      return 1;
    }
    console.log('\nStopping code-server…');
    await stop();
    return 0;
  } catch (error) {
    console.error(`\n${error?.message ?? error}`);
    if (server) console.error(`code-server output:\n${server.log()}`);
    await stop().catch(() => {});
    return 1;
  }
}

process.exit(await main());
