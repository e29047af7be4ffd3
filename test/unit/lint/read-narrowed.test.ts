// A large UTF-16LE export read a chunk at a time straight into its text (`readInput`'s `narrow`, issue 16) decodes to
// exactly what `decodeBytes` makes of the whole file, or is read whole: generated files with and without a BOM, with
// characters above U+00FF anywhere (in the first chunk, the last, across a chunk's edge), odd lengths, NULs, other BOMs,
// and chunk sizes from 1 byte up. The CLI's output for such a file is the same either way.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { NARROW_READ_MIN_BYTES, readInput } from '../../../src/core/lint/read-file';
import { lintPaths } from '../../../src/core/lint/session';
import { decodeBytes } from '../../../src/core/text/decode';

const dir = mkdtempSync(join(tmpdir(), 'rdpdoctor-narrow-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** UTF-16LE code units, mostly one-byte characters, sometimes one above U+00FF; a start and an odd last byte chosen. */
const fileBytes = fc
  .record({
    start: fc.constantFrom([0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf], [0xff, 0xfe, 0, 0], [] as number[]),
    units: fc.array(fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0, max: 0xff }) }, { weight: 1, arbitrary: fc.integer({ min: 0x100, max: 0xffff }) }), { maxLength: 200 }),
    oddByte: fc.option(fc.integer({ min: 0, max: 0xff }), { nil: undefined }),
  })
  .map(({ start, units, oddByte }) => {
    const body = Buffer.alloc(units.length * 2);
    units.forEach((u, i) => body.writeUInt16LE(u, i * 2));
    return Buffer.concat([Buffer.from(start), body, Buffer.from(oddByte === undefined ? [] : [oddByte])]);
  });

let n = 0;
function written(bytes: Buffer): string {
  const path = join(dir, `f${n++}.xml`);
  writeFileSync(path, bytes);
  return path;
}

describe('readInput: a large UTF-16LE file read into its text', () => {
  it('decodes to what decodeBytes makes of the whole file, or reads the file whole', () => {
    let narrowed = 0;
    fc.assert(
      fc.property(fileBytes, fc.integer({ min: 1, max: 64 }), (bytes, chunkBytes) => {
        const path = written(bytes);
        const got = readInput(path, { minBytes: 0, chunkBytes });
        assert.ok(!('error' in got));
        const whole = decodeBytes(bytes);
        if ('narrowed' in got) {
          narrowed++;
          assert.deepEqual(got.narrowed.decoded, whole);
          assert.deepEqual(got.narrowed.head, bytes.subarray(0, Math.min(bytes.length, 4096, Math.max(2, chunkBytes & ~1))));
        } else {
          assert.ok(got.bytes.equals(bytes));
          // Only a file without UTF-16LE's BOM, or with a character above U+00FF, is read whole.
          const units = bytes.subarray(2, 2 + ((bytes.length - 2) & ~1));
          const wide = bytes[0] !== 0xff || bytes[1] !== 0xfe || units.some((b, i) => i % 2 === 1 && b !== 0);
          assert.ok(wide, 'a UTF-16LE file of one-byte characters was read whole');
        }
      }),
      { numRuns: 400 },
    );
    assert.ok(narrowed > 50, `only ${narrowed} files were read into their text`);
  });

  it('reads a smaller file, or any file for --fix, whole', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<GPO/>', 'utf16le')]);
    const path = written(bytes);
    const small = readInput(path, {});
    assert.ok('bytes' in small && small.bytes.equals(bytes));
    const plain = readInput(path);
    assert.ok('bytes' in plain && plain.bytes.equals(bytes));
  });

  it('gives the CLI the same report of a large UTF-16LE export with and without --fix', async () => {
    // A report over the size limit, mostly Explain text; a character above U+00FF at the very end makes one copy be read whole.
    const policy = (name: string, state: string) =>
      `<q1:Policy><q1:Name>${name}</q1:Name><q1:State>${state}</q1:State><q1:Explain>${'x'.repeat(2000)}</q1:Explain></q1:Policy>`;
    const body = Array.from({ length: Math.ceil(NARROW_READ_MIN_BYTES / 4200) + 10 }, (_, i) => policy(i === 7 ? 'Require user authentication for remote connections by using Network Level Authentication' : `Other ${i}`, i === 7 ? 'Disabled' : 'Enabled')).join('');
    const xml = (tail: string) =>
      `<?xml version="1.0" encoding="utf-16"?>\r\n<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings"><Name>Big</Name><Computer><Enabled>true</Enabled><ExtensionData><Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Registry">${body}</Extension><Name>Registry</Name></ExtensionData></Computer></GPO>${tail}`;
    const narrowPath = join(dir, 'narrow.xml');
    const widePath = join(dir, 'wide.xml');
    writeFileSync(narrowPath, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml('\r\n'), 'utf16le')]));
    writeFileSync(widePath, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml('<!--\u2013-->'), 'utf16le')]));
    assert.ok('narrowed' in readInput(narrowPath, {}));
    assert.ok('bytes' in readInput(widePath, {}));
    const lint = async (path: string, fix: boolean) => (await lintPaths({ paths: [path], fix })).report.files.map((f) => ({ ...f, path: '' }));
    const narrow = await lint(narrowPath, false);
    assert.ok(narrow[0]!.findings.some((f) => f.ruleId === 'GPO003'), JSON.stringify(narrow[0]!.findings.map((f) => f.ruleId)));
    assert.deepEqual(narrow, await lint(narrowPath, true));
    assert.deepEqual(narrow, await lint(widePath, false));
    assert.ok(readFileSync(narrowPath).length > NARROW_READ_MIN_BYTES);
  });
});
