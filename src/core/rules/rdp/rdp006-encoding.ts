import { EOL_NAMES, firstOddLineEnding, type LineEndingsOnDisk, type OddLineEnding } from '../../rdp/line-endings';
import { parseRdp, type RdpDocument } from '../../rdp/parse';
import { describeEncoding, type DecodedText } from '../../text/decode';
import type { Eol } from '../../text/line-index';
import type { Report, RdpRule } from '../types';
import { quote } from '../messages';
import { freerdpHasTargetBesides, freerdpParsedText } from './freerdp-target';

const RESAVE = 'Save the file as UTF-16LE (as mstsc does) or as UTF-8 without BOM.';
const NO_TARGET = 'so FreeRDP has nothing to connect to (xfreerdp stops with "server hostname was not specified") unless one is given on its command line';

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
      message: `${lost}, and no other "full address" or "alternate full address" line gives it a computer, ${NO_TARGET}. ${RESAVE}`,
      span: first.span,
      subject: 'full address',
      severity: 'error',
    };
  }
  return { message: `${lost}, and ignores it. ${RESAVE}`, span: first.span, subject: entry.key };
}

/**
 * UTF-16BE, or UTF-16LE without a BOM: FreeRDP reads the bytes as 8-bit text that ends at the first zero byte
 * (`freerdpParsedText`), so it reads no line of a file of Latin letters: an error when that leaves it no computer.
 * xfreerdp 2.11.7 stops with "server hostname was not specified" on both.
 */
function undecodedUtf16(doc: RdpDocument, bytes: Pick<DecodedText, 'encoding' | 'bom'>): Report {
  const span = doc.lines[0]!.span;
  const encoding = describeEncoding(bytes.encoding, bytes.bom);
  const seen = parseRdp(freerdpParsedText(doc.text, bytes.encoding, bytes.bom) ?? '');
  if (!freerdpHasTargetBesides(seen)) {
    const read = seen.entries.length === 0 ? 'no property of the file' : 'only the start of the file, which holds no "full address"';
    return { message: `The file is ${encoding}, which FreeRDP does not decode: it reads the bytes as 8-bit text that ends at the first zero byte, so it reads ${read}, ${NO_TARGET}. Save it as UTF-16LE with a BOM, as mstsc does.`, span, severity: 'error' };
  }
  return bytes.encoding === 'utf-16be'
    ? { message: `The file is ${encoding}, which FreeRDP does not read; save it as UTF-16LE as mstsc does.`, span }
    : { message: 'The file is UTF-16LE without a byte order mark; clients read it as 8-bit text. Save it with a BOM as mstsc does.', span };
}

/**
 * The first NUL character: FreeRDP stops reading the file there (strtok_s, `freerdpParsedText`). An error when the
 * lines it then loses held its only computer to connect to (`utf8Bom`: the first line is lost already). Not asked in
 * UTF-16 that FreeRDP does not decode (`undecoded`): it stopped before, and undecodedUtf16 says what it reads.
 */
function nulCharacter(doc: RdpDocument, nulAt: number, utf8Bom: boolean, undecoded: boolean): Report {
  const span = doc.lines.find((l) => nulAt < l.span.end)!.span;
  const cause = 'the file was probably saved in a different encoding than it declares, or is damaged.';
  const loses = !undecoded && freerdpHasTargetBesides(doc, undefined, utf8Bom) && !freerdpHasTargetBesides(parseRdp(doc.text.slice(0, nulAt)), undefined, utf8Bom);
  if (!loses) return { message: `The text holds NUL characters: ${cause}`, span };
  return { message: `The text holds a NUL character, where FreeRDP stops reading the file: it reads no "full address" or "alternate full address" after it, ${NO_TARGET}. Probably ${cause}`, span, severity: 'error' };
}

/**
 * A UTF-16 file whose byte count is odd: its last byte is half a character. FreeRDP converts `size / 2 - 1`
 * characters after the BOM (charlen in freerdp_client_parse_rdp_file_buffer_ex, client/common/file.c), so it drops
 * the byte, as the decoding here does; what mstsc does with it is not documented. Such a file was cut short, or had
 * 8-bit text appended to it (`echo x >> file.rdp`), whose own characters are then misread too.
 */
function oddByte(doc: RdpDocument, bytes: Pick<DecodedText, 'encoding' | 'bom'>): Report {
  const last = [...doc.lines].reverse().find((l) => l.kind !== 'blank') ?? doc.lines[doc.lines.length - 1]!;
  return {
    message: `The file is ${describeEncoding(bytes.encoding, bytes.bom)} but has an odd number of bytes: its last byte is half a character, which FreeRDP drops (and RDP Doctor with it). The file was probably cut short, or 8-bit text was added to its end; check its last lines and save it again as UTF-16LE.`,
    span: last.span,
  };
}

/**
 * The first line that does not end as most do: in the text, or (an editor's text, which gives every line one ending
 * when it reads the file) on disk, as long as the line is there. The editor's also says that saving rewrites them.
 */
function mixedLineEndings(doc: RdpDocument, onDisk: LineEndingsOnDisk | undefined): Report | undefined {
  const said = (odd: OddLineEnding, most: Eol): string => `Mixed line endings: this line ends with ${EOL_NAMES[odd.eol]} while most end with ${EOL_NAMES[most]}.`;
  const odd = firstOddLineEnding(doc);
  if (odd) return { message: said(odd, doc.eol), span: doc.lines[odd.line]!.span };
  const first = onDisk?.odd[0];
  const line = first && doc.lines[first.line];
  if (!first || !line) return undefined;
  // NOTE: VS Code keeps one line ending for the whole document and writes every line with it (microsoft/vscode#127).
  return { message: `${said(first, onDisk.most)} VS Code shows every line with the document's line ending (${EOL_NAMES[doc.eol]}) and writes them all with it when the file is saved.`, span: line.span };
}

export const rdp006: RdpRule = {
  id: 'RDP006',
  name: 'encoding',
  description: 'UTF-8 BOM, UTF-16BE, NUL bytes, or mixed line endings.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['encoding'],
  check({ doc, bytes, report }) {
    if (bytes?.encoding === 'utf-8' && bytes.bom) report(utf8Bom(doc));
    const undecoded = bytes !== undefined && (bytes.encoding === 'utf-16be' || (bytes.encoding === 'utf-16le' && !bytes.bom));
    if (undecoded) report(undecodedUtf16(doc, bytes));
    if (bytes?.oddByte) report(oddByte(doc, bytes));
    // One native scan of the text; only when it finds a NUL is the line that holds it looked for (a NUL is never a line break).
    const nulAt = doc.text.indexOf('\0');
    if (nulAt >= 0) report(nulCharacter(doc, nulAt, bytes?.encoding === 'utf-8' && bytes.bom, undecoded));
    const mixed = mixedLineEndings(doc, bytes?.lineEndings);
    if (mixed) report(mixed);
  },
};
