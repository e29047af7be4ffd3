import { ruleDocsUrl } from '../core/knowledge/docs-links';
import { ALL_RULES } from '../core/rules/registry';
import type { Severity } from '../core/rules/types';
import type { RuleMeta } from '../core/rules/types';
import { toolVersion } from './version';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifResultInput {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path?: string;
  readonly region?: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}

function sarifRule(rule: RuleMeta): object {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.description },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: rule.tags },
  };
}

/** A SARIF 2.1.0 log with one rule per known rule ID and one result per finding. */
export function toSarif(results: readonly SarifResultInput[], rules: readonly RuleMeta[] = ALL_RULES): object {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'rdp-doctor', version: toolVersion(), informationUri: 'https://github.com/rdp-doctor/rdp-doctor', rules: rules.map(sarifRule) } },
        results: results.map((r) => ({
          ruleId: r.ruleId,
          ...(index.has(r.ruleId) && { ruleIndex: index.get(r.ruleId) }),
          level: LEVEL[r.severity],
          message: { text: r.message },
          ...(r.path !== undefined && {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.path.split('\\').join('/') },
                  ...(r.region && { region: r.region }),
                },
              },
            ],
          }),
        })),
      },
    ],
  };
}
