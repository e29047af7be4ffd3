// The workspace scan's pure helpers (no `vscode` import), so unit tests can run them.

/**
 * The most patterns one exclude entry may expand to. `{a,b}` written 25 times is 33 million patterns: a workspace's
 * `.vscode/settings.json` with such a `files.exclude` key held the extension host until it ran out of memory.
 */
export const MAX_BRACE_EXPANSIONS = 1000;
/** An exclude pattern longer than a path can be (Linux's PATH_MAX) excludes nothing a scan meets; it is not expanded. */
export const MAX_EXCLUDE_PATTERN_LENGTH = 4096;

/**
 * One level of `{a,b}` expanded (repeatedly), so patterns with nested braces can sit inside the one exclude group;
 * undefined when the pattern is longer than `MAX_EXCLUDE_PATTERN_LENGTH` or expands to more than `limit` patterns
 * (the expansion stops there: its work is bounded by the limit, not by the product of the groups).
 */
export function expandBraces(pattern: string, limit = MAX_BRACE_EXPANSIONS): string[] | undefined {
  if (pattern.length > MAX_EXCLUDE_PATTERN_LENGTH) return undefined;
  const out: string[] = [];
  return expandInto(pattern, out, limit) ? out : undefined;
}

/** Appends the expansions of `pattern` to `out`; false as soon as `out` would hold more than `limit`. */
function expandInto(pattern: string, out: string[], limit: number): boolean {
  const open = pattern.indexOf('{');
  if (open >= 0) {
    let depth = 0;
    for (let i = open; i < pattern.length; i++) {
      if (pattern[i] === '{') depth++;
      else if (pattern[i] === '}' && --depth === 0) {
        const inner = pattern.slice(open + 1, i);
        let level = 0;
        let start = 0;
        const expandPart = (end: number): boolean => expandInto(pattern.slice(0, open) + inner.slice(start, end) + pattern.slice(i + 1), out, limit);
        for (let j = 0; j < inner.length; j++) {
          if (inner[j] === '{') level++;
          else if (inner[j] === '}') level--;
          else if (inner[j] === ',' && level === 0) {
            if (!expandPart(j)) return false;
            start = j + 1;
          }
        }
        return expandPart(inner.length);
      }
    }
    // unbalanced: left as written
  }
  if (out.length >= limit) return false;
  out.push(pattern);
  return true;
}

/** The most patterns one scan's exclude group holds, all entries together (a settings file may hold 100,000 keys). */
export const MAX_EXCLUDE_PATTERNS = 10_000;

/**
 * The patterns of a scan's exclude group: `always`, then each entry set to `true`, its braces expanded; entries too
 * long or too large to expand, and those past `MAX_EXCLUDE_PATTERNS` in all, are listed in `dropped` (as written).
 */
export function excludePatterns(always: readonly string[], entries: Iterable<readonly [string, unknown]>): { patterns: string[]; dropped: string[] } {
  const patterns = new Set(always);
  const dropped: string[] = [];
  for (const [glob, on] of entries) {
    if (on !== true) continue;
    const expanded = expandBraces(glob, Math.min(MAX_BRACE_EXPANSIONS, MAX_EXCLUDE_PATTERNS - patterns.size));
    if (expanded === undefined) dropped.push(glob);
    else for (const p of expanded) patterns.add(p);
  }
  return { patterns: [...patterns], dropped };
}

/** Runs `work` over `items`, `limit` at a time. */
export async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
