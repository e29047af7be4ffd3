// Builds the extension, the CLI and the tests. `node esbuild.mjs [--watch]`.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');

/** Every `*.test.ts` under a folder, recursively. */
function testEntries(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...testEntries(full));
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension/main.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    minify: !watch,
    metafile: true,
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    minify: !watch,
  },
  {
    ...common,
    entryPoints: ['bench/relint.ts', 'bench/read-decode-baseline.ts', 'bench/make-corpus.ts'],
    outdir: 'out/bench',
    outbase: 'bench',
  },
  {
    ...common,
    entryPoints: testEntries('test/unit'),
    outdir: 'out/test/unit',
    outbase: 'test/unit',
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  const meta = results[0].metafile;
  if (meta) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync('dist/extension.meta.json', JSON.stringify(meta));
  }
}
