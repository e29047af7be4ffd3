import type { RdpDocument, RdpLine } from '../../rdp/parse';
import type { RdpRule } from '../types';

/**
 * The first non-blank line of a document with no property line, when it opens an XML document: the whole file is
 * XML (an Apple property list, as an old Mac client saved one: VirtualCable/openuds keeps such a `test.rdp`), and one
 * finding says so instead of one per line.
 */
function xmlStart(doc: RdpDocument): RdpLine | undefined {
  if (doc.entries.length > 0) return undefined;
  const first = doc.lines.find((l) => l.kind !== 'blank');
  if (first === undefined) return undefined;
  return /^\s*(\uFEFF)?<(\?xml|!DOCTYPE\s+plist|plist)\b/i.test(doc.text.slice(first.span.start, first.span.end)) ? first : undefined;
}

export const rdp001: RdpRule = {
  id: 'RDP001',
  name: 'malformed-line',
  description: 'A non-blank line is not name:type:value.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['syntax'],
  check({ doc, report }) {
    // As many property lines as lines (most files): no other line, nothing to look at.
    if (doc.entries.length === doc.lines.length) return;
    const xml = xmlStart(doc);
    if (xml) {
      const what = /<plist\b/i.test(doc.text) ? 'an XML property list (an Apple plist)' : 'an XML document';
      report({ message: `The file is ${what}, not name:type:value lines: clients that read .rdp files (Remote Desktop Connection, FreeRDP) find no setting in it.`, span: xml.span });
      return;
    }
    const lines = doc.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.kind !== 'malformed') continue;
      report({ message: `Clients skip this line: ${line.problem}.`, span: line.span });
    }
  },
};
