import { parseConfig } from '../config/parse';
import type { RdpDoctorConfig } from '../config/types';
import { lintRdp, type SeverityOverrides } from '../rules/engine';
import { ALL_RULES } from '../rules/registry';
import type { Finding } from '../rules/types';
import type { DecodedText } from '../text/decode';
import type { FileFormat } from './formats';

export interface LintedText {
  readonly format: FileFormat;
  readonly findings: readonly Finding[];
  /** The validated config, for `config` files. */
  readonly config?: RdpDoctorConfig;
}

const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.id));

/** Applies severity overrides to findings of formats whose rules do not run through the `.rdp` engine. */
function withOverrides(findings: readonly Finding[], severities: SeverityOverrides | undefined): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = severities?.[f.ruleId];
    if (setting === 'off') continue;
    out.push(setting ? { ...f, severity: setting } : f);
  }
  return out;
}

/** Lints one decoded file of a known format. The single entry point the CLI and the extension share. */
export function lintText(
  format: FileFormat,
  text: string,
  options: { severities?: SeverityOverrides; bytes?: Pick<DecodedText, 'encoding' | 'bom' | 'nul'> } = {},
): LintedText {
  switch (format) {
    case 'rdp':
      return { format, findings: lintRdp(text, options).findings };
    case 'config': {
      const parsed = parseConfig(text, KNOWN_RULE_IDS);
      return { format, findings: withOverrides(parsed.findings, options.severities), config: parsed.config };
    }
  }
}
