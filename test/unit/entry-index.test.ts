// The document's entries by key (src/core/rdp/entry-index.ts) behave as the Map they replace (issue 16).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EntryIndex, effectiveEntriesOf, entriesOf, lastEntry, repeatedEntries } from '../../src/core/rdp/entry-index';
import type { RdpEntry } from '../../src/core/rdp/parse';

const entryOf = (key: string, line: number): RdpEntry => ({ line, rawName: key, key, type: 's', value: String(line), span: { start: line, end: line }, nameSpan: { start: line, end: line }, typeSpan: { start: line, end: line }, valueSpan: { start: line, end: line } });

/** The Map the parser used to build. */
function mapOf(entries: readonly RdpEntry[]): Map<string, RdpEntry[]> {
  const map = new Map<string, RdpEntry[]>();
  for (const e of entries) {
    const list = map.get(e.key);
    if (list) list.push(e);
    else map.set(e.key, [e]);
  }
  return map;
}

// Few distinct keys, so that they repeat; some long, some non-ASCII, some differing in one character.
const key = fc.oneof(fc.constantFrom('full address', 'full addresS', 'a', 'b', 'username', 'x'.repeat(80), 'é', 'server port'), fc.string({ minLength: 1, maxLength: 4 }));

describe('EntryIndex', () => {
  it('answers get, has, size, the last entry and every iteration as a Map of the same entries (property test)', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 60 }), fc.array(key, { maxLength: 10 }), fc.boolean(), (keys, asked, getFirst) => {
        const entries = keys.map(entryOf);
        const map = mapOf(entries);
        const index = new EntryIndex(entries);
        // Asking get first turns a key's entry into a list: the answers must not change.
        if (getFirst) for (const k of keys.slice(0, 3)) index.get(k);
        assert.equal(index.size, map.size);
        assert.deepEqual([...index.keys()], [...map.keys()]);
        assert.deepEqual([...index.values()], [...map.values()]);
        assert.deepEqual([...index], [...map]);
        assert.deepEqual([...index.entries()], [...map.entries()]);
        const seen: [string, readonly RdpEntry[]][] = [];
        index.forEach((v, k, m) => {
          assert.equal(m, index);
          seen.push([k, v]);
        });
        assert.deepEqual(seen, [...map]);
        for (const k of [...keys, ...asked, 'not there']) {
          assert.equal(index.has(k), map.has(k));
          assert.deepEqual(index.get(k), map.get(k));
          const list = map.get(k);
          assert.equal(index.last(k), list?.[list.length - 1]);
          assert.equal(lastEntry(index, k), lastEntry(map, k));
        }
        assert.deepEqual([...repeatedEntries(index)], [...repeatedEntries(map)]);
        // The entries of some keys, in file order, as a filter over every entry would give them.
        const some = new Set([...asked.slice(0, 2), ...keys.slice(0, 3)]);
        assert.deepEqual(entriesOf(index, [...some]), entries.filter((e) => some.has(e.key)));
        assert.deepEqual(entriesOf(map, [...some]), entries.filter((e) => some.has(e.key)));
        // The last entry of each of them, the one clients read, in file order.
        const last = entries.filter((e) => some.has(e.key) && lastEntry(map, e.key) === e);
        assert.deepEqual(effectiveEntriesOf(index, [...some]), last);
        assert.deepEqual(effectiveEntriesOf(map, [...some]), last);
        assert.deepEqual([...repeatedEntries(map)], [...map.values()].filter((l) => l.length > 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('holds thousands of keys, and thousands of one key, in file order', () => {
    const many = Array.from({ length: 5000 }, (_, i) => entryOf(`key ${i % 2500}`, i));
    const index = new EntryIndex(many);
    assert.equal(index.size, 2500);
    assert.deepEqual(index.get('key 7')!.map((e) => e.line), [7, 2507]);
    assert.equal(index.last('key 2499')!.line, 4999);
    const same = Array.from({ length: 5000 }, (_, i) => entryOf('full address', i));
    const one = new EntryIndex(same);
    assert.equal(one.size, 1);
    assert.equal(one.last('full address')!.line, 4999);
    assert.equal([...repeatedEntries(one)][0]!.length, 5000);
  });
});
