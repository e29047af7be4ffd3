// The text of the extension's Registry.pol view (src/extension/registry-pol-text.ts): a file too large, or not a
// regular file, is refused before a byte of it is read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { polViewRefusal, polViewText } from '../../src/extension/registry-pol-text';
import { MAX_FILE_BYTES } from '../../src/core/lint/read-file';
import { writeRegistryPol } from '../support/registry-pol-writer';

const TS = 'SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';

describe('Registry.pol view text', () => {
  it('refuses a file larger than the lint reads, or not a regular file, and says why in the view', () => {
    assert.equal(polViewRefusal('a.pol', { size: MAX_FILE_BYTES, isFile: true }), undefined);
    assert.equal(polViewRefusal('a.pol', { size: MAX_FILE_BYTES + 1, isFile: true }), '; a.pol is larger than 64 MB, so RDP Doctor does not read it: no Registry.pol comes near that size.\n');
    assert.match(polViewRefusal('fifo.pol', { size: 0, isFile: false })!, /^; fifo\.pol is not a regular file/);
  });

  it('reads nothing of a file the size refuses, and keeps no bytes of it', async () => {
    let reads = 0;
    const read = (): Promise<Uint8Array> => {
      reads++;
      return Promise.resolve(new Uint8Array(0));
    };
    const view = await polViewText('huge.pol', { size: 2 * MAX_FILE_BYTES, isFile: true }, read, 'HKLM');
    assert.equal(reads, 0);
    assert.equal(view.bytes, undefined);
    assert.match(view.text, /huge\.pol is larger than 64 MB/);
  });

  it('refuses a file that grew past the limit between the look at its size and the read', async () => {
    const view = await polViewText('grew.pol', { size: 10, isFile: true }, () => Promise.resolve(new Uint8Array(MAX_FILE_BYTES + 1)), 'HKLM');
    // Not assert.equal: its message on failure would print 64 MB of bytes.
    assert.ok(view.bytes === undefined, 'no bytes kept');
    assert.match(view.text, /grew\.pol is larger than 64 MB/);
  });

  it('renders a file within the limit as LGPO text, for the hive given, and keeps its bytes for the lint', async () => {
    const bytes = writeRegistryPol([{ key: TS, valueName: 'fDenyTSConnections', type: 'REG_DWORD', data: 0 }]);
    const view = await polViewText('Registry.pol', { size: bytes.length, isFile: true }, () => Promise.resolve(bytes), 'HKCU');
    assert.equal(view.bytes, bytes);
    assert.match(view.text, /^; Registry\.pol as read by RDP Doctor .*User policy \(HKCU\)\n/);
    assert.match(view.text, /\nfDenyTSConnections\nDWORD:0\n/);
  });
});
