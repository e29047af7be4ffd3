/**
 * Just enough of the PowerShell tokenizer to find string literals: comments, single- and double-quoted
 * strings (with the Unicode quote characters PowerShell accepts) and here-strings. Everything else is code.
 */
export type PsToken =
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'comment'; readonly text: string }
  | { readonly kind: 'single'; readonly value: string }
  | { readonly kind: 'double'; readonly text: string }
  | { readonly kind: 'here'; readonly text: string };

const SINGLE = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);
const DOUBLE = new Set(['"', '\u201C', '\u201D', '\u201E']);
/** Characters after which `#` starts a comment rather than continuing a word. */
const COMMENT_AFTER = /[\s;(){}|=,]/;

export function lexPowerShell(source: string): PsToken[] {
  const tokens: PsToken[] = [];
  let code = '';
  const flush = (): void => {
    if (code) tokens.push({ kind: 'code', text: code });
    code = '';
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (source.startsWith('<#', i)) {
      const end = source.indexOf('#>', i + 2);
      if (end < 0) throw new Error(`Unterminated block comment at ${i}.`);
      flush();
      tokens.push({ kind: 'comment', text: source.slice(i, end + 2) });
      i = end + 2;
    } else if (c === '#' && (i === 0 || COMMENT_AFTER.test(source[i - 1]!))) {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      flush();
      tokens.push({ kind: 'comment', text: source.slice(i, stop) });
      i = stop;
    } else if (c === '@' && (SINGLE.has(source[i + 1] ?? '') || DOUBLE.has(source[i + 1] ?? '')) && source[i + 2] === '\n') {
      const closing = `\n${source[i + 1]}@`;
      const end = source.indexOf(closing, i + 2);
      if (end < 0) throw new Error(`Unterminated here-string at ${i}.`);
      flush();
      tokens.push({ kind: 'here', text: source.slice(i + 3, end) });
      i = end + closing.length;
    } else if (SINGLE.has(c)) {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= source.length) throw new Error(`Unterminated single-quoted string at ${i}.`);
        const d = source[j]!;
        if (SINGLE.has(d)) {
          if (!SINGLE.has(source[j + 1] ?? '')) break;
          value += source[j + 1];
          j += 2;
        } else {
          value += d;
          j += 1;
        }
      }
      flush();
      tokens.push({ kind: 'single', value });
      i = j + 1;
    } else if (DOUBLE.has(c)) {
      let j = i + 1;
      for (;;) {
        if (j >= source.length) throw new Error(`Unterminated double-quoted string at ${i}.`);
        const d = source[j]!;
        if (d === '`') j += 2;
        else if (DOUBLE.has(d) && DOUBLE.has(source[j + 1] ?? '')) j += 2;
        else if (DOUBLE.has(d)) break;
        else j += 1;
      }
      flush();
      tokens.push({ kind: 'double', text: source.slice(i + 1, j) });
      i = j + 1;
    } else {
      code += c;
      i += 1;
    }
  }
  flush();
  return tokens;
}
