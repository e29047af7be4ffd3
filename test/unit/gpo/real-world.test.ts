import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readReg } from '../../../src/core/gpo/read-reg';
import { originOf } from '../../../src/core/gpo/well-known-keys';
import { lintExport } from './helpers';

// Shapes of real exports found in public repositories (see each test). The excerpts are typed here, not copied.

describe('.reg exports of an offline SYSTEM hive (ControlSet001)', () => {
  // Shape from an image-building script in a public lab repository (text index id 62943723924, a hivexregedit
  // merge file) and from offline WinPE/reged edits: the keys are SYSTEM\ControlSet001\…, since an offline hive
  // has no CurrentControlSet link. CRLF, regedit 5.00 header.
  const reg = [
    'Windows Registry Editor Version 5.00',
    '',
    '[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\Terminal Server]',
    '"fDenyTSConnections"=dword:00000001',
    '',
    '[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\Terminal Server\\WinStations\\RDP-Tcp]',
    '"UserAuthentication"=dword:00000000',
    '"SecurityLayer"=dword:00000000',
    '"PortNumber"=dword:00000d3e',
    '',
    '[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet0011\\Control\\Terminal Server]',
    '"fDenyTSConnections"=dword:00000001',
    '',
  ].join('\r\n');

  it('reads ControlSet001 as the current control set: the listener and local values are found where they are written', () => {
    const found = lintExport('reg', reg).map((f) => [f.ruleId, f.line]);
    assert.deepEqual(found, [
      ['GPO001', 4],
      ['GPO003', 7],
      ['GPO002', 8],
      ['GPO012', 9],
    ]);
    const denied = lintExport('reg', reg).find((f) => f.ruleId === 'GPO001')!;
    assert.match(denied.message, /in the local Terminal Server settings/);
    // The subject keeps the key as the file writes it.
    assert.equal(denied.finding.subject, 'HKLM\\SYSTEM\\ControlSet001\\Control\\Terminal Server\\fDenyTSConnections');
  });

  it('keeps the key as written in the model, and maps only ControlSet001 (not ControlSet0011 or ControlSet002)', () => {
    const keys = readReg(reg).settings.map((s) => s.key);
    assert.equal(keys[0], 'SYSTEM\\ControlSet001\\Control\\Terminal Server');
    assert.equal(originOf('SYSTEM\\ControlSet001\\Control\\Terminal Server\\WinStations\\RDP-Tcp'), 'listener');
    assert.equal(originOf('system\\controlset001\\services\\tcpip\\parameters'), 'local');
    assert.equal(originOf('SYSTEM\\ControlSet0011\\Control\\Terminal Server'), 'other');
    assert.equal(originOf('SYSTEM\\ControlSet002\\Control\\Terminal Server'), 'other');
  });
});
