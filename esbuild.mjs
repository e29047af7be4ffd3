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
 * Modules the shipped bundles load at first use rather than at start-up: Node's network, stream and crypto modules
 * (only checks and certificate analysis use them), yaml (only when a `.rdpdoctor.yaml` is read), saxes (only
 * for a Group Policy XML export) and tinyglobby (only for a glob). An import of one of them becomes an object
 * whose names load the module when one is first read; esbuild's interop reads imported names at the
 * call site, so `--version`, a lint of `.rdp` files and the extension's activation never load them (issue 16).
 * The packages live in bundles of their own beside the bundle (dist/yaml.js …), as node-forge does: the bundle
 * does not even parse them.
 */
const LAZY_BUILTINS = ['node:net', 'node:tls', 'node:dns', 'node:crypto', 'node:worker_threads', 'node:stream'];
const LAZY_PACKAGES = { yaml: 'node_modules/yaml/dist/index.js', saxes: 'node_modules/saxes/saxes.js', tinyglobby: 'node_modules/tinyglobby/dist/index.cjs' };
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    const names = [...LAZY_BUILTINS, ...Object.keys(LAZY_PACKAGES)];
    const filter = new RegExp(`^(${names.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
    // Inside a lazy module, `require` of the builtin is the real one.
    build.onResolve({ filter }, (args) => (args.namespace === 'lazy-module' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy-module' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => {
      const real = args.path.startsWith('node:') ? JSON.stringify(args.path) : `require('node:path').join(__dirname, ${JSON.stringify(`${args.path}.js`)})`;
      // Every name read through one proxy, reached through the module's prototype (reachedThrough): nothing is made
      // per exported name when the bundle loads (a getter per name of node:crypto, yaml … was ~6% of
      // dist/cli-lint.js's top level, bench/RESULTS.md session 24), and each importer's module object copies none.
      return {
        contents: [
          `let loaded;`,
          `const load = () => (loaded ??= require(${real}));`,
          `const names = new Proxy({}, { get: (_, name) => load()[name] });`,
          `module.exports = ${reachedThrough('names')};`,
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};

/**
 * Each `import * as vscode from 'vscode'` (one per file of src/extension) would copy the whole vscode API into a
 * module object of its own at start-up (esbuild's __toESM: hundreds of getters, thirty times). Through this one
 * module they share the API itself (issue 16, activation): see `reachedThrough`.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: `module.exports = ${reachedThrough("require('vscode')")};`, loader: 'js' }));
  },
};

/**
 * An object that reaches `api`'s names through its prototype and marks itself an ES module: esbuild's __toESM then
 * makes each importer's module object from the same prototype and copies only that mark: one property per importer,
 * not a getter per name of the API, and no getter to call on each read of a name. No importer reads a default export.
 */
function reachedThrough(api) {
  return `Object.create(${api}, { __esModule: { value: true } })`;
}

/** A bundle of CLI commands, dist/<name>.js, which dist/cli.js loads when one of them runs. */
function commandBundle(name, entry) {
  return { ...common, entryPoints: { [name]: entry }, outdir: 'dist', plugins: [forgeApart, commonJsBuilds, lazyModules], minify: !watch, metafile: true };
}

const builds = [
  {
    ...common,
    entryPoints: { forge: 'scripts/forge-asn1.cjs', ...LAZY_PACKAGES },
    outdir: 'dist',
    minify: !watch,
  },
  {
    ...common,
    // The extension's heavy part (src/extension/core.ts): what the features take from src/core, loaded on first use.
    entryPoints: { 'extension-core': 'src/extension/core-api.ts' },
    outdir: 'dist',
    plugins: [forgeApart, commonJsBuilds, lazyModules],
    minify: !watch,
    metafile: true,
  },
  {
    ...common,
    // The lint worker of large `.rdp` documents (src/extension/off-thread-lint.ts), started on the first one: it
    // requires dist/extension-core.js, as the extension does, rather than a second copy of the core.
    entryPoints: { 'lint-worker': 'src/extension/lint-worker.ts' },
    outdir: 'dist',
    plugins: [apart('core-apart', /^\.\/core-api$/, 'extension-core.js')],
    minify: !watch,
  },
  // `check`, `explain`, `fix` and `rules`; `lint` a bundle of its own, so each loads only its own code.
  commandBundle('cli-commands', 'src/cli/commands.ts'),
  commandBundle('cli-lint', 'src/cli/lint-command.ts'),
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

/**
 * dist/extension.js, what VS Code loads (src/extension/loader.ts): it requires dist/extension-code.js through a V8
 * code cache named by that file's content hash, written in here once the code is built ('' in watch builds: no cache).
 */
const LOADER_MARK = `{ cpu: process.cpuUsage(), wall: Number(process.hrtime.bigint()) / 1e6, thread: (() => { try { return Number(require('node:fs').readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6; } catch { return undefined; } })() }`;
/**
 * dist/extension-code.js, the extension's features (src/extension/main.ts), which dist/extension.js (the loader below)
 * loads through a V8 code cache; it loads dist/extension-core.js on first use (src/extension/core.ts), through a cache
 * named by that file's content hash, written in here ('' in watch builds: no cache).
 */
const extensionCode = (coreHash) => ({
  ...common,
  entryPoints: { 'extension-code': 'src/extension/main.ts' },
  outdir: 'dist',
  define: { RDP_DOCTOR_CORE_HASH: JSON.stringify(coreHash) },
  plugins: [vscodeOnce, forgeApart, commonJsBuilds, lazyModules],
  minify: !watch,
  metafile: true,
});

const loader = (codeHash) => ({
  ...common,
  entryPoints: ['src/extension/loader.ts'],
  outfile: 'dist/extension.js',
  external: ['vscode'],
  define: { RDP_DOCTOR_CODE_HASH: JSON.stringify(codeHash) },
  // The marks src/extension/activation-cost.ts reads: the loader's evaluation from its first line to its last.
  // "use strict" first: a directive holds only at the top, and the bundle's own comes after the banner.
  banner: { js: `"use strict"; var __rdpDoctorLoad = ${LOADER_MARK};` },
  footer: { js: `__rdpDoctorLoad.end = ${LOADER_MARK};` },
  minify: !watch,
});

/**
 * dist/cli.js, the executable, small: it answers `--version` and the help itself and requires dist/cli-lint.js
 * (`lint`) or dist/cli-commands.js (the other commands) only when a command runs, through a V8 code cache named by
 * that file's content hash, written in here ('' in watch builds: no cache).
 */
const cli = (lintHash, commandsHash) => ({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node' },
  define: { RDP_DOCTOR_LINT_HASH: JSON.stringify(lintHash), RDP_DOCTOR_COMMANDS_HASH: JSON.stringify(commandsHash) },
  minify: !watch,
});

if (watch) {
  for (const options of [...builds, extensionCode(''), loader(''), cli('', '')]) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  const { createHash } = await import('node:crypto');
  const { readFileSync } = await import('node:fs');
  const hashOf = (file) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
  results.push(await esbuild.build(extensionCode(hashOf('dist/extension-core.js'))));
  await Promise.all([esbuild.build(loader(hashOf('dist/extension-code.js'))), esbuild.build(cli(hashOf('dist/cli-lint.js'), hashOf('dist/cli-commands.js')))]);
  // Every bundle stays ASCII: esbuild escapes non-ASCII text in strings but not in regular expressions, and one such
  // character makes Node read the whole file as a two-byte string, twice the memory and slower to read and load (one
  // `/ß/` did that to the CLI's command bundles: 2-3 ms of every lint's start).
  const { readdirSync } = await import('node:fs');
  for (const name of readdirSync('dist').filter((n) => n.endsWith('.js'))) {
    const bytes = readFileSync(`dist/${name}`);
    const at = bytes.findIndex((b) => b > 0x7f);
    if (at >= 0) throw new Error(`dist/${name} is not ASCII at byte ${at}: ${JSON.stringify(bytes.subarray(Math.max(0, at - 40), at + 10).toString('utf8'))}; write the character as an escape (\\uXXXX) in the source.`);
  }
  // What each bundle is made of: test/unit/layers.test.ts and code-cache.test.ts read them.
  const { writeFileSync } = await import('node:fs');
  for (const { metafile } of results) {
    if (!metafile) continue;
    const outputs = Object.keys(metafile.outputs);
    const name = outputs.some((o) => o.endsWith('dist/extension-code.js'))
      ? 'extension'
      : outputs.some((o) => o.endsWith('dist/extension-core.js'))
        ? 'extension-core'
        : outputs.some((o) => o.endsWith('dist/cli-lint.js'))
          ? 'cli-lint'
          : 'cli-commands';
    writeFileSync(`dist/${name}.meta.json`, JSON.stringify(metafile));
  }
}
