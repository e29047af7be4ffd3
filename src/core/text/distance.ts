import { detached } from './detach';

/** Three rows of the distance table, grown as needed and reused: no array per row or per call. */
let rowsOf = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. Past `limit` the
 * answer is `limit + 1`. Only the band of cells within `limit` of the diagonal is computed (any other cell is over
 * the limit): a file of 100,000 near-miss names took 13 s when every cell of every candidate was.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  const band = Math.min(limit, Math.max(a.length, n));
  const over = band + 1;
  if (rowsOf[0]!.length < n + 1) rowsOf = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prev2, prev, row] = rowsOf as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) prev[j] = j <= band ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(n, i + band);
    row[lo - 1] = lo === 1 ? Math.min(i, over) : over;
    let rowMin = row[lo - 1]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, prev2[j - 2]! + 1);
      if (d > over) d = over;
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // The cell right of the band, read by the next row, is over the limit too.
    if (hi < n) row[hi + 1] = over;
    if (rowMin > limit) return limit + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return Math.min(prev[n]!, limit + 1);
}

/** Answers per candidate list: the same unknown names recur across thousands of files. */
const answers = new WeakMap<readonly string[], Map<string, string | undefined>>();
const MAX_ANSWERS = 4096;

/** The closest candidate within a distance that grows with the word's length, or undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let known = answers.get(candidates);
  if (!known) answers.set(candidates, (known = new Map()));
  if (known.has(word)) return known.get(word);
  const best = search(word, candidates);
  if (known.size >= MAX_ANSWERS) known.clear();
  known.set(detached(word), best);
  return best;
}

function search(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 4)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate, bestDistance - 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
