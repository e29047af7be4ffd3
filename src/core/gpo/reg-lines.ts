import { LineCursor, type Span } from '../text/line-index';

/**
 * The logical lines of a `.reg` file: physical lines joined where a hex value continues (a line that ends with `\`,
 * as regedit wraps hex data at 80 columns), with the way back from a character of the joined text to its offset in
 * the file, for problems' positions.
 */

export interface LogicalLine {
  readonly text: string;
  readonly span: Span;
  /** `text[0]` is at file offset `from`, and the first physical line's characters follow it. */
  readonly from: number;
  readonly firstLength: number;
  /** `text[lastAt]` is at file offset `lastFrom`, and the last physical line's characters follow it. */
  readonly lastAt: number;
  readonly lastFrom: number;
}

/** Whether a character is one `trimStart` removes (a line holds no CR or LF). */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || ((c === 11 || c === 12 || c >= 0xa0) && /\s/.test(String.fromCharCode(c)));
}

/** Whether the cursor's line, the first of a logical line, continues on the next: a hex value's line that ends with `\`. */
function continuesFirst(text: string, cursor: LineCursor): boolean {
  const { start, end } = cursor;
  return end > start && text.charCodeAt(end - 1) === 92 && cursor.hasBreak && /=\s*hex/i.test(text.slice(start, end));
}

/**
 * The physical lines of one logical line, from the cursor's line on: `visit(from, to)` gets each one's
 * characters (a continued line without its `\`, the lines after the first without their indent), and may stop
 * the walk by returning true. Ends with the cursor on the logical line's last physical line. A line continues
 * where it ends with `\` (regedit wraps hex data at 80 columns) and a line follows.
 */
function walkLogical(text: string, cursor: LineCursor, visit: (from: number, to: number) => boolean): void {
  const { start, end } = cursor;
  let continues = continuesFirst(text, cursor);
  if (visit(start, continues ? end - 1 : end) || !continues) return;
  while (continues && cursor.advance()) {
    const { start, end } = cursor;
    let from = start;
    while (from < end && isBlank(text.charCodeAt(from))) from++;
    continues = end > from && text.charCodeAt(end - 1) === 92 && cursor.hasBreak;
    if (visit(from, continues ? end - 1 : end)) return;
  }
}

/** Joined strings of this many physical lines at a time: a value continued over millions of lines never holds a string per line. */
const JOIN_BATCH = 4096;

/**
 * Physical lines joined into logical lines, one at a time: a file of millions of blank lines never holds an
 * object per line, nor a value continued over millions of lines an object per physical line.
 */
export function* logicalLines(text: string): Generator<LogicalLine> {
  const cursor = new LineCursor(text);
  do {
    const { start, end: firstEnd } = cursor;
    if (!continuesFirst(text, cursor)) {
      yield { text: text.slice(start, firstEnd), span: { start, end: firstEnd }, from: start, firstLength: firstEnd - start, lastAt: 0, lastFrom: start };
      continue;
    }
    let firstLength = -1;
    let at = 0;
    let lastAt = 0;
    let lastFrom = start;
    let end = start;
    const batch: string[] = [];
    const joined: string[] = [];
    walkLogical(text, cursor, (from, to) => {
      if (firstLength < 0) firstLength = to - from;
      lastAt = at;
      lastFrom = from;
      end = to;
      at += to - from;
      if (to > from) batch.push(text.slice(from, to));
      if (batch.length === JOIN_BATCH) {
        joined.push(batch.join(''));
        batch.length = 0;
      }
      return false;
    });
    joined.push(batch.join(''));
    yield { text: joined.length === 1 ? joined[0]! : joined.join(''), span: { start, end }, from: start, firstLength, lastAt, lastFrom };
  } while (cursor.advance());
}

/**
 * The file offset of a logical line's character `k`. Its first and last physical lines are at hand; a character
 * between them, rare (a problem's span starts on the first line and ends on the last), walks the lines again.
 */
export function offsetIn(text: string, line: LogicalLine, k: number): number | undefined {
  if (k < 0 || k >= line.text.length) return undefined;
  if (k < line.firstLength) return line.from + k;
  if (k >= line.lastAt) return line.lastFrom + (k - line.lastAt);
  let at = 0;
  let offset = line.from;
  walkLogical(text, new LineCursor(text, line.span.start), (from, to) => {
    if (k >= at + to - from) {
      at += to - from;
      return false;
    }
    offset = from + (k - at);
    return true;
  });
  return offset;
}
