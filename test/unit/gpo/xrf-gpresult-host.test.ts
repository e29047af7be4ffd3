// A gpresult reports the resultant policy of one computer: on that computer its winners are certain, and for another
// host it says nothing. A review's repros: a GPO report of a GPO the gpresult shows lost made its winner doubtful (XRF001
// a warning "which of them wins depends on link order"), and the gpresult of RDSH01 failed a client of legacy01.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { readRsop } from '../../../src/core/gpo/read-rsop';
import { netbiosName, rsopDescribes } from '../../../src/core/gpo/export-scope';
import { crossCheck } from '../../../src/core/rules/xrf/cross-check';
import { policyFacts } from '../../../src/core/rules/xrf/facts';
import { XRF_RULES } from '../../../src/core/rules/xrf/index';
import type { ProbeFacts } from '../../../src/core/rules/xrf/probe-facts';
import { crossFileConflicts } from '../../../src/core/rules/gpo/gpo013-conflicting-policy';
import { LISTENER, assertMessage, dropDown, policyXml, rdpInput as rdp, regInput } from './helpers';

const NLA = 'Require user authentication for remote connections by using Network Level Authentication';
const LAYER = 'Require use of specific security layer for remote (RDP) connections';
const SESSION_HOSTS = { name: 'RDS Session Hosts', id: '{7A3C1E52-9D4B-4F2A-8C61-2B5E0D9F4A13}' };
const LEGACY = { name: 'RDS Legacy Clients', id: '{B1D2E3F4-5A6B-4C7D-8E9F-0A1B2C3D4E5F}' };
const OTHER = { name: 'Somewhere Else', id: '{0C0C0C0C-1111-4222-8333-444455556666}' };
type Gpo = typeof SESSION_HOSTS;

const types = 'xmlns="http://www.microsoft.com/GroupPolicy/Types"';
/** One setting of a gpresult: a policy element whose first children are its GPO and precedence. */
const rsopPolicy = (gpo: Gpo, precedence: number, name: string, state: 'Enabled' | 'Disabled', extra = ''): string =>
  policyXml(name, state, extra).replace(
    '<q:Policy>',
    `<q:Policy><GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base"><Identifier ${types}>${gpo.id}</Identifier><Domain ${types}>corp.invalid</Domain></GPO><Precedence xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base">${precedence}</Precedence>`,
  );
/** A raw registry value of a gpresult (`RegistrySetting`), won by `gpo`. */
const rsopValue = (gpo: Gpo, key: string, name: string, data: string): string =>
  `<q:RegistrySetting><GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base"><Identifier ${types}>${gpo.id}</Identifier></GPO><Precedence xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base">1</Precedence><q:KeyPath>${key}</q:KeyPath><q:AdmSetting>false</q:AdmSetting><q:Value><q:Name>${name}</q:Name>${data}</q:Value></q:RegistrySetting>`;

/** `gpresult /x` of one computer (`ComputerResults/Name`), listing these GPOs, with these settings. */
function gpresult(computer: string | undefined, gpos: readonly Gpo[], settings: readonly string[], path = 'gpresult.xml') {
  const text = `<?xml version="1.0" encoding="utf-16"?>
<Rsop xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Rsop">
  <ComputerResults>
${computer !== undefined ? `    <Name>${computer}</Name>\n` : ''}${gpos.map((g) => `    <GPO><Name>${g.name}</Name><Path><Identifier ${types}>${g.id}</Identifier><Domain ${types}>corp.invalid</Domain></Path></GPO>`).join('\n')}
    <ExtensionData>
      <Extension xmlns:q="http://www.microsoft.com/GroupPolicy/Settings/Registry" xsi:type="q:RegistrySettings" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
${settings.join('\n')}
      </Extension>
      <Name xmlns="http://www.microsoft.com/GroupPolicy/Settings">Registry</Name>
    </ExtensionData>
  </ComputerResults>
</Rsop>
`;
  return { path, facts: policyFacts(readRsop(text), (s) => `${path}:${s.source.span.start}`) };
}

