import type { PolicyDocument, ReadProblem } from './model';
import { readGppRegistry } from './read-gpp-registry';
import { parseXml, trimmedSpan } from './xml-tree';

/** Reads a Group Policy Preferences `Registry.xml` (`Preferences\Registry\Registry.xml` in a GPO; no namespace). */
export function readGppRegistryFile(text: string, gpo?: string): PolicyDocument {
  const tree = parseXml(text);
  const problems: ReadProblem[] = [...tree.problems];
  if (!tree.root) return { format: 'gpp-registry-xml', settings: [], problems };
  if (tree.root.uri !== '' || tree.root.local !== 'RegistrySettings') {
    problems.push({ severity: 'error', message: 'The XML is not a Group Policy Preferences registry file: its root is not RegistrySettings.', span: trimmedSpan(text, tree.root.tagSpan) });
    return { format: 'gpp-registry-xml', settings: [], problems };
  }
  const result = readGppRegistry(text, '', tree.root, gpo !== undefined ? { gpo } : {});
  return { format: 'gpp-registry-xml', settings: result.settings, problems: [...problems, ...result.problems] };
}
