// Bundles the extension-host tests into out/test/vscode/suite (one file per entry; `vscode` is provided by the host).
// `node test/vscode/build.mjs`
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const suiteDir = join(root, 'test/vscode/suite');
const outDir = join(root, 'out/test/vscode/suite');
const entryPoints = readdirSync(suiteDir)
  .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
  .map((name) => join(suiteDir, name));

rmSync(outDir, { recursive: true, force: true }); // so a deleted test does not keep running from a stale bundle
await esbuild.build({
  entryPoints,
  outdir: outDir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
});
// The lab (real xrdp, counting listener) that run.mjs starts before code-server.
await esbuild.build({
  entryPoints: [join(root, 'test/vscode/lab.ts')],
  outfile: join(root, 'out/test/vscode/lab.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
});
