// The shipped CLI loads Node's network and crypto modules and yaml at first use only (issue 16).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const CLI = resolve(__dirname, '../../../dist/cli.js');

/** Runs the CLI in a process that records every module `require` loads (builtins and files). */
/**
 * `loaded`: what `require` loaded (builtins and files); `native`: which of node:stream, node:net and node:tty Node
 * loaded at all, by a require or inside (making `process.stdout` loads them without a require of ours).
 */
function loadedBy(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, stdout: 'pipe' | 'ignore' = 'pipe'): { loaded: string[]; native: string[]; stdout: string; status: number | null } {
  const script = `const fs = require('node:fs'); const M = require('node:module'); const load = M._load; const seen = [];
M._load = function (request, ...rest) { seen.push(request); return load.call(this, request, ...rest); };
process.argv = [process.argv[0], ${JSON.stringify(CLI)}, ...${JSON.stringify(args)}];
process.on('exit', () => fs.writeSync(2, '\\nLOADED ' + JSON.stringify({ seen, native: process.moduleLoadList.filter((m) => /^NativeModule (stream|net|tty)$/.test(m)).map((m) => m.slice(13)) })));
require(${JSON.stringify(CLI)});`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env }, stdio: ['ignore', stdout, 'pipe'] });
  const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '));
  assert.ok(line, r.stderr);
  const { seen, native } = JSON.parse(line.slice('LOADED '.length)) as { seen: string[]; native: string[] };
  return { loaded: seen, native, stdout: r.stdout ?? '', status: r.status };
}