/** A Get-GPOReport of one GPO (with its `Identifier` when `id` is given). */
function gpoReport(gpo: { name: string; id?: string; domain?: string }, policies: readonly string[], path = 'gpo.xml') {
  const identifier = gpo.id !== undefined ? `\n  <Identifier><Identifier ${types}>${gpo.id}</Identifier><Domain ${types}>${gpo.domain ?? 'corp.invalid'}</Domain></Identifier>` : '';
  const text = `<?xml version="1.0" encoding="utf-16"?>
<GPO xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Settings">${identifier}
  <Name>${gpo.name}</Name>
  <Computer>
    <Enabled>true</Enabled>
    <ExtensionData>
      <Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Registry" xsi:type="q1:RegistrySettings">
${policies.join('\n').replace(/\bq:/g, 'q1:')}
      </Extension>
      <Name>Registry</Name>
    </ExtensionData>
  </Computer>
</GPO>
`;
  return { path, facts: policyFacts(readGpoReport(text), (s) => `${path}:${s.source.span.start}`) };
}

const client = (host: string, more = '') => rdp(`full address:s:${host}\nenablecredsspsupport:i:0\n${more}`);
const summary = (found: ReturnType<typeof crossCheck<string>>) => found.map((f) => `${f.ruleId} ${f.severity}`);

/** The review's f2: RDS Session Hosts wins with NLA required; RDS Legacy Clients, listed, lost with NLA off. */
const rdsh01 = (computer: string | null = 'CORP\\RDSH01$') =>
  gpresult(computer ?? undefined, [SESSION_HOSTS, LEGACY], [rsopPolicy(SESSION_HOSTS, 1, NLA, 'Enabled'), rsopPolicy(LEGACY, 2, NLA, 'Disabled')]);
const legacyReport = (gpo: { name: string; id?: string; domain?: string } = { name: LEGACY.name }) => gpoReport(gpo, [policyXml(NLA, 'Disabled')], 'legacy-gpo.xml');

describe('a gpresult\'s winner is certain on its computer', () => {
  it('the review\'s f2: a report of a GPO the gpresult shows lost leaves XRF001 an error on RDSH01', () => {
    const found = crossCheck(XRF_RULES, { rdpFiles: [client('rdsh01.corp.invalid')], exports: [rdsh01(), legacyReport()] });
    assert.deepEqual(summary(found), ['XRF001 error']);
    assertMessage('XRF001', found[0]!.message);
    assert.match(found[0]!.message, /but the server requires it \("UserAuthentication" is 1 in gpresult\.xml\)/);
    assert.deepEqual(found[0]!.related.map((r) => r.path), ['gpresult.xml']);
  });

  it('a GPO the gpresult does not list (it does not apply there), matched by name or by GUID and domain', () => {
    for (const gpo of [{ name: OTHER.name }, { ...OTHER }, { name: SESSION_HOSTS.name, id: OTHER.id }, { ...SESSION_HOSTS, domain: 'other.invalid' }]) {
      assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [client('rdsh01.corp.invalid')], exports: [rdsh01(), legacyReport(gpo)] })), ['XRF001 error'], JSON.stringify(gpo));
    }
  });

  it('the other way round: the gpresult shows NLA off winning, so a lost GPO\'s 1 fails nothing on RDSH01', () => {
    const off = gpresult('CORP\\RDSH01$', [LEGACY, SESSION_HOSTS], [rsopPolicy(LEGACY, 1, NLA, 'Disabled'), rsopPolicy(SESSION_HOSTS, 2, NLA, 'Enabled')]);
    const report = gpoReport(SESSION_HOSTS, [policyXml(NLA, 'Enabled')]);
    assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [client('rdsh01.corp.invalid')], exports: [off, report] })), []);
  });

  it('still doubtful: a report of the winning GPO itself (made at another time), an export naming no GPO, an IP target', () => {
    const stale = gpoReport(SESSION_HOSTS, [policyXml(NLA, 'Disabled')]);
    assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [client('rdsh01.corp.invalid')], exports: [rdsh01(), stale] })), ['XRF001 warning']);
    const byName = gpoReport({ name: SESSION_HOSTS.name }, [policyXml(NLA, 'Disabled')]);
    assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [client('rdsh01.corp.invalid')], exports: [rdsh01(), byName] })), ['XRF001 warning']);
    const ip = crossCheck(XRF_RULES, { rdpFiles: [client('10.0.0.5')], exports: [rdsh01(), legacyReport()] });
    assert.deepEqual(summary(ip), ['XRF001 warning'], 'an IP address may be another computer, where the legacy GPO may win');
    const unnamed = crossCheck(XRF_RULES, { rdpFiles: [client('rdsh01.corp.invalid')], exports: [rdsh01(null), legacyReport()] });
    assert.deepEqual(summary(unnamed), ['XRF001 warning'], 'a gpresult that names no computer');
  });

  it('XRF003: a lost GPO\'s SecurityLayer 2 leaves the winner\'s 0 certain on RDSH01', () => {
    const layer = gpresult('CORP\\RDSH01$', [LEGACY, SESSION_HOSTS], [rsopPolicy(LEGACY, 1, LAYER, 'Enabled', dropDown('Security Layer', 'RDP'))]);
    const report = gpoReport(SESSION_HOSTS, [policyXml(LAYER, 'Enabled', dropDown('Security Layer', 'SSL'))]);
    const strict = (host: string) => rdp(`full address:s:${host}\nauthentication level:i:1\n`);
    assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [strict('rdsh01.corp.invalid')], exports: [layer, report] })), ['XRF003 error']);
    assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [strict('10.0.0.5')], exports: [layer, report] })), ['XRF003 warning']);
  });
});

