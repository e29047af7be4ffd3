// Builds the extension, the CLI and the tests. `node esbuild.mjs [--watch]`.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

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

/**
 * A module that lives in its own file beside the bundle, required at first use: `filter` matches the import,
 * `file` is the bundle it becomes a `require` of (resolved from the importing bundle's own folder).
 */
function apart(name, filter, file) {
  return {
    name,
    setup(build) {
      build.onResolve({ filter }, () => ({ path: file, namespace: name }));
      build.onLoad({ filter: /.*/, namespace: name }, () => ({
        contents: `module.exports = require(require('node:path').join(__dirname, ${JSON.stringify(file)}));`,
        loader: 'js',
      }));
    },
  };
}

/**
 * In the shipped bundles node-forge lives in its own file, dist/forge.js, required at first use (certificate analysis):
 * lint, explain, fix and the extension's activation do not parse its 290 KiB.
 */
const forgeApart = apart('forge-apart', /^node-forge$/, 'forge.js');

/**
 * dist/cli.js is the executable, small: it answers `--version` and the help itself and requires
 * dist/cli-commands.js (src/cli/commands.ts, the rest of the CLI) only when a command runs (issue 16, start-up).
 */
const commandsApart = apart('commands-apart', /^\.\/commands$/, 'cli-commands.js');

/**
 * tinyglobby's and fdir's ES module builds call `createRequire(import.meta.url)`, which a CommonJS bundle leaves
 * undefined: take their CommonJS builds, as `require` would.
 */
const commonJsBuilds = {
  name: 'common-js-builds',
  setup(build) {
    build.onResolve({ filter: /^(tinyglobby|fdir)$/ }, (args) =>
      args.kind === 'require-call' ? undefined : build.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir }),
    );
  },
};

/**
 * Modules the shipped bundles load at first use rather than at start-up: Node's network and crypto modules
 * (only `check` and certificate analysis use them) and yaml (only when a `.rdpdoctor.yaml` is read). An import
 * of one of them becomes an object of getters (yaml's loads dist/yaml.js, a bundle of its own), each loading the module when a name is first read; esbuild's
 * interop reads imported names at the call site, so `lint` and `--version` never load them (issue 16).
 */
/* The CLI bundle only, for now (see the extension's build below). */
const LAZY_MODULES = ['node:net', 'node:tls', 'node:dns', 'node:crypto', 'node:worker_threads', 'yaml'];
const requireHere = createRequire(import.meta.url);
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    const filter = new RegExp(`^(${LAZY_MODULES.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => (args.pluginData?.real ? undefined : { path: args.path, namespace: 'lazy-module' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => {
      const names = Object.keys(requireHere(args.path)).filter((n) => n !== 'default' && n !== '__esModule');
      return {
        contents: [
          `let loaded;`,
          // yaml lives in its own file beside the bundle (as node-forge does): the bundle does not even parse it.
          args.path === 'yaml'
            ? `const load = () => (loaded ??= require(require('node:path').join(__dirname, 'yaml.js')));`
            : `const load = () => (loaded ??= require(${JSON.stringify(args.path)}));`,
          ...names.map((n) => `Object.defineProperty(exports, ${JSON.stringify(n)}, { enumerable: true, get: () => load()[${JSON.stringify(n)}] });`),
        ].join('\n'),
        loader: 'js',
        resolveDir: process.cwd(),
        pluginData: { real: true },
      };
    });
    // The real module, from inside the lazy one.
    build.onResolve({ filter, namespace: 'lazy-module' }, async (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      return build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { real: true } });
    });
  },
};

const builds = [
  {
    ...common,
    entryPoints: { forge: 'node_modules/node-forge/lib/index.js', yaml: 'node_modules/yaml/dist/index.js' },
    outdir: 'dist',
    minify: !watch,
  },
  {
    ...common,
    entryPoints: ['src/extension/main.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    // The marks src/extension/activation-cost.ts reads: the bundle's evaluation from its first line to its last.
    // "use strict" first: a directive holds only at the top, and the bundle's own comes after the banner.
    banner: { js: '"use strict"; var __rdpDoctorLoad = { cpu: process.cpuUsage(), wall: performance.now() };' },
    footer: { js: '__rdpDoctorLoad.end = { cpu: process.cpuUsage(), wall: performance.now() };' },
    // Not lazyModules yet: with it the extension-host suite's "lints it once" test saw a second lint on open (issue 16 report).
    plugins: [forgeApart, commonJsBuilds],
    minify: !watch,
    metafile: true,
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [commandsApart],
    minify: !watch,
  },
  {
    ...common,
    entryPoints: ['src/cli/commands.ts'],
    outfile: 'dist/cli-commands.js',
    plugins: [forgeApart, commonJsBuilds, lazyModules],
    minify: !watch,
  },
  {
    ...common,
    entryPoints: ['bench/relint.ts', 'bench/read-decode-baseline.ts', 'bench/make-corpus.ts', 'bench/certificate-analysis.ts'],
    outdir: 'out/bench',
    outbase: 'bench',
    plugins: [commonJsBuilds],
  },
  {
    ...common,
    entryPoints: testEntries('test/unit'),
    outdir: 'out/test/unit',
    outbase: 'test/unit',
    plugins: [commonJsBuilds],
    // Loads its WebAssembly runtime from beside its own file.
    external: ['web-tree-sitter'],
  },
  {
    ...common,
    // `npm run fuzz`: the reader fuzz targets of test/fuzz/targets.ts at 100,000 cases each.
    entryPoints: ['test/fuzz/run.ts'],
    outdir: 'out/test/fuzz',
    outbase: 'test/fuzz',
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  const meta = results.find((r) => r.metafile)?.metafile;
  if (meta) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync('dist/extension.meta.json', JSON.stringify(meta));
  }
}
