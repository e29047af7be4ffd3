// Runs the VS Code tests in a real VS Code (code-server + Debian chromium), offline:
// (a) the extension-host Mocha suite (out/test/vscode/suite), then (b) the UI tests (test/vscode/ui/*.test.mjs).
// (c) the Restricted Mode test in its own code-server with workspace trust on.
// `node test/vscode/run.mjs [--only host|lazy|nested|multi|ui|restricted] [--verbose]` (host runs the lazy-activation folder, the folder under a config and the multi-root workspace too); RDP_DOCTOR_GREP filters the extension-host tests.
// Needs `node scripts/vscode-bootstrap.mjs`, `npm run build` and `node test/vscode/build.mjs` first
// (`npm run test:vscode` does the bootstrap and the test build; `npm test` builds the extension before it).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_SERVER_BIN, MOCHA_DIR, ROOT } from '../../scripts/vscode-paths.mjs';
import { freePort, launchBrowser, makeSandbox, startCodeServer, withDeadline, workbenchUrl } from '../../scripts/vscode-server.mjs';
import { TEST_USER_SETTINGS } from './workbench-settings.mjs';

// The whole run, including start-up and clean-up: ~190–210 s on a quiet 2-core CI machine, ~270 s with other work on
// it (session 26), where 300 s left too little for one failed UI test's retries and the Restricted Mode run after it.
const OVERALL_MS = 600_000;
// The extension-host suite alone: ~60–80 s on a quiet machine; a loaded one (session 29: load average 13–23) passed 120 s
// with every test still passing, so the deadline catches a hang, not a slow machine.
const HOST_SUITE_MS = 240_000;
/** What the multi-root suite says when the workbench opened its workspace without the folders (suite/multi-root.test.ts). */
const NO_FOLDERS = 'The workbench opened the workspace without its folders';
const UI_TEST_MS = 30_000;
const FIXTURES = join(ROOT, 'test/vscode/fixtures/workspace');
const SUITE_ENTRY = join(ROOT, 'out/test/vscode/suite/index.js');
const UI_DIR = join(ROOT, 'test/vscode/ui');
/** The lab (test/vscode/lab.ts, bundled by build.mjs): a real xrdp and a counting listener on 127.0.0.1. */
const LAB = join(ROOT, 'out/test/vscode/lab.js');
let labModule;
const RESULTS = join(ROOT, 'test-results');

/** Workbench chatter forwarded with the extension host's console; shown only with --verbose. */
const NOISE = [
  /^(?:Resolving|Resolved) connection token/,
  /^Creating a socket/,
  /^ChatSessionStore:/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /ENOTFOUND open-vsx\.org/, // the extension gallery is unreachable offline, and not needed
  /^CodeExpectedError/, // a cancelled operation the workbench logs on purpose
];

const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose') || process.env.RDP_DOCTOR_VERBOSE === '1';
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;

/** The newest modification time of the files under `dir`. */
function newest(dir) {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

function checkPrerequisites() {
  const problems = [];
  if (!existsSync(CODE_SERVER_BIN) || !existsSync(MOCHA_DIR)) problems.push('The VS Code test setup is missing: run node scripts/vscode-bootstrap.mjs');
  const bundle = join(ROOT, 'dist/extension.js');
  if (!existsSync(bundle)) problems.push('dist/extension.js is missing: run npm run build');
  else if (statSync(bundle).mtimeMs < newest(join(ROOT, 'src'))) problems.push('dist/extension.js is older than src/: run npm run build');
  if (!existsSync(LAB)) problems.push(`${LAB} is missing: run node test/vscode/build.mjs`);
  if (!existsSync(SUITE_ENTRY)) problems.push(`${SUITE_ENTRY} is missing: run node test/vscode/build.mjs`);
  else if (statSync(SUITE_ENTRY).mtimeMs < newest(join(ROOT, 'test/vscode/suite'))) problems.push('The extension-host tests are older than their sources: run node test/vscode/build.mjs');
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

/** A fresh copy of the fixture workspace, so tests can change files, with a `.rdp` file and an inventory for the lab server. */
function copyWorkspace(sandbox, name, lab) {
  const target = join(sandbox.dir, name);
  cpSync(FIXTURES, target, { recursive: true });
  labModule.writeLabWorkspace(target, lab);
  return target;
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** A folder of Markdown notes only, for the lazy-activation test (suite/index.ts runs it alone in a folder of this name). */
function lazyWorkspace(sandbox) {
  const target = join(sandbox.dir, 'workspace-lazy');
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'notes.md'), '# Notes\n\nError code: 0x904, Extended error code: 0x7\n');
  writeFileSync(join(target, 'more.md'), '# More notes\n\nNothing about Remote Desktop here.\n');
  return target;
}

/**
 * A folder inside another that holds the `.rdpdoctor.yaml` (a repository opened at a subfolder), for the
 * outside-config test (suite/index.ts runs it alone in a folder of this name): the config turns RDP022 off and
 * NET002 (a refused connection) down to info, and the folder's one file sets `authentication level:i:0`, which RDP022 flags.
 */
function nestedWorkspace(sandbox) {
  const outside = join(sandbox.dir, 'outside-config');
  const target = join(outside, 'workspace-nested');
  mkdirSync(target, { recursive: true });
  writeFileSync(join(outside, '.rdpdoctor.yaml'), 'rules:\n  RDP022: off\n  NET002: info\n');
  writeFileSync(join(target, 'nested.rdp'), 'full address:s:nested.rdp-doctor.invalid\r\nauthentication level:i:0\r\n');
  return target;
}

/** Every file under `dir` named `name` (or whose name matches it). */
function findFiles(dir, name) {
  if (!existsSync(dir)) return [];
  const matches = (n) => (typeof name === 'string' ? n === name : name.test(n));
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? findFiles(join(dir, e.name), name) : matches(e.name) ? [join(dir, e.name)] : []));
}

