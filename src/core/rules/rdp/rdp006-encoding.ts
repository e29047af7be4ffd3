import type { RdpDocument } from '../../rdp/parse';
import { describeEncoding } from '../../text/decode';
import type { Report, RdpRule } from '../types';
import { quote } from '../messages';
import { freerdpHasTargetBesides } from './freerdp-target';

const RESAVE = 'Save the file as UTF-16LE (as mstsc does) or as UTF-8 without BOM.';

/**
 * What a UTF-8 byte order mark costs FreeRDP: freerdp_client_parse_rdp_file_buffer_ex (client/common/file.c, the
 * same in 2.11) decodes only a UTF-16LE one, so the three bytes stay at the start of the first line and its name,
 * compared whole (_stricmp), matches no property. strtok_s skips no BOM, so a first line without a property loses
 * nothing. Without "full address" (nor an "alternate full address", which wins, nor a later "full address") FreeRDP
 * sets no ServerHostname and xfreerdp stops: "server hostname was not specified" (client/X11/xf_client.c).
 */
function utf8Bom(doc: RdpDocument): Report {
  const first = doc.lines[0]!;
  const entry = first.entry;
  if (!entry) {
    return { message: `The file starts with a UTF-8 byte order mark, which FreeRDP keeps at the start of the first line; that line holds no property, so nothing is lost yet, but a property written there would not be recognised. ${RESAVE}`, span: first.span };
  }
  const lost = `The file starts with a UTF-8 byte order mark, which FreeRDP keeps in the first name: it does not recognise ${quote(entry.key)}, the first property`;
  if (entry.key === 'full address' && !freerdpHasTargetBesides(doc, entry, true)) {
    return {
      message: `${lost}, and no other "full address" or "alternate full address" line gives it a computer, so FreeRDP has nothing to connect to (xfreerdp stops with "server hostname was not specified") unless one is given on its command line. ${RESAVE}`,
      span: first.span,
      subject: 'full address',
      severity: 'error',
    };
  }
  return { message: `${lost}, and ignores it. ${RESAVE}`, span: first.span, subject: entry.key };
}

export const rdp006: RdpRule = {
  id: 'RDP006',
  name: 'encoding',
  description: 'UTF-8 BOM, UTF-16BE, NUL bytes, or mixed line endings.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['encoding'],
  check({ doc, bytes, report }) {
    const firstLine = doc.lines[0]!.span;
    if (bytes?.encoding === 'utf-8' && bytes.bom) report(utf8Bom(doc));
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
