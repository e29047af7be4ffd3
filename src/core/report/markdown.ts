import { codeSpan, escapeMarkdown as escapeText } from '../text/markdown';

export { codeSpan };

/** Text shown literally in a paragraph or a table cell (`text/markdown.ts`); a line break becomes `<br>`, which keeps a table row on one line. */
export function escapeMarkdown(text: string): string {
  return escapeText(text, '<br>');
}

/** A GFM table; cells are expected escaped already. `align` marks right-aligned (numeric) columns. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('left' | 'right')[] = []): string {
  const rule = header.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