/** The extension host's own log lines about RDP Doctor (its API misuse warnings: unscoped settings, selectors without scheme). */
function extensionHostWarnings(sandbox) {
  return findFiles(join(sandbox.userData, 'logs'), /exthost\.log$/)
    .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
    .filter((l) => /\[rdp-doctor\.rdp-doctor\]|Extension 'rdp-doctor\.rdp-doctor'/.test(l) && /Accessing a (?:resource|window) scoped configuration|uses a document selector without scheme/.test(l));
}

/** (a) Mocha inside the extension host, started by the workbench from the URL payload; the exit code comes from codeAutomationExit. */
async function runExtensionHostSuite(browser, server, sandbox, lab, phase = 'host', printed = []) {
  const folder =
    phase === 'lazy'
      ? lazyWorkspace(sandbox)
      : phase === 'nested'
        ? nestedWorkspace(sandbox)
        : phase === 'multi' || phase === 'multi-again'
        ? labModule.writeMultiRootWorkspace(join(sandbox.dir, `workspace-${phase}`), lab)
        : copyWorkspace(sandbox, 'workspace-host', lab);
  const context = await browser(phase);
  const page = await context.newPage();
  let exit;
  const exited = new Promise((resolve) => (exit = resolve));
  let logs = [];
  await page.exposeFunction('codeAutomationExit', (code, workbenchLogs) => {
    logs = workbenchLogs ?? [];
    exit(code);
  });
  await page.exposeFunction('codeAutomationLog', (type, message) => {
    // The extension host's console (Mocha's reporter) arrives here, with the workbench's own log.
    const text = Array.isArray(message) ? message.join(' ') : String(message);
    printed.push(text);
    if (verbose) process.stdout.write(`[${type}] ${text}\n`);
    else if (!NOISE.some((pattern) => pattern.test(text))) process.stdout.write(`${text}\n`);
  });
  if (verbose) page.on('console', (m) => process.stderr.write(`[browser ${m.type()}] ${m.text()}\n`));
  const url = new URL(workbenchUrl(server, folder, { extensionDevelopmentPath: ROOT, extensionTestsPath: SUITE_ENTRY }));
  // A `.code-workspace` file opens as a (multi-root) workspace, not as a folder.
  if (folder.endsWith('.code-workspace')) {
    url.searchParams.delete('folder');
    url.searchParams.set('workspace', folder);
  }
  await page.goto(url.href);
  let code;
  try {
    code = await withDeadline(exited, HOST_SUITE_MS, 'The extension-host tests did not finish');
  } catch (error) {
    await page.screenshot({ path: join(RESULTS, 'extension-host-timeout.png') }).catch(() => {});
    throw error;
  } finally {
    await context.close().catch(() => {});
  }
  if (code !== 0) {
    for (const log of logs) writeFileSync(join(RESULTS, `extension-host-${slug(log.relativePath)}.log`), log.contents);
    if (logs.length > 0) console.error(`Workbench logs written to ${RESULTS}.`);
  }
  return code;
}

