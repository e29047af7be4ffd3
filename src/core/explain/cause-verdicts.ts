import { STEP_LABEL, STEP_OF_RULE } from '../net/ladder';
import type { HostCheckResult, StepName } from '../net/types';
import type { Explanation } from '../knowledge/error-codes/index';

/** What a host check says about one cause check: it found it, ruled it out, or cannot tell. */
export type Verdict = 'found' | 'ruled-out' | 'not-determined';

export interface CauseVerdict {
  readonly ruleId: string;
  readonly verdict: Verdict;
  /** The finding's message, the step's line, or why the check cannot tell. */
  readonly detail: string;
  /** The step of the ladder that detects the rule, for NET rules. */
  readonly step?: StepName;
}

/** Why a rule the probe does not evaluate cannot be told from a host check, by rule family. */
const NOT_PROBED: Readonly<Record<string, string>> = {
  RDP: 'Read from the .rdp file, not from the host: see the Problems view.',
  GPO: "Read from the server's policy export, not from the host: see the Problems view.",
  XRF: 'Compares .rdp files and policy exports with each other and with check results: see the Problems view.',
};

function verdictOf(ruleId: string, result: HostCheckResult): CauseVerdict {
  const findings = result.findings.filter((f) => f.ruleId === ruleId);
  const step = STEP_OF_RULE[ruleId];
  if (findings.length > 0) return { ruleId, verdict: 'found', detail: findings.map((f) => f.message).join(' '), ...(step && { step }) };
  if (result.rulesOff?.includes(ruleId)) {
    return { ruleId, verdict: 'not-determined', detail: 'The rule is turned off in the configuration (rdpDoctor.rules or .rdpdoctor.yaml), so the check did not report it.', ...(step && { step }) };
  }
  if (!step) {
    const why = NOT_PROBED[ruleId.replace(/\d+$/, '')] ?? 'The host check does not evaluate this rule.';
    return { ruleId, verdict: 'not-determined', detail: why };
  }
  const { status, detail } = result.steps[step];
  // A step that did not run (not reached, not used, cancelled) says nothing about its rules.
  const verdict = status === 'skipped' ? 'not-determined' : 'ruled-out';
  return { ruleId, verdict, detail: `${STEP_LABEL[step]}: ${detail}`, step };
}

/** For each rule that tells the explanation's causes apart, what this host check says about it, in the explanation's order. */
export function causeVerdicts(explanation: Pick<Explanation, 'checks'>, result: HostCheckResult): CauseVerdict[] {
  return explanation.checks.map((id) => verdictOf(id, result));
}
