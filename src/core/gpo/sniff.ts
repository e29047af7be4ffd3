import { saxes } from './saxes-module';
import type { PolicyFormat } from './model';
import { GPP_REGISTRY_SETTINGS_CLSID, GPP_SERVICES_CLSID, NS } from './namespaces';
import { REG4_HEADER, REG5_HEADER } from './read-reg';
import { isLgpoAction, lgpoConfiguration } from './read-lgpo-text';
import { hasPolSignature } from './registry-pol-records';
import { scanHead, type HeadTag } from './xml-head';
import { firstLines } from '../text/line-index';

/** What sniffing found: an export format, or a GPO backup's `bkupInfo.xml` (which names the folder a backup). */
export type SniffedFormat = Exclude<PolicyFormat, 'gpo-backup'> | 'gpo-backup-info';

const SNIFF_CHARS = 16 * 1024;

class Stop extends Error {}

type XmlHead = { root?: { uri: string; local: string; attributes: Record<string, string> }; child?: { uri: string; local: string } };

/** The namespace and name of the root element and of its first child, read from the start of the text. */
function xmlHead(text: string): XmlHead {
  return quickXmlHead(text) ?? saxesXmlHead(text);
}

/** The namespace URI of a prefix ('' for none) in the declarations of `tags`, innermost last; undefined when a prefix is not bound. */
function resolvePrefix(prefix: string, tags: readonly HeadTag[]): string | undefined {
  const attribute = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  for (let t = tags.length - 1; t >= 0; t--) {
    const uri = tags[t]!.attributes[attribute];
    if (uri !== undefined) return uri;
  }
  return prefix === '' ? '' : undefined;
}

/** The tag's namespace and local name; undefined when saxes would stop at it: a prefix not bound, or two prefixed attributes naming one namespace and local name. */
function qualified(tag: HeadTag, scope: readonly HeadTag[]): { uri: string; local: string } | undefined {
  const expanded = new Set<string>();
  for (const name in tag.attributes) {
    const at = name.indexOf(':');
    if (at < 0 || name.startsWith('xmlns:')) continue;
    const uri = resolvePrefix(name.slice(0, at), scope);
    if (uri === undefined) return undefined;
    const key = `${uri} ${name.slice(at + 1)}`;
    if (expanded.has(key)) return undefined;
    expanded.add(key);
  }
  const colon = tag.name.indexOf(':');
  const uri = resolvePrefix(colon < 0 ? '' : tag.name.slice(0, colon), scope);
  return uri === undefined ? undefined : { uri, local: tag.name.slice(colon + 1) };
}

/**
 * The head read by the scanner (no parser loaded), for the shapes exports have; undefined where saxes must decide,
 * such as a prefix no declaration binds (saxes stops at that error). The answer is saxes's: `test/unit/gpo/sniff-head.test.ts` compares them.
 */
export function quickXmlHead(text: string): XmlHead | undefined {
  const head = scanHead(text, SNIFF_CHARS);
  if (!head) return undefined;
  const root = qualified(head.root, [head.root]);
  if (!root) return undefined;
  const found: XmlHead = { root: { ...root, attributes: { ...head.root.attributes } } };
  if (head.child) {
    const child = qualified(head.child, [head.root, head.child]);
    if (!child) return undefined;
    found.child = child;
  }
  return found;
}

/** The head as saxes reads it (the reference of `quickXmlHead`). */
export function saxesXmlHead(text: string): XmlHead {
  const found: XmlHead = {};
  const parser = new (saxes().SaxesParser)({ xmlns: true, position: false });
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
 * `signature="$CHICAGO$"`, quoted as secedit writes it or unquoted as the templates of Microsoft's 2008 security
 * guides write it (`signature=$CHICAGO$`, kept by GPO backups made from them).
 */
function isChicagoSignature(line: string): boolean {
  const compact = line.replace(/\s/g, '').toLowerCase();
  return compact === 'signature="$chicago$"' || compact === 'signature=$chicago$';
}

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
    } else if (section === 'version' && isChicagoSignature(line)) {
      signed = true;
    }
    if (signed && secedit) return true;
  }
  return false;
}

/**
 * A report the Group Policy Management Console writes as HTML (`Get-GPOReport -ReportType Html`, `gpresult /h`): an
 * `<html>` page with GPMC's own markers such as `gpmc_reportInitialized`. RDP Doctor reads the XML form of the same report.
 */
export function looksLikeGpmcHtmlReport(text: string): boolean {
  const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  return /<html[\s>]/i.test(head) && /\bgpmc_/i.test(head);
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
  // `Get-GPOReport -All`: a `<report>` of GPOs, with no namespace or in the settings namespace (the reader takes both).
  if ((root.uri === '' || root.uri === NS.settings) && root.local === 'report' && child?.uri === NS.settings && child.local === 'GPO') return 'gpo-report-xml';
  if (root.uri === NS.rsop && root.local === 'Rsop') return 'rsop-xml';
  if (root.uri === '' && root.local === 'RegistrySettings' && root.attributes.clsid?.toUpperCase() === GPP_REGISTRY_SETTINGS_CLSID.toUpperCase()) return 'gpp-registry-xml';
  if (root.uri === '' && root.local === 'NTServices' && root.attributes.clsid?.toUpperCase() === GPP_SERVICES_CLSID.toUpperCase()) return 'gpp-services-xml';
  if (root.uri === NS.backupManifest && root.local === 'BackupInst') return 'gpo-backup-info';
  return undefined;
}
