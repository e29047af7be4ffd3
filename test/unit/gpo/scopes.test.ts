import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPolicyText } from '../../../src/core/gpo/read-export';
import { policyScopes } from '../../../src/core/gpo/scopes';
import { KEYS } from '../../../src/core/gpo/well-known-keys';
import { TS } from './helpers';

const TLS = KEYS.schannelProtocols;

/** The values the file's one scope leaves, as `hive key name=data` with the key after `under`. */
const left = (text: string, format: 'reg' | 'lgpo-text', under: string): string[] =>
  policyScopes(readPolicyText(format, text))[0]!.values().map((s) => `${s.hive} ${s.key.slice(under.length + 1) || '.'} ${s.valueName}=${String(s.data)}`);

describe('policy scopes: what a file leaves in the registry', () => {
  it('a value set again wins and moves last; a deleted key takes its values and its subkeys with it, not a sibling that shares its prefix', () => {
    const reg = [
      'Windows Registry Editor Version 5.00',
      `[HKEY_LOCAL_MACHINE\\${TLS}\\TLS 1.0\\Server]`,
      '"Enabled"=dword:1',
      '"DisabledByDefault"=dword:1',
      '"Enabled"=dword:0',
      `[HKEY_LOCAL_MACHINE\\${TLS}\\TLS 1.0\\Server\\Deeper]`,
      '"D"=dword:1',
      `[HKEY_LOCAL_MACHINE\\${TLS}\\TLS 1.0x\\Server]`,
      '"Enabled"=dword:1',
      `[HKEY_CURRENT_USER\\${TLS}\\TLS 1.0\\Server]`,
      '"Enabled"=dword:1',
      `[-HKEY_LOCAL_MACHINE\\${TLS}\\tls 1.0]`,
      `[HKEY_LOCAL_MACHINE\\${TLS}\\TLS 1.0\\Server\\Deeper]`,
      '"F"=dword:1',
      `[HKEY_LOCAL_MACHINE\\${TLS}\\TLS 1.1\\Server]`,
      '"Enabled"=dword:0',
      '"Enabled"=dword:1',
      '',
    ].join('\r\n');
    assert.deepEqual(left(reg, 'reg', TLS), ['HKLM TLS 1.0x\\Server Enabled=1', 'HKCU TLS 1.0\\Server Enabled=1', 'HKLM TLS 1.0\\Server\\Deeper F=1', 'HKLM TLS 1.1\\Server Enabled=1']);
    const kept = [
      'Windows Registry Editor Version 5.00',
      `[HKEY_LOCAL_MACHINE\\${TS}]`,
      '"A"=dword:1',
      '"B"=dword:1',
      '"A"=dword:2',
      '',
    ].join('\r\n');
    assert.deepEqual(left(kept, 'reg', TS), ['HKLM . B=1', 'HKLM . A=2']);
  });

  it('a deletion of a key\'s values leaves its subkeys, and a value set after it', () => {
    const entry = (key: string, name: string, data: string): string => `Computer\r\n${key}\r\n${name}\r\n${data}\r\n\r\n`;
    const lgpo = [
      entry(TS, 'A', 'DWORD:1'),
      entry(KEYS.tsClientPolicy, 'B', 'DWORD:1'),
      entry(TS, 'C', 'DWORD:1'),
      entry(TS, '*', 'DELETEALLVALUES'),
      entry(TS, 'C', 'DWORD:2'),
    ].join('');
    assert.deepEqual(left(lgpo, 'lgpo-text', TS), ['HKLM Client B=1', 'HKLM . C=2']);
  });

  it('looks at each value a bounded number of times, however many keys the file deletes', () => {
    // Each deletion of a key looked at every value kept so far: 30 s for a .reg of 20,000 values and 20,000 `[-key]`.
    const lines = ['Windows Registry Editor Version 5.00'];
    for (let i = 0; i < 2000; i++) lines.push(`[HKEY_LOCAL_MACHINE\\${TS}]`, `"V${i}"=dword:1`, `[-HKEY_LOCAL_MACHINE\\${TS}\\Gone${i}]`);
    const doc = readPolicyText('reg', lines.join('\r\n'));
    let reads = 0;
    const settings = doc.settings.map((s) => new Proxy(s, { get: (target, key) => (key === 'key' && reads++, Reflect.get(target, key, target)) }));
    assert.equal(policyScopes({ ...doc, settings })[0]!.values().length, 2000);
    assert.ok(reads <= 10 * settings.length, `${reads} reads of the keys of ${settings.length} entries`);
  });
});
