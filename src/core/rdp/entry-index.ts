import type { RdpEntry } from './parse';

/** A hash of a key's characters, mixed so that nearby keys spread over the table. */
function keyHash(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  const mixed = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return mixed ^ (mixed >>> 16);
}

/**
 * A document's entries by key, keys in the order they first appear, as a `ReadonlyMap`. Built once per document
 * in one open-addressing table sized for it: a `Map` grew four times per file and held a one-entry list for each
 * key, though most keys appear once, and a 10,000-file lint spent ~90 MB of allocation on them (issue 16). A key
 * met once holds its entry; its list is made when someone asks `get` for it.
 */
export class EntryIndex implements ReadonlyMap<string, readonly RdpEntry[]> {
  /** Two cells a slot: the key (undefined: empty), then its entry or the list of its entries in file order. */
  private readonly table: (string | RdpEntry | RdpEntry[] | undefined)[];
  private readonly mask: number;
  /** The keys in the order they first appear. */
  private readonly order: string[] = [];
  /** How many entries: more than keys when a key repeats. */
  private readonly count: number;

  constructor(entries: readonly RdpEntry[]) {
    let slots = 8;
    while (slots < entries.length * 2) slots *= 2; // at most half full
    this.mask = slots - 1;
    this.table = new Array<undefined>(slots * 2).fill(undefined);
    this.count = entries.length;
    for (let e = 0; e < entries.length; e++) this.add(entries[e]!);
  }

  /** The key's slot, or the empty slot where it would go. */
  private slot(key: string): number {
    let i = keyHash(key) & this.mask;
    for (;;) {
      const at = this.table[2 * i];
      if (at === undefined || at === key) return i;
      i = (i + 1) & this.mask;
    }
  }

  private add(entry: RdpEntry): void {
    const i = this.slot(entry.key);
    const held = this.table[2 * i + 1] as RdpEntry | RdpEntry[] | undefined;
    if (held === undefined) {
      this.table[2 * i] = entry.key;
      this.table[2 * i + 1] = entry;
      this.order.push(entry.key);
    } else if (Array.isArray(held)) {
      held.push(entry);
    } else {
      this.table[2 * i + 1] = [held, entry];
    }
  }

  get size(): number {
    return this.order.length;
  }

  has(key: string): boolean {
    return this.table[2 * this.slot(key)] !== undefined;
  }

  get(key: string): readonly RdpEntry[] | undefined {
    const i = this.slot(key);
    const held = this.table[2 * i + 1] as RdpEntry | RdpEntry[] | undefined;
    if (held === undefined || Array.isArray(held)) return held;
    const list = [held];
    this.table[2 * i + 1] = list;
    return list;
  }

  /** The key's last entry, the one clients use (no list is made). */
  last(key: string): RdpEntry | undefined {
    const held = this.table[2 * this.slot(key) + 1] as RdpEntry | RdpEntry[] | undefined;
    return Array.isArray(held) ? held[held.length - 1] : held;
  }

  /** The entries of each key that appears more than once, in the order the keys first appear (a plain loop: no iterator per key). */
  repeated(): (readonly RdpEntry[])[] {
    const out: (readonly RdpEntry[])[] = [];
    if (this.order.length === this.count) return out;
    for (let k = 0; k < this.order.length; k++) {
      const held = this.table[2 * this.slot(this.order[k]!) + 1];
      if (Array.isArray(held) && held.length > 1) out.push(held);
    }
    return out;
  }

  *keys(): Generator<string> {
    yield* this.order;
  }

  *values(): Generator<readonly RdpEntry[]> {
    for (const key of this.order) yield this.get(key)!;
  }

  *entries(): Generator<[string, readonly RdpEntry[]]> {
    for (const key of this.order) yield [key, this.get(key)!];
  }

  [Symbol.iterator](): Generator<[string, readonly RdpEntry[]]> {
    return this.entries();
  }

  forEach(callback: (value: readonly RdpEntry[], key: string, map: ReadonlyMap<string, readonly RdpEntry[]>) => void, thisArg?: unknown): void {
    for (const key of this.order) callback.call(thisArg, this.get(key)!, key, this);
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
