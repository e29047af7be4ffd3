import type { RdpDocument } from '../../src/core/rdp/parse';

/** Prints a parsed document from its parts; equals the input for every input (the parser's round-trip property). */
export function printRdp(doc: RdpDocument): string {
  let out = '';
  for (const line of doc.lines) {
    const e = line.entry;
    out += e ? `${e.rawName}:${e.type}:${e.value}` : doc.text.slice(line.span.start, line.span.end);
    out += line.eol;
  }
  return out;
}
