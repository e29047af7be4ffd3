import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schannelKey, KEYS } from '../../../src/core/gpo/well-known-keys';
import { gpo001 } from '../../../src/core/rules/gpo/gpo001-rdp-connections-denied';
import { gpo002 } from '../../../src/core/rules/gpo/gpo002-security-layer-rdp';
import { gpo003 } from '../../../src/core/rules/gpo/gpo003-nla-not-required';
import { gpo004 } from '../../../src/core/rules/gpo/gpo004-encryption-level';
import { gpo005 } from '../../../src/core/rules/gpo/gpo005-credssp-oracle';
import { gpo009 } from '../../../src/core/rules/gpo/gpo009-schannel-tls-disabled';
import { gpo010 } from '../../../src/core/rules/gpo/gpo010-rpc-not-encrypted';
import { dropDown, LISTENER, lintExport, policyXml, reportXml, testPolicyRule, TS } from './helpers';

const TLS12 = schannelKey('TLS 1.2', 'Server');
const TLS13 = schannelKey('TLS 1.3', 'Server');

describe('GPO001 rdp-connections-denied', () => {
  testPolicyRule(gpo001, {
    accept: [[{ key: TS, name: 'fDenyTSConnections', dword: 0 }], [{ key: KEYS.terminalServer, name: 'fDenyTSConnections', dword: 0 }]],
    reject: [
      { vals: [{ key: TS, name: 'fDenyTSConnections', dword: 1 }], at: [0], message: /^"fDenyTSConnections" is 1 \(Denied\) in the policy: /, title: 'the policy' },
      { vals: [{ key: KEYS.terminalServer, name: 'fDenyTSConnections', dword: 1 }], at: [0], message: /local Terminal Server settings/, title: 'the local switch' },
      {
        vals: [{ key: KEYS.terminalServer, name: 'fDenyTSConnections', dword: 0 }, { key: TS, name: 'fDenyTSConnections', dword: 1 }],
        at: [1],
        title: 'the policy wins over the local switch',
      },
      { vals: [{ key: TS, name: 'fDenyTSConnections', dword: 1 }, { key: TS, name: 'fDenyTSConnections', del: true }, { key: KEYS.terminalServer, name: 'fDenyTSConnections', dword: 1 }], at: [2], title: 'a deleted policy value falls back to the local one' },
    ],
  });
  it('report XML: "Allow users to connect remotely…" Disabled is the inverted 1, Enabled is 0', () => {
    const name = 'Allow users to connect remotely by using Remote Desktop Services';
    const disabled = lintExport('gpo-report-xml', reportXml(policyXml(name, 'Disabled')));
    assert.deepEqual(disabled.map((f) => [f.ruleId, f.line]), [['GPO001', 9]]);
    assert.match(disabled[0]!.message, /"Allow users to connect remotely by using Remote Desktop Services" is Disabled/);
    assert.deepEqual(lintExport('gpo-report-xml', reportXml(policyXml(name, 'Enabled'))), []);
  });
});

