// Where VS Code's text of a file differs from the file's bytes, and how the editor keeps linting what the CLI lints:
// pure (no `vscode` import), so unit tests can run it.
import type { LineEndingsOnDisk, OddLineEnding } from '../core/rdp/line-endings';
import { LineIndex } from '../core/text/line-index';

/** One change of a document's text as VS Code reports it: each range is in the text the changes before it left. */
export interface LineChange {
  readonly range: { readonly start: { readonly line: number }; readonly end: { readonly line: number } };
  readonly text: string;
}

/**
 * The odd line endings of the file on disk, moved with their lines through changes of the document: a change above a
 * line renumbers it, one that takes its line break away leaves it out (that ending is no longer in the text). Undefined
 * when none is left.
 */
export function shiftLineEndings(onDisk: LineEndingsOnDisk, changes: readonly LineChange[]): LineEndingsOnDisk | undefined {
  let odd = onDisk.odd;
  for (const { range, text } of changes) {
    const { line: first } = range.start;
    const { line: last } = range.end;
    const added = (text === '' ? 0 : new LineIndex(text).lineCount - 1) - (last - first);
    if (added === 0 && first === last) continue; // typed within a line
    const next: OddLineEnding[] = [];
    for (const o of odd) {
      if (o.line < first) next.push(o);
      else if (o.line >= last) next.push(added === 0 ? o : { line: o.line + added, eol: o.eol });
      // A line from `first` to before `last` had its line break in the range replaced.
    }
    odd = next;
  }
  if (odd === onDisk.odd) return onDisk;
  return odd.length > 0 ? { most: onDisk.most, odd } : undefined;
}
