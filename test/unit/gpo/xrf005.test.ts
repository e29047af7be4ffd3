import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PolicyDocument } from '../../../src/core/gpo/model';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { readReg } from '../../../src/core/gpo/read-reg';
import { readRegistryPol } from '../../../src/core/gpo/read-registry-pol';
import { readSecurityTemplate } from '../../../src/core/gpo/read-security-template';
import { writeRegistryPol } from '../../support/registry-pol-writer';
import { KEYS } from '../../../src/core/gpo/well-known-keys';
import { parseRdp } from '../../../src/core/rdp/parse';
import { crossCheck } from '../../../src/core/rules/xrf/cross-check';
import { policyFacts, rdpFacts } from '../../../src/core/rules/xrf/facts';
import { XRF_RULES } from '../../../src/core/rules/xrf/index';
import { exceptionAllows, xrf005 } from '../../../src/core/rules/xrf/xrf005-ntlm-restricted-vs-target';
import { assertMessage } from './helpers';
import { workCounts } from '../../../src/core/work-counts';

const MSV = KEYS.ntlm;

/** Locations are `path:offset`, as in the other cross-check tests. */
const rdp = (text: string, path = 'client.rdp') => ({ path, facts: rdpFacts(parseRdp(text), (span) => `${path}:${span.start}`) });
const exported = (path: string, doc: PolicyDocument) => ({ path, facts: policyFacts(doc, (s) => `${path}:${s.source.span.start}`) });

