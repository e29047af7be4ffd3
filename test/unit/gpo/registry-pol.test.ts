import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readRegistryPol } from '../../../src/core/gpo/read-registry-pol';
import { readPolRecords } from '../../../src/core/gpo/registry-pol-records';
import { writeRegistryPol } from '../../support/registry-pol-writer';
import { lintRegistryPol } from '../../../src/core/lint/lint-file';
import { fixture, fixtureText, TS } from './helpers';

describe('Registry.pol reader', () => {
  it('reads the 708-byte sample of gpo-formats.md §3.3 record by record, with byte offsets', () => {
    const { records, damage, version } = readPolRecords(fixture('samples', 'rdp-min.pol'));
    assert.equal(version, 1);
    assert.equal(damage, undefined);
    assert.deepEqual(
      records.map((r) => [r.number, r.byteOffset, r.valueName, r.type, r.dataEnd - r.dataStart]),
      [
        [1, 8, 'SecurityLayer', 'REG_DWORD', 4],
        [2, 174, 'UserAuthentication', 'REG_DWORD', 4],
        [3, 350, 'MinEncryptionLevel', 'REG_DWORD', 4],
        [4, 526, '**del.fAllowToGetHelp', 'REG_SZ', 4],
      ],
    );
  });

  it('a large binary value: the lint reads no text of it, the view lists its first 64 KiB and its size', () => {
    const big = new Uint8Array(3 * 65_536).fill(0xab);
    const bytes = writeRegistryPol([{ key: TS, valueName: 'Big', type: 'REG_BINARY', data: big }]);
    const linted = lintRegistryPol(bytes, { view: false });
    assert.equal(linted.policy.settings.length, 1);
    assert.equal(linted.view, undefined);
    const { view } = readRegistryPol(bytes);
    const line = view.text.split('\n').find((l) => l.startsWith('BINARY:'))!;
    assert.ok(line.length < 200_000, `${line.length} characters`);
    assert.ok(line.startsWith('BINARY:ab,ab,'));
    assert.ok(line.endsWith(',ab,… (196608 bytes in all)'));
  });

  it('a long string value: the view shows its first 64 Ki characters and its length, as it does for binary data', () => {
    const long = 'x'.repeat(3 * 65_536);
    const bytes = writeRegistryPol([
      { key: TS, valueName: 'Long', type: 'REG_SZ', data: long },
      { key: TS, valueName: 'LongExpand', type: 'REG_EXPAND_SZ', data: `a\n${long}` },
      { key: TS, valueName: 'LongList', type: 'REG_MULTI_SZ', data: [long, 'y'] },
      { key: TS, valueName: 'Short', type: 'REG_SZ', data: 'one\ntwo' },
    ]);
    const lines = readRegistryPol(bytes).view.text.split('\n').filter((l) => /^(EX|MULTI)?SZ:/.test(l));
    const x = 'x'.repeat(65_536);
    assert.deepEqual(lines, [
      `SZ:${x}… (196608 characters in all)`,
      `EXSZ:a\\n${x.slice(2)}… (196610 characters in all)`,
      `MULTISZ:${x}… (196611 characters in all)`,
      'SZ:one\\ntwo',
    ]);
  });

  it('agrees with the LGPO rendering of the same file, record for record', () => {
    const pol = readRegistryPol(fixture('samples', 'rdp-bad.pol')).doc.settings;
    const lgpo = fixtureText('samples', 'rdp-bad.lgpo.txt').split(/\r?\n/);
    assert.equal(pol.length, 17);
    for (const s of pol) {
      if (s.action === 'set') assert.ok(lgpo.includes(s.valueName), s.valueName);
    }
    assert.deepEqual(pol.at(-2)!.action, 'delete-values');
  });

  it('matches **del. and **delvals. in any case, and applies them in order', () => {
    const result = lintRegistryPol(fixture('deletions.pol'));
    assert.deepEqual(
      result.policy.settings.map((s) => `${s.valueName || '*'}:${s.action}`),
      ['SecurityLayer:set', 'SecurityLayer:delete', 'UserAuthentication:set', '*:delete-values', 'MinEncryptionLevel:set', '*:create-key'],
    );
    // SecurityLayer and UserAuthentication were deleted again: only MinEncryptionLevel is reported.
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.location.record, f.location.byteOffset]), [['GPO004', 5, 688]]);
  });

  it('renders LGPO /parse-style text whose entries the findings point at', () => {
    const { view, doc } = readRegistryPol(fixture('samples', 'rdp-min.pol'));
    assert.match(view.text, /^; Registry\.pol as read by RDP Doctor/);
    const first = doc.settings[0]!;
    assert.equal(view.text.slice(first.source.span.start, first.source.span.end), 'DWORD:0');
    const last = doc.settings[3]!;
    assert.ok(view.text.slice(0, last.source.span.end).endsWith(`; record 4, byte 526\nComputer\n${TS}\nfAllowToGetHelp\nDELETE`));
    assert.deepEqual(doc.settings.map((s) => s.source.record), [1, 2, 3, 4]);
    const user = readRegistryPol(fixture('samples', 'rdp-min.pol'), 'HKCU');
    assert.match(user.view.text, /\nUser\n/);
    assert.ok(user.doc.settings.every((s) => s.hive === 'HKCU'));
  });

  it('a truncated file: a clear error at its byte offset, the records before it still read', () => {
    const { doc, view } = readRegistryPol(fixture('truncated.pol'));
    assert.equal(doc.settings.length, 5);
    assert.deepEqual(
      doc.problems.map((p) => [p.severity, p.record, p.byteOffset, p.message]),
      [['error', 6, 990, 'Record 6 (from byte 872) is damaged at byte 990: the file ends inside the value name (it is truncated). The rest of the file is not read.']],
    );
    assert.ok(view.text.includes(`\n; ERROR: ${doc.problems[0]!.message}\n`));
  });

  it('a corrupt record: the offset of the byte that is wrong', () => {
    const { doc } = readRegistryPol(fixture('corrupt.pol'));
    assert.equal(doc.settings.length, 0);
    // What sits there instead is a byte of the data, which may be a secret: not shown.
    assert.match(doc.problems[0]!.message, /^Record 1 \(from byte 8\) is damaged at byte 172: expected "\]" that closes the record where the data size says the data ends \(the size or the record is damaged\)\./);
    assert.doesNotMatch(doc.problems[0]!.message, /found/);
  });

  it('reports a data size larger than the file, a bad signature, a bad DWORD size and an unknown type', () => {
    const good = writeRegistryPol([{ key: TS, valueName: 'SecurityLayer', type: 'REG_DWORD', data: 2 }]);
    const big = Buffer.from(good);
    big.writeUInt32LE(1000, good.length - 2 - 4 - 2 - 4);
    assert.match(readRegistryPol(big).doc.problems[0]!.message, /the data size is 1000 bytes but only 6 remain/);
    assert.match(readRegistryPol(Buffer.from('PRex\u0001\u0000\u0000\u0000')).doc.problems[0]!.message, /does not start with the Registry\.pol signature/);
    const odd = writeRegistryPol([{ key: TS, valueName: 'X', type: 'REG_DWORD', data: Uint8Array.from([1, 2]) }]);
    assert.match(readRegistryPol(odd).doc.problems[0]!.message, /^Record 1 \(byte 8\): a REG_DWORD holds 4 bytes, this one 2\.$/);
    const empty = readRegistryPol(Buffer.from([0x50, 0x52, 0x65, 0x67, 1, 0, 0, 0]));
    assert.deepEqual([empty.doc.settings, empty.doc.problems], [[], []]);
  });

  it('round-trips what the writer writes', () => {
    const records = [
      { key: TS, valueName: 'A', type: 'REG_SZ' as const, data: 'x;y' },
      { key: TS, valueName: 'B', type: 'REG_MULTI_SZ' as const, data: ['a', 'b'] },
      { key: TS, valueName: 'C', type: 'REG_QWORD' as const, data: 5 },
      { key: TS, valueName: 'D', type: 'REG_BINARY' as const, data: Uint8Array.from([1, 255, 3]) },
      { key: `${TS};semi`, valueName: 'E', type: 'REG_DWORD' as const, data: 7 },
    ];
    const { doc } = readRegistryPol(writeRegistryPol(records));
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(doc.settings.map((s) => [s.key, s.data]), [[TS, 'x;y'], [TS, ['a', 'b']], [TS, 5], [TS, '01ff03'], [`${TS};semi`, 7]]);
  });

  it('never throws on garbage: random bytes, and damaged copies of a real file', () => {
    const sample = fixture('samples', 'rdp-bad.pol');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (tail) => {
        const bytes = Buffer.concat([Buffer.from('PReg\u0001\u0000\u0000\u0000', 'latin1'), tail]);
        const { doc, view } = readRegistryPol(bytes);
        for (const p of doc.problems) assert.ok(p.span.end <= view.text.length && (p.byteOffset ?? 0) <= bytes.length);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.nat(sample.length - 1), fc.integer({ min: 0, max: 255 }), fc.nat(sample.length), (at, byte, cut) => {
        const bytes = Buffer.from(sample).subarray(0, Math.max(cut, 8));
        if (at < bytes.length) bytes[at] = byte;
        const result = lintRegistryPol(bytes);
        for (const f of result.findings) assert.ok(f.location.record! >= 1 && f.location.byteOffset! < bytes.length);
      }),
      { numRuns: 1000 },
    );
  });

  // Its speed is measured by the bench (bench/gpo-bench.mjs), not asserted here: a timed test fails on a busy machine.
  it('reads 100,000 records', () => {
    const records = Array.from({ length: 100_000 }, (_, i) => ({ key: `${TS}\\K${i % 50}`, valueName: `V${i}`, type: 'REG_DWORD' as const, data: i }));
    const bytes = writeRegistryPol(records);
    const result = lintRegistryPol(bytes);
    assert.equal(result.policy.settings.length, 100_000);
    assert.equal(result.policy.settings[99_999]!.valueName, 'V99999');
  });
});
