import type { PolicySetting } from './model';
import { admxPolicyForValue } from './policy-map';
import { findValueInfo } from './policy-values/index';
import { firewallValueInfo } from './firewall-docs';
import { displayPath } from './registry-path';
import { SECRET_DATA, secretData } from './secret-names';
import { SOURCES } from '../knowledge/sources';
import { codeSpan, escapeMarkdown } from '../text/markdown';
import { originOf } from './well-known-keys';

const ORIGIN_LABEL = { policy: 'Group Policy value', listener: "RDP-Tcp listener's own value", local: 'local setting', other: 'registry value' } as const;

function shown(s: PolicySetting): string {
  if (s.deleted) return s.action === 'delete' ? 'deleted' : s.action === 'delete-values' ? 'all values of the key deleted' : 'key deleted';
  if (s.data === null) return '(no data)';
  // The same test as GPO013's messages: a hover must not show what a finding would not.
  if (secretData(s)) return SECRET_DATA;
  if (Array.isArray(s.data)) return s.data.map((d) => JSON.stringify(d)).join(', ');
  return typeof s.data === 'string' && s.type !== 'REG_BINARY' ? JSON.stringify(s.data) : String(s.data);
}

/** Markdown for a hover on a setting in a policy export: the policy, its registry value, what each value means, sources. */
export function settingMarkdown(s: PolicySetting): string {
  const info = findValueInfo(s.key, s.valueName) ?? firewallValueInfo(s);
  const policy = admxPolicyForValue(s.key, s.valueName);
  const out: string[] = [];
  const title = s.policy ?? policy?.displayName ?? (s.valueName || '(Default)');
  // The title, the GPO's name, the key, the value name and the data come from the export: escaped, never markup.
  out.push(`**${escapeMarkdown(title)}** — ${ORIGIN_LABEL[originOf(s.key)]}${s.gpo !== undefined ? ` in GPO "${escapeMarkdown(s.gpo)}"` : ''}`);
  out.push('', `${codeSpan(displayPath(s.hive, s.key, s.valueName))} = ${codeSpan(shown(s))}${s.deleted ? '' : ` (${s.type})`}`);
  if (s.precedence !== undefined && s.precedence > 1) out.push('', `This GPO lost: precedence ${s.precedence} (1 wins).`);
  if (info) {
    out.push('', info.summary);
    if (info.unit) out.push('', `Unit: ${info.unit}.`);
    if (info.values?.length) {
      out.push('', '| Value | Meaning |', '|---|---|');
      for (const v of info.values) {
        const current = !s.deleted && !secretData(s) && String(v.value) === String(s.data);
        out.push(`| ${current ? `**${v.value}**` : v.value} | ${v.meaning.replace(/\|/g, '\\|')} |`);
      }
    }
  } else {
    out.push('', 'RDP Doctor has no notes on this value.');
  }
  if (policy) out.push('', `Policy: ${policy.category.replace(/\//g, ' > ')} > *${policy.displayName}* (\`${policy.id}\`).`);
  const sources = [...new Set([...(info?.sources ?? []), ...(policy?.sources ?? [])])].map((id) => SOURCES[id]);
  if (sources.length > 0) out.push('', `Sources: ${sources.map((src) => (src.url ? `[${src.title}](${src.url})` : src.title)).join('; ')}.`);
  return out.join('\n');
}

/** The setting an offset falls in (its span, or for Registry.pol views its whole entry). */
export function settingAt(settings: readonly PolicySetting[], offset: number, file?: string): PolicySetting | undefined {
  return settings.find((s) => s.source.file === file && s.source.span.start <= offset && offset <= s.source.span.end);
}
