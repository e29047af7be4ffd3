import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { findFix, fixesMarkdown, fixSnippet, POWERSHELL_FIXES, renderFix, snippetsJson } from '../../../src/core/fixes/index';

const ROOT = resolve(__dirname, '../../../..');
const REGENERATE = 'Regenerate it with: node scripts/gen-powershell-snippets.mjs';

/** Undoes VS Code snippet syntax: tab stops become their placeholder (or first choice), escapes their character. */
function expandSnippet(body: readonly string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1')
    .replace(/\\([$}\\])/g, '$1');
}

describe('generated files', () => {
  it('snippets/powershell.json is what snippetsJson() produces', () => {
    const committed = readFileSync(join(ROOT, 'snippets/powershell.json'), 'utf8');
    assert.equal(committed, JSON.stringify(snippetsJson(), null, 2) + '\n', `snippets/powershell.json is out of date. ${REGENERATE}`);
  });

  it('docs/powershell-fixes.md is what fixesMarkdown() produces', () => {
    const committed = readFileSync(join(ROOT, 'docs/powershell-fixes.md'), 'utf8');
    assert.equal(committed, fixesMarkdown(), `docs/powershell-fixes.md is out of date. ${REGENERATE}`);
  });

  it('docs/powershell-fixes.md has a section per fix and links only to existing rule pages', () => {
    const doc = fixesMarkdown();
    for (const fix of POWERSHELL_FIXES) assert.ok(doc.includes(`\n## ${fix.id}\n`), fix.id);
    for (const m of doc.matchAll(/\]\(rules\/([A-Z]{3}\d{3})\.md\)/g)) {
      assert.doesNotThrow(() => readFileSync(join(ROOT, 'docs/rules', `${m[1]}.md`)), m[1]);
    }
  });
});

describe('PowerShell snippets', () => {
  it('has one snippet per fix, prefixed rdp-', () => {
    const snippets = snippetsJson();
    assert.deepEqual(Object.keys(snippets), POWERSHELL_FIXES.map((f) => `rdp-${f.id}`));
    for (const [name, s] of Object.entries(snippets)) {
      assert.equal(s.prefix, name);
      assert.ok(s.description.length > 20 && s.body.length > 3, name);
    }
  });

  it('makes each parameter a tab stop inside quotes, and a choice list for choices', () => {
    const bind = fixSnippet(findFix('bind-listener-cert')!).body;
    assert.ok(bind.includes("\\$Thumbprint = '${1:4249E12CA59D6B0F7E112233445566778899AABB}'"));
    assert.ok(bind.includes("\\$ComputerName = '${2:rdsh01.contoso.com}'"));
    const layer = fixSnippet(findFix('set-security-layer')!).body;
    assert.ok(layer.includes("\\$SecurityLayer = '${1|tls,negotiate,rdp|}'"));
  });

  it('escapes every literal $, } and \\ so the snippet inserts the script text', () => {
    for (const fix of POWERSHELL_FIXES) {
      const body = fixSnippet(fix).body;
      for (const line of body) {
        const withoutStops = line.replace(/\$\{\d+(?::[^}]*|\|[^|]*\|)\}/g, '');
        assert.doesNotMatch(withoutStops, /(^|[^\\])(\\\\)*\$/, `${fix.id}: unescaped $ in ${line}`);
      }
    }
  });

  it('inserts the same text as rendering every parameter at its placeholder (choices: the first)', () => {
    for (const fix of POWERSHELL_FIXES) {
      const choicesFirst = Object.fromEntries(fix.params.map((p) => [p.key, p.choices?.[0] ?? p.placeholder]));
      const expected = renderFix(fix, choicesFirst);
      assert.ok(expected.ok);
      assert.equal(expandSnippet(fixSnippet(fix).body) + '\n', expected.script, fix.id);
    }
  });
});
