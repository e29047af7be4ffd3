import type { Eol } from '../text/line-index';
import { parseRdp, type RdpDocument } from './parse';

/** How a line ending is named to a person. */
export const EOL_NAMES: Readonly<Record<Eol, string>> = { '\r\n': 'CRLF', '\n': 'LF', '\r': 'CR' };

/** A line whose ending is not the one most lines of its text have. */
export interface OddLineEnding {
  /** Zero-based. */
  readonly line: number;
  readonly eol: Eol;
}

/**
 * The line endings of a file on disk when they are mixed, for a reader that gave every line one ending when it read
 * the file (VS Code does: microsoft/vscode#127), so the text it lints no longer shows them (RDP006).
 */
export interface LineEndingsOnDisk {
  /** The ending most lines have (`RdpDocument.eol`). */
  readonly most: Eol;
  /** Every line that ends otherwise, in order, by its number in the text linted. */
  readonly odd: readonly OddLineEnding[];
}

/** The first line of a parsed text that does not end as most do. */
export function firstOddLineEnding(doc: RdpDocument): OddLineEnding | undefined {
  const odd = doc.mixedEol ? doc.lines.find((l) => l.eol !== '' && l.eol !== doc.eol) : undefined;
  return odd && { line: odd.line, eol: odd.eol as Eol };
}

/** The lines of a parsed text that do not end as most do, in order: none when they all end alike. */
export function oddLineEndings(doc: RdpDocument): OddLineEnding[] {
  if (!doc.mixedEol) return [];
  const odd: OddLineEnding[] = [];
  for (const l of doc.lines) if (l.eol !== '' && l.eol !== doc.eol) odd.push({ line: l.line, eol: l.eol as Eol });
  return odd;
}

/** Whether a text ends its lines in more than one way, found without splitting it. */
function mixedLineBreaks(text: string): boolean {
  if (!text.includes('\r\n')) return text.includes('\r') && text.includes('\n');
  return /\r(?!\n)|(?<!\r)\n/.test(text);
}

/** The line endings of a file's text when they are mixed (what an editor's text will not show), else undefined. */
export function lineEndingsOnDisk(text: string): LineEndingsOnDisk | undefined {
  if (!mixedLineBreaks(text)) return undefined;
  const doc = parseRdp(text);
  const odd = oddLineEndings(doc);
  return odd.length > 0 ? { most: doc.eol, odd } : undefined;
}
