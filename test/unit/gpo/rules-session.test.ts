import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { numberOf } from '../../../src/core/gpo/scopes';
import { KEYS } from '../../../src/core/gpo/well-known-keys';
import { gpo006 } from '../../../src/core/rules/gpo/gpo006-udp-transport';
import { gpo007 } from '../../../src/core/rules/gpo/gpo007-session-limits';
import { gpo008 } from '../../../src/core/rules/gpo/gpo008-keepalive';
import { gpo011 } from '../../../src/core/rules/gpo/gpo011-password-prompt';
import { gpo012 } from '../../../src/core/rules/gpo/gpo012-listener-port';
import { gpo013 } from '../../../src/core/rules/gpo/gpo013-conflicting-policy';
import { dropDown, fixtureText, LISTENER, lintExport, policyXml, reportXml, testPolicyRule, TS } from './helpers';

describe('GPO006 udp-transport', () => {
  testPolicyRule(gpo006, {
    accept: [[{ key: KEYS.tsClientPolicy, name: 'fClientDisableUDP', dword: 0 }], [{ key: TS, name: 'fClientDisableUDP', dword: 1 }]],
    reject: [
      { vals: [{ key: TS, name: 'SelectTransport', dword: 1 }], at: [0], message: /TCP only, the known workaround/ },
      { vals: [{ key: TS, name: 'SelectTransport', dword: 2 }], at: [0], message: /offers UDP/ },
      { vals: [{ key: KEYS.tsClientPolicy, name: 'fClientDisableUDP', dword: 1 }], at: [0], message: /client uses TCP only/ },
    ],
  });
  it('report XML: "Select RDP transport protocols" = Use only TCP', () => {
    const found = lintExport('gpo-report-xml', reportXml(policyXml('Select RDP transport protocols', 'Enabled', dropDown('Select Transport Type', 'Use only TCP'))));
    assert.deepEqual(found.map((f) => f.ruleId), ['GPO006']);
  });
});

describe('GPO007 session-limits', () => {
  testPolicyRule(gpo007, {
    accept: [
      [{ key: TS, name: 'MaxIdleTime', dword: 0 }], [{ key: TS, name: 'MaxIdleTime', dword: 3600000 }], [{ key: TS, name: 'MaxConnectionTime', dword: 28800000 }],
      [{ key: TS, name: 'MaxDisconnectionTime', sz: '0' }], [{ hive: 'HKCU', key: TS, name: 'MaxDisconnectionTime', sz: '0' }],
      // REG_SZ "0" in the policy (Disabled) wins over a short listener limit.
      [{ key: TS, name: 'MaxDisconnectionTime', sz: '0' }, { key: LISTENER, name: 'MaxDisconnectionTime', dword: 60000 }],
      // A listener value its fInherit… flag hands to the users' own settings ("Per User") is not in effect.
      [{ key: LISTENER, name: 'MaxIdleTime', dword: 60000 }, { key: LISTENER, name: 'fInheritMaxIdleTime', dword: 1 }],
      [{ key: LISTENER, name: 'MaxConnectionTime', dword: 60000 }, { key: LISTENER, name: 'fInheritMaxSessionTime', dword: 1 }],
      [{ key: LISTENER, name: 'MaxDisconnectionTime', dword: 60000 }, { key: LISTENER, name: 'fInheritMaxDisconnectionTime', dword: 1 }],
    ],
    reject: [
      { vals: [{ key: TS, name: 'MaxIdleTime', dword: 60000 }], at: [0], message: /idle session is disconnected after 1 minute\.$/ },
      { vals: [{ key: TS, name: 'MaxDisconnectionTime', dword: 60000 }, { key: TS, name: 'fResetBroken', dword: 1 }], at: [0], message: /logged off after 1 minute/ },
      { vals: [{ key: TS, name: 'MaxConnectionTime', dword: 3600000 }, { key: TS, name: 'fResetBroken', dword: 1 }], at: [0], message: /ended \(logged off, fResetBroken is 1\) after 1 hour/ },
      { vals: [{ hive: 'HKCU', key: TS, name: 'MaxIdleTime', dword: 300000 }], at: [0], message: /in the user policy/, title: 'the user policy' },
      { vals: [{ hive: 'HKCU', key: TS, name: 'MaxIdleTime', dword: 3600000 }, { key: TS, name: 'MaxIdleTime', dword: 60000 }], at: [1], title: 'the computer policy wins over the user policy' },
      {
        vals: [{ key: LISTENER, name: 'MaxIdleTime', dword: 120000 }],
        at: [0],
        message: /after 2 minutes\. This is the listener's own value: it applies only while "fInheritMaxIdleTime" is 0 there \("Override user settings"\), which this export does not set; at 1 the users' own settings apply instead\.$/,
        title: 'a value that is no preset, on the listener without its flag',
      },
      {
        vals: [{ key: LISTENER, name: 'MaxIdleTime', dword: 120000 }, { key: LISTENER, name: 'fInheritMaxIdleTime', dword: 0 }],
        at: [0],
        message: /^"MaxIdleTime" is 120000 .*: an idle session is disconnected after 2 minutes\.$/,
        title: 'the listener overrides user settings (fInheritMaxIdleTime 0)',
      },
      {
        vals: [{ key: TS, name: 'MaxIdleTime', dword: 60000 }, { key: LISTENER, name: 'fInheritMaxIdleTime', dword: 1 }],
        at: [0],
        message: /disconnected after 1 minute\.$/,
        title: 'the listener flag does not touch a policy value',
      },
      {
        vals: [
          { key: TS, name: 'MaxIdleTime', dword: 60000 },
          { key: LISTENER, name: 'fResetBroken', dword: 1 },
          { key: LISTENER, name: 'fInheritResetBroken', dword: 1 },
        ],
        at: [0],
        message: /an idle session is disconnected after 1 minute\.$/,
        title: "the listener's fResetBroken handed to the users' settings does not make the session end",
      },
      { vals: [{ key: TS, name: 'MaxDisconnectionTime', sz: '60000' }], at: [0], message: /^"MaxDisconnectionTime" is 60000 in the policy: a disconnected session is logged off after 1 minute/, title: 'a REG_SZ limit reads as its number' },
    ],
  });
  it('report XML: "Set time limit for disconnected sessions" = 1 minute, and Disabled writes 0 (no limit)', () => {
    const name = 'Set time limit for disconnected sessions';
    assert.deepEqual(lintExport('gpo-report-xml', reportXml(policyXml(name, 'Enabled', dropDown('End a disconnected session', '1 minute')))).map((f) => f.ruleId), ['GPO007']);
    assert.deepEqual(lintExport('gpo-report-xml', reportXml(policyXml(name, 'Disabled'))), []);
  });
  it('Disabled writes MaxDisconnectionTime as REG_SZ "0", as the ADMX disabledList types it', () => {
    const doc = readGpoReport(reportXml(policyXml('Set time limit for disconnected sessions', 'Disabled')));
    const s = doc.settings.find((x) => x.valueName === 'MaxDisconnectionTime')!;
    assert.deepEqual([s.type, s.data, s.action], ['REG_SZ', '0', 'set']);
    assert.equal(numberOf(s), 0);
  });
  it('GptTmpl.inf [Registry Values] REG_SZ "0" is no limit, a short one is reported', () => {
    const inf = (data: string) => `[Unicode]\r\nUnicode=yes\r\n[Registry Values]\r\nMACHINE\\${TS}\\MaxDisconnectionTime=1,"${data}"\r\n`;
    assert.deepEqual(lintExport('security-template', inf('0')).filter((f) => f.ruleId === 'GPO007'), []);
    assert.deepEqual(lintExport('security-template', inf('300000')).map((f) => [f.ruleId, f.line]), [['GPO007', 4]]);
  });
});

