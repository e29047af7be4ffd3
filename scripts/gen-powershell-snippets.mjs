// Writes snippets/powershell.json and docs/powershell-fixes.md from the fix catalogue in src/core/fixes.
// `node scripts/gen-powershell-snippets.mjs` (no npm, no prior build: esbuild bundles the catalogue in memory).
// test/unit/fixes/snippets-file.test.ts fails when either file is out of date.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { outputFiles } = await esbuild.build({
  entryPoints: [join(root, 'src/core/fixes/index.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
});
const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-fixes-'));
try {
  const file = join(dir, 'fixes.cjs');
  writeFileSync(file, outputFiles[0].text);
  const { snippetsJson, fixesMarkdown } = createRequire(import.meta.url)(file);
  writeFileSync(join(root, 'snippets/powershell.json'), JSON.stringify(snippetsJson(), null, 2) + '\n');
  writeFileSync(join(root, 'docs/powershell-fixes.md'), fixesMarkdown());
  console.log('Wrote snippets/powershell.json and docs/powershell-fixes.md.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
