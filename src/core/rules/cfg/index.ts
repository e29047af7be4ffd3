import type { ConfigProblem } from '../../config/parse';
import type { Finding, RuleMeta } from '../types';
import { CFG001 } from './cfg001-invalid-config';
import { CFG002 } from './cfg002-unknown-config-key';

/** Findings about `.rdpdoctor.yaml` itself (format `config`). */
export const CONFIG_RULES: readonly RuleMeta[] = [CFG001, CFG002];

/** The config reader's problems as CFG001 (invalid) and CFG002 (unknown) findings, at their rules' default severity. */
export function configFindings(problems: readonly ConfigProblem[]): Finding[] {
  return problems.map(({ kind, message, span }) => {
    const rule = kind === 'invalid' ? CFG001 : CFG002;
    return { ruleId: rule.id, severity: rule.defaultSeverity, message, span };
  });
}
