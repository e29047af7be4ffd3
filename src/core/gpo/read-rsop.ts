import type { GpoIdentity, Hive, PolicyDocument, PolicySetting, ReadProblem, RsopSubject } from './model';
import { NS } from './namespaces';
import { openContainers, readExtension, unmappedProblems, type ExtensionReader } from './read-extension';
import { REPORT_SKIP } from './namespaces';
import { childNamed, childrenNamed, childText, parseXml, trimmedSpan, type XmlElement } from './xml-tree';
import { appendAll } from '../text/collections';

/** The elements that hold the settings: a truncated report's open ones are read as far as they go. */
// Group Policy Preferences' registry items sit in RegistrySettings and, nested, Collection elements; service items in NTServices.
const CONTAINERS: ReadonlySet<string> = new Set(['Rsop', 'ComputerResults', 'UserResults', 'ExtensionData', 'Extension', 'RegistrySettings', 'NTServices', 'Collection']);

const RESULTS: readonly [string, Hive][] = [
  ['ComputerResults', 'HKLM'],
  ['UserResults', 'HKCU'],
];

/** The `GPO` list of a results section: every GPO considered for the computer (or user), applied or not. */
function gpoList(text: string, results: XmlElement): GpoIdentity[] {
  return childrenNamed(results, NS.rsop, 'GPO').map((gpo) => {
    const name = childText(text, gpo, NS.rsop, 'Name')?.value;
    const path = childNamed(gpo, NS.rsop, 'Path');
    const id = path ? childText(text, path, NS.types, 'Identifier')?.value : undefined;
    const domain = path ? childText(text, path, NS.types, 'Domain')?.value : undefined;
    return { ...(name && { name }), ...(id && { id }), ...(domain && { domain }) };
  });
}

/** GPO identifier → display name. */
function gpoNames(list: readonly GpoIdentity[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const { name, id } of list) if (name && id) names.set(id.toUpperCase(), name);
  return names;
}

/**
 * Reads `gpresult /x` (RSoP XML). Each setting names its GPO and precedence: 1 wins, higher numbers
 * are values that lost (they feed GPO013 and are otherwise ignored by the rules).
 */
export function readRsop(text: string): PolicyDocument {
  const tree = parseXml(text, { skip: REPORT_SKIP });
  // A report cut short: a setting whose end tag never came is not read as if it were whole.
  if (tree.unclosed) openContainers(tree.unclosed, CONTAINERS);
  const settings: PolicySetting[] = [];
  const problems: ReadProblem[] = [...tree.problems];
  const root = tree.root;
  if (root && !(root.uri === NS.rsop && root.local === 'Rsop')) {
    problems.push({ severity: 'error', message: 'The XML is not a gpresult report: its root is not an Rsop element in the RSoP namespace.', span: trimmedSpan(text, root.tagSpan) });
  }
  const unmapped: ExtensionReader['unmapped'] = [];
  let rsop: RsopSubject | undefined;
  for (const [section, hive] of root?.local === 'Rsop' ? RESULTS : []) {
    const results = childNamed(root!, NS.rsop, section);
    if (!results) continue;
    const list = gpoList(text, results);
    const names = gpoNames(list);
    if (section === 'ComputerResults') {
      // The computer whose resultant policy this is (gpresult /s, or the local one): `DOMAIN\HOST$`.
      const computer = childText(text, results, NS.rsop, 'Name')?.value;
      rsop = { ...(computer && { computer }), gpos: list };
    }
    const reader: ExtensionReader = {
      text,
      originOf(element) {
        const gpoEl = childNamed(element, NS.base, 'GPO');
        const id = gpoEl ? childText(text, gpoEl, NS.types, 'Identifier')?.value : undefined;
        const precedence = Number(childText(text, element, NS.base, 'Precedence')?.value);
        const gpo = id ? (names.get(id.toUpperCase()) ?? (id === 'LocalGPO' ? 'Local Group Policy' : id)) : undefined;
        return { hive, ...(gpo !== undefined && { gpo }), ...(Number.isInteger(precedence) && precedence > 0 && { precedence }) };
      },
      settings,
      problems,
      unmapped,
    };
    for (const data of childrenNamed(results, NS.rsop, 'ExtensionData')) {
      const extension = childNamed(data, NS.settings, 'Extension');
      if (extension) readExtension(reader, extension, childText(text, data, NS.settings, 'Name')?.value);
    }
  }
  appendAll(problems, unmappedProblems(unmapped, 'rsop-xml'));
  return { format: 'rsop-xml', settings, problems, ...(rsop && { rsop }) };
}
