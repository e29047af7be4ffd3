// XRF005's server side: a server that refuses incoming NTLM ("Restrict NTLM: Incoming NTLM traffic") or a domain
// controller that refuses NTLM pass-through ("Restrict NTLM: NTLM authentication in this domain") fails the CredSSP
// sign-in of a client that connects by IP address (docs/known-gaps.md until session 27).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { readReg } from '../../../src/core/gpo/read-reg';
import { readSecurityTemplate } from '../../../src/core/gpo/read-security-template';
import { KEYS } from '../../../src/core/gpo/well-known-keys';
import { crossCheck } from '../../../src/core/rules/xrf/cross-check';
import { XRF_RULES } from '../../../src/core/rules/xrf/index';
import { accountOf } from '../../../src/core/rules/xrf/xrf005-ntlm-incoming';
import { xrf005 } from '../../../src/core/rules/xrf/xrf005-ntlm-restricted-vs-target';
import { assertMessage } from './helpers';
import { exported, FORMATS, ids, MSV, NETLOGON, rdp, securityExtension, securityOption } from './xrf005-fixtures';

const DOMAIN_USER = 'full address:s:127.0.0.5\r\nusername:s:CORP\\alice\r\n';
const UPN_USER = 'full address:s:127.0.0.5\r\nusername:s:alice@corp.invalid\r\n';
const LOCAL_USER = 'full address:s:127.0.0.5\r\nusername:s:.\\admin\r\n';
const NO_USER = 'full address:s:127.0.0.5\r\n';

