// Line removals in an `.rdp` text that keep every other line and its own line break (fixes, Fix All, Harden).
import type { TextEdit } from '../text/edits';
import type { RdpDocument } from './parse';

/**
 * The edit that removes a whole line with its line break. Between a line ending in a lone CR and an empty line
 * ending in LF, the line becomes an empty CRLF line instead: removed, it would leave that CR and LF side by side,
 * read as one CRLF, so the empty line after it would be lost and the line before it would end differently.
 */
export function removeLine(doc: RdpDocument, line: number): TextEdit {
  const l = doc.lines[line]!;
  const span = { start: l.span.start, end: l.span.end + l.eol.length };
  const joins = doc.lines[line - 1]?.eol === '\r' && doc.text.charCodeAt(span.end) === 10;
  return { span, newText: joins ? '\r\n' : '' };
}

/**
 * Edits of one text with each run of adjacent removals (several fixes', or Harden's, each made by `removeLine` with
 * only its own neighbours in sight) kept from joining a lone CR before the run and an LF after it into one CRLF: the
 * run's last removal becomes an empty CRLF line, as `removeLine` makes a single line. Other edits are kept as they are.
 */
export function keepBreaksApart(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const out = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let runStart = 0;
  for (let i = 0; i < out.length; i++) {
    const edit = out[i]!;
    const before = out[i - 1];
    const continues = before !== undefined && before.newText === '' && before.span.end === edit.span.start;
    if (!continues) runStart = i;
    const joins = edit.newText === '' && i > runStart && text.charCodeAt(out[runStart]!.span.start - 1) === 13 && text.charCodeAt(edit.span.end) === 10;
    if (joins) out[i] = { span: edit.span, newText: '\r\n' };
  }
  return out;
}
