// GPO001 read no Windows Firewall setting (gpo-formats.md §0 item 10, §1.6): the shared sample's block rule on TCP 3389
// gave no finding. Now a firewall policy that keeps clients from the RDP port is GPO001, the same from every format.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIREWALL_KEYS } from '../../../src/core/gpo/firewall-keys';
import { coversPort, matchesRdp, parseFirewallRule, ruleLabel } from '../../../src/core/gpo/firewall-rule';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { settingMarkdown } from '../../../src/core/gpo/setting-docs';
import { readRsop } from '../../../src/core/gpo/read-rsop';
import { lintGpoBackup, lintText } from '../../../src/core/lint/lint-file';
import { gpo001 } from '../../../src/core/rules/gpo/gpo001-rdp-connections-denied';
import { writeRegistryPol } from '../../support/registry-pol-writer';
import { assertMessage, backupXml, fixtureText, LISTENER, lintExport, testPolicyRule, type Val } from './helpers';

const RULES = FIREWALL_KEYS.rules;
const DOMAIN = `${FIREWALL_KEYS.root}\\DomainProfile`;
const PUBLIC = `${FIREWALL_KEYS.root}\\PublicProfile`;
const STANDARD = `${FIREWALL_KEYS.root}\\StandardProfile`;
const SVC = 'App=%SystemRoot%\\system32\\svchost.exe|Svc=termservice|';
const rule = (name: string, fields: string): Val => ({ key: RULES, name, sz: `v2.31|${fields}` });
const BLOCK = 'Action=Block|Active=TRUE|Dir=In|Protocol=6|';

