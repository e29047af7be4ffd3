// Where VS Code's text of a file differs from the file's bytes, and how the editor keeps linting what the CLI lints:
// pure (no `vscode` import), so unit tests can run it.
import type { LineEndingsOnDisk, OddLineEnding } from '../core/rdp/line-endings';
import type { ByteFacts } from '../core/rules/types';
import { LineIndex } from '../core/text/line-index';

/**
 * What VS Code's decoder makes of the lone last byte of a UTF-16 file (DecodedText.oddByte), at the end of the
 * document's text. NOTE: UTF-16LE: VS Code decodes with @vscode/iconv-lite-umd (textfile/common/encoding.ts), whose
 * UCS-2 decoder is the `string_decoder` package over the `buffer` polyfill it bundles: at the end `utf16End` converts
 * the held byte alone, and that polyfill's `utf16leSlice` adds the missing second byte as `undefined`, so
 * `String.fromCharCode(NaN)`, a NUL, whatever the byte (iconv-lite-umd 0.7.0 in VS Code 1.99; the bytes-on-disk VS
 * Code test holds it). UTF-16BE: iconv-lite's Utf16BEDecoder drops the byte (its `end()` returns nothing), as the CLI does.
 */
function oddByteCharacters(bytes: Pick<ByteFacts, 'encoding' | 'oddByte'> | undefined): string {
  return bytes?.oddByte === true && bytes.encoding === 'utf-16le' ? '\0' : '';
}

/**
 * How many characters at the end of a document are what VS Code made of its file's lone last byte, given the text of
 * its last line: left out of the lint while the document still ends with them (the CLI drops the byte, as FreeRDP
 * does), so no line is reported for them. Every other offset stays as it is.
 */
export function oddByteLength(bytes: Pick<ByteFacts, 'encoding' | 'oddByte'> | undefined, lastLine: string): number {
  const made = oddByteCharacters(bytes);
  return made !== '' && lastLine.endsWith(made) ? made.length : 0;
}

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
