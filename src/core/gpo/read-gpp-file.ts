import type { PolicyDocument, PolicyFormat, ReadProblem, PolicySetting } from './model';
import type { SettingOrigin } from './read-admx-policy';
import { readGppRegistry } from './read-gpp-registry';
import { readGppServices } from './read-gpp-services';
import { parseXml, trimmedSpan, type XmlElement } from './xml-tree';

type GppRead = (text: string, uri: string, root: XmlElement, origin: Omit<SettingOrigin, 'hive'>) => { settings: PolicySetting[]; problems: ReadProblem[] };

/** A Group Policy Preferences file of one extension: its root element (no namespace), and what it is called in a message. */
function readGppFile(text: string, format: PolicyFormat, rootName: string, what: string, read: GppRead, gpo?: string): PolicyDocument {
  const tree = parseXml(text);
  const problems: ReadProblem[] = [...tree.problems];
  if (!tree.root) return { format, settings: [], problems };
  if (tree.root.uri !== '' || tree.root.local !== rootName) {
    problems.push({ severity: 'error', message: `The XML is not a Group Policy Preferences ${what} file: its root is not ${rootName}.`, span: trimmedSpan(text, tree.root.tagSpan) });
    return { format, settings: [], problems };
  }
  const result = read(text, '', tree.root, gpo !== undefined ? { gpo } : {});
  return { format, settings: result.settings, problems: [...problems, ...result.problems] };
}

/** Reads a Group Policy Preferences `Registry.xml` (`Preferences\Registry\Registry.xml` in a GPO; no namespace). */
export function readGppRegistryFile(text: string, gpo?: string): PolicyDocument {
  return readGppFile(text, 'gpp-registry-xml', 'RegistrySettings', 'registry', readGppRegistry, gpo);
}

/** Reads a Group Policy Preferences `Services.xml` (`Machine\Preferences\Services\Services.xml` in a GPO; no namespace). */
export function readGppServicesFile(text: string, gpo?: string): PolicyDocument {
  return readGppFile(text, 'gpp-services-xml', 'NTServices', 'services', readGppServices, gpo);
}
