import type { PolicyDocument, PolicySetting } from '../../gpo/model';
import { displayPath } from '../../gpo/registry-path';
import { policyScopes } from '../../gpo/scopes';
import { isRuleOff, resolveSeverity, type SeverityOverrides } from '../../findings/severity';
import type { PolicyFinding, PolicyRelated, PolicyReport, PolicyRule, PolicyRuleContext } from './types';

export interface PolicyLintOptions {
  readonly severities?: SeverityOverrides;
  /** Only these rules (all GPO rules when absent). */
  readonly rules?: readonly PolicyRule[];
}

/** What a finding on a Group Policy Preferences item with item-level targeting adds. */
const TARGETED = 'The preference item is targeted: it applies only where its item-level targeting filters match.';

function relatedOf(s: PolicySetting, message: string, from: PolicySetting): PolicyRelated {
  const file = s.source.file;
  return { message, span: s.source.span, location: s.source, ...(file !== undefined && file !== from.source.file && { path: file }) };
}

/** Runs the GPO rules over one export's normalized settings, honouring severity overrides. */
export function lintPolicyDocument(doc: PolicyDocument, rules: readonly PolicyRule[], options: PolicyLintOptions = {}): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  const scopes = policyScopes(doc);
  let rule: PolicyRule | undefined;
  const context: PolicyRuleContext = {
    doc,
    scopes,
    report(r: PolicyReport): void {
      const s = r.at;
      const own = r.severity ?? rule!.defaultSeverity;
      const message = s.gpo !== undefined && !r.message.includes(`"${s.gpo}"`) ? `${r.message} Set by GPO "${s.gpo}".` : r.message;
      findings.push({
        ruleId: rule!.id,
        // A targeted preference item applies only where its filters match, which the export cannot tell: never a certain error.
        severity: resolveSeverity(options.severities, rule!.id, s.targeted === true && own === 'error' ? 'warning' : own)!,
        message: s.targeted === true ? `${message} ${TARGETED}` : message,
        span: s.source.span,
        subject: displayPath(s.hive, s.key, s.valueName),
        location: s.source,
        ...(r.related?.length && { related: r.related.map((x) => relatedOf(x.at, x.message, s)) }),
      });
    },
  };
  for (rule of options.rules ?? rules) {
    if (!isRuleOff(options.severities, rule.id)) rule.check(context);
  }
  const file = (f: PolicyFinding): string => f.location.file ?? '';
  return findings.sort((a, b) => (file(a) < file(b) ? -1 : file(a) > file(b) ? 1 : 0) || a.span.start - b.span.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
