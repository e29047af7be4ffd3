// The text of the extension's Registry.pol view (src/extension/registry-pol-text.ts): a file the bounded read refuses
// (too large, not a regular file) is said so in the view, and no bytes of it are kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { polViewRefusal, polViewText } from '../../src/extension/registry-pol-text';
import { writeRegistryPol } from '../support/registry-pol-writer';

const TS = 'SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';

describe('Registry.pol view text', () => {
  it('says why a refused file is not read, and keeps no bytes of it', async () => {
    assert.equal(polViewRefusal('a.pol', 'larger than 64 MB'), '; a.pol is larger than 64 MB, so RDP Doctor does not read it.\n');
    const view = await polViewText('fifo.pol', () => Promise.resolve({ refused: 'not a regular file (a FIFO, socket or device)' }), 'HKLM');
    assert.equal(view.bytes, undefined);
    assert.equal(view.text, '; fifo.pol is not a regular file (a FIFO, socket or device), so RDP Doctor does not read it.\n');
  });

  it('renders a file within the limit as LGPO text, for the hive given, and keeps its bytes for the lint', async () => {
    const bytes = writeRegistryPol([{ key: TS, valueName: 'fDenyTSConnections', type: 'REG_DWORD', data: 0 }]);
    const view = await polViewText('Registry.pol', () => Promise.resolve({ bytes, size: bytes.length }), 'HKCU');
    assert.equal(view.bytes, bytes);
    assert.match(view.text, /^; Registry\.pol as read by RDP Doctor .*User policy \(HKCU\)\n/);
    assert.match(view.text, /\nfDenyTSConnections\nDWORD:0\n/);
  });
});
