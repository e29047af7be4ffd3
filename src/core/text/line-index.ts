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

/** Maps offsets to line/character positions and back; built once per text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low]! };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    let end = next;
    if (end > this.starts[line]! && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** The most common line break in a text, and whether several kinds occur. */
export function detectEol(text: string): { eol: Eol; mixed: boolean; counts: Record<Eol, number> } {
  const counts: Record<Eol, number> = { '\r\n': 0, '\n': 0, '\r': 0 };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        counts['\r\n']++;
        i++;
      } else counts['\r']++;
    } else if (c === 10) counts['\n']++;
  }
  const kinds = (Object.keys(counts) as Eol[]).filter((k) => counts[k] > 0);
  const eol = kinds.sort((a, b) => counts[b] - counts[a])[0] ?? '\r\n';
  return { eol, mixed: kinds.length > 1, counts };
}