/** (b) What a person sees: each UI test module exports `tests`, run in order against one workbench page. */
async function runUiTests(browser, server, sandbox, lab) {
  const folder = copyWorkspace(sandbox, 'workspace-ui', lab);
  const modules = readdirSync(UI_DIR).filter((n) => n.endsWith('.test.mjs')).sort();
  const context = await browser('ui');
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  if (verbose) page.on('console', (m) => process.stderr.write(`[browser ${m.type()}] ${m.text()}\n`));
  const url = workbenchUrl(server, folder, { extensionDevelopmentPath: ROOT });
  let failures = 0;
  let index = 0;
  console.log('\n  UI (workbench in chromium)');
  for (const file of modules) {
    const { tests } = await import(pathToFileURL(join(UI_DIR, file)).href);
    for (const { name, run, deadlineMs } of tests) {
      index += 1;
      const shot = join(RESULTS, `ui-${String(index).padStart(2, '0')}-${slug(name)}`);
      const started = Date.now();
      try {
        await withDeadline(run({ page, url, folder, lab }), deadlineMs ?? UI_TEST_MS, `"${name}" did not finish`);
        await page.screenshot({ path: `${shot}.png` });
        console.log(`    ✔ ${name} (${Date.now() - started} ms)`);
      } catch (error) {
        failures += 1;
        await page.screenshot({ path: `${shot}-failed.png` }).catch(() => {});
        console.log(`    ✘ ${name}\n      ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n      ')}\n      screenshot: ${shot}-failed.png`);
      }
    }
  }
  await context.close().catch(() => {});
  console.log(`  ${index - failures} passing, ${failures} failing\n`);
  return failures;
}

/** The one name the Restricted Mode workspace targets: only the dns-count.cjs hook answers it (127.0.0.1), and counts each lookup. */
const RESTRICTED_NAME = 'rdsh-restricted.rdp-doctor.test';

/**
 * (c) Restricted Mode: a second code-server with workspace trust on opens an untrusted folder whose `.rdp` files and
 * inventory name a host only a hook on Node's dns.lookup answers (test/vscode/dns-count.cjs, loaded into code-server's
 * processes with NODE_OPTIONS), on the port of a counting listener, with checks on open turned on everywhere. Linting
 * must work; no DNS lookup and no connection may happen, over the whole test, until "Check Workspace Hosts" is run by hand,
 * which must do both (so the counters count). The config also names a CA file outside the folder, which must be ignored,
 * and the workspace's settings and its config turn RDP022 off, and the settings linting, which must be ignored too (the
 * file's RDP022 warning shows, the Output channel and a language status item say why) until the folder is trusted.
 * The config also turns NET004 off (the listener closes every connection): the check's NET004 shows in Restricted Mode,
 * and goes once the folder is trusted, told again from the same result without connecting.
 */
