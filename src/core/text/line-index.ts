/** Zero-based line and character (UTF-16 code units), as VS Code counts them. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A half-open range of offsets into a text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Eol = '\r\n' | '\n' | '\r';

/**
 * Maps offsets to line/character positions and back. Line starts are found on demand, up to the furthest
 * offset asked for, in one pass: a 20 MB report with findings near its start is not indexed to its end, and
 * every line ending (CRLF, LF, lone CR) costs the same. The one line splitter of the code base.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** Offsets below this are scanned. */
  private scanned = 0;

  constructor(private readonly text: string) {}

  /** The next CR and LF at or after `scanned` (the text's length when none is left), found with indexOf. */
  private nextCr = -1;
  private nextLf = -1;

  /** Scans until a line start beyond `offset` is known (or the text ends). */
  private scanTo(offset: number): void {
    const { text, starts } = this;
    let i = this.scanned;
    const length = text.length;
    while (i < length && i <= offset) {
      if (this.nextCr < i) this.nextCr = indexOrEnd(text, '\r', i);
      if (this.nextLf < i) this.nextLf = indexOrEnd(text, '\n', i);
      const lineBreak = Math.min(this.nextCr, this.nextLf);
      if (lineBreak > offset || lineBreak === length) {
        i = Math.min(offset + 1, length);
        break;
      }
      i = lineBreak + 1;
      if (lineBreak === this.nextCr && i < length && text.charCodeAt(i) === 10) i++;
      starts.push(i);
    }
    this.scanned = i;
  }

  private scanAll(): void {
    if (this.scanned < this.text.length) this.scanTo(this.text.length);
  }

  get lineCount(): number {
    this.scanAll();
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    this.scanTo(clamped);
    const { starts } = this;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - starts[low]! };
  }

  offsetAt(position: Position): number {
    this.scanAll();
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** Offset of the start of a line (the text's length past the last line). */
  lineStart(line: number): number {
    this.scanAll();
    return line < this.starts.length ? this.starts[Math.max(0, line)]! : this.text.length;
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    this.scanAll();
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    let end = next;
    if (end > this.starts[line]! && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** Each line's content span, without its line break (the line-based readers walk these). */
  lines(): Span[] {
    this.scanAll();
    return this.starts.map((start, line) => ({ start, end: this.lineEnd(line) }));
  }
}

/** The first `count` lines of a text's first `maxChars` characters (sniffing a format needs no more). */
export function firstLines(text: string, count: number, maxChars: number): string[] {
  return text.slice(0, maxChars).split(/\r\n|\r|\n/, count);
}

function indexOrEnd(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}