/** The same setting, RestrictSendingNTLMTraffic = n, in each export format that can carry it. */
const FORMATS: Readonly<Record<string, (n: number) => ReturnType<typeof exported>>> = {
  '.reg': (n) => exported('client.reg', readReg(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${MSV}]\r\n"RestrictSendingNTLMTraffic"=dword:0000000${n}\r\n`)),
  'Registry.pol': (n) => exported('Machine/Registry.pol', readRegistryPol(writeRegistryPol([{ key: MSV, valueName: 'RestrictSendingNTLMTraffic', type: 'REG_DWORD', data: n }])).doc),
  'GptTmpl.inf': (n) =>
    exported('GptTmpl.inf', readSecurityTemplate(`[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature="$CHICAGO$"\r\nRevision=1\r\n[Registry Values]\r\nMACHINE\\${MSV}\\RestrictSendingNTLMTraffic=4,${n}\r\n`)),
  'report XML': (n) =>
    exported(
      'gpo.xml',
      readGpoReport(`<?xml version="1.0" encoding="utf-16"?>
<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings">
  <Name>Client hardening</Name>
  <Computer>
    <ExtensionData>
      <Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Security">
        <q1:SecurityOptions>
          <q1:KeyName>MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\MSV1_0\\RestrictSendingNTLMTraffic</q1:KeyName>
          <q1:SettingNumber>${n}</q1:SettingNumber>
          <q1:Display><q1:Name>Network security: Restrict NTLM: Outgoing NTLM traffic to remote servers</q1:Name></q1:Display>
        </q1:SecurityOptions>
      </Extension>
      <Name>Security</Name>
    </ExtensionData>
  </Computer>
</GPO>
`),
    ),
};

const ids = (found: readonly { ruleId: string; path: string }[]) => found.map((f) => `${f.ruleId}:${f.path}`);

describe('XRF005 ntlm-restricted-vs-target', () => {
  for (const [format, make] of Object.entries(FORMATS)) {
    it(`${format}: Deny all (2) with an IP target fails; Allow all (0) and Audit all (1) do not`, () => {
      const client = rdp('full address:s:10.0.0.12:3390\r\nusername:s:CONTOSO\\u\r\n');
      const found = crossCheck([xrf005], { rdpFiles: [client], exports: [make(2)] });
      assert.deepEqual(ids(found), ['XRF005:client.rdp']);
      assert.equal(found[0]!.at, 'client.rdp:15', 'at the host in "full address"');
      assert.equal(found[0]!.severity, 'error');
      assert.equal(found[0]!.subject, 'full address');
      assert.equal(found[0]!.related.length, 1);
      assert.equal(found[0]!.related[0]!.path, make(2).path);
      assertMessage('XRF005', found[0]!.message);
      assert.match(found[0]!.message, /^The "full address" target "10\.0\.0\.12" is an IP address, which Kerberos cannot serve .*TryIPSPN.*"RestrictSendingNTLMTraffic" is 2 in /);
      for (const allowed of [0, 1]) assert.deepEqual(crossCheck([xrf005], { rdpFiles: [client], exports: [make(allowed)] }), [], `value ${allowed}`);
    });
  }

  it('a name target is fine; every IP target (alternate full address, IPv6) is reported', () => {
    const deny = FORMATS['.reg']!(2);
    assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp('full address:s:rdsh01.contoso.com\n')], exports: [deny] }), []);
    const both = rdp('full address:s:rdsh01.contoso.com\nalternate full address:s:[fe80::1]:3389\n');
    const found = crossCheck([xrf005], { rdpFiles: [both], exports: [deny] });
    assert.deepEqual(found.map((f) => [f.subject, f.at]), [['alternate full address', 'client.rdp:60']]);
    assert.match(found[0]!.message, /"fe80::1" is an IP address/);
  });

  it('nothing without an export that denies NTLM; the related location says where it is denied', () => {
    const client = rdp('full address:s:192.0.2.7\n');
    assert.deepEqual(crossCheck([xrf005], { rdpFiles: [client], exports: [] }), []);
    const found = crossCheck(XRF_RULES, { rdpFiles: [client], exports: [FORMATS['report XML']!(2)] });
    assert.deepEqual(ids(found), ['XRF005:client.rdp']);
    assert.match(found[0]!.related[0]!.message, /^"RestrictSendingNTLMTraffic" is 2 \(Deny all\) in the NTLM security options \(Lsa\\MSV1_0\) of GPO "Client hardening"/);
  });

  it('with TryIPSPN set by an export, Kerberos may serve the IP: a warning that names the SPN it needs', () => {
    const tryIp = exported('kerberos.reg', readReg(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${KEYS.kerberosParameters}]\r\n"TryIPSPN"=dword:00000001\r\n`));
    const found = crossCheck([xrf005], { rdpFiles: [rdp('full address:s:10.0.0.12\n')], exports: [FORMATS['GptTmpl.inf']!(2), tryIp] });
    assert.deepEqual(found.map((f) => [f.severity, f.related.map((r) => r.path)]), [['warning', ['GptTmpl.inf', 'kerberos.reg']]]);
    assert.match(found[0]!.message, /only if the server has TERMSRV\/10\.0\.0\.12 registered as an SPN \("TryIPSPN" is 1 in kerberos\.reg\)/);
    assertMessage('XRF005', found[0]!.message);
  });

  it('a local account (.\\admin) has no Kerberos to fall back on: TryIPSPN leaves it an error, and the advice is a domain account', () => {
    const tryIp = exported('kerberos.reg', readReg(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${KEYS.kerberosParameters}]\r\n"TryIPSPN"=dword:00000001\r\n`));
    for (const exports of [[FORMATS['GptTmpl.inf']!(2), tryIp], [FORMATS['GptTmpl.inf']!(2)]]) {
      const found = crossCheck([xrf005], { rdpFiles: [rdp('full address:s:10.0.0.12\nusername:s:.\\admin\n')], exports });
      assert.deepEqual(found.map((f) => [f.severity, f.related.map((r) => r.path)]), [['error', ['GptTmpl.inf']]]);
      assert.match(found[0]!.message, /outgoing NTLM is denied \("RestrictSendingNTLMTraffic" is 2 in GptTmpl\.inf\): the file's user "\.\\admin" is a local account of the server, which Windows signs in with NTLM only \(Kerberos serves domain accounts\), so CredSSP cannot authenticate and the connection fails\. Sign in with a domain account and connect by the server's name\.$/);
      assertMessage('XRF005', found[0]!.message);
    }
  });

  it('a file that turns CredSSP off (enablecredsspsupport:i:0) does no NLA, so NTLM being denied does not concern it (a review\'s GptTmpl.inf)', () => {
    const exports = [FORMATS['GptTmpl.inf']!(2)];
    const off = rdp('full address:s:127.0.0.3\r\nenablecredsspsupport:i:0\r\nauthentication level:i:0\r\n', 'off.rdp');
    const on = rdp('full address:s:127.0.0.3\r\nenablecredsspsupport:i:1\r\n', 'on.rdp');
    assert.deepEqual(ids(crossCheck([xrf005], { rdpFiles: [off, on], exports })), ['XRF005:on.rdp']);
  });

  describe('the NTLM server exception list ("Add remote server exceptions for NTLM authentication", ClientAllowedNTLMServers)', () => {
    const template = (list: string) =>
      exported(
        'GptTmpl.inf',
        readSecurityTemplate(
          `[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature="$CHICAGO$"\r\nRevision=1\r\n[Registry Values]\r\nMACHINE\\${MSV}\\RestrictSendingNTLMTraffic=4,2\r\nMACHINE\\${MSV}\\ClientAllowedNTLMServers=7,${list}\r\n`,
        ),
      );
    const client = rdp('full address:s:127.0.0.5\r\n');

    it('GptTmpl.inf: a target the list names (exactly, by a wildcard, or "*") is not reported', () => {
      for (const list of ['127.0.0.5', '127.0.0.5,*', 'rdsh01.corp.invalid,127.0.0.5', '127.0.0.*', '127.*.5', '*']) {
        assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [client], exports: [template(list)] }), [], list);
      }
    });

    it('a list that does not name the target: still an error, and the message and a related location say so', () => {
      const found = crossCheck([xrf005], { rdpFiles: [client], exports: [template('rdsh01.corp.invalid,127.0.0.50,127.0.1.*')] });
      assert.deepEqual(ids(found), ['XRF005:client.rdp']);
      assert.equal(found[0]!.severity, 'error');
      assertMessage('XRF005', found[0]!.message);
      assert.match(found[0]!.message, / The NTLM server exception list \("ClientAllowedNTLMServers" in GptTmpl\.inf\) does not name "127\.0\.0\.5"\. Connect by the server's name\.$/);
      assert.deepEqual(
        found[0]!.related.map((r) => r.message),
        [
          '"RestrictSendingNTLMTraffic" is 2 (Deny all) in the NTLM security options (Lsa\\MSV1_0): this computer never sends NTLM to a remote server.',
          '"ClientAllowedNTLMServers" in the NTLM security options (Lsa\\MSV1_0) lists "rdsh01.corp.invalid", "127.0.0.50", "127.0.1.*": NTLM may be sent only to these.',
        ],
      );
    });

    it('each target is matched on its own: a listed full address passes, an unlisted alternate is reported', () => {
      const both = rdp('full address:s:127.0.0.5\nalternate full address:s:[::1]:3389\n');
      const found = crossCheck([xrf005], { rdpFiles: [both], exports: [template('127.0.0.5')] });
      assert.deepEqual(found.map((f) => f.subject), ['alternate full address']);
      assert.match(found[0]!.message, /does not name "::1"/);
    });

    it('the list counts from any export of the run, like the restriction (a Registry.pol REG_MULTI_SZ beside a .reg that denies)', () => {
      const list = exported('Machine/Registry.pol', readRegistryPol(writeRegistryPol([{ key: MSV, valueName: 'ClientAllowedNTLMServers', type: 'REG_MULTI_SZ', data: ['RDSH01', '127.0.0.5'] }])).doc);
      assert.deepEqual(crossCheck([xrf005], { rdpFiles: [client], exports: [FORMATS['.reg']!(2), list] }), []);
    });

    it('Get-GPOReport XML: the list is the option\'s SettingStrings, one Value per server (as GPMC writes multi-string options)', () => {
      // GPMC's shape for a REG_MULTI_SZ security option, as in t0x01/group-policy-objects GPOs/{BCC33A6A-…}/gpreport.xml
      // ("Network access: Remotely accessible registry paths"): SettingStrings/Value, and DisplayStrings beside it.
      const report = (names: readonly string[]) =>
        exported(
          'gpo.xml',
          readGpoReport(`<?xml version="1.0" encoding="utf-16"?>
<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings">
  <Name>Client hardening</Name>
  <Computer>
    <ExtensionData>
      <Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Security">
        <q1:SecurityOptions>
          <q1:KeyName>MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\MSV1_0\\RestrictSendingNTLMTraffic</q1:KeyName>
          <q1:SettingNumber>2</q1:SettingNumber>
        </q1:SecurityOptions>
        <q1:SecurityOptions>
          <q1:KeyName>MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\MSV1_0\\ClientAllowedNTLMServers</q1:KeyName>
          <q1:SettingStrings>
${names.map((n) => `            <q1:Value>${n}</q1:Value>`).join('\n')}
          </q1:SettingStrings>
          <q1:Display>
            <q1:Name>Network security: Restrict NTLM: Add remote server exceptions for NTLM authentication</q1:Name>
            <q1:Units />
            <q1:DisplayStrings>
${names.map((n) => `              <q1:Value>${n}</q1:Value>`).join('\n')}
            </q1:DisplayStrings>
          </q1:Display>
        </q1:SecurityOptions>
      </Extension>
      <Name>Security</Name>
    </ExtensionData>
  </Computer>
</GPO>
`),
        );
      assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [client], exports: [report(['rdsh01.corp.invalid', '127.0.0.*'])] }), []);
      const found = crossCheck([xrf005], { rdpFiles: [client], exports: [report(['rdsh01.corp.invalid', '127.0.1.*'])] });
      assert.deepEqual(ids(found), ['XRF005:client.rdp']);
      assert.equal(found[0]!.related[1]!.message, '"ClientAllowedNTLMServers" in the NTLM security options (Lsa\\MSV1_0) of GPO "Client hardening" lists "rdsh01.corp.invalid", "127.0.1.*": NTLM may be sent only to these.');
    });

    it('names compare without case; "*" stands for any run of characters, anywhere', () => {
      const cases: [string, string, boolean][] = [
        ['RDSH*.CORP.invalid', 'rdsh01.corp.invalid', true],
        ['*.corp.invalid', 'corp.invalid', false],
        ['*corp.invalid', 'corp.invalid', true],
        ['127.0.0.*', '127.0.0.50', true],
        ['127.0.0.5', '127.0.0.50', false],
        ['127.0.0.50', '127.0.0.5', false],
        ['rdsh*', 'rdsh', true],
        ['*', '::1', true],
        ['', '127.0.0.5', false],
      ];
      for (const [entry, server, allowed] of cases) assert.equal(exceptionAllows(entry, server), allowed, `${entry} vs ${server}`);
      const [hostile, server] = [`${'a*'.repeat(2000)}b`, 'a'.repeat(250)];
      const before = workCounts.wildcardSteps;
      assert.equal(exceptionAllows(hostile, server), false);
      // At most one step per pair of positions: a matcher that backtracks over every way to split the text at the stars is exponential.
      assert.ok(workCounts.wildcardSteps - before <= (hostile.length + 1) * (server.length + 1), 'a hostile entry of many asterisks is matched in bounded steps');
    });
  });
});

