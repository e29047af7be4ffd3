import { ruleById } from '../rules/registry';
import { FAMILY_LABELS, type Explanation } from '../knowledge/error-codes/index';

function checkLine(id: string): string {
  const rule = ruleById(id);
  return rule ? `- **${id}** ${rule.name}: ${rule.description}` : `- **${id}**`;
}

/** An explanation as a readable Markdown page. */
export function explanationMarkdown(e: Explanation): string {
  const title = e.family ? `${FAMILY_LABELS[e.family]} ${e.code}` : e.code;
  const parts = [`# ${title}${e.extended ? ` / extended ${e.extended.code}` : ''}`, '', `**${e.code}** (${e.decimal}) \`${e.name}\` — ${e.meaning}`];
  if (e.extended) parts.push('', `**Extended ${e.extended.code}** (${e.extended.decimal}) \`${e.extended.name}\` — ${e.extended.meaning}`);
  if (e.likelyCauses.length) parts.push('', '## Likely causes', '', ...e.likelyCauses.map((c) => `- ${c}`));
  if (e.checks.length) parts.push('', '## Checks that tell the causes apart', '', ...e.checks.map(checkLine));
  if (e.unverified) parts.push('', '_Parts of this come from secondary sources that no primary source confirms._');
  if (e.sources.length) parts.push('', '## Sources', '', ...e.sources.map((s) => `- ${s.url ? `[${s.title}](${s.url})` : s.title}`));
  return parts.join('\n') + '\n';
}