describe('GPO008 keepalive', () => {
  testPolicyRule(gpo008, {
    // TCP's KeepAliveTime is not Remote Desktop's keep-alive: the baselines' 5 minutes (MSS "recommended") is no finding.
    accept: [[{ key: TS, name: 'KeepAliveEnable', dword: 1 }, { key: TS, name: 'KeepAliveInterval', dword: 1 }], [{ key: KEYS.tcpip, name: 'KeepAliveTime', dword: 240000 }], [{ key: KEYS.tcpip, name: 'KeepAliveTime', dword: 300000 }], [{ key: KEYS.tcpip, name: 'KeepAliveTime', dword: 7200000 }]],
    reject: [
      { vals: [{ key: TS, name: 'KeepAliveEnable', dword: 0 }], at: [0], message: /orphan session/ },
      { vals: [{ key: TS, name: 'KeepAliveEnable', dword: 1 }, { key: TS, name: 'KeepAliveInterval', dword: 10 }], at: [1], message: /^"KeepAliveInterval" is 10 minutes/ },
    ],
  });
  it('report XML: the policy Disabled writes KeepAliveEnable 0; MSS KeepAliveTime is read (item text starts with its value) but is no finding', () => {
    assert.deepEqual(lintExport('gpo-report-xml', reportXml(policyXml('Configure keep-alive connection interval', 'Disabled'))).map((f) => f.ruleId), ['GPO008']);
    const mss = policyXml('MSS: (KeepAliveTime) How often keep-alive packets are sent in milliseconds', 'Enabled', dropDown('KeepAliveTime', '300000 or 5 minutes (recommended) '));
    const doc = readGpoReport(reportXml(mss));
    assert.deepEqual(doc.settings.map((s) => [s.valueName, s.data]), [['KeepAliveTime', 300000]]);
    assert.deepEqual(lintExport('gpo-report-xml', reportXml(mss)), []);
  });
});

