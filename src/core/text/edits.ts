import type { Span } from './line-index';

/** Replace the text in `span` with `newText`. Offsets refer to the decoded text. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface AppliedEdits {
  readonly text: string;
  readonly applied: readonly TextEdit[];
  /** Edits dropped because they overlapped an edit applied before them. */
  readonly dropped: readonly TextEdit[];
}

/** Two edits' spans clash if they share a character, or are the same span (two insertions at one point). */
export function spansOverlap(a: Span, b: Span): boolean {
  return (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end);
}

/**
 * Applies edits in document order. An edit that overlaps one already taken is dropped,
 * so fix-all never produces a garbled line; running the fixes again picks the rest up.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): AppliedEdits {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const applied: TextEdit[] = [];
  const dropped: TextEdit[] = [];
  for (const edit of sorted) {
    if (edit.span.start < 0 || edit.span.end > text.length || edit.span.start > edit.span.end) {
      dropped.push(edit);
    } else if (applied.some((taken) => spansOverlap(taken.span, edit.span))) {
      dropped.push(edit);
    } else {
      applied.push(edit);
    }
  }
  let out = '';
  let cursor = 0;
  for (const edit of applied) {
    out += text.slice(cursor, edit.span.start) + edit.newText;
    cursor = edit.span.end;
  }
  out += text.slice(cursor);
  return { text: out, applied, dropped };
}
