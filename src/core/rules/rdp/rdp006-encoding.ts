import { describeEncoding } from '../../text/decode';
import type { RdpRule } from '../types';

export const rdp006: RdpRule = {
  id: 'RDP006',
  name: 'encoding',
  description: 'UTF-8 BOM, UTF-16BE, NUL bytes, or mixed line endings.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['encoding'],
  check({ doc, bytes, report }) {
    const firstLine = doc.lines[0]!.span;
    if (bytes?.encoding === 'utf-8' && bytes.bom) {
      report({ message: 'The file starts with a UTF-8 byte order mark; FreeRDP keeps it in the first name, so the first property is not recognised. Save as UTF-16LE (as mstsc does) or UTF-8 without BOM.', span: firstLine });
    }
    if (bytes?.encoding === 'utf-16be') {
      report({ message: `The file is ${describeEncoding('utf-16be', bytes.bom)}, which FreeRDP does not read; save it as UTF-16LE as mstsc does.`, span: firstLine });
    }
    if (bytes?.encoding === 'utf-16le' && !bytes.bom) {
      report({ message: 'The file is UTF-16LE without a byte order mark; clients read it as 8-bit text. Save it with a BOM as mstsc does.', span: firstLine });
    }
    // One native scan of the text; only when it finds a NUL is the line that holds it looked for (a NUL is never a line break).
    const nulAt = doc.text.indexOf('\0');
    const nulLine = nulAt < 0 ? undefined : doc.lines.find((l) => nulAt < l.span.end);
    if (nulLine) {
      report({ message: 'The text holds NUL characters: the file was probably saved in a different encoding than it declares, or is damaged.', span: nulLine.span });
    }
    if (doc.mixedEol) {
      const odd = doc.lines.find((l) => l.eol !== '' && l.eol !== doc.eol);
      if (odd) {
        const names: Record<string, string> = { '\r\n': 'CRLF', '\n': 'LF', '\r': 'CR' };
        report({ message: `Mixed line endings: this line ends with ${names[odd.eol]} while most end with ${names[doc.eol]}.`, span: odd.span });
      }
    }
  },
};