describe('GPO002 security-layer-rdp', () => {
  testPolicyRule(gpo002, {
    accept: [[{ key: TS, name: 'SecurityLayer', dword: 2 }], [{ key: TS, name: 'SecurityLayer', dword: 1 }], [{ key: TS, name: 'SecurityLayer', dword: 2 }, { key: LISTENER, name: 'SecurityLayer', dword: 0 }]],
    reject: [
      { vals: [{ key: TS, name: 'SecurityLayer', dword: 0 }], at: [0], message: /SSL_NOT_ALLOWED_BY_SERVER/ },
      { vals: [{ key: LISTENER, name: 'SecurityLayer', dword: 0 }], at: [0], message: /RDP-Tcp listener's own settings/, title: "the listener's own value" },
      { vals: [{ key: LISTENER, name: 'SecurityLayer', dword: 2 }, { key: TS, name: 'SecurityLayer', dword: 0 }], at: [1], title: 'the policy overrides a good listener value' },
    ],
  });
  it('the overridden listener value is a related location', () => {
    const [f] = lintExport('reg', 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\' + TS + ']\r\n"SecurityLayer"=dword:00000000\r\n\r\n[HKEY_LOCAL_MACHINE\\' + LISTENER + ']\r\n"SecurityLayer"=dword:00000000\r\n');
    assert.equal(f!.ruleId, 'GPO002');
    assert.equal(f!.finding.related?.length, 1);
    assert.match(f!.finding.related![0]!.message, /listener's own settings; the value above overrides it\./);
  });
  it('report XML with any prefix: the drop-down text "RDP" maps to 0', () => {
    for (const prefix of ['q1', 'q7', 'admx']) {
      const found = lintExport('gpo-report-xml', reportXml(policyXml('Require use of specific security layer for remote (RDP) connections', 'Enabled', dropDown('Security Layer', 'RDP')), { prefix }));
      assert.deepEqual(found.map((f) => [f.ruleId, f.line]), [['GPO002', 15]], prefix);
    }
  });
});

describe('GPO003 nla-not-required', () => {
  testPolicyRule(gpo003, {
    accept: [[{ key: TS, name: 'UserAuthentication', dword: 1 }], [{ key: TS, name: 'UserAuthentication', dword: 1 }, { key: LISTENER, name: 'UserAuthentication', dword: 0 }]],
    reject: [
      { vals: [{ key: TS, name: 'UserAuthentication', dword: 0 }], at: [0], message: /^"UserAuthentication" is 0 \(NLA not required\)/ },
      { vals: [{ key: LISTENER, name: 'UserAuthentication', dword: 0 }], at: [0] },
      { vals: [{ key: TS, name: 'UserAuthentication', sz: '0' }], at: [0], title: 'a REG_SZ "0" reads as 0' },
    ],
  });
});

describe('GPO004 encryption-level', () => {
  testPolicyRule(gpo004, {
    accept: [[{ key: TS, name: 'MinEncryptionLevel', dword: 3 }], [{ key: TS, name: 'MinEncryptionLevel', dword: 2 }]],
    reject: [
      { vals: [{ key: TS, name: 'MinEncryptionLevel', dword: 1 }], at: [0], message: /56-bit/ },
      { vals: [{ key: LISTENER, name: 'MinEncryptionLevel', dword: 4 }], at: [0], severity: 'info', message: /FIPS/ },
    ],
  });
  it('report XML: "Low Level" maps to 1', () => {
    const found = lintExport('gpo-report-xml', reportXml(policyXml('Set client connection encryption level', 'Enabled', dropDown('Encryption Level', 'Low Level'))));
    assert.deepEqual(found.map((f) => f.ruleId), ['GPO004']);
  });
});

describe('GPO005 credssp-oracle', () => {
  testPolicyRule(gpo005, {
    accept: [[{ key: KEYS.credssp, name: 'AllowEncryptionOracle', dword: 0 }], [{ key: 'SOFTWARE\\Policies\\Microsoft\\Windows\\CredentialsDelegation', name: 'AllowEncryptionOracle', dword: 2 }]],
    reject: [
      { vals: [{ key: KEYS.credssp, name: 'AllowEncryptionOracle', dword: 2 }], at: [0], message: /CVE-2018-0886/ },
      { vals: [{ key: KEYS.credssp, name: 'AllowEncryptionOracle', dword: 1 }], at: [0], severity: 'info', message: /Force Updated Clients/ },
    ],
  });
  it('report XML: "Encryption Oracle Remediation" = Vulnerable', () => {
    const found = lintExport('gpo-report-xml', reportXml(policyXml('Encryption Oracle Remediation', 'Enabled', dropDown('Protection Level:', 'Vulnerable'))));
    assert.deepEqual(found.map((f) => [f.ruleId, f.severity]), [['GPO005', 'error']]);
  });
});

describe('GPO009 schannel-tls-disabled', () => {
  testPolicyRule(gpo009, {
    accept: [
      [{ key: TLS12, name: 'Enabled', dword: 1 }],
      [{ key: TLS12, name: 'Enabled', dword: 0 }, { key: TLS13, name: 'Enabled', dword: 1 }],
      [{ key: TLS12, name: 'Enabled', dword: 0 }, { key: TLS13, name: 'Enabled', dword: 0xffffffff }, { key: TLS13, name: 'DisabledByDefault', dword: 0 }],
      [{ key: TLS12, name: 'DisabledByDefault', dword: 1 }, { key: TLS13, name: 'Enabled', dword: 1 }],
      [{ key: schannelKey('TLS 1.0', 'Server'), name: 'Enabled', dword: 0 }],
      [{ key: schannelKey('TLS 1.2', 'Client'), name: 'Enabled', dword: 0 }],
    ],
    reject: [
      {
        vals: [{ key: TLS12, name: 'Enabled', dword: 0 }],
        at: [0],
        message: /^TLS 1\.2 is disabled for servers \("Enabled" is 0\) in the Schannel settings, and this export does not enable TLS 1\.3: clients that require TLS 1\.2 fail the TLS handshake after negotiation\. TLS 1\.3 serves only clients that have it \(Windows 11, Windows Server 2022 and later\), not Windows 10 or Windows Server 2019 and older\.$/,
      },
      {
        vals: [{ key: TLS12, name: 'Enabled', dword: 0 }, { key: TLS13, name: 'Enabled', dword: 0xffffffff }, { key: TLS13, name: 'DisabledByDefault', dword: 1 }],
        at: [0],
        severity: 'error',
        message: /, and TLS 1\.3 is only disabled by default \("DisabledByDefault" is 1 under TLS 1\.3\\Server\), so Schannel negotiates it only for an application that asks for it explicitly: /,
        title: 'TLS 1.3 enabled but disabled by default does not stand in for TLS 1.2, as DisabledByDefault does not for TLS 1.2 itself',
      },
      {
        vals: [{ key: TLS12, name: 'DisabledByDefault', dword: 1 }, { key: TLS13, name: 'Enabled', dword: 1 }, { key: TLS13, name: 'DisabledByDefault', dword: 1 }],
        at: [0],
        severity: 'warning',
        message: /^TLS 1\.2 is disabled by default for servers \("DisabledByDefault" is 1\) in the Schannel settings, and TLS 1\.3 is only disabled by default /,
        title: 'both disabled by default: the warning of TLS 1.2 disabled by default',
      },
      {
        vals: [{ key: TLS12, name: 'DisabledByDefault', dword: 1 }],
        at: [0],
        message: /^TLS 1\.2 is disabled by default for servers \("DisabledByDefault" is 1\) .*: Schannel negotiates TLS 1\.2 only for an application that asks for it explicitly, and Microsoft does not document whether Remote Desktop does/,
        severity: 'warning',
        title: 'disabled by default: a warning (whether Remote Desktop asks for TLS 1.2 is not documented)',
      },
      { vals: [{ key: TLS12, name: 'Enabled', dword: 0 }, { key: TLS12, name: 'DisabledByDefault', dword: 1 }], at: [0], severity: 'error', title: 'both switches: one finding, at Enabled, an error' },
      { vals: [{ key: TLS12, name: 'Enabled', dword: 0 }, { key: TLS13, name: 'Enabled', dword: 0 }], at: [0], message: /, and TLS 1\.3 is disabled too \("Enabled" is 0 under TLS 1\.3\\Server\): /, title: 'TLS 1.3 disabled too' },
    ],
  });
});

describe('GPO009 against a TLS 1.3 that is only disabled by default (a review\'s .reg)', () => {
  it('TLS 1.2 Server Enabled 0 beside TLS 1.3 Server Enabled 0xffffffff and DisabledByDefault 1 is the error', () => {
    const base = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
    const reg = (tls13DisabledByDefault: string) =>
      `Windows Registry Editor Version 5.00\r\n\r\n[${base}\\TLS 1.2\\Server]\r\n"Enabled"=dword:00000000\r\n\r\n[${base}\\TLS 1.3\\Server]\r\n"Enabled"=dword:ffffffff\r\n"DisabledByDefault"=dword:${tls13DisabledByDefault}\r\n`;
    assert.deepEqual(lintExport('reg', reg('00000001')).map((f) => [f.ruleId, f.severity, f.line]), [['GPO009', 'error', 4]]);
    assert.deepEqual(lintExport('reg', reg('00000000')), []);
  });
});

describe('GPO010 rpc-not-encrypted', () => {
  testPolicyRule(gpo010, {
    accept: [[{ key: TS, name: 'fEncryptRPCTraffic', dword: 1 }], [{ key: LISTENER, name: 'fEncryptRPCTraffic', dword: 0 }]],
    reject: [{ vals: [{ key: TS, name: 'fEncryptRPCTraffic', dword: 0 }], at: [0], message: /does not require secure RPC\.$/ }],
  });
  it('report XML: "Require secure RPC communication" Disabled', () => {
    assert.deepEqual(lintExport('gpo-report-xml', reportXml(policyXml('Require secure RPC communication', 'Disabled'))).map((f) => f.ruleId), ['GPO010']);
  });
});
