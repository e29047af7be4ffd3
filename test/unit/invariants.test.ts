import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ALL_RULES, RDP_RULES } from '../../src/core/rules/registry';
import { PROPERTIES } from '../../src/core/rdp/properties/index';
import { SOURCES } from '../../src/core/knowledge/sources';

const ROOT = resolve(__dirname, '../../..');

/** SPEC §2's `.rdp` rule IDs and names: fixed, so they are repeated here on purpose. */
const SPEC_RDP_RULES = {
  RDP001: 'malformed-line', RDP002: 'unknown-property', RDP003: 'type-mismatch', RDP004: 'invalid-value',
  RDP005: 'duplicate-property', RDP006: 'encoding', RDP007: 'deprecated-property', RDP008: 'indented-property', RDP010: 'missing-full-address',
  RDP011: 'invalid-address', RDP012: 'ip-address-target', RDP013: 'short-hostname', RDP014: 'port-conflict',
  RDP015: 'alternate-address-differs', RDP020: 'credssp-disabled', RDP021: 'negotiation-disabled',
  RDP022: 'server-auth-disabled', RDP030: 'gateway-missing-host', RDP031: 'gateway-unused', RDP032: 'gateway-basic-auth',
  RDP035: 'remoteapp-missing-program', RDP040: 'stored-password', RDP041: 'signature-invalid',
  RDP042: 'unsigned-secure-setting', RDP043: 'redirection-exposure',
} as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('invariants', () => {
  it('every SPEC .rdp rule exists with its ID and name, and nothing else claims an RDP ID', () => {
    assert.deepEqual(Object.fromEntries(RDP_RULES.map((r) => [r.id, r.name])), SPEC_RDP_RULES);
  });

  it('SPEC.md, when it is beside the repo, still lists the same .rdp rules', { skip: !existsSync(join(ROOT, '../shared/SPEC.md')) && 'no ../shared' }, () => {
    const spec = readFileSync(join(ROOT, '../shared/SPEC.md'), 'utf8');
    const rows = [...spec.matchAll(/^\| (RDP\d{3}) \| ([a-z-]+) \|/gm)].map((m) => [m[1], m[2]]);
    assert.deepEqual(Object.fromEntries(rows), SPEC_RDP_RULES);
  });

  it('every rule has a docs page whose title names it, and the docs index lists it', () => {
    const index = readFileSync(join(ROOT, 'docs/rules/README.md'), 'utf8');
    for (const rule of ALL_RULES) {
      const page = join(ROOT, 'docs/rules', `${rule.id}.md`);
      assert.ok(existsSync(page), `docs/rules/${rule.id}.md is missing`);
      assert.equal(readFileSync(page, 'utf8').split('\n')[0], `# ${rule.id}: ${rule.name}`);
      assert.ok(index.includes(`${rule.id}.md`), `docs/rules/README.md does not list ${rule.id}`);
      assert.match(readFileSync(page, 'utf8'), new RegExp(`Default severity: \\*\\*${rule.defaultSeverity}\\*\\*`));
    }
  });

  it('rule IDs are unique and descriptions are sentences', () => {
    assert.equal(new Set(ALL_RULES.map((r) => r.id)).size, ALL_RULES.length);
    for (const rule of ALL_RULES) assert.match(rule.description, /^[A-Z"a-z].*\.$/, rule.id);
  });

  it('every property has a description and at least one known source', () => {
    for (const p of PROPERTIES) {
      assert.ok(p.description.length > 10, p.name);
      assert.ok(p.sources.length > 0 && p.sources.every((s) => s in SOURCES), p.name);
    }
  });

  it('src/core never imports vscode, the extension or the CLI', () => {
    for (const file of filesUnder(join(ROOT, 'src/core'))) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /from ['"]vscode['"]|require\(['"]vscode['"]\)/, file);
      assert.doesNotMatch(text, /from ['"][./]*\.\.\/(extension|cli)\//, file);
    }
  });

  it('package.json contributes what the README and SPEC promise', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.name, 'rdp-doctor');
    assert.equal(pkg.displayName, 'RDP Doctor');
    assert.equal(pkg.engines.vscode, '^1.99.0');
    assert.equal(pkg.bin['rdp-doctor'], 'dist/cli.js');
    // Commands, views, the custom editor and the rdp language activate it through VS Code's generated events; a workspace
    // with connection files, a config or policy exports activates it too, and so do the languages of exports (XML, INF)
    // and those whose error codes it explains on hover (that activation reads nothing of the workspace), and the task
    // type. Activation never connects to a host.
    assert.deepEqual(pkg.activationEvents, [
      'workspaceContains:**/*.rdp',
      'workspaceContains:**/.rdpdoctor.{yaml,yml}',
      'workspaceContains:**/*.pol',
      'workspaceContains:**/*.reg',
      'workspaceContains:**/GptTmpl.inf',
      'workspaceContains:**/{gpreport,Backup,gpresult}*.xml',
      'onLanguage:xml',
      'onLanguage:ini',
      'onLanguage:plaintext',
      'onLanguage:log',
      'onLanguage:markdown',
      'onTaskType:rdp-doctor',
    ]);
    // The Marketplace icon: a PNG of at least 128×128 (width and height are in the IHDR chunk).
    const icon = readFileSync(join(ROOT, pkg.icon));
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(20) >= 128, `${pkg.icon} is ${icon.readUInt32BE(16)}×${icon.readUInt32BE(20)}`);
    // The task type and its problem matcher, and the custom editor of Registry.pol.
    assert.deepEqual(pkg.contributes.taskDefinitions.map((t: { type: string }) => t.type), ['rdp-doctor']);
    assert.deepEqual(pkg.contributes.problemMatchers.map((m: { name: string }) => m.name), ['rdp-doctor']);
    assert.deepEqual(pkg.contributes.customEditors.map((e: { viewType: string }) => e.viewType), ['rdpDoctor.registryPol']);
    // VS Code matches a custom editor's pattern and the file name both lowercased (editorResolverService.ts,
    // globMatchesResource): one `*.pol` opens `Registry.POL` too, and a second pattern in other case registered the
    // same editor again, so opening a file asked which of the "multiple default editors" to use.
    assert.deepEqual(pkg.contributes.customEditors[0].selector, [{ filenamePattern: '*.pol' }]);
    // The lint task's problems are for closed files: an open one has the live diagnostics, which the task's would repeat and outlive.
    assert.equal(pkg.contributes.problemMatchers[0].applyTo, 'closedDocuments');
    // Cancel Running Checks is in the palette only while a check runs.
    assert.ok(pkg.contributes.menus.commandPalette.some((m: { command: string; when: string }) => m.command === 'rdpDoctor.cancelChecks' && m.when === 'rdpDoctor.checking'));
    // Walkthrough and welcome texts are not Markdown: a backtick would show as a backtick.
    const plain = [...pkg.contributes.walkthroughs.flatMap((w: { steps: { description: string }[] }) => w.steps.map((st) => st.description)), ...pkg.contributes.viewsWelcome.map((v: { contents: string }) => v.contents)];
    for (const text of plain) assert.ok(!text.includes('`'), text);
    for (const c of pkg.contributes.commands) assert.equal(c.category, 'RDP', c.command);
    const paths = [
      pkg.contributes.grammars[0].path,
      ...pkg.contributes.snippets.map((s: { path: string }) => s.path),
      pkg.contributes.languages[0].configuration,
      pkg.contributes.viewsContainers.activitybar[0].icon,
      ...pkg.contributes.walkthroughs.flatMap((w: { steps: { media: { markdown: string } }[] }) => w.steps.map((st) => st.media.markdown)),
    ];
    for (const path of paths) assert.ok(existsSync(join(ROOT, path)), path);
    // Every command the menus and walkthrough name is contributed.
    const ids = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const menuCommands = Object.values(pkg.contributes.menus).flat().map((m) => (m as { command: string }).command);
    for (const id of menuCommands) assert.ok(ids.has(id), `menu entry for unknown command ${id}`);
    const linked = JSON.stringify(pkg.contributes.walkthroughs).match(/command:(rdpDoctor\.\w+)/g) ?? [];
    for (const link of linked) assert.ok(ids.has(link.slice('command:'.length)), link);
  });

  it('the .vsix allow-list ships every file the extension bundle loads at run time', () => {
    const allowed = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split(/\r?\n/).filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    // dist/cli.js: the rdp-doctor task runs the bundled CLI; with them, every bundle they load from beside themselves.
    const bundles = bundlesLoadedBy(['dist/extension.js', 'dist/cli.js']);
    for (const file of [...bundles, 'dist/forge.js', 'dist/cli-commands.js', 'dist/cli-lint.js', 'dist/yaml.js', 'package.json', 'snippets/powershell.json', 'media/rdp-doctor.svg', 'media/rdp-doctor.png']) {
      assert.ok(allowed.some((pattern) => pattern === file || (pattern.endsWith('/**') && file.startsWith(pattern.slice(0, -2)))), `${file} is not in .vscodeignore's allow-list`);
    }
  });
});

/**
 * The given bundles of dist/ and, transitively, every bundle they require from their own folder
 * (`require(…join(__dirname, "forge.js"))`, as esbuild.mjs and the loader write it); a bundle not built yet is left out.
 */
function bundlesLoadedBy(entries: readonly string[]): string[] {
  const found = new Set<string>();
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (found.has(file) || !existsSync(join(ROOT, file))) continue;
    found.add(file);
    for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/join\)?\(__dirname,\s*["']([\w.-]+\.js)["']\)/g)) queue.push(`dist/${m[1]}`);
  }
  return [...found];
}
