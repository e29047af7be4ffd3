import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RegData, RegType } from '../../../src/core/gpo/model';
import { readReg } from '../../../src/core/gpo/read-reg';
import { readRegistryPol } from '../../../src/core/gpo/read-registry-pol';
import { readSecurityTemplate } from '../../../src/core/gpo/read-security-template';
import { writeRegistryPol } from '../../support/registry-pol-writer';
import { sameMeaning, valueMeaning } from '../../../src/core/gpo/value-meaning';
import { KEYS, schannelKey } from '../../../src/core/gpo/well-known-keys';
import { crossFileConflicts } from '../../../src/core/rules/gpo/gpo013-conflicting-policy';
import { policyFacts } from '../../../src/core/rules/xrf/facts';
import type { PolicyDocument } from '../../../src/core/gpo/model';

const TLS12 = schannelKey('TLS 1.2', 'Server');
const v = (key: string, valueName: string, type: RegType, data: RegData) => ({ key, valueName, type, data });

function facts(path: string, doc: PolicyDocument) {
  return { path, values: policyFacts(doc, (s) => `${path}:${s.source.span.start}`).values };
}
const reg = (path: string, body: string) => facts(path, readReg(`Windows Registry Editor Version 5.00\r\n\r\n${body}`));
const pol = (path: string, data: number) => facts(path, readRegistryPol(writeRegistryPol([{ key: TLS12, valueName: 'Enabled', type: 'REG_DWORD', data }])).doc);
const inf = (path: string, line: string) => facts(path, readSecurityTemplate(`[Unicode]\r\nUnicode=yes\r\n[Registry Values]\r\n${line}\r\n`));

describe('value meaning (the policy table decides how data compares)', () => {
  it('Schannel Enabled: any non-zero value enables the protocol', () => {
    assert.equal(valueMeaning(v(TLS12, 'Enabled', 'REG_DWORD', 1)), 'on');
    assert.equal(valueMeaning(v(TLS12, 'Enabled', 'REG_DWORD', 0xffffffff)), 'on');
    assert.equal(valueMeaning(v(TLS12, 'Enabled', 'REG_DWORD', 0)), 'off');
    assert.ok(sameMeaning(v(TLS12, 'enabled', 'REG_DWORD', 1), v(TLS12.toUpperCase(), 'Enabled', 'REG_DWORD', 0xffffffff)));
    assert.ok(sameMeaning(v(schannelKey('TLS 1.0', 'Client'), 'DisabledByDefault', 'REG_DWORD', 1), v(schannelKey('TLS 1.0', 'Client'), 'DisabledByDefault', 'REG_SZ', '4294967295')));
  });
  it('other numbers compare by value, whatever the type; strings exactly', () => {
    assert.ok(sameMeaning(v(KEYS.tsPolicy, 'SecurityLayer', 'REG_DWORD', 2), v(KEYS.tsPolicy, 'SecurityLayer', 'REG_SZ', '2')));
    assert.ok(!sameMeaning(v(KEYS.tsPolicy, 'SecurityLayer', 'REG_DWORD', 1), v(KEYS.tsPolicy, 'SecurityLayer', 'REG_DWORD', 2)));
    assert.ok(!sameMeaning(v(KEYS.tsPolicy, 'MaxIdleTime', 'REG_DWORD', 1), v(KEYS.tsPolicy, 'MaxIdleTime', 'REG_DWORD', 0xffffffff)), 'not a switch: 1 ms is not 49 days');
    assert.ok(sameMeaning(v(KEYS.tsPolicy, 'MaxDisconnectionTime', 'REG_SZ', '0'), v(KEYS.tsPolicy, 'MaxDisconnectionTime', 'REG_DWORD', 0)));
    assert.ok(!sameMeaning(v(KEYS.tsPolicy, 'LicenseServers', 'REG_SZ', 'a'), v(KEYS.tsPolicy, 'LicenseServers', 'REG_SZ', 'b')));
  });
});

describe('GPO013 compares meaning across exports', () => {
  const ffff = reg('tls-ffff.reg', `[HKEY_LOCAL_MACHINE\\${TLS12}]\r\n"Enabled"=dword:ffffffff\r\n`);
  it('Enabled=0xffffffff (.reg) and Enabled=1 (Registry.pol, GptTmpl.inf) do not conflict', () => {
    const one = pol('Machine/Registry.pol', 1);
    const template = inf('GptTmpl.inf', `MACHINE\\${TLS12}\\Enabled=4,1`);
    assert.equal(ffff.values[0]!.data, 0xffffffff);
    assert.deepEqual(crossFileConflicts([ffff, one, template]), []);
  });
  it('Enabled=0 against 0xffffffff is a conflict, reported at both exports', () => {
    const off = pol('Machine/Registry.pol', 0);
    const found = crossFileConflicts([ffff, off]);
    assert.deepEqual(found.map((f) => f.path), ['tls-ffff.reg', 'Machine/Registry.pol']);
    assert.match(found[0]!.message, /^"Enabled" is 4294967295 here but 0 in Machine\/Registry\.pol; the two exports disagree\.$/);
  });
});
