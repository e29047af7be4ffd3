// Code scanning shows a rule's fullDescription and help on each alert, and requires both texts (GitHub Docs, "SARIF
// support for code scanning", reportingDescriptor object); a review found only shortDescription and helpUri.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toSarif } from '../../../src/core/report/sarif';
import { ALL_RULES } from '../../../src/core/rules/registry';

interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  helpUri: string;
  help?: { text: string; markdown?: string };
}

const rulesOf = (log: object): Rule[] => (log as { runs: { tool: { driver: { rules: Rule[] } } }[] }).runs[0]!.tool.driver.rules;

describe('SARIF rules', () => {
  const rules = rulesOf(toSarif([]));

  it('every rule has a full description and help in text and Markdown, within code scanning\'s 1,024 characters', () => {
    assert.equal(rules.length, ALL_RULES.length);
    for (const r of rules) {
      const full = r.fullDescription?.text ?? '';
      const { text = '', markdown = '' } = r.help ?? {};
      assert.ok(full.startsWith(r.shortDescription.text) && full.length <= 1024, r.id);
      assert.ok(text.includes(r.helpUri), r.id);
      assert.ok(markdown.includes(`](${r.helpUri})`), r.id);
      assert.ok(markdown.startsWith(`**${r.id}: ${r.name}**\n\n`), r.id);
      assert.match(text, new RegExp(`rules: \\{ ${r.id}: off \\}`), r.id);
    }
  });

  it('says which rules have a fix', () => {
    for (const meta of ALL_RULES) {
      const r = rules.find((x) => x.id === meta.id)!;
      assert.equal(r.fullDescription!.text.includes('quick fix'), meta.fixable, meta.id);
    }
  });

  it('holds nothing from the files linted: the same rules whatever the results', () => {
    const withResults = toSarif([{ ruleId: 'RDP012', severity: 'error', message: 'The target "[x](y)" is an IP address.', path: 'a.rdp' }], { root: '/w' });
    assert.deepEqual(rulesOf(withResults), rules);
  });
});
