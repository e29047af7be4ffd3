import { ruleDocsUrl } from '../knowledge/docs-links';
import type { RuleMeta, Severity } from '../rules/types';
import { escapeMarkdown } from '../text/markdown';

export const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** What the editor and `lint --fix` do for a rule with a fix (`lint --fix` leaves those that need a choice, e.g. RDP002's closest name). */
const FIX_SENTENCE = 'VS Code offers a quick fix; `rdp-doctor lint --fix` applies those that need no review.';
const PAGE = 'What it flags, why it matters, how to fix it and the sources';

/**
 * A rule as a SARIF reporting descriptor (§3.49). The full description and the help (§3.49.10, §3.49.13; code
 * scanning shows both on an alert) are made of the catalogue's own line, whether it has a fix, how to configure it
 * and its page: the pages themselves stay out of the CLI bundle, which lint loads at start-up.
 */
export function sarifRule(rule: RuleMeta): object {
  const url = ruleDocsUrl(rule.id);
  const fix = rule.fixable ? ` ${FIX_SENTENCE}` : '';
  const config = `To turn it off or change its severity: \`rules: { ${rule.id}: off }\` in \`.rdpdoctor.yaml\`, or the VS Code setting \`rdpDoctor.rules\`.`;
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description + fix },
    helpUri: url,
    help: {
      text: `${rule.description}${fix}\n\n${config}\n\n${PAGE}: ${url}`,
      markdown: `**${rule.id}: ${rule.name}**\n\n${escapeMarkdown(rule.description)}${fix}\n\n${config}\n\n[${PAGE}](${url}).`,
    },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: rule.tags },
  };
}
