// Writes the policy exports of examples/policy/ from test/support/demo-examples.ts (one per format RDP Doctor
// reads, with the bytes Windows writes). `node scripts/make-examples.mjs`; test/unit/examples checks they match.
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './vscode-paths.mjs';

const bundle = join(tmpdir(), `rdp-doctor-make-examples-${process.pid}.cjs`);
await esbuild.build({ entryPoints: [join(ROOT, 'test/support/demo-examples.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
try {
  const { demoExports } = createRequire(import.meta.url)(bundle);
  rmSync(join(ROOT, 'examples', 'policy'), { recursive: true, force: true });
  for (const [path, bytes] of Object.entries(demoExports())) {
    const target = join(ROOT, 'examples', path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    console.log(`examples/${path} (${bytes.length} bytes)`);
  }
} finally {
  rmSync(bundle, { force: true });
}
