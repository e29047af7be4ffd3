// Bundles the real-server tests (test/integration/**/*.test.ts) and the lab helpers the benchmark
// reuses (lab/*.ts) into out/test/integration/, for `node --test out/test/integration/`.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

function entries(dir, keep) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? entries(full, keep) : keep(full) ? [full] : [];
  });
}

const outdir = join(root, 'out', 'test', 'integration');
rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: [...entries(here, (f) => f.endsWith('.test.ts')), ...entries(join(here, 'lab'), (f) => f.endsWith('.ts'))],
  outdir,
  outbase: here,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
});
