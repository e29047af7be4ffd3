import type { GpoIdentity, Hive, PolicyDocument, PolicySetting, ReadProblem } from './model';
import { NS } from './namespaces';
import { openContainers, readExtension, unmappedProblems, type ExtensionReader } from './read-extension';
import { REPORT_SKIP } from './namespaces';
import { childNamed, childrenNamed, childText, parseXml, trimmedSpan, type XmlElement } from './xml-tree';
import { appendAll } from '../text/collections';
import { linksOf } from './links';
import { disabledHalfNote, type GpoHalf } from './disabled-half';

const SECTIONS: readonly [string, Hive, GpoHalf][] = [
  ['Computer', 'HKLM', 'computer'],
  ['User', 'HKCU', 'user'],
];

/** The elements that hold a report's settings: a truncated report's open ones are read as far as they go. */
// Group Policy Preferences' registry items sit in RegistrySettings and, nested, Collection elements; service items in NTServices.
const CONTAINERS: ReadonlySet<string> = new Set(['report', 'GPO', 'Computer', 'User', 'ExtensionData', 'Extension', 'RegistrySettings', 'NTServices', 'Collection']);

/** The `GPO` elements of a report: the root itself, or the children of `<report>` (`Get-GPOReport -All`). */
function gpoElements(root: XmlElement): XmlElement[] {
  if (root.uri === NS.settings && root.local === 'GPO') return [root];
  if (root.local === 'report') return childrenNamed(root, NS.settings, 'GPO');
  return [];
}

/**
 * Reads the Computer and User settings of one GPO. A half whose `Enabled` is false is not applied by Windows, so its
 * settings are read only to say, in one note, that its Remote Desktop values are not checked. The links of a GPO cut
 * short (`whole` false) are unknown: its `LinksTo` come last, and those before the cut may not be all.
 */
function readGpo(text: string, gpo: XmlElement, settings: PolicySetting[], problems: ReadProblem[], unmapped: ExtensionReader['unmapped'], gpos: GpoIdentity[], whole = true): void {
  const name = childText(text, gpo, NS.settings, 'Name')?.value;
  // `Identifier` holds the GPO's GUID and domain (gpo-formats.md §1.1): a gpresult names its GPOs the same way.
  const identifier = childNamed(gpo, NS.settings, 'Identifier');
  const id = identifier ? childText(text, identifier, NS.types, 'Identifier')?.value : undefined;
  const domain = identifier ? childText(text, identifier, NS.types, 'Domain')?.value : undefined;
  if (name || id) gpos.push({ ...(name && { name }), ...(id && { id }), ...(domain && { domain }) });
  const first = settings.length;
  for (const [section, hive, half] of SECTIONS) {
    const sectionEl = childNamed(gpo, NS.settings, section);
    if (!sectionEl) continue;
    const enabled = childText(text, sectionEl, NS.settings, 'Enabled');
    const disabled = enabled?.value.toLowerCase() === 'false';
    const origin = { hive, ...(name !== undefined && { gpo: name }) };
    const reader: ExtensionReader = disabled ? { text, originOf: () => origin, settings: [], problems: [], unmapped: [] } : { text, originOf: () => origin, settings, problems, unmapped };
    for (const data of childrenNamed(sectionEl, NS.settings, 'ExtensionData')) {
      const extension = childNamed(data, NS.settings, 'Extension');
      if (extension) readExtension(reader, extension, childText(text, data, NS.settings, 'Name')?.value);
    }
    const note = disabled ? disabledHalfNote(half, reader.settings, `its ${section} "Enabled" is false`, name) : undefined;
    if (note) problems.push({ severity: 'info', message: note, span: enabled!.span });
  }
  const links = whole ? linksOf(text, gpo) : [];
  if (links.length > 0) for (let i = first; i < settings.length; i++) settings[i] = { ...settings[i]!, links };
}

/**
 * Reads `Get-GPOReport -ReportType Xml` output (one GPO, or `-All`'s `<report>`), also `gpreport.xml` in
 * backups. Each GPO is read as soon as it closes and then dropped, so a report of hundreds of GPOs
 * never sits in memory as one tree; one cut short is read up to its last complete setting.
 */
export function readGpoReport(text: string): PolicyDocument {
  const settings: PolicySetting[] = [];
  const problems: ReadProblem[] = [];
  const unmapped: ExtensionReader['unmapped'] = [];
  const gpos: GpoIdentity[] = [];
  let read = 0;
  const tree = parseXml(text, {
    skip: REPORT_SKIP,
    onClose(element) {
      if (element.uri !== NS.settings || element.local !== 'GPO') return undefined;
      readGpo(text, element, settings, problems, unmapped, gpos);
      read++;
      return 'drop';
    },
    onRestart() {
      settings.length = 0;
      problems.length = 0;
      unmapped.length = 0;
      gpos.length = 0;
      read = 0;
    },
  });
  // A GPO whose end tag never came (a truncated report): its settings before the cut are read; the reader error stays.
  for (const open of tree.unclosed ? openContainers(tree.unclosed, CONTAINERS) : []) {
    if (open.uri === NS.settings && open.local === 'GPO') readGpo(text, open, settings, problems, unmapped, gpos, false);
  }
  problems.unshift(...tree.problems);
  if (tree.root && read === 0 && gpoElements(tree.root).length === 0) {
    problems.push({ severity: 'error', message: 'The XML is not a Group Policy report: its root is not a GPO element in the Group Policy settings namespace.', span: trimmedSpan(text, tree.root.tagSpan) });
  }
  appendAll(problems, unmappedProblems(unmapped, 'gpo-report-xml'));
  return { format: 'gpo-report-xml', settings, problems, ...(gpos.length > 0 && { gpos }) };
}