describe('GPO011 password-prompt', () => {
  testPolicyRule(gpo011, {
    accept: [[{ key: TS, name: 'fPromptForPassword', dword: 1 }, { key: TS, name: 'DisablePasswordSaving', dword: 1 }]],
    reject: [
      { vals: [{ key: TS, name: 'fPromptForPassword', dword: 0 }], at: [0], message: /credentials the client sends/ },
      { vals: [{ key: TS, name: 'fPromptForPassword', dword: 0 }, { key: TS, name: 'DisablePasswordSaving', dword: 0 }], at: [0, 1], title: 'both values' },
      { vals: [{ hive: 'HKCU', key: TS, name: 'DisablePasswordSaving', dword: 0 }], at: [0], message: /user policy/ },
    ],
  });
});

describe('GPO012 listener-port', () => {
  testPolicyRule(gpo012, {
    accept: [[{ key: LISTENER, name: 'PortNumber', dword: 3389 }], [{ key: TS, name: 'PortNumber', dword: 3390 }]],
    reject: [{ vals: [{ key: LISTENER, name: 'PortNumber', dword: 3390 }], at: [0], message: /"host:3390"/ }],
  });
  it('report XML: a RegistrySetting for the listener', () => {
    const xml = reportXml(`        <q:RegistrySetting>
          <q:KeyPath>${LISTENER}</q:KeyPath>
          <q:Value><q:Name>PortNumber</q:Name><q:Number>3390</q:Number></q:Value>
        </q:RegistrySetting>`);
    assert.deepEqual(lintExport('gpo-report-xml', xml).map((f) => [f.ruleId, f.line]), [['GPO012', 9]]);
  });
});

describe('GPO013 conflicting-policy', () => {
  it('report XML: two GPOs of one -All report set SecurityLayer differently', () => {
    const found = lintExport('gpo-report-xml', fixtureText('report-all-lying-utf8.xml')).filter((f) => f.ruleId === 'GPO013');
    assert.deepEqual(found.map((f) => f.line), [71]);
    assert.match(found[0]!.message, /^"SecurityLayer" is 0 in GPO "RDS Legacy Clients" but 2 in GPO "RDS Baseline"; which one applies/);
    assert.equal(found[0]!.finding.related?.length, 1);
  });
  it('gpresult XML: a GPO that lost with a different value', () => {
    const found = lintExport('rsop-xml', fixtureText('gpresult-no-bom.xml')).filter((f) => f.ruleId === 'GPO013');
    assert.deepEqual(found.map((f) => f.line), [16]);
    assert.match(found[0]!.message, /GPO "Loser", which lost \(precedence 2\): GPO "Winner" wins with 1\./);
  });
  it('gpresult XML: only Remote Desktop values, and never a secret\'s data (Winlogon DefaultPassword was quoted)', () => {
    // As the fixture writes its settings: the q7 prefix, the GPO and precedence in the Base namespace.
    const BASE = 'http://www.microsoft.com/GroupPolicy/Settings/Base';
    const setting = (precedence: number, key: string, name: string, value: string): string => `
                <q7:RegistrySetting>
                    <GPO xmlns="${BASE}"><Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">${precedence === 1 ? '{AAAA}' : '{BBBB}'}</Identifier></GPO><Precedence xmlns="${BASE}">${precedence}</Precedence>
                    <q7:KeyPath>${key}</q7:KeyPath>
                    <q7:Value><q7:Name>${name}</q7:Name><q7:String>${value}</q7:String></q7:Value>
                </q7:RegistrySetting>`;
    const text = fixtureText('gpresult-no-bom.xml');
    const at = text.indexOf('<q7:Policy>');
    assert.ok(at > 0, 'the fixture has settings to stand beside');
    const winlogon = 'Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon';
    const listener = 'SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';
    const mutated = text.slice(0, at) + setting(1, winlogon, 'DefaultPassword', 'WinnerPass-Hunter2') + setting(2, winlogon, 'DefaultPassword', 'LoserPass-Hunter3') + setting(1, listener, 'Password', 'WinnerPass-Hunter4') + setting(2, listener, 'Password', 'LoserPass-Hunter5') + text.slice(at);
    const found = lintExport('rsop-xml', mutated).filter((f) => f.ruleId === 'GPO013');
    assert.ok(found.length > 0);
    for (const f of found) assert.doesNotMatch(`${f.message} ${(f.finding.related ?? []).map((r) => r.message).join(' ')}`, /Hunter|DefaultPassword/);
    assert.ok(found.some((f) => /^"Password" is \(a password or secret, not shown\) in GPO "Loser"/.test(f.message)), 'the listener value is compared, its data not shown');
  });

  it('gpresult XML: the losing value is not in effect for the other rules', () => {
    const found = lintExport('rsop-xml', fixtureText('gpresult-no-bom.xml'));
    assert.ok(!found.some((f) => f.ruleId === 'GPO003'));
  });
  it('no conflict when the values agree, or within one GPO-less file', () => {
    assert.deepEqual(lintExport('reg', 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\' + TS + ']\r\n"SecurityLayer"=dword:00000000\r\n"SecurityLayer"=dword:00000002\r\n').filter((f) => f.ruleId === gpo013.id), []);
  });
});