describe('firewall rule strings (MS-GPFAS 2.2.2.19)', () => {
  it('reads the fields, lists and flags of a real rule (t0x01 GPO {6CFB8173-…} registry.pol)', () => {
    const r = parseFirewallRule('v2.31|Action=Block|Active=TRUE|Dir=In|Protocol=6|Profile=Domain|Profile=Private|LPort=3389|App=%SystemRoot%\\system32\\svchost.exe|Svc=termservice|Name=@FirewallAPI.dll,-28775|Desc=@FirewallAPI.dll,-28756|EmbedCtxt=@FirewallAPI.dll,-28752|')!;
    assert.deepEqual([r.version, r.action, r.active, r.dir, r.protocol, r.profiles, r.localPorts, r.svc, r.limits], ['2.31', 'block', true, 'in', 6, ['Domain', 'Private'], ['3389'], 'termservice', []]);
    assert.equal(ruleLabel(r, '{810B0137-04C8-4901-AEBE-FD2149E4557A}'), '"Remote Desktop - User Mode (TCP-In)" (@FirewallAPI.dll,-28775)');
    assert.equal(parseFirewallRule('Action=Block|'), undefined, 'no version: not a rule string');
    assert.equal(parseFirewallRule('v2.31|Action=Block|Dir=In|')!.active, false, 'no Active=TRUE: not enabled');
  });

  it('local ports: absent is any port, numbers, ranges (LPort and LPort2_10), keywords never', () => {
    const ports = (f: string) => [3389, 3390].map((p) => coversPort(parseFirewallRule(`v2.31|${f}`)!, p));
    assert.deepEqual(ports('Action=Block|'), [true, true]);
    assert.deepEqual(ports('LPort=3389|'), [true, false]);
    assert.deepEqual(ports('LPort=80|LPort=3390|'), [false, true]);
    assert.deepEqual(ports('LPort2_10=3000-4000|'), [true, true]);
    assert.deepEqual(ports('LPort=3390-3399|'), [false, true]);
    assert.deepEqual(ports('LPort=RPC|LPort=RPC-EPMap|LPort=IPHTTPS|'), [false, false]);
    // The keyword-only fields of later versions ([MS-GPFAS] 2.2.2.3): a rule of only these is not a rule of every port.
    assert.deepEqual(ports('Protocol=6|LPort2_20=DHCP|'), [false, false]);
    assert.deepEqual(ports('Protocol=17|LPort2_20=Ply2Disc|'), [false, false]);
    assert.deepEqual(ports('Protocol=6|LPort2_29=TcpCDPSvc|'), [false, false]);
    assert.deepEqual(ports('Protocol=6|LPort2_20=DHCP|LPort=3389|'), [true, false]);
  });

  it('conditions of later grammar versions narrow a rule (RA42, RA62, LUOwn, AppPkgId, TTK, TTK2_27, LUAuth2_24, NNm)', () => {
    const limits = (f: string) => parseFirewallRule(`v2.33|Action=Block|Active=TRUE|Dir=In|Protocol=6|LPort=3389|${f}`)!.limits.map(([k]) => k);
    assert.deepEqual(limits('RA42=IntErnet|RA62=RmtIntrAnet|'), ['RA42', 'RA62']);
    assert.deepEqual(limits('LUOwn=S-1-5-21-1-2-3-1000|AppPkgId=S-1-15-2-1|'), ['LUOwn', 'AppPkgId']);
    assert.deepEqual(limits('TTK=Proximity|TTK2_27=UPnP|LUAuth2_24=QUJD|NNm=abc|RPort2_10=1-2|'), ['TTK', 'TTK2_27', 'LUAuth2_24', 'NNm', 'RPort2_10']);
    assert.deepEqual(limits('Edge=TRUE|LSM=TRUE|Name=x|Desc=y|EmbedCtxt=z|'), [], 'flags and labels narrow nothing');
  });

  it('a name or ID is quoted and cut short like any text of the export', () => {
    const label = ruleLabel(parseFirewallRule(`v2.31|Name=${'N'.repeat(500)}|`)!, '{X}');
    assert.ok(label.length < 80, label);
    assert.match(ruleLabel(parseFirewallRule('v2.31|Action=Block|')!, `{${'I'.repeat(500)}}`), /^with ID "\{I+…"$/);
  });

  it("the listener's traffic: inbound, TCP or any protocol, svchost.exe and TermService or any program and service", () => {
    const rdp = (f: string) => matchesRdp(parseFirewallRule(`v2.31|Dir=In|${f}`)!, 3389);
    assert.equal(rdp('Protocol=6|LPort=3389|'), true);
    assert.equal(rdp('LPort=3389|'), true, 'no protocol: any');
    assert.equal(rdp('Protocol=17|LPort=3389|'), false, 'UDP only');
    assert.equal(matchesRdp(parseFirewallRule('v2.31|Dir=Out|Protocol=6|LPort=3389|')!, 3389), false, 'outbound');
    assert.equal(rdp(`Protocol=6|${SVC}`), true);
    assert.equal(rdp('Protocol=6|App=C:\\Windows\\System32\\svchost.exe|Svc=*|'), true, 'any service in svchost');
    assert.equal(rdp('Protocol=6|App=%SystemRoot%\\system32\\RdpSa.exe|'), false, 'the Shadow rule: another program');
    assert.equal(rdp('Protocol=6|App=%SystemRoot%\\system32\\svchost.exe|Svc=RPCSS|'), false, 'another service');
  });
});

