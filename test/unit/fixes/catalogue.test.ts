import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { exampleParams, findFix, fixesForRule, POWERSHELL_FIXES, renderFix, validateParam } from '../../../src/core/fixes/index';
import { ALL_RULES } from '../../../src/core/rules/registry';

const ROOT = resolve(__dirname, '../../../..');

/** SPEC §5: these IDs and parameters are fixed, so they are repeated here on purpose. */
const SPEC_FIXES: Readonly<Record<string, readonly string[]>> = {
  'show-listener-cert': ['computerName'],
  'renew-self-signed-cert': ['computerName'],
  'bind-listener-cert': ['thumbprint', 'computerName'],
  'set-security-layer': ['value'],
  'require-nla': [],
  'open-firewall': [],
  'test-port': ['host', 'port'],
  'reset-machinekeys-azure': ['resourceGroup', 'vmName'],
  'set-credssp-oracle': ['value'],
  'disable-client-udp': [],
  'enable-keepalive': ['minutes'],
  'read-effective-policy': ['computerName'],
};

const CAUSES = new Set(['Certificate', 'Security layer and NLA', 'Network and firewall', 'Group Policy', 'Azure']);
const RULE_IDS = new Set(ALL_RULES.map((r) => r.id));
const SLOT = /\{\{[?!]?([A-Za-z]+)\}\}/g;

