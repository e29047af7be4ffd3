import { LineIndex, type Span } from '../text/line-index';

/** One physical line of a text export, without its line break. */
export interface TextLine {
  readonly text: string;
  readonly span: Span;
}

/** The lines of a text, split at CRLF, LF or a lone CR (the line-based readers share this). */
export function splitLines(text: string): TextLine[] {
  return new LineIndex(text).lines().map((span) => ({ text: text.slice(span.start, span.end), span }));
}
