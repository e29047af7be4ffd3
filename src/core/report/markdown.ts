/**
 * Characters that Markdown (GFM) would read as formatting, links, HTML or a table column break.
 * An underscore inside a word never starts emphasis, so HYBRID_REQUIRED_BY_SERVER stays as written.
 */
const SPECIAL = /[\\`*[\]<>|~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;

/** Text shown literally in a paragraph or a table cell: one line, every special character escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, '\\$&').replace(/\r\n|\r|\n/g, '<br>');
}

/** A code span that survives backticks and `|` inside it (GFM reads `\|` in a cell as a literal pipe). */
export function codeSpan(text: string, inTable = false): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  const body = inTable ? flat.split('|').join('\\|') : flat;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A GFM table; cells are expected escaped already. `align` marks right-aligned (numeric) columns. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('left' | 'right')[] = []): string {
  const rule = header.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