async function runRestrictedTest() {
  const sandbox = makeSandbox(undefined, {
    settings: { ...TEST_USER_SETTINGS, 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'rdpDoctor.checks.onOpen': true },
  });
  // The listener closes each connection after 1 s: within the user's 5 s a step, not within the 100 ms the workspace sets.
  const listener = await labModule.startCountingListener(1000);
  const folder = join(sandbox.dir, 'workspace-restricted');
  const hook = join(ROOT, 'test/vscode/dns-count.cjs');
  const dnsLog = join(sandbox.dir, 'dns-lookups.log');
  // Not a CA certificate: reading it would log "… is not a CA certificate file", which the test checks is never said.
  const outsideCa = join(sandbox.dir, 'outside', 'outside-ca.pem');
  mkdirSync(join(sandbox.dir, 'outside'), { recursive: true });
  writeFileSync(outsideCa, 'not a certificate\n');
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  writeFileSync(join(folder, 'untrusted.rdp'), `full address:s:${RESTRICTED_NAME}:${listener.port}\r\nauthentication level:i:0\r\n`);
  writeFileSync(join(folder, 'second.rdp'), `full address:s:${RESTRICTED_NAME}:${listener.port}\r\nprompt for credentials:i:1\r\n`);
  writeFileSync(join(folder, 'inside-ca.pem'), 'not a certificate either\n');
  writeFileSync(
    join(folder, '.rdpdoctor.yaml'),
    `hosts:\n  - { host: ${RESTRICTED_NAME}, port: ${listener.port} }\ntrust:\n  ca: [inside-ca.pem, ${JSON.stringify(outsideCa)}]\nchecks:\n  timeoutMs: 100\n  concurrency: 256\nrules:\n  RDP022: off\n  NET004: off\n`,
  );
  // The workspace would also hide untrusted.rdp's RDP022 warning (its rule off, in the settings and in the config) and
  // every finding (linting off): in Restricted Mode only the user's values of those settings apply (package.json's
  // restrictedConfigurations), and the config's rules may raise a rule, not turn it off, until the folder is trusted.
  // Its settings and its config would also cut each step of a check to 100 ms, so the listener's answer after 1 s
  // would read as a timeout: in Restricted Mode the user's 5 s apply.
  writeFileSync(
    join(folder, '.vscode', 'settings.json'),
    JSON.stringify({ 'rdpDoctor.checks.onOpen': true, 'rdpDoctor.rules': { RDP022: 'off' }, 'rdpDoctor.lint.enable': false, 'rdpDoctor.checks.timeoutMs': 100, 'rdpDoctor.checks.concurrency': 256 }),
  );
  if (/\s/.test(hook)) throw new Error(`NODE_OPTIONS cannot --require a path with blanks: ${hook}`);
  const dnsLines = () => (existsSync(dnsLog) ? readFileSync(dnsLog, 'utf8').split('\n').filter(Boolean) : []);
  const dns = {
    name: RESTRICTED_NAME,
    count: () => dnsLines().filter((l) => / lookup /.test(l)).length,
    /** The roles of the processes that loaded the hook (the extension host must be one of them, or a zero count means nothing). */
    loadedIn: () => dnsLines().filter((l) => / loaded/.test(l)).map((l) => l.replace(/^\d+ loaded ?/, '')),
  };
  /** The extension's own log (its LogOutputChannel writes a file under the user-data logs). */
  const extensionLog = () => findFiles(join(sandbox.userData, 'logs'), 'RDP Doctor.log').map((f) => readFileSync(f, 'utf8')).join('\n');
  let server;
  let context;
  let page;
  console.log('\n  Restricted Mode (workspace trust on, untrusted folder)');
  const shot = join(RESULTS, 'ui-restricted-mode');
  try {
    server = await startCodeServer({
      sandbox,
      port: await freePort(),
      echo: verbose,
      workspaceTrust: true,
      env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${hook}`.trim(), RDP_DOCTOR_DNS_LOG: dnsLog, RDP_DOCTOR_DNS_NAME: RESTRICTED_NAME },
    });
    context = await launchBrowser(sandbox, { profile: join(sandbox.dir, 'browser-restricted') });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    if (verbose) page.on('console', (m) => process.stderr.write(`[browser ${m.type()}] ${m.text()}\n`));
    const { run } = await import(pathToFileURL(join(ROOT, 'test/vscode/restricted.mjs')).href);
    const started = Date.now();
    await withDeadline(run({ page, url: workbenchUrl(server, folder, { extensionDevelopmentPath: ROOT }), folder, listener, dns, extensionLog, outsideCa }), 90_000, 'The Restricted Mode test did not finish');
    await page.screenshot({ path: `${shot}.png` });
    console.log(`    ✔ no DNS lookup and no connection in Restricted Mode until a check command runs; the config's CA files (inside the folder and out), the workspace's rule, lint and check-timeout settings, its config's rules turned off and its 100 ms timeout are ignored, the config's rules apply once the folder is trusted, to the lint and to the check made before (no new connection) (${Date.now() - started} ms)\n`);
    return 0;
  } catch (error) {
    await page?.screenshot({ path: `${shot}-failed.png` }).catch(() => {});
    console.log(`    ✘ Restricted Mode\n      ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n      ')}\n      screenshot: ${shot}-failed.png\n`);
    return 1;
  } finally {
    await context?.close().catch(() => {});
    await server?.stop().catch(() => {});
    await listener.stop();
    sandbox.remove();
  }
}

async function main() {
  const started = Date.now();
  try {
    checkPrerequisites();
  } catch (error) {
    console.error(`test/vscode/run.mjs: ${error.message}`);
    process.exit(1);
  }
  labModule = createRequire(import.meta.url)(LAB);
  mkdirSync(RESULTS, { recursive: true });
  // Screenshots and logs of an earlier run would be mistaken for this one's.
  for (const name of readdirSync(RESULTS)) if (/^(?:ui-|extension-host-|activation\.json$)/.test(name)) rmSync(join(RESULTS, name), { force: true });
  const sandbox = makeSandbox(undefined, { settings: TEST_USER_SETTINGS });
  let server;
  let lab;
  const contexts = new Set();
  // A browser (and profile) per phase: a webview in the UI phase stayed blank after the extension-host
  // phase had opened Markdown previews in the same profile (3 runs in 4), and never with its own.
  const browser = async (phase) => {
    const context = await launchBrowser(sandbox, { profile: join(sandbox.dir, `browser-${phase}`) });
    contexts.add(context);
    context.once('close', () => contexts.delete(context));
    return context;
  };
  let cleaning;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await Promise.all([...contexts].map((c) => c.close().catch(() => {})));
      await server?.stop().catch((e) => console.error(`Stopping code-server failed: ${e.message}`));
      await lab?.stop().catch((e) => console.error(`Stopping the lab server failed: ${e.message}`));
      sandbox.remove();
    })());
  const abort = (why) => {
    console.error(`\n${why}: stopping.`);
    void cleanup().finally(() => process.exit(1));
  };
  const overall = setTimeout(() => abort(`The VS Code tests passed their overall deadline of ${OVERALL_MS / 1000} s`), OVERALL_MS);
  process.once('SIGINT', () => abort('Interrupted'));
  process.once('SIGTERM', () => abort('Terminated'));
  let failed = false;
  try {
    // The Restricted Mode run has its own code-server and listener: `--only restricted` starts neither the lab nor this server.
    if (only !== 'restricted') {
      lab = await labModule.startLab(join(sandbox.dir, 'lab'));
      server = await startCodeServer({
        sandbox,
        port: await freePort(),
        echo: verbose,
        env: { RDP_DOCTOR_MOCHA: MOCHA_DIR, ...labModule.labEnv(lab) },
      });
      console.log(`code-server ${server.url} ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    if (!only || only === 'host') {
      const code = await runExtensionHostSuite(browser, server, sandbox, lab);
      if (code !== 0) {
        failed = true;
        console.error(`Extension-host tests failed (exit code ${code}).`);
      }
    }
    if (!only || only === 'host' || only === 'lazy') {
      const code = await runExtensionHostSuite(browser, server, sandbox, lab, 'lazy');
      if (code !== 0) {
        failed = true;
        console.error(`The lazy-activation extension-host test failed (exit code ${code}).`);
      }
    }
    if (!only || only === 'host' || only === 'nested') {
      const code = await runExtensionHostSuite(browser, server, sandbox, lab, 'nested');
      if (code !== 0) {
        failed = true;
        console.error(`The outside-config extension-host test failed (exit code ${code}).`);
      }
      // The Output channel says which config above the folder applies, with its path as on disk, and that it was
      // passed over while every user could write to it (what the suite's tests make it read: not when a grep left them out).
      const config = join(sandbox.dir, 'outside-config', '.rdpdoctor.yaml');
      const log = () => findFiles(join(sandbox.userData, 'logs'), 'RDP Doctor.log').map((f) => readFileSync(f, 'utf8')).join('\n');
      if (!process.env.RDP_DOCTOR_GREP) for (const said of [`Using ${config}, above the workspace folder,`, `Not using ${config}, above the workspace folder: it is writable by every user (mode 0666).`]) {
        for (const until = Date.now() + 5_000; !log().includes(said) && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 200));
        if (!log().includes(said)) {
          failed = true;
          console.error(`The RDP Doctor log does not say "${said}".`);
        }
      }
    }
    if (!only || only === 'host' || only === 'multi') {
      const printed = [];
      let code = await runExtensionHostSuite(browser, server, sandbox, lab, 'multi', printed);
      // The workbench sometimes opens the .code-workspace without its folders (about one run in four here, never
      // with them arriving later; the product is not started with a workspace to test): that run is not the
      // product's verdict, so it is said and run again once in a new window. Any other failure stands.
      if (code !== 0 && printed.some((t) => t.includes(NO_FOLDERS))) {
        console.error('The workbench opened the multi-root workspace without its folders: running the multi-root tests again in a new window.');
        code = await runExtensionHostSuite(browser, server, sandbox, lab, 'multi-again');
      }
      if (code !== 0) {
        failed = true;
        console.error(`The multi-root extension-host test failed (exit code ${code}).`);
      }
    }
    if (!only || only === 'host' || only === 'lazy' || only === 'nested' || only === 'multi') {
      // Settings read without the resource they apply to ignore per-folder values: VS Code warns in its log.
      const warnings = extensionHostWarnings(sandbox);
      if (warnings.length > 0) {
        failed = true;
        console.error(`The extension host warned about RDP Doctor's configuration reads:\n  ${[...new Set(warnings.map((w) => w.replace(/^\S+ \S+ /, '')))].join('\n  ')}`);
      }
    }
    if (!only || only === 'ui') {
      if ((await runUiTests(browser, server, sandbox, lab)) > 0) failed = true;
    }
    if (!only || only === 'restricted') {
      if ((await runRestrictedTest()) > 0) failed = true;
    }
  } catch (error) {
    failed = true;
    console.error(error?.stack ?? String(error));
    if (server && verbose) console.error(server.log());
  } finally {
    clearTimeout(overall);
    await cleanup();
  }
  console.log(`VS Code tests ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  process.exit(failed ? 1 : 0);
}

await main();
