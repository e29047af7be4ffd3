// `lint --fix` on a file another program writes while it is linted (a review: an editor's save during a 18-second
// fix of a 200,000-line file was lost, replaced by the fix of the text read before it).
import assert from 'node:assert/strict';
import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { writeFileAtomic } from '../../../src/core/lint/atomic-write';
import { lintTextFile } from '../../../src/core/lint/text-file';
import type { InputError } from '../../../src/core/lint/inputs';
import { decodeBytes } from '../../../src/core/text/decode';

const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-fix-changed-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const READ = 'full address:s:rdsh01.example.invalid\r\nsession bpp:i:32\r\nsession bpp:i:32\r\n';
const SAVED_SINCE = `${READ}username:s:saved by the editor\r\n`;

describe('writeFileAtomic with the bytes a fix was made from', () => {
  it('writes the file that still holds them', () => {
    const file = join(dir, 'same.rdp');
    writeFileSync(file, READ);
    writeFileAtomic(file, Buffer.from('new'), Buffer.from(READ));
    assert.equal(readFileSync(file, 'utf8'), 'new');
  });

  it('leaves a file that no longer holds them as it is, and removes its temporary file', () => {
    const file = join(dir, 'changed.rdp');
    writeFileSync(file, SAVED_SINCE);
    assert.throws(() => writeFileAtomic(file, Buffer.from('new'), Buffer.from(READ)), { code: 'ECHANGED' });
    assert.equal(readFileSync(file, 'utf8'), SAVED_SINCE);
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
  });

  it('a file with several names (written in place) too', () => {
    const file = join(dir, 'linked.rdp');
    writeFileSync(file, SAVED_SINCE);
    linkSync(file, join(dir, 'linked-2.rdp'));
    assert.throws(() => writeFileAtomic(file, Buffer.from('new'), Buffer.from(READ)), { code: 'ECHANGED' });
    assert.equal(readFileSync(join(dir, 'linked-2.rdp'), 'utf8'), SAVED_SINCE);
  });

  it('a file swapped for a symbolic link to another file since: the other file is not written', () => {
    // Root running --fix in a folder others may write: the link's target (say /etc/hosts) would have got the fixed .rdp text.
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'not an .rdp file\n');
    const file = join(dir, 'swapped.rdp');
    symlinkSync(other, file);
    assert.throws(() => writeFileAtomic(file, Buffer.from('new'), Buffer.from(READ)), { code: 'ECHANGED' });
    assert.equal(readFileSync(other, 'utf8'), 'not an .rdp file\n');
  });

  it('does not make again a file deleted since', () => {
    const file = join(dir, 'deleted.rdp');
    assert.throws(() => writeFileAtomic(file, Buffer.from('new'), Buffer.from(READ)), { code: 'ECHANGED' });
    assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith('deleted') || n.includes('deleted.rdp')), []);
  });
});

describe('lint --fix of a file written since it was read', () => {
  it('keeps what the other program wrote and says the file was not fixed (an input error: exit 2)', () => {
    const file = join(dir, 'editor.rdp');
    writeFileSync(file, SAVED_SINCE);
    const bytes = Buffer.from(READ);
    const errors: InputError[] = [];
    const report = lintTextFile({ path: file, named: true }, 'rdp', decodeBytes(bytes), undefined, true, errors, bytes);
    assert.equal(readFileSync(file, 'utf8'), SAVED_SINCE);
    assert.equal(report.fixed, undefined);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, /^Not fixed: another program wrote the file while it was being linted, .*Run lint --fix again\.$/);
  });
});
