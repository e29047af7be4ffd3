import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hardenConnectionFile } from '../../src/core/fixes/harden';
import { isSecretProperty } from '../../src/core/rdp/properties/index';

// Secrets under names RDP Doctor does not know: Devolutions' MsRdpEx reads a smart-card PIN and a private key
// (dll/RdpSettings.cpp, WinSCardSmartcardPin and WinSCardPrivateKeyFileData, at 5a64c5d); IronRDP lists
// ironrdp_rdcleanpathtoken among the keys whose values are secrets (crates/ironrdp-cfg/src/lib.rs, SECRET_KEYS).
describe('isSecretProperty: unknown names of other secrets than passwords', () => {
  it('takes a PIN, a private key and a token for secrets, in any case', () => {
    for (const key of ['winscardsmartcardpin', 'WinSCardSmartcardPin', 'winscardprivatekeyfiledata', 'ironrdp_rdcleanpathtoken', 'client secret']) {
      assert.equal(isSecretProperty(key), true, key);
    }
  });

  it('keeps known names to the table, and ordinary unknown names not secret', () => {
    for (const key of ['full address', 'winscardcertificatefilepath', 'pinconnectionbar', 'kdcproxyurl']) assert.equal(isSecretProperty(key), false, key);
  });

  it('says Harden removed a saved secret, not a password, for a PIN, and never shows its value', () => {
    const result = hardenConnectionFile('full address:s:rdsh.example.invalid\nWinSCardSmartcardPin:s:135792\n', {});
    assert.ok(!('error' in result));
    const said = result.changes.find((c) => c.includes('winscardsmartcardpin'));
    assert.match(said ?? '', /^Removed the saved secret \(winscardsmartcardpin\) on line 2\.$/);
    assert.ok(!result.changes.join(' ').includes('135792'));
  });
});
