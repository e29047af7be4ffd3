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
  /** The known line starts, `count` of them: 4 bytes a line (a JavaScript array of numbers takes 8, and 10 million lines of a hostile file took 250 MB as it grew). */
  private starts = new Uint32Array(64);
  private count = 1;
  /** On the last line whose start is known. */
  private readonly cursor: LineCursor;

  constructor(private readonly text: string) {
    this.cursor = new LineCursor(text);
  }

  /** Scans until a line start beyond `offset` is known (or the text ends). */
  private scanTo(offset: number): void {
    const { cursor } = this;
    while (cursor.end <= offset && cursor.advance()) {
      if (this.count === this.starts.length) {
        const grown = new Uint32Array(this.count * 2);
        grown.set(this.starts);
        this.starts = grown;
      }
      this.starts[this.count++] = cursor.start;
    }
  }

  private scanAll(): void {
    this.scanTo(this.text.length);
  }

  get lineCount(): number {
    this.scanAll();
    return this.count;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    this.scanTo(clamped);
    const { starts } = this;
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - starts[low]! };
  }

  offsetAt(position: Position): number {
    this.scanAll();
    if (position.line >= this.count) return this.text.length;
    const start = this.starts[Math.max(0, position.line)]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** Offset of the start of a line (the text's length past the last line). */
  lineStart(line: number): number {
    this.scanAll();
    return line < this.count ? this.starts[Math.max(0, line)]! : this.text.length;
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    this.scanAll();
    const next = line + 1 < this.count ? this.starts[line + 1]! : this.text.length;
    let end = next;
    if (end > this.starts[line]! && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** Each line's content span, without its line break (the line-based readers walk these). */
  lines(): Span[] {
    this.scanAll();
    return Array.from(this.starts.subarray(0, this.count), (start, line) => ({ start, end: this.lineEnd(line) }));
  }
}

/** The first `count` lines of a text's first `maxChars` characters (sniffing a format needs no more). */
export function firstLines(text: string, count: number, maxChars: number): string[] {
  return text.slice(0, maxChars).split(/\r\n|\r|\n/, count);
}

/**
 * Walks a text's lines forward, one at a time, keeping nothing of the lines behind it (a reader that goes
 * through a text once needs no index of a hostile file's millions of line starts). The line-break rule
 * `LineIndex` counts by.
 */
export class LineCursor {
  /** The current line's content, `[start, end)` without its line break. */
  start = 0;
  end = 0;
  /** The next CR and LF at or after the current line's start (the text's length when none is left), found with indexOf. */
  private nextCr = -1;
  private nextLf = -1;

  /** On the line that starts at `start` (0, or an offset just after a line break). */
  constructor(
    private readonly text: string,
    start = 0,
  ) {
    this.moveTo(start);
  }

  /** Whether a line break ends the current line: another line, empty perhaps, follows. */
  get hasBreak(): boolean {
    return this.end < this.text.length;
  }

  /** Moves to the next line; false, staying put, on the last one. */
  advance(): boolean {
    const { text, end } = this;
    if (end >= text.length) return false;
    this.moveTo(end === this.nextCr && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1);
    return true;
  }

  private moveTo(start: number): void {
    const { text } = this;
    if (this.nextCr < start) this.nextCr = indexOrEnd(text, '\r', start);
    if (this.nextLf < start) this.nextLf = indexOrEnd(text, '\n', start);
    this.start = start;
    this.end = Math.min(this.nextCr, this.nextLf);
  }
}

function indexOrEnd(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}