describe('GPO001: Windows Firewall policy in .reg, LGPO text and Registry.pol', () => {
  testPolicyRule(gpo001, {
    accept: [
      [rule('{A}', 'Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=3389|')],
      [rule('{B}', 'Action=Block|Active=TRUE|Dir=Out|Protocol=6|RPort=3389|')],
      [rule('{C}', `Action=Block|Active=TRUE|Dir=In|Protocol=17|LPort=3389|${SVC}`)],
      [rule('{D}', `Action=Block|Active=FALSE|Dir=In|Protocol=6|LPort=3389|${SVC}`)],
      [rule('{E}', `${BLOCK}LPort=3390|`)],
      [rule('{F}', `${BLOCK}LPort=RPC|`)],
      [rule('{G}', `${BLOCK}App=%SystemRoot%\\system32\\RdpSa.exe|`)],
      // Port keywords of later versions only (DHCP, TcpCDPSvc): not the listener's port.
      [rule('{K}', `${BLOCK}LPort2_20=DHCP|`)],
      [rule('{L}', `${BLOCK}LPort2_29=TcpCDPSvc|`)],
      // The firewall is off in the only profile the rule is for.
      [{ key: DOMAIN, name: 'EnableFirewall', dword: 0 }, rule('{H}', `${BLOCK}Profile=Domain|LPort=3389|`)],
      // The listener moved to 3390: a block of 3389 does not touch it.
      [{ key: LISTENER, name: 'PortNumber', dword: 3390 }, rule('{I}', `${BLOCK}LPort=3389|`)],
      [{ key: `${DOMAIN}\\Services\\RemoteDesktop`, name: 'Enabled', dword: 1 }, { key: `${DOMAIN}\\Services\\RemoteDesktop`, name: 'RemoteAddresses', sz: '*' }],
      [{ key: DOMAIN, name: 'AllowLocalPolicyMerge', dword: 0 }, rule('{J}', 'Action=Allow|Active=TRUE|Dir=In|Protocol=6|Profile=Domain|LPort=3389|')],
      [{ key: DOMAIN, name: 'DoNotAllowExceptions', dword: 0 }, { key: DOMAIN, name: 'DefaultInboundAction', dword: 1 }],
      // Beside a PrivateProfile or PublicProfile key the StandardProfile key's settings are ignored ([MS-GPFAS] 2.2.3).
      [{ key: PUBLIC, name: 'EnableFirewall', dword: 1 }, { key: STANDARD, name: 'DoNotAllowExceptions', dword: 1 }],
      [{ key: `${FIREWALL_KEYS.root}\\PrivateProfile`, name: 'DisableNotifications', dword: 1 }, { key: STANDARD, name: 'DoNotAllowExceptions', dword: 1 }],
    ],
    reject: [
      { title: 'a block rule on 3389 in every profile', vals: [rule('{1}', `${BLOCK}LPort=3389|Name=Block RDP|`)], at: [0], message: /^The firewall rule "Block RDP" blocks inbound TCP port 3389 in every profile \(Domain, Private and Public\): Remote Desktop clients cannot connect\. A block rule wins over every allow rule/ },
      { title: 'a block rule of every port, named by its ID', vals: [rule('{2}', 'Action=Block|Active=TRUE|Dir=In|')], at: [0], message: /^The firewall rule with ID "\{2\}" blocks inbound TCP port 3389/ },
      { title: 'a range, and Svc=*', vals: [rule('{3}', `${BLOCK}LPort2_10=3000-4000|App=%SystemRoot%\\system32\\svchost.exe|Svc=*|`)], at: [0] },
      { title: 'the listener port the export sets', vals: [{ key: LISTENER, name: 'PortNumber', dword: 3390 }, rule('{4}', `${BLOCK}LPort=3390|`)], at: [1], message: /TCP port 3390 \(the RDP-Tcp listener's PortNumber in this export\)/ },
      { title: 'a block rule that wins over an allow rule', vals: [rule('{5}', `${BLOCK}LPort=3389|`), rule('{6}', 'Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=3389|')], at: [0], severity: 'error' },
      { title: 'the Private profile only: a warning', vals: [rule('{7}', `${BLOCK}Profile=Private|LPort=3389|`)], at: [0], severity: 'warning', message: /in the Private profile: Remote Desktop clients cannot connect while the server's network uses this profile\./ },
      { title: 'some remote addresses only: a warning naming them', vals: [rule('{8}', `${BLOCK}LPort=3389|RA4=198.51.100.0/24|RA6=LocalSubnet|`)], at: [0], severity: 'warning', message: /only for remote IPv4 addresses "198\.51\.100\.0\/24"; remote IPv6 addresses "LocalSubnet": Remote Desktop clients it matches cannot connect/ },
      { title: 'a remote address keyword of a later version (RA42): a warning naming it', vals: [rule('{12}', `${BLOCK}LPort=3389|RA42=IntErnet|`)], at: [0], severity: 'warning', message: /only for remote IPv4 addresses "IntErnet": Remote Desktop clients it matches cannot connect/ },
      { title: 'an app package (AppPkgId): a warning naming it', vals: [rule('{13}', `${BLOCK}LPort=3389|AppPkgId=S-1-15-2-1|`)], at: [0], severity: 'warning', message: /only for app packages "S-1-15-2-1"/ },
      { title: 'an allow rule that overrides block rules: a warning', vals: [rule('{9}', `${BLOCK}LPort=3389|`), rule('{10}', 'Action=ByPass|Active=TRUE|Dir=In|Protocol=6|LPort=3389|Security=Authenticate|Name=IPsec RDP|')], at: [0], severity: 'warning', message: /The allow rule "IPsec RDP" overrides block rules, for the authenticated \(IPsec\) connections it allows\./ },
      { title: '"Allow inbound Remote Desktop exceptions" Disabled (Domain)', vals: [{ key: `${DOMAIN}\\Services\\RemoteDesktop`, name: 'Enabled', dword: 0 }], at: [0], message: /^"Windows Defender Firewall: Allow inbound Remote Desktop exceptions" is Disabled for the Domain profile: the firewall blocks TCP port 3389 and a local exception cannot open it/ },
      { title: '"Allow inbound Remote Desktop exceptions" Disabled (Standard): a warning', vals: [{ key: `${STANDARD}\\Services\\RemoteDesktop`, name: 'Enabled', dword: 0 }], at: [0], severity: 'warning', message: /the legacy Standard \(non-domain\) profile/ },
      { title: 'the exception open to some addresses: information naming them', vals: [{ key: `${DOMAIN}\\Services\\RemoteDesktop`, name: 'Enabled', dword: 1 }, { key: `${DOMAIN}\\Services\\RemoteDesktop`, name: 'RemoteAddresses', sz: '192.0.2.10,localsubnet' }], at: [1], severity: 'info', message: /only to "192\.0\.2\.10,localsubnet"/ },
      { title: '"Block all connections" on the Domain profile', vals: [{ key: DOMAIN, name: 'DoNotAllowExceptions', dword: 1 }], at: [0], message: /^"DoNotAllowExceptions" is 1 for the Domain profile \("Block all connections"/ },
      { title: '"Block all connections" on the Public profile: a warning', vals: [{ key: PUBLIC, name: 'DoNotAllowExceptions', dword: 1 }], at: [0], severity: 'warning' },
      { title: '"Block all connections" on the Standard profile with no Private or Public key: a warning', vals: [{ key: DOMAIN, name: 'EnableFirewall', dword: 1 }, { key: STANDARD, name: 'DoNotAllowExceptions', dword: 1 }], at: [1], severity: 'warning', message: /the legacy Standard \(non-domain\) profile/ },
      { title: 'local rules not merged and no allow rule: a warning', vals: [{ key: DOMAIN, name: 'AllowLocalPolicyMerge', dword: 0 }, rule('{11}', 'Action=Allow|Active=TRUE|Dir=In|Protocol=6|Profile=Private|LPort=3389|')], at: [0], severity: 'warning', message: /^"AllowLocalPolicyMerge" is 0 for the Domain profile: local firewall rules, Windows' Remote Desktop rules included, are not applied, and this GPO has no rule that allows inbound TCP port 3389\./ },
    ],
  });
});

const gpo001Lines = (format: Parameters<typeof lintText>[0], text: string) =>
  lintExport(format, text)
    .filter((f) => f.ruleId === 'GPO001')
    .map((f) => `${f.line} ${f.severity} ${f.message.slice(0, 60)}`);

describe('GPO001: Windows Firewall policy in reports', () => {
  it('Get-GPOReport: the block rule of the Domain profile, "Block all connections", and the legacy exception; allow, outbound, UDP, disabled, RPC, other programs and ports give nothing', () => {
    const text = fixtureText('firewall', 'gpreport-firewall.xml');
    assert.deepEqual(readGpoReport(text).problems, [], 'no setting is reported as unread or unmapped');
    assert.deepEqual(gpo001Lines('gpo-report-xml', text), [
      '24 warning "DoNotAllowExceptions" is 1 for the Public profile ("Block a',
      '33 error The firewall rule "Remote Desktop - User Mode (TCP-In)" (@Fi',
      '117 warning "Windows Defender Firewall: Allow inbound Remote Desktop exc',
      '131 info "Windows Defender Firewall: Allow inbound Remote Desktop exc',
    ]);
    for (const f of lintExport('gpo-report-xml', text)) {
      assertMessage('GPO001', f.message);
      assert.match(f.message, /Set by GPO "Server Firewall"\.$/);
    }
  });

  it('the report and the Registry.pol of one GPO give the same findings (the model is one)', () => {
    const xml = lintExport('gpo-report-xml', fixtureText('firewall', 'gpreport-firewall.xml')).map((f) => f.message.replace(/ Set by GPO "Server Firewall"\.$/, ''));
    const pol = writeRegistryPol([
      { key: PUBLIC, valueName: 'DoNotAllowExceptions', type: 'REG_DWORD', data: 1 },
      { key: RULES, valueName: '{810B0137-04C8-4901-AEBE-FD2149E4557A}', type: 'REG_SZ', data: `v2.31|Action=Block|Active=TRUE|Dir=In|Protocol=6|Profile=Domain|LPort=3389|${SVC}Name=@FirewallAPI.dll,-28775|` },
      { key: RULES, valueName: '{88257171-1185-4D61-8CF4-0C897050260D}', type: 'REG_SZ', data: `v2.31|Action=Block|Active=TRUE|Dir=In|Protocol=17|LPort=3389|${SVC}` },
      { key: `${STANDARD}\\Services\\RemoteDesktop`, valueName: 'Enabled', type: 'REG_DWORD', data: 0 },
      { key: `${DOMAIN}\\Services\\RemoteDesktop`, valueName: 'Enabled', type: 'REG_DWORD', data: 1 },
      { key: `${DOMAIN}\\Services\\RemoteDesktop`, valueName: 'RemoteAddresses', type: 'REG_SZ', data: '192.0.2.0/24,localsubnet' },
    ]);
    const linted = lintGpoBackup([
      { path: 'Backup.xml', bytes: Buffer.from(backupXml('0')) },
      { path: 'DomainSysvol/GPO/Machine/registry.pol', bytes: pol },
    ]);
    assert.deepEqual(
      linted.findings.filter((f) => f.ruleId === 'GPO001').map((f) => f.message.replace(/ Set by GPO "RDS Session Hosts"\.$/, '')).sort(),
      [...xml].sort(),
    );
  });

  it('Get-GPOReport -All: each GPO by itself; rules of two GPOs are no conflict (GPO013)', () => {
    const text = fixtureText('firewall', 'gpreport-firewall-all.xml');
    const found = lintExport('gpo-report-xml', text);
    assert.deepEqual(found.map((f) => `${f.ruleId} ${f.severity} ${f.line}`), ['GPO001 warning 18']);
    assert.match(found[0]!.message, /^The firewall rule "RDP from the lab" blocks inbound TCP port 3389 in every profile \(Domain, Private and Public\), only for remote IPv4 addresses "198\.51\.100\.0\/24"/);
    assert.match(found[0]!.message, /Set by GPO "Block RDP"\.$/);
  });

  it('gpresult: the winning rule and profile setting, for the resultant policy', () => {
    const text = fixtureText('firewall', 'gpresult-firewall.xml');
    assert.deepEqual(readRsop(text).problems, []);
    const found = lintExport('rsop-xml', text);
    assert.deepEqual(found.map((f) => `${f.ruleId} ${f.severity} ${f.line}`), ['GPO001 warning 27', 'GPO001 error 38']);
    assert.match(found[0]!.message, /the resultant policy has no rule that allows inbound TCP port 3389\. Remote Desktop connections are blocked in this profile\. /);
    assert.match(found[1]!.message, /Set by GPO "Server Firewall"\.$/);
  });

  it('a Group Policy Preferences registry item that writes a rule', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>\r\n<RegistrySettings clsid="{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}"><Registry clsid="{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}" name="{5}"><Properties action="U" hive="HKEY_LOCAL_MACHINE" key="${RULES}" name="{5}" type="REG_SZ" value="v2.31|Action=Block|Active=TRUE|Dir=In|Protocol=6|LPort=3389|Name=GPP block|"/></Registry></RegistrySettings>\r\n`;
    const found = lintExport('gpp-registry-xml', xml).filter((f) => f.ruleId === 'GPO001');
    assert.deepEqual(found.map((f) => f.severity), ['error']);
    assert.match(found[0]!.message, /^The firewall rule "GPP block" blocks inbound TCP port 3389/);
  });

  it('the shared sample: its block rule on 3389 is now an error', () => {
    const found = lintExport('gpo-report-xml', fixtureText('samples', 'gpreport-rdp.xml')).filter((f) => f.ruleId === 'GPO001');
    assert.deepEqual(found.map((f) => `${f.severity} ${f.line}`), ['error 20', 'error 37', 'error 51', 'error 122'], 'the deny logon right, TermService, the firewall rule, fDenyTSConnections');
    assert.match(found[2]!.message, /^The firewall rule "Remote Desktop - User Mode \(TCP-In\)" \(@FirewallAPI\.dll,-28775\) blocks inbound TCP port 3389 in the Domain profile/);
  });
});

describe('firewall value hovers', () => {
  const hover = (valueName: string, key: string, data: number | string) =>
    settingMarkdown({ hive: 'HKLM', key, valueName, type: typeof data === 'number' ? 'REG_DWORD' : 'REG_SZ', data, action: 'set', deleted: false, source: { span: { start: 0, end: 0 } } });

  it('say what a rule does and what the profile and exception values mean, with their sources', () => {
    const md = hover('{810B0137-04C8-4901-AEBE-FD2149E4557A}', RULES, `v2.31|Action=Block|Active=TRUE|Dir=In|Protocol=6|Profile=Domain|LPort=3389|${SVC}`);
    assert.match(md, /A Windows Firewall rule of the policy, named by its ID \(\[MS-GPFAS\] 2\.2\.2\.19\)\. Enabled; Block, inbound, protocol 6, local ports 3389, profiles Domain; takes in TCP port 3389\./);
    assert.match(md, /Sources: \[\[MS-GPFAS\]/);
    // A UDP or outbound rule on 3389 is not said to take in TCP port 3389.
    assert.doesNotMatch(hover('{U}', RULES, 'v2.31|Action=Block|Active=TRUE|Dir=In|Protocol=17|LPort=3389|'), /takes in TCP port 3389/);
    assert.doesNotMatch(hover('{O}', RULES, 'v2.31|Action=Block|Active=TRUE|Dir=Out|Protocol=6|LPort=3389|'), /takes in TCP port 3389/);
    assert.match(hover('{T}', RULES, 'v2.31|Action=Block|Active=TRUE|Dir=In|'), /protocol any, local ports any, profiles all; takes in TCP port 3389\./);
    assert.match(hover('DoNotAllowExceptions', PUBLIC, 1), /\| \*\*1\*\* \| Every inbound connection is blocked\. \|/);
    assert.match(hover('AllowLocalPolicyMerge', DOMAIN, 0), /"Apply local firewall rules"/);
    assert.match(hover('Enabled', `${DOMAIN}\\Services\\RemoteDesktop`, 0), /\| \*\*0\*\* \| Disabled: the port is blocked\. \|/);
    assert.match(hover('Enabled', `${DOMAIN}\\Services\\FileAndPrint`, 0), /RDP Doctor has no notes on this value\./);
  });

  it('show no text of the rule as markup', () => {
    const md = hover('{X}', RULES, 'v2.31|Action=[x](command:evil)|Dir=In|LPort=[y](command:evil)|');
    const summary = md.split('\n').find((l) => l.startsWith('A Windows Firewall rule'))!;
    assert.match(summary, /local ports \\\[y\\\]\(command:evil\)/, 'the brackets are escaped: no link');
    assert.match(md, /an action RDP Doctor does not know/);
  });
});
