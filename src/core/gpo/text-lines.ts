import { LineIndex, type Span } from '../text/line-index';

/** One physical line of a text export, without its line break. */
export interface TextLine {
  readonly text: string;
  readonly span: Span;
}

/**
 * The lines of a text, split at CRLF, LF or a lone CR (the line-based readers share this). Each line is made
 * when asked for: a hostile file of millions of blank lines holds its line starts, not an object per line
 * (which took 3.5 GB for an 8 MB `.reg` file of line breaks).
 */
export class TextLines implements Iterable<TextLine> {
  private readonly index: LineIndex;
  readonly count: number;

  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
    this.count = this.index.lineCount;
  }

  /** Line `line` (zero-based), undefined past either end. */
  at(line: number): TextLine | undefined {
    if (line < 0 || line >= this.count) return undefined;
    const start = this.index.lineStart(line);
    const end = this.index.lineEnd(line);
    return { text: this.text.slice(start, end), span: { start, end } };
  }

  *[Symbol.iterator](): Iterator<TextLine> {
    for (let line = 0; line < this.count; line++) yield this.at(line)!;
  }
}

/** The lines of a text (see `TextLines`). */
export function splitLines(text: string): TextLines {
  return new TextLines(text);
}