describe('a gpresult describes one computer', () => {
  it('the review\'s f3: the gpresult of RDSH01 fails no client of legacy01, and says it is not known whether that name reaches RDSH01', () => {
    // Session 22: skipped without a word, though "legacy01" may be a DNS alias or a farm name of RDSH01 (no export shows it).
    const found = crossCheck(XRF_RULES, { rdpFiles: [client('legacy01.corp.invalid')], exports: [rdsh01()] });
    assert.deepEqual(summary(found), ['XRF001 info']);
    assertMessage('XRF001', found[0]!.message);
    assert.match(found[0]!.message, /the server may require it \(the gpresult in gpresult\.xml was run for "CORP\\RDSH01\$", and whether "legacy01\.corp\.invalid" reaches that computer \(a DNS alias or a farm name\) or another one is not known\)/);
    assert.deepEqual(found[0]!.related.map((r) => r.path), ['gpresult.xml']);
  });

  it('another name is information only where nothing else decides: XRF003 too; an export that is no gpresult still decides', () => {
    const layer = gpresult('CORP\\RDSH01$', [LEGACY], [rsopPolicy(LEGACY, 1, LAYER, 'Enabled', dropDown('Security Layer', 'RDP'))]);
    const strict = rdp('full address:s:rdsfarm.corp.invalid\nauthentication level:i:1\n');
    assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [layer] })), ['XRF003 info']);
    const nla = gpoReport({ name: SESSION_HOSTS.name }, [policyXml(NLA, 'Enabled')], 'nla-gpo.xml');
    assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [client('rdsfarm.corp.invalid')], exports: [rdsh01(), nla] })), ['XRF001 error']);
    // Nor does it contradict or override another export's value there (the examples' rdsh02 beside gpresult-rdsh01).
    const tls = gpresult('CORP\\RDSH01$', [SESSION_HOSTS], [rsopPolicy(SESSION_HOSTS, 1, LAYER, 'Enabled', dropDown('Security Layer', 'SSL'))]);
    const local = regInput(`[HKEY_LOCAL_MACHINE\\${LISTENER}]\r\n"SecurityLayer"=dword:00000000\r\n`);
    const strict02 = rdp('full address:s:rdsh02.corp.invalid\nauthentication level:i:1\n');
    assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [strict02], exports: [tls, local] })), ['XRF003 error']);
  });

  it('applies to its own name in any case and form, to an IP address, and for a report that names no computer', () => {
    for (const host of ['RDSH01', 'rdsh01.corp.invalid', 'RdSh01.other.example', '10.0.0.5', '[fe80::1]']) {
      assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [client(host)], exports: [rdsh01()] })), ['XRF001 error'], host);
    }
    assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [client('legacy01.corp.invalid')], exports: [rdsh01(null)] })), ['XRF001 error']);
  });

  it('a NetBIOS name is the DNS name\'s first label cut to 15 characters', () => {
    assert.equal(netbiosName('CORP\\RDSH-LONGNAME-0$'), 'rdsh-longname-0');
    const long = { computer: 'CORP\\RDSH-LONGNAME-0$', gpos: [] };
    assert.equal(rsopDescribes(long, 'rdsh-longname-01.corp.invalid'), 'is');
    assert.equal(rsopDescribes(long, 'rdsh-longname-0'), 'is');
    assert.equal(rsopDescribes(long, 'rdsh-longname.corp.invalid'), 'other-name');
  });

  it('each file against the gpresult of its own host: another computer\'s gpresult neither decides nor doubts', () => {
    const rdsh02 = gpresult('CORP\\RDSH02$', [LEGACY], [rsopPolicy(LEGACY, 1, NLA, 'Disabled')], 'gpresult-rdsh02.xml');
    const found = crossCheck(XRF_RULES, { rdpFiles: [client('rdsh01.corp.invalid', ''), { ...client('rdsh02.corp.invalid'), path: 'two.rdp' }], exports: [rdsh01(), rdsh02] });
    assert.deepEqual(found.map((f) => `${f.path} ${f.ruleId} ${f.severity}`), ['client.rdp XRF001 error']);
  });

  it('XRF002 and XRF004: a listener the gpresult of another computer shows is not the target\'s', () => {
    const port = gpresult('CORP\\RDSH01$', [SESSION_HOSTS], [rsopValue(SESSION_HOSTS, LISTENER, 'PortNumber', '<q:Number>3390</q:Number>')]);
    const files = [rdp('full address:s:rdsh01.corp.invalid\n', 'a.rdp'), rdp('full address:s:legacy01.corp.invalid\n', 'b.rdp')];
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: files, exports: [port] }).map((f) => `${f.path} ${f.ruleId} ${f.severity}`), ['a.rdp XRF002 error', 'b.rdp XRF002 info']);
    const hash = gpresult('CORP\\RDSH01$', [SESSION_HOSTS], [rsopValue(SESSION_HOSTS, LISTENER, 'SSLCertificateSHA1Hash', `<q:String>${'AB'.repeat(20)}</q:String>`)]);
    const probe = (host: string): ProbeFacts => ({ target: host, host, port: 3389, certificate: { sha1: 'CD'.repeat(20) } });
    const other = crossCheck(XRF_RULES, { rdpFiles: [], exports: [hash], probes: [probe('legacy01.corp.invalid')] });
    assert.deepEqual(summary(other), ['XRF004 info']);
    assert.match(other[0]!.message, /\(the gpresult in gpresult\.xml was run for "CORP\\RDSH01\$", and whether "legacy01\.corp\.invalid" reaches that computer \(a DNS alias or a farm name\) or another one is not known\): if it is that computer, the listener does not use the bound certificate/);
    assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [], exports: [hash], probes: [probe('legacy01.corp.invalid'), probe('rdsh01.corp.invalid')] })), ['XRF004 error']);
    assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [], exports: [hash], probes: [probe('rdsh01.corp.invalid')] })), ['XRF004 error']);
  });

  it('GPO013 between exports is unchanged: a GPO report still disagrees with the gpresult', () => {
    const found = crossFileConflicts([rdsh01(), legacyReport()].map((x) => ({ path: x.path, ...x.facts })));
    assert.deepEqual(found.map((c) => c.path), ['gpresult.xml', 'legacy-gpo.xml']);
  });
});
