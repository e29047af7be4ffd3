import { Entry } from './entry';
import type { RdpEntry } from './parse';
import { KEY_IDS, KNOWN_KEY_COUNT, knownKeyId } from './properties/index';

/** A key's entry, or the list of its entries in file order. */
type Held = RdpEntry | RdpEntry[];

/**
 * A document's entries by key, keys in the order they first appear, as a `ReadonlyMap`. A key met once holds its
 * entry, not a one-entry list: most keys appear once, and a list per key was ~1.6 KB a file (issue 16); its list is
 * made when someone asks `get` for it. A key the property table knows sits in an array at its number
 * (`knownKeyId`), so a file of known names builds no hash table: a `Map` per file was 3.6 KB and a tenth of the
 * parse (issue 16). Other keys go to a `Map`, made for the files that have one.
 */
export class EntryIndex implements ReadonlyMap<string, readonly RdpEntry[]> {
  /** Each known key's entry or entries, at its number. */
  private readonly known: (Held | undefined)[];
  /** Each other key's entry or entries. */
  private others: Map<string, Held> | undefined = undefined;
  /** How many entries: more than keys when a key repeats. */
  readonly count: number;
  /** How many keys. */
  readonly size: number;

  constructor(private readonly all: readonly RdpEntry[]) {
    this.count = all.length;
    const known: (Held | undefined)[] = new Array<Held | undefined>(KNOWN_KEY_COUNT);
    let size = 0;
    for (let e = 0; e < all.length; e++) {
      const entry = all[e]!;
      // An entry of a name the parser remembers has its number at hand (names.ts): no hash lookup per entry.
      const id = entry instanceof Entry ? entry.keyId() : knownKeyId(entry.key);
      const held = id >= 0 ? known[id] : this.others?.get(entry.key);
      let now: Held;
      if (held === undefined) {
        size++;
        now = entry;
      } else if (Array.isArray(held)) {
        held.push(entry);
        continue;
      } else {
        now = [held, entry];
      }
      if (id >= 0) known[id] = now;
      else (this.others ??= new Map()).set(entry.key, now);
    }
    this.known = known;
    this.size = size;
  }

  private held(key: string): Held | undefined {
    const id = knownKeyId(key);
    return id >= 0 ? this.known[id] : this.others?.get(key);
  }

  // `has` and `last` look the key up themselves rather than through `held` and `knownKeyId`: the rules ask them
  // some thirty times a file, and before V8 optimizes them each call of the chain costs (issue 16).
  has(key: string): boolean {
    const id = KEY_IDS.get(key);
    return (id !== undefined ? this.known[id] : this.others?.get(key)) !== undefined;
  }

  get(key: string): readonly RdpEntry[] | undefined {
    const held = this.held(key);
    if (held === undefined || Array.isArray(held)) return held;
    const list = [held];
    const id = knownKeyId(key);
    if (id >= 0) this.known[id] = list;
    else this.others!.set(key, list);
    return list;
  }

  /** The key's last entry, the one clients use (no list is made). */
  last(key: string): RdpEntry | undefined {
    const id = KEY_IDS.get(key);
    const held = id !== undefined ? this.known[id] : this.others?.get(key);
    return Array.isArray(held) ? held[held.length - 1] : held;
  }

  /** Whether `entry` is the first of its key: where the key appears first. */
  private opens(entry: RdpEntry, held: Held): boolean {
    return Array.isArray(held) ? held[0] === entry : held === entry;
  }

  /** Whether some key the property table does not know passes `test` (no entry is looked at: issue 16). */
  someUnknownKey(test: (key: string) => boolean): boolean {
    if (this.others === undefined) return false;
    for (const key of this.others.keys()) if (test(key)) return true;
    return false;
  }

  /** The entries of each key that appears more than once, in the order the keys first appear. */
  repeated(): (readonly RdpEntry[])[] {
    const out: (readonly RdpEntry[])[] = [];
    if (this.size === this.count) return out;
    for (const entry of this.all) {
      const held = this.held(entry.key)!;
      if (Array.isArray(held) && held.length > 1 && held[0] === entry) out.push(held);
    }
    return out;
  }

  *keys(): Generator<string> {
    for (const entry of this.all) if (this.opens(entry, this.held(entry.key)!)) yield entry.key;
  }

  *values(): Generator<readonly RdpEntry[]> {
    for (const key of [...this.keys()]) yield this.get(key)!;
  }

  *entries(): Generator<[string, readonly RdpEntry[]]> {
    for (const key of [...this.keys()]) yield [key, this.get(key)!];
  }

  [Symbol.iterator](): Generator<[string, readonly RdpEntry[]]> {
    return this.entries();
  }

  forEach(callback: (value: readonly RdpEntry[], key: string, map: ReadonlyMap<string, readonly RdpEntry[]>) => void, thisArg?: unknown): void {
    for (const key of [...this.keys()]) callback.call(thisArg, this.get(key)!, key, this);
  }
}

/**
 * The entries of any of `keys` in `byKey`, in file order: a handful of lookups instead of a look at every entry
 * of the file (issue 16), and no list made for a key met once.
 */
export function entriesOf(byKey: ReadonlyMap<string, readonly RdpEntry[]>, keys: readonly string[]): RdpEntry[] {
  const out: RdpEntry[] = [];
  let lists = 0;
  // No key repeats: each key's entry, with no list made (asked once, not once a key).
  const single = byKey instanceof EntryIndex && byKey.size === byKey.count ? byKey : undefined;
  // Index loops: an iterator per key and per list showed as ~7 MB of a 10,000-file lint.
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (single !== undefined) {
      const one = single.last(key);
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

/**
 * The entry clients read of each of `keys` in `byKey` (the last of its name, as `effectiveEntry` gives it), in file
 * order: for a rule that judges what a file asks for, not every line it holds. One list, as `entriesOf`, and none per key.
 */
export function effectiveEntriesOf(byKey: ReadonlyMap<string, readonly RdpEntry[]>, keys: readonly string[]): RdpEntry[] {
  const out: RdpEntry[] = [];
  for (let k = 0; k < keys.length; k++) {
    const entry = lastEntry(byKey, keys[k]!);
    if (entry !== undefined) out.push(entry);
  }
  if (out.length > 1) byLine(out);
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
