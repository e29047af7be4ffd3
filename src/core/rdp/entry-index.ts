import type { RdpEntry } from './parse';

/**
 * A document's entries by key, keys in the order they first appear, as a `ReadonlyMap`. A key met once holds its
 * entry, not a one-entry list: most keys appear once, and a list per key was ~1.6 KB a file (issue 16); its list is
 * made when someone asks `get` for it. Backed by a `Map`, whose lookups use the hash each key string caches (an
 * open-addressing table hashing keys in JavaScript was slower, measured on the 10,000-file corpus).
 */
export class EntryIndex implements ReadonlyMap<string, readonly RdpEntry[]> {
  /** Each key's entry, or the list of its entries in file order. */
  private readonly held = new Map<string, RdpEntry | RdpEntry[]>();
  /** How many entries: more than keys when a key repeats. */
  readonly count: number;

  constructor(entries: readonly RdpEntry[]) {
    this.count = entries.length;
    const held = this.held;
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e]!;
      const known = held.get(entry.key);
      if (known === undefined) held.set(entry.key, entry);
      else if (Array.isArray(known)) known.push(entry);
      else held.set(entry.key, [known, entry]);
    }
  }

  get size(): number {
    return this.held.size;
  }

  has(key: string): boolean {
    return this.held.has(key);
  }

  get(key: string): readonly RdpEntry[] | undefined {
    const known = this.held.get(key);
    if (known === undefined || Array.isArray(known)) return known;
    const list = [known];
    this.held.set(key, list);
    return list;
  }

  /** The key's last entry, the one clients use (no list is made). */
  last(key: string): RdpEntry | undefined {
    const known = this.held.get(key);
    return Array.isArray(known) ? known[known.length - 1] : known;
  }

  /** The entries of each key that appears more than once, in the order the keys first appear. */
  repeated(): (readonly RdpEntry[])[] {
    const out: (readonly RdpEntry[])[] = [];
    if (this.held.size === this.count) return out;
    for (const known of this.held.values()) if (Array.isArray(known) && known.length > 1) out.push(known);
    return out;
  }

  *keys(): Generator<string> {
    yield* this.held.keys();
  }

  *values(): Generator<readonly RdpEntry[]> {
    for (const key of [...this.held.keys()]) yield this.get(key)!;
  }

  *entries(): Generator<[string, readonly RdpEntry[]]> {
    for (const key of [...this.held.keys()]) yield [key, this.get(key)!];
  }

  [Symbol.iterator](): Generator<[string, readonly RdpEntry[]]> {
    return this.entries();
  }

  forEach(callback: (value: readonly RdpEntry[], key: string, map: ReadonlyMap<string, readonly RdpEntry[]>) => void, thisArg?: unknown): void {
    for (const key of [...this.held.keys()]) callback.call(thisArg, this.get(key)!, key, this);
  }
}

/**
 * The entries of any of `keys` in `byKey`, in file order: a handful of lookups instead of a look at every entry
 * of the file (issue 16), and no list made for a key met once.
 */
export function entriesOf(byKey: ReadonlyMap<string, readonly RdpEntry[]>, keys: readonly string[]): RdpEntry[] {
  const out: RdpEntry[] = [];
  let lists = 0;
  // Index loops: an iterator per key and per list showed as ~7 MB of a 10,000-file lint.
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (byKey instanceof EntryIndex && byKey.size === byKey.count) {
      const one = byKey.last(key);
      if (one === undefined) continue;
      lists++;
      out.push(one);
      continue;
    }
    const list = byKey.get(key);
    if (!list) continue;
    lists++;
    for (let e = 0; e < list.length; e++) out.push(list[e]!);
  }
  if (lists > 1) byLine(out);
  return out;
}

/** Sorts entries by line in place: an insertion sort for the handful a rule looks up, `sort` past that. */
function byLine(entries: RdpEntry[]): void {
  if (entries.length > 32) {
    entries.sort((a, b) => a.line - b.line);
    return;
  }
  for (let i = 1; i < entries.length; i++) {
    const e = entries[i]!;
    let j = i - 1;
    while (j >= 0 && entries[j]!.line > e.line) {
      entries[j + 1] = entries[j]!;
      j--;
    }
    entries[j + 1] = e;
  }
}

/** The last entry of `key` in `byKey`, the one clients use. */
export function lastEntry(byKey: ReadonlyMap<string, readonly RdpEntry[]>, key: string): RdpEntry | undefined {
  if (byKey instanceof EntryIndex) return byKey.last(key);
  const list = byKey.get(key);
  return list ? list[list.length - 1] : undefined;
}

/** The entries of each key that appears more than once in `byKey`. */
export function repeatedEntries(byKey: ReadonlyMap<string, readonly RdpEntry[]>): Iterable<readonly RdpEntry[]> {
  return byKey instanceof EntryIndex ? byKey.repeated() : [...byKey.values()].filter((list) => list.length > 1);
}