describe('PowerShell fix catalogue', () => {
  it('has every SPEC fix with its parameters and values', () => {
    for (const [id, keys] of Object.entries(SPEC_FIXES)) {
      const fix = findFix(id);
      assert.ok(fix, `missing ${id}`);
      for (const key of keys) assert.ok(fix.params.some((p) => p.key === key), `${id} lacks ${key}`);
    }
    assert.deepEqual([...findFix('set-security-layer')!.params[0]!.choices!].sort(), ['negotiate', 'rdp', 'tls']);
    assert.deepEqual(findFix('set-credssp-oracle')!.params[0]!.choices, ['0', '1', '2']);
  });

  it('has unique kebab-case IDs and well-formed data', () => {
    assert.equal(new Set(POWERSHELL_FIXES.map((f) => f.id)).size, POWERSHELL_FIXES.length);
    for (const fix of POWERSHELL_FIXES) {
      assert.match(fix.id, /^[a-z]+(-[a-z0-9]+)+$/, fix.id);
      assert.ok(CAUSES.has(fix.cause), `${fix.id}: cause ${fix.cause}`);
      assert.ok(['server', 'client', 'azure'].includes(fix.runsOn), fix.id);
      for (const sentence of [fix.description, fix.undo, ...(fix.warning ? [fix.warning] : [])]) {
        assert.match(sentence, /^[A-Z0-9].*\.$/, `${fix.id}: ${sentence}`);
      }
      assert.match(fix.title, /^[A-Z][^.]*[^. ]$/, `${fix.id}: title ${fix.title}`);
      assert.ok(fix.sources.length > 0 && fix.sources.every((s) => /^https:\/\/[^\s]+$/.test(s)), `${fix.id}: sources`);
    }
  });

  it('maps every fix to real rule IDs, without duplicates', () => {
    for (const fix of POWERSHELL_FIXES) {
      assert.ok(fix.fixes.length > 0, fix.id);
      assert.equal(new Set(fix.fixes).size, fix.fixes.length, `${fix.id} lists a rule twice`);
      for (const id of fix.fixes) assert.ok(RULE_IDS.has(id), `${fix.id}: ${id} is not a rule`);
    }
  });

  it('declares valid parameters: unique keys, valid placeholders and defaults, choices for choice', () => {
    for (const fix of POWERSHELL_FIXES) {
      assert.equal(new Set(fix.params.map((p) => p.key)).size, fix.params.length, fix.id);
      for (const p of fix.params) {
        assert.match(p.key, /^[a-z][A-Za-z]*$/, `${fix.id}.${p.key}`);
        assert.equal(validateParam(p, p.placeholder), undefined, `${fix.id}.${p.key} placeholder`);
        if (p.default !== undefined) assert.equal(validateParam(p, p.default), undefined, `${fix.id}.${p.key} default`);
        if (p.default !== undefined) assert.equal(p.required, false, `${fix.id}.${p.key}: a required parameter has no default`);
        assert.equal(p.kind === 'choice', (p.choices?.length ?? 0) > 0, `${fix.id}.${p.key} choices`);
        assert.match(p.description, /^[A-Za-z0-9].*\.$/, `${fix.id}.${p.key} description`);
        if (p.kind === 'computerName') assert.equal(p.required, false, `${fix.id}: computerName is optional (this computer)`);
      }
    }
  });

  it('uses every declared parameter, declares every slot, and puts values only into variable assignments', () => {
    for (const fix of POWERSHELL_FIXES) {
      const used = new Set<string>();
      for (const line of fix.script) {
        for (const m of line.matchAll(SLOT)) used.add(m[1]!);
        const body = line.replace(/^\{\{[?!][A-Za-z]+\}\}/, '');
        if (/\{\{[A-Za-z]+\}\}/.test(body)) assert.match(body, /^\$[A-Z][A-Za-z]* = \{\{[A-Za-z]+\}\}$/, `${fix.id}: ${line}`);
      }
      assert.deepEqual([...used].sort(), fix.params.map((p) => p.key).sort(), fix.id);
    }
  });

  it('uses current cmdlets and nothing that evaluates text', () => {
    for (const fix of POWERSHELL_FIXES) {
      const text = fix.script.join('\n');
      assert.doesNotMatch(text, /\bwmic\b|Get-WmiObject|Set-WmiInstance|Invoke-WmiMethod|Invoke-Expression|\biex\b|\[scriptblock\]::Create/i, fix.id);
      assert.doesNotMatch(text, /[^\x20-\x7e\n]/, `${fix.id}: scripts are printable ASCII (Windows PowerShell 5.1 reads files without a BOM as ANSI)`);
    }
  });

  it('finds fixes by ID (any case) and by rule', () => {
    assert.equal(findFix('TEST-PORT')?.id, 'test-port');
    assert.equal(findFix('nope'), undefined);
    assert.deepEqual(fixesForRule('net011').map((f) => f.id), ['require-nla']);
    assert.deepEqual(fixesForRule('NET012').map((f) => f.id), ['set-security-layer']);
    assert.ok(fixesForRule('XRF004').some((f) => f.id === 'bind-listener-cert'));
    assert.ok(fixesForRule('NET002').some((f) => f.id === 'open-firewall'));
    assert.ok(fixesForRule('NET003').some((f) => f.id === 'test-port'));
    for (const id of ['NET020', 'NET021', 'NET022', 'NET023', 'NET024', 'NET025', 'NET026', 'NET027']) {
      assert.ok(fixesForRule(id).some((f) => f.id === 'bind-listener-cert'), id);
    }
    assert.deepEqual(fixesForRule('RDP001'), []);
    for (const fix of POWERSHELL_FIXES) for (const id of fix.fixes) assert.ok(fixesForRule(id).includes(fix));
  });

  it('every `rdp-doctor fix` command in the docs names a fix and parameters it takes', () => {
    const pages = readdirSync(join(ROOT, 'docs/rules')).map((name) => join(ROOT, 'docs/rules', name));
    if (existsSync(join(ROOT, 'README.md'))) pages.push(join(ROOT, 'README.md'));
    let seen = 0;
    for (const page of pages) {
      const text = readFileSync(page, 'utf8');
      for (const m of text.matchAll(/rdp-doctor fix ([a-z][a-z0-9-]*)((?: --param [A-Za-z]+=[^\s`]+)*)/g)) {
        seen += 1;
        const fix = findFix(m[1]!);
        assert.ok(fix, `${page}: unknown fix ${m[1]}`);
        const params = Object.fromEntries([...m[2]!.matchAll(/--param ([A-Za-z]+)=([^\s`]+)/g)].map((p) => [p[1]!, p[2]!]));
        for (const key of Object.keys(params)) assert.ok(fix.params.some((p) => p.key === key), `${page}: ${fix.id} has no parameter ${key}`);
        const literal = Object.fromEntries(Object.entries(params).filter(([, v]) => !v.startsWith('<')));
        const result = renderFix(fix, { ...exampleParams(fix, 'required'), ...literal });
        assert.ok(result.ok, `${page}: ${m[0]}: ${result.ok ? '' : result.errors.join(' ')}`);
      }
    }
    assert.ok(seen > 10, `only ${seen} commands found`);
  });

  it('renew-self-signed-cert stops, changing nothing, unless the listener uses its self-signed certificate', () => {
    const result = renderFix(findFix('renew-self-signed-cert')!, {});
    assert.ok(result.ok);
    const lines = result.script.split('\n');
    const guard = lines.findIndex((l) => /^\s+if \(\$ts\.SSLCertificateSHA1HashType -ne 1\) \{$/.test(l));
    assert.ok(guard > 0, 'the script reads SSLCertificateSHA1HashType');
    assert.match(lines[guard + 1]!, /^\s+throw "/);
    for (const change of ['Remove-Item', 'Restart-Service']) {
      const at = lines.findIndex((l) => l.includes(change));
      assert.ok(at > guard + 1, `${change} comes after the guard`);
    }
  });
});
