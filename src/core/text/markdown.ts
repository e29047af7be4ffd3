import { terminalSafe } from './terminal';

/**
 * Characters Markdown (CommonMark/GFM) reads as emphasis, code, links, images, HTML, entities, headings, strikethrough or a
 * table column break. An underscore inside a word never starts emphasis (CommonMark §6.2), so HYBRID_REQUIRED_BY_SERVER
 * stays as written; every other one is escaped. Parentheses are left alone: they make a link only right after an
 * unescaped `]` (CommonMark §6.3), and every `]` is escaped, so "(NLA)" stays readable in an exported report. Every `$`
 * is escaped too: VS Code renders `$(name)` as an icon in a MarkdownString with theme icons on (the hosts view's hovers),
 * and GitHub and VS Code's Markdown preview (`markdown.math.enabled`, on by default: extensions/markdown-math) render
 * `$…$` and `$$…$$` as TeX, where a certificate subject could draw a forged verdict; both read `\$` as a `$`.
 */
const SPECIAL = /[\\`*{}[\]<>#|~&!$]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;
/**
 * What autolinkers turn into a link without any markup: `scheme://…`, `www.` and e-mail addresses (GFM §6.9), and
 * markdown-it's linkify also a protocol-relative `//host/x`. Each is broken by escaping one character of it, which
 * splits the text the autolinker sees (an escape is a text token of its own in markdown-it, a node of its own in cmark).
 */
const BARE_LINK = /\/\/|\bwww\.|@/gi;
/**
 * A dot after a visible character and before a letter, as in a bare domain (`evil.com`, `srcwww.lt`): markdown-it's linkify (VS Code's
 * Markdown preview has it on) links a name whose last label is a top-level domain it knows (`com`, `net`, every two-letter
 * one…) without `www.` or a scheme. Escaped, the dot is a token of its own and the name no domain. Version numbers
 * (`10.0.17763`) stay as written.
 */
const DOMAIN_DOT = /(?<=[^\s\\])\.(?=\p{L})/gu;

/** `//` as `/\/`, `www.` as `www\.`, `@` as `\@`: read back as written, linked by nothing. */
function breakLink(match: string): string {
  if (match === '//') return '/\\/';
  if (match === '@') return '\\@';
  return `${match.slice(0, 3)}\\.`;
}

/**
 * The one escaping of text from a file, an export or a server (a GPO name, a registry value, a certificate subject, a
 * server's message) for Markdown: shown literally on one line, never markup. Every special character is backslash-escaped
 * (CommonMark §2.4: any ASCII punctuation may be), so `[x](command:…)` is no link and `<img src=x>` no HTML; bare
 * `https://…`, `//host`, `www.`, `a@b.example` and domains (`evil.com`) are broken so nothing autolinks; controls and bidi overrides are shown as `\xNN`/`\uNNNN`
 * (`terminalSafe`); line breaks become `lineBreak` (a space; the report's tables use `<br>`).
 */
export function escapeMarkdown(text: string, lineBreak = ' '): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => terminalSafe(line.replace(SPECIAL, '\\$&').replace(DOMAIN_DOT, '\\.').replace(BARE_LINK, breakLink)))
    .join(lineBreak);
}

/**
 * A code span for a value from a file or a server: a fence longer than any run of backticks inside, padded when the value
 * starts or ends with one (CommonMark §6.1); line breaks become spaces, controls are shown escaped, and `|` is written
 * `\|` inside a table cell (GFM reads it there as a literal pipe). Nothing inside a code span is a link or HTML.
 */
export function codeSpan(text: string, inTable = false): string {
  const flat = terminalSafe(text.replace(/\r\n|\r|\n/g, ' '));
  // The longest run, counted in one pass (a spread of every run overflowed the stack for a value of 500,000).
  let longest = 0;
  for (let i = 0, run = 0; i < flat.length; i++) {
    run = flat.charCodeAt(i) === 96 /* ` */ ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  const body = inTable ? flat.split('|').join('\\|') : flat;
  return `${fence}${pad}${body}${pad}${fence}`;
}
