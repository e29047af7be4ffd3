// What the parser asks the property table per line: a file of distinct unknown names (a hostile shape, bench/large)
// made four lookups of each name and lower-cased it twice; one lookup per name met for the first time now suffices.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRdp, propertyOf } from '../../src/core/rdp/parse';
import { findProperty, KEY_IDS, knownKeyId } from '../../src/core/rdp/properties/index';
import { Entry } from '../../src/core/rdp/entry';

/** How many times `KEY_IDS.get` is called while `run` runs. */
function lookups(run: () => void): number {
  const map = KEY_IDS as Map<string, number>;
  const get = map.get;
  let calls = 0;
  map.get = function (key: string) {
    calls++;
    return get.call(this, key);
  };
  try {
    run();
  } finally {
    delete (map as { get?: unknown }).get;
  }
  return calls;
}

describe('parser lookups in the property table', () => {
  it('looks each name met for the first time up once, parse and key index together', () => {
    const tag = `p${process.hrtime.bigint()}`;
    const names = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `${tag}-unknown${i}` : i % 3 === 1 ? `${tag}x${i}` : `u${i}${tag}`));
    const text = names.map((n) => `${n}:s:x`).join('\r\n');
    const calls = lookups(() => {
      const doc = parseRdp(text);
      assert.equal(doc.byKey.size, names.length);
    });
    assert.ok(calls <= names.length, `${calls} lookups for ${names.length} names`);
  });

  it('gives each entry of a name met for the first time its property and key number, as a lookup would', () => {
    const tag = `q${process.hrtime.bigint()}`;
    const text = ['full address:s:h', 'Full Address:s:h', ' username :s:u', `${tag}:i:1`, `${tag}-long-unknown-name:s:x`, `x${'y'.repeat(70)}:s:1`, 'redirectclipboard:i:1'].join('\n');
    const doc = parseRdp(text);
    assert.equal(doc.entries.length, 7);
    for (const entry of doc.entries) {
      assert.equal(propertyOf(entry), findProperty(entry.key), entry.key);
      assert.ok(entry instanceof Entry);
      assert.equal(entry.keyId(), knownKeyId(entry.key), entry.key);
    }
  });
});
