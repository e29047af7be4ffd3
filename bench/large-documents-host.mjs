// What large `.rdp` files cost the extension host (a review's figures: a 21,000-line file blocked it 1.2–1.7 s per
// keystroke, a 176,000-line one ~20 s, its outline request 53 s). code-server with the built extension opens a folder
// holding generated files of those sizes, and the same text as `.txt` (no RDP Doctor feature: the editor's own floor);
// the extension-host suite's large-documents-cost test (run alone in a folder named workspace-large) opens each, times
// the outline and CodeLens requests, and samples the event loop after each of a few keystrokes. Prints its JSON.
// `node bench/large-documents-host.mjs [lines…]` (default 21000 176000); needs `npm run build` and the VS Code test
// setup (`node scripts/vscode-bootstrap.mjs`); builds the extension-host tests itself (test/vscode/build.mjs).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../scripts/vscode-paths.mjs';
import { freePort, launchBrowser, startCodeServer, withDeadline, workbenchUrl } from '../scripts/vscode-server.mjs';
import { prepareVsCodeBench } from './vscode-bench-setup.mjs';

const SIZES = process.argv.slice(2).map(Number);
const RUN_MS = 30 * 60_000;

/** The review's file: a known redirection, a `full address` and an unknown property, over and over (CRLF). */
function largeRdp(lines) {
  const out = [];
  for (let i = 0; i < lines; i++) out.push(i % 3 === 0 ? 'redirectclipboard:i:1' : i % 3 === 1 ? `full address:s:h${i}.invalid` : `unknownprop${i}:s:x`);
  return out.join('\r\n') + '\r\n';
}

const { suiteEntry: SUITE_ENTRY, sandbox, results } = prepareVsCodeBench();
const folder = join(sandbox.dir, 'workspace-large');
mkdirSync(folder, { recursive: true });
for (const lines of SIZES.length > 0 ? SIZES : [21_000, 176_000]) {
  const text = largeRdp(lines);
  writeFileSync(join(folder, `l${lines}.rdp`), text);
  writeFileSync(join(folder, `l${lines}.txt`), text);
}

let server;
let browser;
try {
  server = await startCodeServer({ sandbox, port: await freePort(), env: { RDP_DOCTOR_RESULTS: results } });
  browser = await launchBrowser(sandbox);
  const page = await browser.newPage();
  let exit;
  const exited = new Promise((resolve) => (exit = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => exit(code));
  await page.exposeFunction('codeAutomationLog', (_type, message) => process.stderr.write(`${Array.isArray(message) ? message.join(' ') : message}\n`));
  await page.goto(workbenchUrl(server, folder, { extensionDevelopmentPath: ROOT, extensionTestsPath: SUITE_ENTRY }));
  const code = await withDeadline(exited, RUN_MS, 'The large-documents test did not finish');
  if (code !== 0) throw new Error(`The large-documents test failed (exit code ${code}).`);
  process.stdout.write(readFileSync(join(results, 'large-documents.json'), 'utf8'));
} finally {
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
  sandbox.remove();
}
