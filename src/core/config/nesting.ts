/**
 * How deep a configuration nests, looked at before the YAML library reads it. The library recurses and allocates per
 * level: 1 MB of "[" took 23 s and 950 MB (a stack overflow it then reports), 1 MB of "&a " 21 s and an error for each
 * anchor, "- - - …" 8 s; in the editor that held the extension host while a hostile repository's `.rdpdoctor.yaml`
 * was read. A configuration (SPEC §4) nests four levels.
 */
export const MAX_CONFIG_NESTING = 64;

/**
 * Whether `text` nests deeper than `MAX_CONFIG_NESTING`: flow collections (`[`, `{`) open at once outside quoted
 * scalars and comments, or indicators on one line before its content (`- `, `? `, `: `, anchors `&a`, tags `!t`),
 * each of which opens a level (YAML 1.2.2 §6.1, §8.2.1: compact nested sequences and mappings). A bracket inside a
 * plain scalar is counted too, and closed by its pair: only a file of many unclosed ones is refused for it. One pass.
 */
export function nestsTooDeeply(text: string): boolean {
  const n = text.length;
  const blank = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
  let flow = 0;
  /** Indicators in a row, with nothing but blanks between them: each opens a level of the node after it. */
  let chain = 0;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (blank(c)) continue;
    const tokenStart = i === 0 || blank(text[i - 1]) || '[{,'.includes(text[i - 1]!);
    if (tokenStart && (((c === '-' || c === '?' || c === ':') && blank(text[i + 1])) || c === '&' || c === '!')) {
      if (++chain > MAX_CONFIG_NESTING) return true;
      while (i + 1 < n && !blank(text[i + 1])) i++;
      continue;
    }
    if (c === '#' && tokenStart) {
      while (i + 1 < n && text[i + 1] !== '\n') i++;
      continue;
    }
    chain = 0;
    if (c === '[' || c === '{') {
      if (++flow > MAX_CONFIG_NESTING) return true;
    } else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
    else if ((c === '"' || c === "'") && tokenStart) {
      // To the closing quote (a quoted scalar may go on over lines): `\"` escapes one in double quotes, `''` is a quote in single quotes.
      for (i++; i < n; i++) {
        if (c === '"' && text[i] === '\\') i++;
        else if (text[i] === c) {
          if (c === "'" && text[i + 1] === "'") i++;
          else break;
        }
      }
    }
  }
  return false;
}
