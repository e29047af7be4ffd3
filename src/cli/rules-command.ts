import { ruleDocsUrl } from '../core/knowledge/docs-links';
import { ALL_RULES } from '../core/rules/registry';
import { toJsonOutput } from './version';

/** Runs `rules`: every rule with its ID, name, default severity and whether it has a fix. */
export function runRules(format: 'text' | 'json'): string {
  if (format === 'json') {
    const rules = ALL_RULES.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      defaultSeverity: r.defaultSeverity,
      fixable: r.fixable,
      tags: r.tags,
      docs: ruleDocsUrl(r.id),
    }));
    return toJsonOutput({ rules });
  }
  const width = Math.max(...ALL_RULES.map((r) => r.name.length));
  return (
    ALL_RULES.map((r) => `${r.id}  ${r.name.padEnd(width)}  ${r.defaultSeverity.padEnd(7)}  ${r.fixable ? 'fix' : '   '}  ${r.description}`).join('\n') +
    '\n'
  );
}
