import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROOT, runCli } from './cli-harness';

describe('explain with a negative decimal code on the command line', () => {
  it('reads a signed HRESULT as the code, not as short options', () => {
    const r = runCli(['explain', '-2146893054', '--format', 'json'], ROOT);
    assert.equal(r.code, 0, r.stderr);
    const e = JSON.parse(r.stdout);
    assert.equal(e.code, '0x80090302');
    assert.equal(e.name, 'SEC_E_UNSUPPORTED_FUNCTION');
  });

  it('reads an OnLogonError code typed alone, and a negative extended code given to --extended', () => {
    const logon = runCli(['explain', '-2', '--format', 'json'], ROOT);
    assert.equal(logon.code, 0, logon.stderr);
    assert.equal(JSON.parse(logon.stdout).name, 'ARBITRATION_CODE_CONTINUE_LOGON');
    const extended = runCli(['explain', '0x904', '--extended', '-7'], ROOT);
    assert.equal(extended.code, 2);
    assert.match(extended.stderr, /No known extended error code 0xFFFFFFF9 \(decimal -7\)/);
  });

  it('still refuses an unknown short option', () => {
    const r = runCli(['explain', '0x904', '-x'], ROOT);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Unknown option '-x'/);
  });
});
