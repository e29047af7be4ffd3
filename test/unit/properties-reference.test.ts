import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { PROPERTIES, findProperty } from '../../src/core/rdp/properties/index';

const ROOT = resolve(__dirname, '../../..');
const REFERENCE = join(ROOT, '../shared/reference/rdp-file-properties.md');

/** One row of the reference's property tables (§2.1–§2.7). */
interface ReferenceRow {
  readonly names: readonly string[];
  /** The type letters the row allows (two when sources disagree). */
  readonly types: ReadonlySet<string>;
  /** The integer values the row enumerates, when it enumerates at least two. */
  readonly values?: ReadonlySet<string>;
  readonly documented: string;
}

/** The integers a Values cell enumerates ("0 = …; 1 = …", "0 / 1", "100, 125, …"); ranges such as "200–8192" give none. */
export function enumeratedValues(cell: string): Set<string> {
  const values = new Set<string>();
  for (const segment of cell.split(/[;,/]/)) {
    const m = /^\s*\(?(\d+)(?=\s*$|\s*\(|\s*=|\s+[A-Za-z])/.exec(segment);
    if (m) values.add(String(Number(m[1])));
  }
  return values;
}

export function referenceRows(markdown: string): ReferenceRow[] {
  const start = markdown.indexOf('## 2. Property reference');
  const end = markdown.indexOf('## 3.', start);
  const rows: ReferenceRow[] = [];
  for (const line of markdown.slice(start, end).split('\n')) {
    if (!line.startsWith('| `')) continue;
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
    const names = [...cells[0]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.toLowerCase()).filter((n) => n !== 'arm');
    const types = new Set([...cells[1]!.matchAll(/(?:^|\s|\/)([sib])\b/g)].map((m) => m[1]!));
    // Rows that list several properties share one Values cell that describes them loosely.
    const values = cells[1] === 'i' || cells[1]!.startsWith('i ') ? enumeratedValues(cells[2]!) : new Set<string>();
    rows.push({ names, types, ...(names.length === 1 && values.size >= 2 && { values }), documented: cells.length > 5 ? cells[4]! : '' });
  }
  return rows;
}

const skip = !existsSync(REFERENCE) && 'no ../shared/reference';

describe('property table against reference/rdp-file-properties.md', () => {
  it('reads enumerated values the way the reference writes them', () => {
    assert.deepEqual([...enumeratedValues('0 = off; 1 = on (default)')], ['0', '1']);
    assert.deepEqual([...enumeratedValues('100, 125, 150 ([AVD]); "between 100 and 500", default 100 ([WSD])')], ['100', '125', '150']);
    assert.deepEqual([...enumeratedValues('1 Modem, 2 Low-speed broadband, 7 Auto detect')], ['1', '2', '7']);
    assert.deepEqual([...enumeratedValues('200–8192 ([AVD]); 200–4096 ([WSD])')], []);
  });

  it('knows every property the reference lists, with its type', { skip }, () => {
    const rows = referenceRows(readFileSync(REFERENCE, 'utf8'));
    assert.ok(rows.length > 100, `only ${rows.length} rows read`);
    for (const row of rows) {
      for (const name of row.names) {
        const known = findProperty(name);
        assert.ok(known, `${name} is in the reference but not in the property table`);
        assert.ok(row.types.has(known.type), `${name}: the table says ${known.type}, the reference ${[...row.types].join('/')}`);
      }
    }
  });

  it('allows exactly the integer values the reference enumerates', { skip }, () => {
    let compared = 0;
    for (const row of referenceRows(readFileSync(REFERENCE, 'utf8'))) {
      if (!row.values) continue;
      compared++;
      const known = findProperty(row.names[0]!)!;
      const table = new Set((known.values ?? []).map((v) => v.value));
      assert.equal(known.range, undefined, `${known.name}: the reference enumerates its values, the table allows a range`);
      assert.deepEqual([...table].sort(), [...row.values].sort(), `${known.name}: values differ from the reference`);
    }
    assert.ok(compared > 40, `only ${compared} value sets compared`);
  });

  it('cites the Supported RDP properties page only for properties the reference tags [AVD]', { skip }, () => {
    const rows = referenceRows(readFileSync(REFERENCE, 'utf8'));
    const avd = new Set(rows.filter((r) => r.documented.includes('[AVD]')).flatMap((r) => r.names));
    for (const p of PROPERTIES) {
      if (p.sources.includes('AVD')) assert.ok(avd.has(p.name), `${p.name} cites AVD, which the reference does not`);
    }
  });
});
