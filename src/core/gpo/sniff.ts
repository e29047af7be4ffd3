import { SaxesParser } from 'saxes';
import type { PolicyFormat } from './model';
import { GPP_REGISTRY_SETTINGS_CLSID, NS } from './namespaces';
import { REG4_HEADER, REG5_HEADER } from './read-reg';
import { isLgpoAction, lgpoConfiguration } from './read-lgpo-text';
import { hasPolSignature } from './registry-pol-records';
import { firstLines } from '../text/line-index';

/** What sniffing found: an export format, or a GPO backup's `bkupInfo.xml` (which names the folder a backup). */
export type SniffedFormat = Exclude<PolicyFormat, 'gpo-backup'> | 'gpo-backup-info';

const SNIFF_CHARS = 16 * 1024;

class Stop extends Error {}

/** The namespace and name of the root element and of its first child, read from the start of the text. */
function xmlHead(text: string): { root?: { uri: string; local: string; attributes: Record<string, string> }; child?: { uri: string; local: string } } {
  const found: ReturnType<typeof xmlHead> = {};
  const parser = new SaxesParser({ xmlns: true, position: false });
  let depth = 0;
  parser.on('opentag', (tag) => {
    const t = tag as unknown as { uri: string; local: string; attributes: Record<string, { value: string }> };
    if (depth === 0) {
      found.root = { uri: t.uri, local: t.local, attributes: Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, v.value])) };
      if (tag.isSelfClosing) throw new Stop();
    } else {
      found.child = { uri: t.uri, local: t.local };
      throw new Stop();
    }
    depth++;
  });
  parser.on('error', () => {
    throw new Stop();
  });
  try {
    parser.write(text.slice(0, SNIFF_CHARS));
  } catch {
    // Stop, or text that is not XML: what was found so far decides.
  }
  return found;
}

function headLines(text: string, count: number): string[] {
  return firstLines(text, count, 8192);
}

/** LGPO text: after comments and blank lines, a configuration line, two more lines, then an action. */
function looksLikeLgpo(text: string): boolean {
  const lines = headLines(text, 400).filter((l) => l.trim() !== '' && !l.trimStart().startsWith(';'));
  return lines.length >= 4 && lgpoConfiguration(lines[0]!) !== undefined && isLgpoAction(lines[3]!);
}

/** The sections secedit writes in a security template besides `[Version]` (gpo-formats.md §6). */
const SECEDIT_SECTIONS: ReadonlySet<string> = new Set([
  'unicode',
  'system access',
  'system log',
  'security log',
  'application log',
  'event audit',
  'kerberos policy',
  'registry values',
  'registry keys',
  'privilege rights',
  'service general setting',
  'file security',
  'group membership',
  'profile description',
]);

/** How far the template sniffer reads: GPMC and secedit write `[Version]` last, after sections of any length. */
export const TEMPLATE_SNIFF_CHARS = 1024 * 1024;

/**
 * A security template (`GptTmpl.inf`): its first line that is not blank or a comment opens a section, it has a
 * `[Version]` section with `signature="$CHICAGO$"` and at least one section only secedit writes, wherever
 * they are in the first TEMPLATE_SNIFF_CHARS characters. A driver INF has the signature but none of those sections.
 */
export function looksLikeSecurityTemplate(text: string): boolean {
  const head = text.length > TEMPLATE_SNIFF_CHARS ? text.slice(0, TEMPLATE_SNIFF_CHARS) : text;
  let section: string | undefined;
  let signed = false;
  let secedit = false;
  for (let pos = 0; pos < head.length; ) {
    let end = pos;
    while (end < head.length && head.charCodeAt(end) !== 10 && head.charCodeAt(end) !== 13) end++;
    const line = head.slice(pos, end).trim();
    pos = end + 1;
    if (line === '' || line.startsWith(';')) continue;
    if (line.startsWith('[') && line.endsWith(']')) {
      section = line.slice(1, -1).trim().toLowerCase();
      if (SECEDIT_SECTIONS.has(section)) secedit = true;
    } else if (section === undefined) {
      return false;
    } else if (section === 'version' && line.replace(/\s/g, '').toLowerCase() === 'signature="$chicago$"') {
      signed = true;
    }
    if (signed && secedit) return true;
  }
  return false;
}

/** Detects a policy export from its bytes and decoded text; undefined for anything else (unrelated XML, `.reg` or text). */
export function sniffPolicyExport(bytes: Uint8Array | undefined, text: string): SniffedFormat | undefined {
  if (bytes && hasPolSignature(bytes)) return 'registry-pol';
  const start = text.search(/\S/);
  if (start < 0) return undefined;
  if (text.charCodeAt(start) === 60 /* < */) return sniffXml(text);
  const first = firstLines(text.slice(start), 1, 8192)[0]!.trim();
  if (first === REG5_HEADER || first === REG4_HEADER) return 'reg';
  if (looksLikeSecurityTemplate(text)) return 'security-template';
  if (looksLikeLgpo(text)) return 'lgpo-text';
  return undefined;
}

function sniffXml(text: string): SniffedFormat | undefined {
  const { root, child } = xmlHead(text);
  if (!root) return undefined;
  if (root.uri === NS.settings && root.local === 'GPO') return 'gpo-report-xml';
  if (root.uri === '' && root.local === 'report' && child?.uri === NS.settings && child.local === 'GPO') return 'gpo-report-xml';
  if (root.uri === NS.rsop && root.local === 'Rsop') return 'rsop-xml';
  if (root.uri === '' && root.local === 'RegistrySettings' && root.attributes.clsid?.toUpperCase() === GPP_REGISTRY_SETTINGS_CLSID.toUpperCase()) return 'gpp-registry-xml';
  if (root.uri === NS.backupManifest && root.local === 'BackupInst') return 'gpo-backup-info';
  return undefined;
}
