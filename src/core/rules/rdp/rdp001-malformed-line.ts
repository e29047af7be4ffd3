import type { RdpDocument, RdpLine } from '../../rdp/parse';
import type { RdpRule } from '../types';
import { quote } from '../messages';
import { FREERDP_OPTION_NAMES } from './freerdp-options';

/**
 * The first non-blank line of a document with no property line, when it opens an XML document: the whole file is
 * XML (an Apple property list, as an old Mac client saved one: VirtualCable/openuds keeps such a `test.rdp`), and one
 * finding says so instead of one per line.
 */
function xmlStart(doc: RdpDocument): RdpLine | undefined {
  if (doc.entries.length > 0) return undefined;
  const first = doc.lines.find((l) => l.kind !== 'blank');
  if (first === undefined) return undefined;
  return /^\s*(\uFEFF)?<(\?xml|!DOCTYPE\s+plist|plist)\b/i.test(doc.text.slice(first.span.start, first.span.end)) ? first : undefined;
}

/** What a FreeRDP command-line option does that a file should not do behind the user's back, by option name. */
const RISKS: readonly [RegExp, string][] = [
  [/^\/(p|password|gp|gpassword|pth|pass-the-hash)$/i, 'holds a password (or its hash) in plain text'],
  [/^\/cert-ignore$/i, "turns off the check of the server's certificate"],
  [/^\/cert$/i, "sets how the server's certificate is checked (ignore, tofu, deny)"],
  [/^\/(drive|drives|home-drive)$/i, 'shares local drives with the server'],
];

/** An option's name: FreeRDP's Windows-style syntax is `/name:value`, `+name` and `-name` (winpr utils/cmdline.c); names have `_` (`enforce-tlsv1_2`) and `?`. */
const OPTION_NAME = /^\/[A-Za-z0-9+_?-]+/;

/**
 * A line that starts with `/`: FreeRDP up to 3.27 applies it as a command-line option (`client/common/file.c`, "FreeRDP
 * option"); 3.28 stopped, unless built with WITH_EMBEDDED_CLI_IN_RDP_FILES (commit 22c5deea5, "deactivate cli parsing
 * in RDP files", July 2026). A session 16 review found a file of `/v:`, `/p:`, `/cert-ignore` and `/drive:` lines
 * reported as lines clients skip. Only the option's name is quoted, never what follows it: `/p:`, `/p=` or `/p ` holds a password.
 */
function freerdpOption(text: string): string {
  const name = OPTION_NAME.exec(text)?.[0];
  if (name === undefined) return 'This line starts with "/" like a FreeRDP command-line option, but no option name follows: FreeRDP 2 to 3.27 cannot parse it and refuses to open the file (3.28 and later skip it); Remote Desktop Connection skips it.';
  const risk = RISKS.find(([pattern]) => pattern.test(name))?.[1];
  const next = text.charAt(name.length);
  // FreeRDP hands the whole line to its parser as one argument, which splits a name from its value at ':' only (the
  // Windows-style syntax, COMMAND_LINE_SEPARATOR_COLON): `/p Hunter2` or `/p=Hunter2` is a name it does not know, and
  // file.c parses without allowing unknown names (winpr cmdline.c: COMMAND_LINE_ERROR_NO_KEYWORD), so loading fails.
  if (next !== '' && next !== ':') {
    return `This line starts like the FreeRDP command-line option ${quote(name)}, but no colon follows the name, and FreeRDP splits a name from its value at a colon only: FreeRDP 2 to 3.27 finds no option of that name and refuses to open the file (3.28 and later skip the line). Remote Desktop Connection skips it.${risk ? ` It looks like an option that ${risk}.` : ''}`;
  }
  // A name FreeRDP has in no release (matched exactly, letter case included) fails the whole file, as above.
  if (!FREERDP_OPTION_NAMES.has(name.slice(1))) {
    return `This line starts like a FreeRDP command-line option, but FreeRDP has no option ${quote(name)} (it matches names exactly, letter case included): FreeRDP 2 to 3.27 refuses to open the file (3.28 and later skip the line). Remote Desktop Connection skips it.${risk ? ` It looks like an option that ${risk}.` : ''}`;
  }
  return `FreeRDP 2 to 3.27 reads this line as its command-line option ${quote(name)} and applies it (3.28 and later skip it, unless built with WITH_EMBEDDED_CLI_IN_RDP_FILES); Remote Desktop Connection skips it.${risk ? ` It ${risk}.` : ''}`;
}

/**
 * The mark a line starts with, after blanks, when it is `#` or `;`: a line written as a comment. The format has none,
 * but FreeRDP skips such a line as it skips any that is not name:type:value (`parse_line`), so it is a warning, not
 * the rule's error (a review of 76 real files: a working template of 38 such lines failed the lint).
 */
function commentMark(text: string, start: number, end: number): string | undefined {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c = text.charCodeAt(i);
  return c === 35 /* # */ ? '#' : c === 59 /* ; */ ? ';' : undefined;
}

export const rdp001: RdpRule = {
  id: 'RDP001',
  name: 'malformed-line',
  description: 'A non-blank line is not name:type:value.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['syntax'],
  check({ doc, report }) {
    // As many property lines as lines (most files): no other line, nothing to look at.
    if (doc.entries.length === doc.lines.length) return;
    const xml = xmlStart(doc);
    if (xml) {
      const what = /<plist\b/i.test(doc.text) ? 'an XML property list (an Apple plist)' : 'an XML document';
      report({ message: `The file is ${what}, not name:type:value lines: clients that read .rdp files (Remote Desktop Connection, FreeRDP) find no setting in it.`, span: xml.span });
      return;
    }
    const lines = doc.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.kind !== 'malformed') continue;
      const option = doc.text.charCodeAt(line.span.start) === 47 /* / */ ? freerdpOption(doc.text.slice(line.span.start, line.span.end)) : undefined;
      const mark = option === undefined ? commentMark(doc.text, line.span.start, line.span.end) : undefined;
      if (mark !== undefined) {
        report({
          message: `This line starts with "${mark}", but .rdp files have no comment syntax: FreeRDP skips it as a line that is not name:type:value; whether Remote Desktop Connection skips it is not documented.`,
          span: line.span,
          severity: 'warning',
        });
        continue;
      }
      report({ message: option ?? `Clients skip this line: ${line.problem}.`, span: line.span });
    }
  },
};