describe('lazy modules in dist/cli.js', () => {
  it('--version and lint of an .rdp file load no network, stream or terminal module, no crypto and no yaml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-lazy-'));
    try {
      writeFileSync(join(dir, 'a.rdp'), 'full address:s:rdsh01.contoso.com\r\n');
      // Standard output a pipe, then /dev/null: the report goes out with writeSync, no stream is made for it.
      for (const [args, stdout] of [[['--version'], 'pipe'], [['lint', 'a.rdp'], 'pipe'], [['lint', 'a.rdp'], 'ignore']] as const) {
        const { loaded, native } = loadedBy([...args], dir, {}, stdout);
        for (const m of ['node:tls', 'node:dns', 'node:crypto', 'node:net', 'node:stream', 'node:tty']) assert.ok(!loaded.includes(m), `${args.join(' ')} loaded ${m}`);
        if (args[0] === 'lint') assert.deepEqual(native, [], `lint with standard output to ${stdout === 'pipe' ? 'a pipe' : '/dev/null'} loaded ${native.join(' ')}`);
        assert.ok(!loaded.some((m) => m.endsWith('yaml.js')), `${args.join(' ')} loaded yaml`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a check of an address loads no DNS module', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-lazy-'));
    try {
      // Port 1 on loopback: refused at once (NET002); nothing leaves the machine.
      const { loaded, stdout } = loadedBy(['check', '127.0.0.1:1', '--format', 'json', '--timeout', '500'], dir);
      assert.match(stdout, /"host": "127\.0\.0\.1"/);
      assert.ok(!loaded.includes('node:dns'), 'loaded node:dns for an address');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--version and the help require nothing beyond dist/cli.js, not even a builtin; lint loads dist/cli-lint.js, the other commands dist/cli-commands.js', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-lazy-'));
    try {
      for (const args of [['--version'], ['--help'], ['help', 'lint'], ['lint', '--help']]) {
        const { loaded, stdout, status } = loadedBy(args, dir);
        assert.equal(status, 0);
        assert.ok(stdout.length > 0, `${args.join(' ')} printed nothing`);
        assert.deepEqual(loaded.filter((m) => m !== CLI), [], `${args.join(' ')} loaded ${loaded.join(' ')}`);
      }
      // Without the code cache the command bundle is required; with it, compiled through node:vm from the cache.
      const plain = loadedBy(['explain', '0x904'], dir, { RDP_DOCTOR_CODE_CACHE: 'off' });
      assert.ok(plain.loaded.some((m) => m.endsWith('cli-commands.js')), plain.loaded.join(' '));
      assert.match(plain.stdout, /0x904/);
      assert.ok(!plain.loaded.some((m) => m.endsWith('cli-lint.js')), plain.loaded.join(' '));
      const cached = loadedBy(['explain', '0x904'], dir, { RDP_DOCTOR_CACHE_DIR: join(dir, 'cache') });
      assert.ok(cached.loaded.includes('node:vm') && !cached.loaded.some((m) => m.endsWith('cli-commands.js')), cached.loaded.join(' '));
      assert.equal(cached.stdout, plain.stdout);
      // lint: its own bundle, and none of the other commands' code.
      writeFileSync(join(dir, 'a.rdp'), 'full address:s:rdsh01.contoso.invalid\r\n');
      const lint = loadedBy(['lint', 'a.rdp', '--format', 'json'], dir, { RDP_DOCTOR_CODE_CACHE: 'off' });
      assert.ok(lint.loaded.some((m) => m.endsWith('cli-lint.js')) && !lint.loaded.some((m) => m.endsWith('cli-commands.js')), lint.loaded.join(' '));
      assert.equal(JSON.parse(lint.stdout).files[0].path, 'a.rdp');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads yaml when a config is read, and the config still applies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-lazy-'));
    try {
      writeFileSync(join(dir, 'a.rdp'), 'full address:s:10.0.0.5\r\n');
      writeFileSync(join(dir, '.rdpdoctor.yaml'), 'rules:\n  RDP012: off\n');
      const { loaded, stdout } = loadedBy(['lint', 'a.rdp', '--format', 'json'], dir);
      assert.ok(loaded.some((m) => m.endsWith('yaml.js')), loaded.join(' '));
      assert.ok(!JSON.parse(stdout).files.some((f: { findings: { ruleId: string }[] }) => f.findings.some((x) => x.ruleId === 'RDP012')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lazy modules in the shipped bundles', () => {
  // A lazy module's getters must reach the real module: a builtin required by name, a package from its own bundle.
  const uses: Record<string, { builtins: string[]; apart: string[] }> = {
    'cli-commands.js': { builtins: ['node:crypto', 'node:net', 'node:tls'], apart: ['yaml.js'] },
    'cli-lint.js': { builtins: ['node:crypto'], apart: ['yaml.js', 'saxes.js'] },
    'extension-core.js': { builtins: ['node:crypto', 'node:net', 'node:tls'], apart: ['yaml.js', 'saxes.js'] },
    'extension-code.js': { builtins: ['node:crypto'], apart: ['extension-core.js'] },
  };
  for (const [bundle, { builtins, apart }] of Object.entries(uses)) {
    const file = resolve(__dirname, '../../../dist', bundle);
    it(`dist/${bundle} requires the real ${builtins.join(', ')}, and ${apart.join(' and ')} from their bundles`, { skip: !existsSync(file) && 'not built' }, () => {
      const text = readFileSync(file, 'utf8');
      for (const builtin of builtins) assert.ok(text.includes(`require("${builtin}")`), `no require("${builtin}") in ${bundle}`);
      for (const name of apart) assert.ok(text.includes(`__dirname,"${name}")`), `${name} is not required in ${bundle}`);
    });
  }
  // Loading a bundle makes nothing per name a lazy module exports (a getter per name of node:crypto, yaml, saxes and
  // tinyglobby was ~6% of dist/cli-lint.js's top level, issue 16): one proxy answers them all.
  for (const bundle of ['cli-lint.js', 'cli-commands.js', 'extension-core.js']) {
    const file = resolve(__dirname, '../../../dist', bundle);
    it(`dist/${bundle} defines no getter per name of a lazy module`, { skip: !existsSync(file) && 'not built' }, () => {
      const text = readFileSync(file, 'utf8');
      const perName = text.match(/defineProperty\(\w+,"(?:createHash|randomUUID|parseDocument|SaxesParser|glob)",/g);
      assert.equal(perName, null, `${bundle}: ${perName?.join(' ')}`);
      assert.ok(text.includes('new Proxy({},'), `${bundle}: no proxy for its lazy modules`);
    });
  }
  it('dist/extension-code.js, what activation loads, holds none of the core: no rules, readers or network code (issue 16)', { skip: !existsSync(resolve(__dirname, '../../../dist/extension-code.js')) && 'not built' }, () => {
    const meta = JSON.parse(readFileSync(resolve(__dirname, '../../../dist/extension.meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const code = Object.entries(meta.outputs).find(([path]) => path.endsWith('dist/extension-code.js'));
    assert.ok(code);
    // Type and constant modules (rules/types.ts: the severities a setting takes) are not the core's weight.
    const heavy = Object.keys(code[1].inputs).filter((i) => (/^src\/core\/(rules|rdp|net|gpo|fixes|explain|knowledge|lint|report)\//.test(i) && !i.endsWith('/types.ts')) || i.startsWith('node_modules/'));
    assert.deepEqual(heavy, []);
    const text = readFileSync(resolve(__dirname, '../../../dist/extension-code.js'), 'utf8');
    for (const builtin of ['node:net', 'node:tls', 'node:dns']) assert.ok(!text.includes(`"${builtin}"`), `${builtin} in extension-code.js`);
  });
  it('dist/cli-lint.js holds no network code', { skip: !existsSync(resolve(__dirname, '../../../dist/cli-lint.js')) && 'not built' }, () => {
    const text = readFileSync(resolve(__dirname, '../../../dist/cli-lint.js'), 'utf8');
    for (const builtin of ['node:net', 'node:tls', 'node:dns']) assert.ok(!text.includes(`"${builtin}"`), `${builtin} in cli-lint.js`);
  });
  it('no source file default-imports vscode or a lazily loaded module: their module objects have no default export (esbuild.mjs, reachedThrough)', () => {
    const root = resolve(__dirname, '../../../src');
    const modules = ['vscode', 'node:net', 'node:tls', 'node:dns', 'node:crypto', 'node:worker_threads', 'node:stream', 'yaml', 'saxes', 'tinyglobby'];
    const pattern = new RegExp(`^import\\s+(?!type\\s)[A-Za-z_$][\\w$]*\\s*(?:,\\s*\\{[^}]*\\})?\\s+from\\s+'(${modules.join('|')})'`, 'm');
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const offenders = walk(root).filter((file) => pattern.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
    // The pattern finds one.
    assert.ok(pattern.test("import yaml from 'yaml';\n") && pattern.test("import vscode, { window } from 'vscode';") && !pattern.test("import * as vscode from 'vscode';") && !pattern.test("import type X from 'yaml';"));
  });
});
