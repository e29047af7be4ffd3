import type { RdpDocument, RdpEntry } from '../../rdp/parse';
import { textValue } from '../../rdp/values';
import type { Encoding } from '../../text/decode';

/** Whether a character is one `trim()` removes (ECMAScript WhiteSpace and LineTerminator); NaN (no character) is not. */
export function isBlank(c: number): boolean {
  if (c > 32 && c < 0xa0) return false; // most names start and end with a letter
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Whether FreeRDP recognises the line's name: its parse_line compares the name as written, blanks included (client/common/file.c). */
export function freerdpReadsName(entry: RdpEntry): boolean {
  const raw = entry.rawName;
  return !isBlank(raw.charCodeAt(0)) && !isBlank(raw.charCodeAt(raw.length - 1));
}

/**
 * Whether FreeRDP gets a computer to connect to from the file, not counting `lost` (a line it does not recognise:
 * indented) or the first line behind a UTF-8 byte order mark (`bomFirstLine`). FreeRDP keeps the last line of each
 * name it recognises, and an "alternate full address" wins over "full address"
 * (freerdp_client_populate_settings_from_rdp_file, client/common/file.c); without either, ServerHostname stays unset
 * and xfreerdp stops: "server hostname was not specified" (client/X11/xf_client.c).
 */
export function freerdpHasTargetBesides(doc: RdpDocument, lost?: RdpEntry, bomFirstLine = false): boolean {
  for (const key of ['alternate full address', 'full address']) {
    const lines = doc.byKey.get(key) ?? [];
    for (let i = lines.length - 1; i >= 0; i--) {
      const entry = lines[i]!;
      if (entry === lost || (bomFirstLine && entry.line === 0) || !freerdpReadsName(entry)) continue;
      if (textValue(entry) !== undefined) return true;
      break; // the last line FreeRDP reads is empty
    }
  }
  return false;
}

/**
 * The text FreeRDP parses, when it is not the text RDP Doctor reads (else undefined), as a string of the bytes it
 * sees. `freerdp_client_parse_rdp_file_buffer_ex` decodes only UTF-16LE behind its byte order mark and copies any other
 * file as 8-bit bytes; `strtok_s` then stops at the first NUL byte (client/common/file.c, 2.11.7 and 3.x). So UTF-16BE
 * (its BOM, FE FF, included) and UTF-16LE without a BOM end at the first zero byte, which in text of Latin letters is
 * within the first character, and any other text ends at its first NUL character.
 */
export function freerdpParsedText(text: string, encoding: Encoding, bom: boolean): string | undefined {
  if (encoding === 'utf-16be' || (encoding === 'utf-16le' && !bom)) {
    let bytes = encoding === 'utf-16be' && bom ? '\xfe\xff' : '';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const [first, second] = encoding === 'utf-16be' ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8];
      if (first === 0) return bytes;
      if (second === 0) return bytes + String.fromCharCode(first);
      bytes += String.fromCharCode(first, second);
    }
    return bytes;
  }
  const nul = text.indexOf('\0');
  return nul < 0 ? undefined : text.slice(0, nul);
}
