import { fixesForRule } from '../core/fixes/catalogue/index';
import { ruleDocsUrl } from '../core/knowledge/docs-links';
import { ALL_RULES } from '../core/rules/registry';
import { toJsonOutput } from './version';

/**
 * Runs `rules`: every rule with its ID, name, default severity, whether it has a fix (an edit in the file) and
 * whether it links a PowerShell fix (SPEC §2's `fix` and `ps`; `powershellFixes` names them for `rdp-doctor fix`).
 */
export function runRules(format: 'text' | 'json'): string {
  if (format === 'json') {
    const rules = ALL_RULES.map((r) => {
      const ps = fixesForRule(r.id).map((f) => f.id);
      return {
        id: r.id,
        name: r.name,
        description: r.description,
        defaultSeverity: r.defaultSeverity,
        fixable: r.fixable,
        ps: ps.length > 0,
        powershellFixes: ps,
        tags: r.tags,
        docs: ruleDocsUrl(r.id),
      };
    });
    return toJsonOutput({ rules });
  }
  const width = Math.max(...ALL_RULES.map((r) => r.name.length));
  return (
    ALL_RULES.map((r) => `${r.id}  ${r.name.padEnd(width)}  ${r.defaultSeverity.padEnd(7)}  ${r.fixable ? 'fix' : '   '}  ${fixesForRule(r.id).length > 0 ? 'ps' : '  '}  ${r.description}`).join('\n') +
    '\n'
  );
}
