import { parseRdp, type RdpDocument, type RdpEntry } from '../rdp/parse';
import { findProperty } from '../rdp/properties/index';
import type { PropertyInfo } from '../rdp/property-types';
import type { DecodedText } from '../text/decode';
import { isSecretKey } from './messages';
import { RDP_RULES } from './registry';
import type { Finding, RdpRule, RdpRuleContext, Report, Severity, SeveritySetting } from './types';

export type SeverityOverrides = Readonly<Record<string, SeveritySetting>>;

export interface LintOptions {
  readonly severities?: SeverityOverrides;
  readonly bytes?: Pick<DecodedText, 'encoding' | 'bom' | 'nul'>;
  /** Only these rules (all `.rdp` rules when absent). */
  readonly rules?: readonly RdpRule[];
  /** Publishers trusted by policy in the workspace's exports (see `trustedPublishers` in gpo/trusted-publishers). */
  readonly trustedPublishers?: ReadonlyMap<string, string>;
}

export interface RdpLintResult {
  readonly doc: RdpDocument;
  readonly findings: readonly Finding[];
}

const SAVED_PASSWORD = 'a saved password';

/** Replaces any secret value that slipped into a message; the rules never quote them, this is the safety net. */
function redact(doc: RdpDocument, findings: Finding[]): Finding[] {
  const secrets = doc.entries
    .filter((e) => isSecretKey(e.key))
    .map((e) => e.value.trim())
    .filter((v) => v.length >= 3);
  if (secrets.length === 0) return findings;
  return findings.map((f) => {
    let message = f.message;
    for (const secret of secrets) message = message.split(secret).join(SAVED_PASSWORD);
    return message === f.message ? f : { ...f, message };
  });
}

/** Lints an `.rdp` text with every rule (or the given ones), honouring severity overrides. */
export function lintRdp(text: string, options: LintOptions = {}): RdpLintResult {
  const doc = parseRdp(text);
  const findings: Finding[] = [];
  let rule: RdpRule | undefined;
  let setting: Severity | undefined;
  const infos: (PropertyInfo | null | undefined)[] = new Array(doc.lines.length);
  const context: RdpRuleContext = {
    doc,
    property(entry: RdpEntry): PropertyInfo | undefined {
      let info = infos[entry.line];
      if (info === undefined) info = infos[entry.line] = findProperty(entry.key) ?? null;
      return info ?? undefined;
    },
    ...(options.bytes && { bytes: options.bytes }),
    ...(options.trustedPublishers && { trustedPublishers: options.trustedPublishers }),
    report(r: Report): void {
      const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
        ruleId: rule!.id,
        severity: setting ?? r.severity ?? rule!.defaultSeverity,
        message: r.message,
        span: r.span,
      };
      if (r.subject !== undefined) finding.subject = r.subject;
      if (r.fix) finding.fix = r.fix;
      if (r.related) finding.related = r.related;
      findings.push(finding);
    },
  };
  for (rule of options.rules ?? RDP_RULES) {
    const configured = options.severities?.[rule.id];
    if (configured === 'off') continue;
    setting = configured;
    rule.check(context);
  }
  findings.sort((a, b) => a.span.start - b.span.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { doc, findings: redact(doc, findings) };
}
