import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { codeSpan, escapeMarkdown } from '../../../src/core/text/markdown';

/**
 * markdown-it with its linkify on, as a viewer of an exported report may render it (loaded from node_modules at run
 * time, not bundled into the test; @vscode/vsce brings it).
 */
const markdownIt = createRequire(resolve(__dirname, '../../../../package.json'))('markdown-it') as (options: { linkify: boolean; html?: boolean }) => { render(md: string): string };
const linkify = markdownIt({ linkify: true });
/** With raw HTML on as well, as a viewer that allows it would render a report. */
const linkifyHtml = markdownIt({ linkify: true, html: true });

/** What stays of a Markdown line once every backslash escape is read: the literal text the reader sees. */
const unescape = (md: string): string => md.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('escapeMarkdown', () => {
  const hostile = [
    '[x](command:workbench.action.terminal.new)',
    '[x]: command:evil',
    '<img src=x onerror=alert(1)>',
    '<command:evil>',
    '`code` and ``more``',
    'a | b | c',
    '# heading',
    '**bold** _em_ ~strike~',
    '![img](https://evil.example/x.png)',
    '&lt;script&gt; &#91;x&#93;',
    'visit https://evil.example or www.evil.example',
    'the port "//evil.example/x" is not a number',
    'rdsh01://evil.example/x and ///evil.example and ////evil.example',
    'mail a@evil.com or mailto:a@evil.com, E=admin@corp.com',
    'line one\n# line two\r\n[x](command:y)',
    'HYBRID_REQUIRED_BY_SERVER',
    'h\x1b]0;PWNED\x07ost \u202eevil',
    '$(alert) forged icon',
  ];

  it('escapes every character Markdown reads as markup, so the text reads back as written', () => {
    assert.equal(escapeMarkdown('[x](command:evil)'), '\\[x\\](command:evil)');
    assert.equal(escapeMarkdown('<img src=x>'), '\\<img src=x\\>');
    assert.equal(escapeMarkdown('a `b` | c # d'), 'a \\`b\\` \\| c \\# d');
    assert.equal(escapeMarkdown('*a* _b_ snake_case {c} ~d~ &e !f'), '\\*a\\* \\_b\\_ snake_case \\{c\\} \\~d\\~ \\&e \\!f');
    assert.equal(escapeMarkdown('$(warning) costs $5'), '\\$(warning) costs \\$5');
    for (const text of hostile.filter((t) => !/[\r\n\x1b\u202e]/.test(t))) assert.equal(unescape(escapeMarkdown(text)), text, text);
  });

  it('leaves no link, image, autolink, HTML tag, entity, code span or table break', () => {
    for (const text of hostile) {
      const md = escapeMarkdown(text);
      // Every special character is preceded by a backslash (an escaped backslash counts as a pair).
      const bare = md.replace(/\\\\/g, '').replace(/\\[!-/:-@[-`{-~]/g, '');
      assert.doesNotMatch(bare, /[[\]<>`|*#&~!{}]|\$\(/, `${JSON.stringify(text)} -> ${md}`);
      assert.doesNotMatch(md, /(?<!\\)\/\/|(?<!\\)\bwww\.(?!\\)|(?<!\\)@/, md);
      assert.doesNotMatch(md, /[\r\n\x00-\x1f\x7f\u202e]/, md);
    }
  });

  it('breaks what markdown-it links without markup: URLs, protocol-relative //host, www. and e-mail addresses', () => {
    const links = [
      'the port "//evil.example/x" is not a number',
      'https://evil.example/x',
      'www.evil.com',
      'a@evil.com',
      'mailto:a@evil.com',
      'E=admin@corp.com, CN=x',
      // Bare domains whose last label linkify knows (fuzz review): it links them without a scheme or www.
      'evil.com',
      'see evil.com/x?y',
      'srcwww.lt',
      'the host rdsh01.contoso.de',
    ];
    for (const text of links) {
      // Each would be a link as it is (so the check below checks something), in a paragraph and in a table cell.
      assert.match(linkify.render(text), /<a /, text);
      for (const md of [escapeMarkdown(text), `| a |\n| --- |\n| ${escapeMarkdown(text)} |`]) {
        const html = linkify.render(md);
        assert.doesNotMatch(html, /<a /, `${text} -> ${md} -> ${html}`);
        assert.ok(html.includes(text.replace(/"/g, '&quot;')), `${text} reads as written: ${html}`);
      }
    }
    assert.equal(escapeMarkdown('//h'), '/\\/h');
    // A dot before a letter is escaped (after a backslash already escaped it is not doubled); version numbers stay.
    assert.equal(escapeMarkdown('evil.com www.x 10.0.17763 a. b'), 'evil\\.com www\\.x 10.0.17763 a. b');
    // In a table cell GFM drops the backslash of \| before the cell is read: "http|.lt" is still no link.
    assert.doesNotMatch(linkify.render(`| a |\n| --- |\n| ${escapeMarkdown('mailto:$(http|.lt')} |`), /<a /);
    assert.equal(escapeMarkdown('a@b'), 'a\\@b');
  });

  it('leaves no math: GitHub and VS Code\'s Markdown preview (markdown.math.enabled, on by default) read $…$ and $$…$$ as TeX', () => {
    // A certificate subject or a GPO name in an exported report: `$\\color{green}{\\text{Trusted: yes}}$` would render
    // as a forged verdict, `$\\phantom{x}$` as nothing. Every `$` is escaped (CommonMark §2.4), which both read as a `$`.
    for (const text of ['CN=$\\color{green}{\\text{Trusted: yes}}$', 'a $$x^2$$ b', 'C$ and D$', '$`x`$']) {
      const md = escapeMarkdown(text);
      assert.doesNotMatch(md.replace(/\\\\/g, ''), /(?<!\\)\$/, md);
      assert.equal(unescape(md), text);
      const shown = linkify.render(md).replace(/<[^>]+>/g, '').trim().replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      assert.equal(shown, text, md);
    }
  });

  it('keeps a value on one line: a space by default, <br> in a report table', () => {
    assert.equal(escapeMarkdown('a\r\nb\nc\rd'), 'a b c d');
    assert.equal(escapeMarkdown('a\nb', '<br>'), 'a<br>b');
    assert.equal(escapeMarkdown('h\x1b]0;x\x07'), 'h\\x1b\\]0;x\\x07');
  });
});

describe('escapeMarkdown on arbitrary text (fuzz review)', () => {
  const pieces = ['[', ']', '(', ')', '<', '>', '`', '\\', '|', '*', '_', '~', '#', '!', '&', ';', '#x41', 'amp', '/', '//', ':', '@', 'www.', 'https://', 'command:', 'x', 'a.b', 'com', '.lt', ' ', '\n', '"', '=', '-', '1.', '$(', '{', '}', 'img', 'src', 'mailto:', '.', 'é', 'ß'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((a) => a.join(''));
  const NO_MARKUP = /<(?!\/?(p|br|table|thead|tbody|tr|th|td)\b)[a-z]/i;

  it('renders no link, image or HTML, in a paragraph or a table cell, with linkify and raw HTML on', () => {
    fc.assert(
      fc.property(text, (x) => {
        // Inline, as every caller puts it (after a label, in a cell): a line-start `-` or `1.` is not the text's doing.
        for (const md of [`Value: ${escapeMarkdown(x)}`, `| a | b |\n| --- | --- |\n| ${escapeMarkdown(x, '<br>')} | z |`]) {
          const html = linkifyHtml.render(md);
          assert.doesNotMatch(html.replace(/<br>/g, ''), NO_MARKUP, `${JSON.stringify(x)} -> ${md} -> ${html}`);
          if (md.startsWith('|')) assert.match(html, /<td>z<\/td>/, `${JSON.stringify(x)}: the row keeps its cells`);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('codeSpan', () => {
  it('uses a fence longer than any backtick run and escapes | in a table', () => {
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('```'), '```` ``` ````');
    assert.equal(codeSpan('[x](command:y)'), '`[x](command:y)`');
    assert.equal(codeSpan('a|b', true), '`a\\|b`');
    assert.equal(codeSpan('a\nb\x1b'), '`a b\\x1b`');
  });

  it('takes a value of 500,000 backtick runs (a hovered .rdp value) without a spread of them', () => {
    const value = '`a'.repeat(500_000) + '``';
    assert.equal(codeSpan(value), '``` ' + value + ' ```');
  });
});