describe('XRF005 on the server side: incoming NTLM refused', () => {
  for (const [format, make] of Object.entries(FORMATS)) {
    it(`${format}: Deny all accounts (2) fails every sign-in; Deny all domain accounts (1) warns unless the account is local; Allow all (0) and auditing do not`, () => {
      const deny = make(MSV, 'RestrictReceivingNTLMTraffic', 2);
      for (const text of [DOMAIN_USER, LOCAL_USER, NO_USER]) {
        const found = crossCheck(XRF_RULES, { rdpFiles: [rdp(text)], exports: [deny] });
        assert.deepEqual(ids(found), ['XRF005:client.rdp'], text);
        assert.equal(found[0]!.severity, 'error', text);
        assert.equal(found[0]!.at, 'client.rdp:15', 'at the host in "full address"');
        assert.equal(found[0]!.related[0]!.path, deny.path);
        assertMessage('XRF005', found[0]!.message);
        assert.match(found[0]!.message, /the server refuses every incoming NTLM sign-in \("Network security: Restrict NTLM: Incoming NTLM traffic" is "Deny all accounts", "RestrictReceivingNTLMTraffic" = 2 in /);
        if (text === LOCAL_USER) assert.match(found[0]!.message, /the file's user "\.\\admin" is a local account of the server, which Windows signs in with NTLM only \(Kerberos serves domain accounts\), so the connection fails\. Sign in with a domain account/);
        else assert.match(found[0]!.message, /CredSSP cannot authenticate, so the connection fails\. Connect by the server's DNS name so that Kerberos is used, or register TERMSRV\/127\.0\.0\.5 as an SPN/);
      }
      const domainOnly = make(MSV, 'RestrictReceivingNTLMTraffic', 1);
      for (const text of [DOMAIN_USER, UPN_USER, NO_USER]) {
        const found = crossCheck([xrf005], { rdpFiles: [rdp(text)], exports: [domainOnly] });
        assert.deepEqual(found.map((f) => f.severity), ['warning'], text);
        assert.match(found[0]!.message, /refuses incoming NTLM sign-ins of domain accounts \(.*"Deny all domain accounts", "RestrictReceivingNTLMTraffic" = 1 in /);
        assertMessage('XRF005', found[0]!.message);
      }
      assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp(LOCAL_USER)], exports: [domainOnly] }), [], 'a local account still signs in');
      assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp(DOMAIN_USER)], exports: [make(MSV, 'RestrictReceivingNTLMTraffic', 0)] }), [], 'Allow all');
      const audit = make(MSV, 'AuditReceivingNTLMTraffic', 2, 'Network security: Restrict NTLM: Audit Incoming NTLM Traffic');
      assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp(DOMAIN_USER)], exports: [audit] }), [], 'auditing only logs');
    });
  }

  it('the message says which account fails with Deny all domain accounts', () => {
    const deny = FORMATS['.reg']!(MSV, 'RestrictReceivingNTLMTraffic', 1);
    const message = (text: string) => crossCheck([xrf005], { rdpFiles: [rdp(text)], exports: [deny] })[0]!.message;
    assert.match(message(UPN_USER), /the file's user "alice@corp\.invalid" is written as a user principal name, as a domain account is, and a domain account's sign-in fails; only a local account of the server can sign in\./);
    assert.match(message(DOMAIN_USER), /the file's user "CORP\\alice" fails if "CORP" is a domain, and signs in if it is the server's own computer name \(a local account\)\./);
    assert.match(message(NO_USER), /a domain account fails to sign in; only a local account of the server \("\.\\name"\) can\./);
    assert.match(message('full address:s:127.0.0.5\r\nusername:s:alice\r\ndomain:s:CORP\r\n'), /the file's user "CORP\\alice" fails if "CORP" is a domain/);
    assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp('full address:s:127.0.0.5\r\nusername:s:admin\r\ndomain:s:.\r\n')], exports: [deny] }), []);
  });

  it('reads the account from username and domain', () => {
    const of = (text: string) => accountOf(rdp(text).facts.user).kind;
    assert.equal(of(LOCAL_USER), 'local');
    assert.equal(of(UPN_USER), 'upn');
    assert.equal(of(DOMAIN_USER), 'named');
    assert.equal(of(NO_USER), 'none');
    assert.equal(of('full address:s:127.0.0.5\r\nusername:s:alice\r\n'), 'none');
    assert.equal(of('full address:s:127.0.0.5\r\ndomain:s:.\r\n'), 'local');
  });

  it('a name target, or a client that turns CredSSP off, is not reported', () => {
    const deny = FORMATS['GptTmpl.inf']!(MSV, 'RestrictReceivingNTLMTraffic', 2);
    assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp('full address:s:rdsh01.corp.invalid\r\n')], exports: [deny] }), []);
    assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp('full address:s:127.0.0.5\r\nenablecredsspsupport:i:0\r\n')], exports: [deny] }), []);
  });

  it('with TryIPSPN, Kerberos may serve the address: a warning that names the SPN', () => {
    const tryIp = exported('kerberos.reg', readReg(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${KEYS.kerberosParameters}]\r\n"TryIPSPN"=dword:00000001\r\n`));
    const found = crossCheck([xrf005], { rdpFiles: [rdp(NO_USER)], exports: [FORMATS['.reg']!(MSV, 'RestrictReceivingNTLMTraffic', 2), tryIp] });
    assert.deepEqual(found.map((f) => [f.severity, f.related.map((r) => r.path)]), [['warning', ['server.reg', 'kerberos.reg']]]);
    assert.match(found[0]!.message, /CredSSP can authenticate only by Kerberos, so the connection fails unless the server has an IP SPN\. With TryIPSPN \("TryIPSPN" is 1 in kerberos\.reg\) Kerberos works instead if the server has TERMSRV\/127\.0\.0\.5 registered as an SPN\./);
  });

  it('TryIPSPN does not soften Deny all accounts for a local account: only NTLM signs one in, so it stays an error', () => {
    const tryIp = exported('kerberos.reg', readReg(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${KEYS.kerberosParameters}]\r\n"TryIPSPN"=dword:00000001\r\n`));
    for (const text of [LOCAL_USER, 'full address:s:127.0.0.5\r\nusername:s:admin\r\ndomain:s:.\r\n', 'full address:s:127.0.0.5\r\ndomain:s:.\r\n']) {
      const found = crossCheck([xrf005], { rdpFiles: [rdp(text)], exports: [FORMATS['.reg']!(MSV, 'RestrictReceivingNTLMTraffic', 2), tryIp] });
      assert.deepEqual(found.map((f) => [f.severity, f.related.map((r) => r.path)]), [['error', ['server.reg']]], text);
      assert.match(found[0]!.message, /is a local account of the server, which Windows signs in with NTLM only \(Kerberos serves domain accounts\), so the connection fails\. Sign in with a domain account and connect by the server's DNS name so that Kerberos is used, or relax the policy\.$/);
      assert.doesNotMatch(found[0]!.message, /TERMSRV\/127|"TryIPSPN" is 1/, 'no SPN advice: Kerberos cannot sign a local account in');
      assertMessage('XRF005', found[0]!.message);
    }
  });

  it('the client side wins: outgoing NTLM denied keeps its own message; a listed exception leaves the server side to decide', () => {
    const both = exported(
      'GptTmpl.inf',
      readSecurityTemplate(`[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature="$CHICAGO$"\r\nRevision=1\r\n[Registry Values]\r\nMACHINE\\${MSV}\\RestrictSendingNTLMTraffic=4,2\r\nMACHINE\\${MSV}\\RestrictReceivingNTLMTraffic=4,2\r\n`),
    );
    const found = crossCheck([xrf005], { rdpFiles: [rdp(NO_USER)], exports: [both] });
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /outgoing NTLM is denied/);
    const listed = exported('list.reg', readReg(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${MSV}]\r\n"ClientAllowedNTLMServers"=hex(7):31,00,32,00,37,00,2e,00,30,00,2e,00,30,00,2e,00,35,00,00,00,00,00\r\n`));
    const server = crossCheck([xrf005], { rdpFiles: [rdp(NO_USER)], exports: [both, listed] });
    assert.equal(server.length, 1);
    assert.match(server[0]!.message, /the server refuses every incoming NTLM sign-in/);
  });

  it('a gpresult (of RDSH01) may describe the computer at an IP address: its value counts', () => {
    const gpresult = FORMATS['gpresult XML']!(MSV, 'RestrictReceivingNTLMTraffic', 2);
    assert.deepEqual(ids(crossCheck([xrf005], { rdpFiles: [rdp(NO_USER)], exports: [gpresult] })), ['XRF005:client.rdp']);
  });

  it('another export that may apply together and allows NTLM makes it a warning', () => {
    const a = FORMATS['Get-GPOReport XML']!(MSV, 'RestrictReceivingNTLMTraffic', 2);
    const b = { ...FORMATS['.reg']!(MSV, 'RestrictReceivingNTLMTraffic', 0), path: 'other.reg' };
    const found = crossCheck([xrf005], { rdpFiles: [rdp(NO_USER)], exports: [a, b] });
    assert.deepEqual(found.map((f) => f.severity), ['warning']);
    assert.match(found[0]!.message, /Whether the value applies there is not certain: "RestrictReceivingNTLMTraffic" is 2 in gpo\.xml \(GPO "Server hardening"\) but 0 in other\.reg/);
  });
});

describe('XRF005 on the server side: the domain controller restricts NTLM in the domain', () => {
  for (const [format, make] of Object.entries(FORMATS)) {
    it(`${format}: every deny choice (1, 3, 5, 7) warns for a domain account, not for a local one; Disable (0) and AuditNTLMInDomain do not`, () => {
      for (const n of [1, 3, 5, 7]) {
        const dc = make(NETLOGON, 'RestrictNTLMInDomain', n, 'Network security: Restrict NTLM: NTLM authentication in this domain');
        const found = crossCheck(XRF_RULES, { rdpFiles: [rdp(UPN_USER)], exports: [dc] });
        assert.deepEqual(found.map((f) => [f.ruleId, f.severity]), [['XRF005', 'warning']], `value ${n}`);
        assertMessage('XRF005', found[0]!.message);
        assert.match(found[0]!.message, new RegExp(`\\("Network security: Restrict NTLM: NTLM authentication in this domain" is "Deny[^"]*", "RestrictNTLMInDomain" = ${n} in .*\\)\\. That setting applies to domain controllers only`));
        assert.match(found[0]!.related[0]!.message, /^"RestrictNTLMInDomain" is \d \(.*\) in the Netlogon parameters/);
        assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp(LOCAL_USER)], exports: [dc] }), [], `value ${n}, a local account`);
      }
      assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp(DOMAIN_USER)], exports: [make(NETLOGON, 'RestrictNTLMInDomain', 0)] }), [], 'Disable');
      assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp(DOMAIN_USER)], exports: [make(NETLOGON, 'AuditNTLMInDomain', 7)] }), [], 'auditing only logs');
    });
  }

  it('the domain exception list: "*" names every server; other entries are names an IP address cannot be matched with', () => {
    const template = (list: string) =>
      exported('GptTmpl.inf', readSecurityTemplate(`[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature="$CHICAGO$"\r\nRevision=1\r\n[Registry Values]\r\nMACHINE\\${NETLOGON}\\RestrictNTLMInDomain=4,7\r\nMACHINE\\${NETLOGON}\\DCAllowedNTLMServers=7,${list}\r\n`));
    assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp(DOMAIN_USER)], exports: [template('*')] }), []);
    const found = crossCheck([xrf005], { rdpFiles: [rdp(DOMAIN_USER)], exports: [template('RDSH01,APP*')] });
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /The domain's exception list \("DCAllowedNTLMServers" in GptTmpl\.inf\) may name the server: it holds NetBIOS names, which RDP Doctor cannot match with an IP address\./);
    assert.equal(found[0]!.related[1]!.message, '"DCAllowedNTLMServers" in the Netlogon parameters lists "RDSH01", "APP*": NTLM pass-through is allowed to these servers.');
  });

  it('Get-GPOReport XML: the domain exception list is read from its SettingStrings, as GPMC writes multi-string options', () => {
    const report = (list: readonly string[]) =>
      exported(
        'dc.xml',
        readGpoReport(
          `<?xml version="1.0" encoding="utf-16"?>\n<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings"><Name>Domain controllers</Name><Computer><Enabled>true</Enabled>${securityExtension(
            `${securityOption(NETLOGON, 'RestrictNTLMInDomain', 7, 'Network security: Restrict NTLM: NTLM authentication in this domain')}<q1:SecurityOptions><q1:KeyName>MACHINE\\${NETLOGON}\\DCAllowedNTLMServers</q1:KeyName><q1:SettingStrings>${list.map((n) => `<q1:Value>${n}</q1:Value>`).join('')}</q1:SettingStrings><q1:Display><q1:Name>Network security: Restrict NTLM: Add server exceptions in this domain</q1:Name><q1:Units /></q1:Display></q1:SecurityOptions>`,
          )}</Computer></GPO>\n`,
        ),
      );
    assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp(DOMAIN_USER)], exports: [report(['*'])] }), []);
    const found = crossCheck([xrf005], { rdpFiles: [rdp(DOMAIN_USER)], exports: [report(['RDSH01', 'APP*'])] });
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /The domain's exception list \("DCAllowedNTLMServers" in dc\.xml\) may name the server/);
  });

  it('the server\'s own restriction comes first', () => {
    const both = exported(
      'GptTmpl.inf',
      readSecurityTemplate(`[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature="$CHICAGO$"\r\nRevision=1\r\n[Registry Values]\r\nMACHINE\\${NETLOGON}\\RestrictNTLMInDomain=4,7\r\nMACHINE\\${MSV}\\RestrictReceivingNTLMTraffic=4,2\r\n`),
    );
    const found = crossCheck([xrf005], { rdpFiles: [rdp(DOMAIN_USER)], exports: [both] });
    assert.deepEqual(found.map((f) => f.severity), ['error']);
    assert.match(found[0]!.message, /refuses every incoming NTLM sign-in/);
  });
});
