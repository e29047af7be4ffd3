import { SOURCES } from '../knowledge/sources';
import type { PropertyInfo, Support } from './property-types';
import { codeSpan } from '../text/markdown';

const TYPE_NAMES = { s: 'string', i: 'integer', b: 'binary (hex)' } as const;
const SUPPORT_TEXT: Record<Support, string> = {
  applied: 'applied',
  parsed: 'read but not used',
  documented: 'documented',
  unsupported: 'not supported',
  unknown: 'unknown',
};

function escapeMd(text: string): string {
  return text.replace(/([\\`*_{}[\]<>|])/g, '\\$1');
}

/** The values a property takes, as Markdown list lines. */
function valueLines(info: PropertyInfo): string[] {
  const lines = (info.values ?? []).map((v) => `- \`${v.value === '' ? '(empty)' : v.value}\` — ${v.meaning}`);
  if (info.range) lines.push(`- any whole number from ${info.range.min} to ${info.range.max}`);
  for (const v of info.writtenValues ?? []) lines.push(`- \`${v.value}\` — not documented: ${v.meaning} Write \`${v.normal}\`.`);
  return lines;
}

function sourceLinks(info: PropertyInfo): string {
  return info.sources
    .map((id) => SOURCES[id])
    .map((s) => (s.url ? `[${s.title}](${s.url})` : s.title))
    .join(' · ');
}

/** The texts are static: each property's is built once (completion asks for every property on each request). */
const markdownCache = new WeakMap<PropertyInfo, string>();

/** Hover text for a property name: type, values with meanings, default, clients, source. */
export function propertyMarkdown(info: PropertyInfo): string {
  let text = markdownCache.get(info);
  if (text === undefined) markdownCache.set(info, (text = buildPropertyMarkdown(info)));
  return text;
}

function buildPropertyMarkdown(info: PropertyInfo): string {
  const parts = [`**${info.name}** \`${info.type}\` — ${TYPE_NAMES[info.type]}${info.displayName ? ` · "${escapeMd(info.displayName)}"` : ''}`, '', info.description];
  if (info.deprecated) parts.push('', `**Deprecated:** ${info.deprecated}`);
  const values = valueLines(info);
  if (values.length) parts.push('', '**Values**', '', ...values);
  else if (info.format) parts.push('', `**Value:** ${info.format}`);
  parts.push('', `**Default:** ${info.default !== undefined ? `\`${info.default === '' ? '(empty)' : info.default}\`` : 'none documented'}`);
  parts.push(
    '',
    `**Clients:** mstsc ${SUPPORT_TEXT[info.clients.mstsc]} · Azure Virtual Desktop ${SUPPORT_TEXT[info.clients.avd]} · FreeRDP ${SUPPORT_TEXT[info.clients.freerdp]}`,
  );
  if (info.signName) parts.push('', `Protected by an rdpsign signature as "${info.signName}".`);
  if (info.unverified) parts.push('', '_Some of this behaviour is not confirmed by a primary source._');
  parts.push('', `**Source:** ${sourceLinks(info)}`);
  return parts.join('\n');
}

/** Hover text for a value: what this value does, when the property documents it. */
export function valueMarkdown(info: PropertyInfo, rawValue: string): string | undefined {
  const value = rawValue.trim();
  const doc = info.values?.find((v) => v.value.toLowerCase() === value.toLowerCase());
  if (doc) {
    const isDefault = info.default !== undefined && info.default.toLowerCase() === value.toLowerCase();
    return `**${info.name}** = ${value === '' ? '`(empty)`' : codeSpan(value)}${isDefault ? ' (default)' : ''}\n\n${doc.meaning}`;
  }
  const written = info.writtenValues?.find((v) => v.value === value);
  if (written) return `**${info.name}** = ${codeSpan(value)} (not documented)\n\n${written.meaning} Write \`${written.normal}\`.`;
  if (info.type === 'i' && info.range && /^\d+$/.test(value)) {
    const n = Number(value);
    if (n >= info.range.min && n <= info.range.max) return `**${info.name}** = ${codeSpan(value)} (allowed range ${info.range.min}–${info.range.max})`;
  }
  return undefined;
}
