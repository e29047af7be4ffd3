import type { Span } from '../text/line-index';

/** One physical line of a text export, without its line break. */
export interface TextLine {
  readonly text: string;
  readonly span: Span;
}

/** The lines of a text, split at CRLF, LF or a lone CR (the line-based readers share this). */
export function splitLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  let pos = 0;
  for (;;) {
    let end = pos;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    out.push({ text: text.slice(pos, end), span: { start: pos, end } });
    if (end >= text.length) return out;
    pos = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}
