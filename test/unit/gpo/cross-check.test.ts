import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossFileConflicts } from '../../../src/core/rules/gpo/gpo013-conflicting-policy';
import { registryValues } from '../../../src/core/gpo/policy-values/index';
import { normalizeKey } from '../../../src/core/gpo/registry-path';
import { readOnSharedKeys } from '../../../src/core/gpo/well-known-keys';
import type { ProbeFacts } from '../../../src/core/rules/xrf/probe-facts';
import { crossCheck } from '../../../src/core/rules/xrf/cross-check';
import { crossCheckProbes } from '../../../src/core/lint/cross-file';
import { XRF_RULES } from '../../../src/core/rules/xrf/index';
import { LISTENER, TS, assertMessage, rdpInput as rdp, regInput as reg } from './helpers';

const NLA = `[HKEY_LOCAL_MACHINE\\${TS}]\r\n"UserAuthentication"=dword:00000001\r\n`;
const RDP_LAYER = `[HKEY_LOCAL_MACHINE\\${LISTENER}]\r\n"SecurityLayer"=dword:00000000\r\n"PortNumber"=dword:00000d3d\r\n`;

function ids(findings: readonly { ruleId: string; path: string }[]): string[] {
  return findings.map((f) => `${f.ruleId}:${f.path}`);
}

describe('cross-checks', () => {
  it('XRF001: CredSSP off in the client, NLA required by the policy; the export value is related', () => {
    const found = crossCheck(XRF_RULES, { rdpFiles: [rdp('full address:s:h\nenablecredsspsupport:i:0\n')], exports: [reg(NLA)] });
    assert.deepEqual(ids(found), ['XRF001:client.rdp']);
    assert.equal(found[0]!.at, 'client.rdp:40');
    assert.deepEqual(found[0]!.related.map((r) => r.path), ['server.reg']);
    assertMessage('XRF001', found[0]!.message);
    assert.match(found[0]!.message, /HYBRID_REQUIRED_BY_SERVER/);
  });

  it('XRF001: a file that signs in with Microsoft Entra ID by name is a warning that says why; by IP address an error', () => {
    // enablerdsaadauth:i:1 signs in without CredSSP where the server supports it (Supported RDP properties); whether a
    // server that requires NLA accepts that is not documented. "IP address can't be used" with it (Entra ID VM sign-in).
    const entra = / The file signs in with Microsoft Entra ID \("enablerdsaadauth" is 1\), which does not use CredSSP: whether a server that requires NLA accepts it instead is not documented\.$/;
    const byName = crossCheck(XRF_RULES, { rdpFiles: [rdp('full address:s:h\nenablecredsspsupport:i:0\nenablerdsaadauth:i:1\n')], exports: [reg(NLA)] });
    assert.deepEqual(byName.map((f) => [f.ruleId, f.severity]), [['XRF001', 'warning']]);
    assertMessage('XRF001', byName[0]!.message);
    assert.match(byName[0]!.message, entra);
    const probe: ProbeFacts = { target: 'h.contoso.com', host: 'h.contoso.com', port: 3389, negotiation: { nlaRequired: true } };
    const probed = crossCheck(XRF_RULES, { rdpFiles: [rdp('full address:s:h.contoso.com\nenablecredsspsupport:i:0\nenablerdsaadauth:i:1\n')], exports: [], probes: [probe] });
    assert.deepEqual(probed.map((f) => f.severity), ['warning']);
    assert.match(probed[0]!.message, entra);
    for (const text of ['full address:s:127.0.0.9\nenablecredsspsupport:i:0\nenablerdsaadauth:i:1\n', 'full address:s:h\nenablecredsspsupport:i:0\nenablerdsaadauth:i:0\n']) {
      const found = crossCheck(XRF_RULES, { rdpFiles: [rdp(text)], exports: [reg(NLA)] });
      assert.deepEqual(found.map((f) => [f.ruleId, f.severity]), [['XRF001', 'error']], text);
      assert.doesNotMatch(found[0]!.message, /Entra/, text);
    }
  });

  it('XRF001: a check result that found NLA required counts too, for the same host', () => {
    const probe: ProbeFacts = { target: 'h.contoso.com', host: 'h.contoso.com', port: 3389, negotiation: { nlaRequired: true } };
    const client = rdp('full address:s:h.contoso.com\nenablecredsspsupport:i:0\n');
    assert.deepEqual(ids(crossCheck(XRF_RULES, { rdpFiles: [client], exports: [], probes: [probe] })), ['XRF001:client.rdp']);
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [rdp('full address:s:other\nenablecredsspsupport:i:0\n')], exports: [], probes: [probe] }), []);
  });

  it('a Hyper-V VM console file (pcb to port 2179) is not compared with the Remote Desktop listener or its policies', () => {
    // FreeRDP's /vmconnect: the VM ID as preconnection blob, port 2179, no negotiation (client/common/cmdline.c); the
    // host's VM console is not the RDP-Tcp listener, so its port, NLA and security layer say nothing of the file.
    const lines = 'full address:s:h:2179\nenablecredsspsupport:i:0\nauthentication level:i:1\nnegotiate security layer:i:0\n';
    const exports = [reg(NLA + RDP_LAYER)];
    const console = crossCheck(XRF_RULES, { rdpFiles: [rdp(`pcb:s:5A0A1BB5-ED4C-4C24-9F39-3F1D2E7A3C11;EnhancedMode=1\n${lines}`)], exports });
    assert.deepEqual(ids(console), []);
    const listener = crossCheck(XRF_RULES, { rdpFiles: [rdp(lines)], exports });
    assert.deepEqual(ids(listener).sort(), ['XRF001:client.rdp', 'XRF002:client.rdp', 'XRF003:client.rdp'], 'the same file without a pcb');
  });

  it('XRF002: the port differs from every listener; not when one matches', () => {
    const found = crossCheck(XRF_RULES, { rdpFiles: [rdp('full address:s:h:3390\n')], exports: [reg(RDP_LAYER)] });
    assert.deepEqual(ids(found), ['XRF002:client.rdp']);
    assert.match(found[0]!.message, /^The file connects to port 3390, but the listener in server\.reg listens on 3389/);
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [rdp('full address:s:h\n')], exports: [reg(RDP_LAYER)] }), []);
  });

  it('XRF002 reads every WinStation\'s PortNumber (a second listener on 3390 gave a false "listens on 3389"), not one turned off', () => {
    const second = (enabled: number) =>
      reg(
        `[HKEY_LOCAL_MACHINE\\${LISTENER}]\r\n"PortNumber"=dword:00000d3d\r\n\r\n` +
          `[HKEY_LOCAL_MACHINE\\${LISTENER}-3390]\r\n"fEnableWinStation"=dword:0000000${enabled}\r\n"PortNumber"=dword:00000d3e\r\n`,
      );
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [rdp('full address:s:h.invalid:3390\n')], exports: [second(1)] }), []);
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [rdp('full address:s:h.invalid\n')], exports: [second(1)] }), []);
    const off = crossCheck(XRF_RULES, { rdpFiles: [rdp('full address:s:h.invalid:3390\n')], exports: [second(0)] });
    assert.deepEqual(ids(off), ['XRF002:client.rdp'], 'fEnableWinStation 0: that listener does not listen');
    assert.match(off[0]!.message, /listens on 3389: /);
    const named = reg(`[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\Admin-Listener]\r\n"PortNumber"=dword:00000d3e\r\n`);
    const found = crossCheck(XRF_RULES, { rdpFiles: [rdp('full address:s:h.invalid:3391\n')], exports: [named] });
    assert.deepEqual(ids(found), ['XRF002:client.rdp'], 'any WinStation name');
    assert.equal(found[0]!.related[0]!.message, '"PortNumber" is 3390 in the "Admin-Listener" listener\'s own settings.');
  });

  it('XRF003: strict server authentication against Standard RDP Security (the policy winning over the listener)', () => {
    const strict = rdp('full address:s:h\nauthentication level:i:1\n');
    assert.deepEqual(ids(crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [reg(RDP_LAYER)] })), ['XRF003:client.rdp']);
    const policyTls = reg(`[HKEY_LOCAL_MACHINE\\${TS}]\r\n"SecurityLayer"=dword:00000002\r\n${RDP_LAYER}`);
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [policyTls] }), []);
  });

  it('the policy in one export wins over the listener value in another (a listener SecurityLayer 0 gave a false XRF003 beside policy 2)', () => {
    const strict = rdp('full address:s:h\nauthentication level:i:1\n');
    const listener = reg(`[HKEY_LOCAL_MACHINE\\${LISTENER}]\r\n"SecurityLayer"=dword:00000000\r\n`, 'listener.reg');
    const policy = (n: number) => reg(`[HKEY_LOCAL_MACHINE\\${TS}]\r\n"SecurityLayer"=dword:0000000${n}\r\n`, 'gpo.reg');
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [listener, policy(2)] }), []);
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [policy(2), listener] }), [], 'in either order');
    const found = crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [listener, policy(0)] });
    assert.deepEqual(ids(found), ['XRF003:client.rdp']);
    assert.deepEqual(found[0]!.related.map((r) => r.path), ['gpo.reg'], 'the overridden listener value is not a cause');
    assert.deepEqual(ids(crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [listener] })), ['XRF003:client.rdp'], 'the listener alone still counts');
  });

  it('XRF001: a listener UserAuthentication 1 in one export gives way to the policy 0 in another', () => {
    const noCredssp = rdp('full address:s:h\nenablecredsspsupport:i:0\n');
    const listener = reg(`[HKEY_LOCAL_MACHINE\\${LISTENER}]\r\n"UserAuthentication"=dword:00000001\r\n`, 'listener.reg');
    const policyOff = reg(`[HKEY_LOCAL_MACHINE\\${TS}]\r\n"UserAuthentication"=dword:00000000\r\n`, 'gpo.reg');
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [noCredssp], exports: [listener, policyOff] }), []);
    assert.deepEqual(ids(crossCheck(XRF_RULES, { rdpFiles: [noCredssp], exports: [listener] })), ['XRF001:client.rdp']);
  });

  it('XRF003 takes the level of the client policy "Configure server authentication for client" over the file\'s when an export sets it', () => {
    const server = reg(`[HKEY_LOCAL_MACHINE\\${TS}]\r\n"SecurityLayer"=dword:00000000\r\n`, 'server.reg');
    const client = (level: number) => reg(`[HKEY_LOCAL_MACHINE\\${TS}]\r\n"AuthenticationLevel"=dword:0000000${level}\r\n`, 'client.reg');
    // The policy's 1 wins over the file's 2: a missed error.
    const warnOnly = rdp('full address:s:h.invalid\nauthentication level:i:2\n');
    const found = crossCheck(XRF_RULES, { rdpFiles: [warnOnly], exports: [server, client(1)] });
    assert.deepEqual(ids(found), ['XRF003:client.rdp']);
    assert.equal(found[0]!.at, 'client.rdp:48', 'on the file\'s overridden line');
    assertMessage('XRF003', found[0]!.message);
    assert.match(found[0]!.message, /^The client policy "Configure server authentication for client" sets "AuthenticationLevel" to 1 in client\.reg, overriding the file's "authentication level" 2, /);
    assert.deepEqual(found[0]!.related.map((r) => r.path), ['client.reg', 'server.reg']);
    // Without the line the file still connects under the policy: the finding is on its address.
    const noLine = crossCheck(XRF_RULES, { rdpFiles: [rdp('full address:s:h.invalid\n')], exports: [server, client(1)] });
    assert.deepEqual(noLine.map((f) => [f.ruleId, f.subject, f.at]), [['XRF003', 'full address', 'client.rdp:15']]);
    // The policy's 0 or 2 wins over the file's 1: no finding.
    const strict = rdp('full address:s:h.invalid\nauthentication level:i:1\n');
    for (const level of [0, 2]) assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [server, client(level)] }), [], `policy ${level}`);
    // Without the policy the file's own level counts.
    assert.deepEqual(ids(crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [server] })), ['XRF003:client.rdp']);
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [warnOnly], exports: [server] }), []);
  });

  it('XRF003: a check that saw Standard RDP Security selected, or the only one allowed, counts too, for the same host; the message says what it saw', () => {
    const strict = rdp('full address:s:H.contoso.com\nauthentication level:i:1\n');
    const probe = (negotiation: ProbeFacts['negotiation']): ProbeFacts => ({ target: 'c.rdp', host: 'h.contoso.com', port: 3389, negotiation });
    const selected = probe({ rdp: true, ssl: true, hybrid: false, selected: 'RDP' });
    const found = crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [], probes: [selected] });
    assert.deepEqual(ids(found), ['XRF003:client.rdp']);
    assert.equal(found[0]!.severity, 'error');
    assert.equal(found[0]!.at, 'client.rdp:52');
    assertMessage('XRF003', found[0]!.message);
    assert.match(found[0]!.message, /a check of h\.contoso\.com:3389 found that the server selected Standard RDP Security although the check offered TLS and CredSSP\), /);
    // The check, not this file's client, offered them: a file that turns CredSSP off or does not negotiate offers less.
    for (const line of ['enablecredsspsupport:i:0', 'negotiate security layer:i:0']) {
      const less = crossCheck(XRF_RULES, { rdpFiles: [rdp(`full address:s:h.contoso.com\nauthentication level:i:1\n${line}\n`)], exports: [], probes: [selected] });
      assert.deepEqual(ids(less), ['XRF003:client.rdp'], line);
      assertMessage('XRF003', less[0]!.message);
      assert.match(less[0]!.message, /selected Standard RDP Security although the check offered TLS and CredSSP, more than this file's client offers\), which never authenticates it/, line);
      assert.doesNotMatch(less[0]!.message, /the client offered/, line);
    }
    const refusals = { ssl: 'SSL_NOT_ALLOWED_BY_SERVER', hybrid: 'SSL_NOT_ALLOWED_BY_SERVER' };
    const only = crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [], probes: [probe({ rdp: true, ssl: false, hybrid: false, hybridEx: false, selected: null, failures: refusals })] });
    assert.match(only[0]?.message ?? '', /refuses TLS and CredSSP and accepts only Standard RDP Security/);
    // A server that selected TLS and then failed its handshake (ssl false, NET028) does not use Standard RDP Security, nor
    // does one whose TLS is false without a refusal in the negotiation (a review of session 17's change: xrdp with a wrong key).
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [], probes: [probe({ rdp: true, ssl: false, hybrid: false, selected: 'SSL' })] }), []);
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [], probes: [probe({ rdp: true, ssl: false, hybrid: false, selected: null })] }), []);
    const legacy = crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [], probes: [probe({ rdp: true, ssl: null, hybrid: null, selected: 'RDP', legacy: true })] });
    assert.match(legacy[0]?.message ?? '', /answered without negotiation data/);
    // Not when TLS was selected, when TLS is not known to be refused, for another host, or with another authentication level.
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [], probes: [probe({ rdp: true, ssl: true, hybrid: true, selected: 'HYBRID' })] }), []);
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [], probes: [probe({ rdp: true, ssl: null, hybrid: false, selected: null })] }), []);
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [rdp('full address:s:other\nauthentication level:i:1\n')], exports: [], probes: [selected] }), []);
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [rdp('full address:s:h.contoso.com\nauthentication level:i:2\n')], exports: [], probes: [selected] }), []);
  });

  it("XRF003: what this file's client ends on: without CredSSP it falls back from a refused TLS to Standard RDP Security even where the server allows NLA", () => {
    // FreeRDP's shadow server with +sec-rdp -sec-tls +sec-nla: CredSSP selected for the check's request, TLS refused.
    const probe: ProbeFacts = {
      target: 'c.rdp', host: 'h.contoso.com', port: 3389,
      negotiation: { rdp: true, ssl: false, hybrid: true, hybridEx: false, selected: 'HYBRID', failures: { ssl: 'SSL_NOT_ALLOWED_BY_SERVER' } },
    };
    const noCredSsp = rdp('full address:s:h.contoso.com\nauthentication level:i:1\nenablecredsspsupport:i:0\n');
    const found = crossCheck(XRF_RULES, { rdpFiles: [noCredSsp], exports: [], probes: [probe] });
    assert.deepEqual(ids(found), ['XRF003:client.rdp']);
    assertMessage('XRF003', found[0]!.message);
    assert.match(found[0]!.message, /found that the server refuses TLS and accepts Standard RDP Security, and the file turns CredSSP off \(enablecredsspsupport:i:0\), so its client ends on Standard RDP Security\), which never authenticates it: the connection fails\.$/);
    // With CredSSP on the client selects CredSSP; a client that does not negotiate falls back to nothing (RDP021).
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [rdp('full address:s:h.contoso.com\nauthentication level:i:1\n')], exports: [], probes: [probe] }), []);
    const noNegotiation = rdp('full address:s:h.contoso.com\nauthentication level:i:1\nenablecredsspsupport:i:0\nnegotiate security layer:i:0\n');
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [noNegotiation], exports: [], probes: [probe] }), []);
    // TLS accepted, or Standard RDP Security refused: the client does not end there.
    const tlsAccepted = { ...probe, negotiation: { ...probe.negotiation, ssl: true, failures: {} } };
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [noCredSsp], exports: [], probes: [tlsAccepted] }), []);
    const rdpRefused = { ...probe, negotiation: { ...probe.negotiation, rdp: false, failures: { ssl: 'SSL_NOT_ALLOWED_BY_SERVER', rdp: 'HYBRID_REQUIRED_BY_SERVER' } } };
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [noCredSsp], exports: [], probes: [rdpRefused] }), []);
    // Refusals after which FreeRDP 3.20+ keeps only TLS or CredSSP: the client fails, but not on Standard RDP Security.
    for (const code of ['SSL_REQUIRED_BY_SERVER', 'HYBRID_REQUIRED_BY_SERVER']) {
      const other = { ...probe, negotiation: { ...probe.negotiation, failures: { ssl: code } } };
      assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [noCredSsp], exports: [], probes: [other] }), [], code);
    }
    for (const code of ['SSL_CERT_NOT_ON_SERVER', 'INCONSISTENT_FLAGS', 'SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER']) {
      const other = { ...probe, negotiation: { ...probe.negotiation, failures: { ssl: code } } };
      assert.deepEqual(ids(crossCheck(XRF_RULES, { rdpFiles: [noCredSsp], exports: [], probes: [other] })), ['XRF003:client.rdp'], code);
    }
  });

  it('XRF003 from a check goes through crossCheckProbes, as XRF001 does', () => {
    const strict = rdp('full address:s:h.contoso.com\nauthentication level:i:1\n');
    const probe: ProbeFacts = { target: 'c.rdp', host: 'h.contoso.com', port: 3389, negotiation: { rdp: true, selected: 'RDP' } };
    assert.deepEqual(ids(crossCheckProbes([strict], [], [probe])), ['XRF003:client.rdp']);
  });

  it('XRF004: the bound thumbprint differs from the certificate a check saw; none without a check', () => {
    const bound = reg(`[HKEY_LOCAL_MACHINE\\${LISTENER}]\r\n"SSLCertificateSHA1Hash"=hex:42,49,e1,2c,a5,9d,6b,0f,7e,11,22,33,44,55,66,77,88,99,aa,bb\r\n`);
    const probe = (sha1: string): ProbeFacts => ({ target: 'h', host: 'h', port: 3389, certificate: { sha1 } });
    const found = crossCheck(XRF_RULES, { rdpFiles: [], exports: [bound], probes: [probe('0000000000000000000000000000000000000000')] });
    assert.deepEqual(ids(found), ['XRF004:server.reg']);
    assert.match(found[0]!.message, /^"SSLCertificateSHA1Hash" is 4249E12CA59D6B0F7E112233445566778899AABB, but h:3389 presents the certificate 0{40}/);
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [], exports: [bound], probes: [probe('4249E12CA59D6B0F7E112233445566778899AABB')] }), []);
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [], exports: [bound] }), []);
  });

  it('severity overrides per file, and off', () => {
    const input = { rdpFiles: [rdp('full address:s:h\nenablecredsspsupport:i:0\n')], exports: [reg(NLA)] };
    assert.equal(crossCheck(XRF_RULES, { ...input, severities: () => ({ XRF001: 'warning' }) })[0]!.severity, 'warning');
    assert.deepEqual(crossCheck(XRF_RULES, { ...input, severities: () => ({ XRF001: 'off' }) }), []);
  });

  it('GPO013 across files: each export that disagrees with another gets a finding pointing at it', () => {
    const a = reg(`[HKEY_LOCAL_MACHINE\\${TS}]\r\n"SecurityLayer"=dword:00000000\r\n`, 'a.reg');
    const b = reg(`[HKEY_LOCAL_MACHINE\\${TS}]\r\n"SecurityLayer"=dword:00000002\r\n`, 'b.reg');
    const c = reg(`[HKEY_LOCAL_MACHINE\\${TS}]\r\n"SecurityLayer"="2"\r\n`, 'c.reg');
    const found = crossFileConflicts([a, b, c].map((x) => ({ path: x.path, values: x.facts.values })));
    assert.deepEqual(ids(found), ['GPO013:a.reg', 'GPO013:b.reg', 'GPO013:c.reg']);
    assert.match(found[1]!.message, /^"SecurityLayer" is 2 here but 0 in a\.reg; the two exports disagree\.$/);
    assert.deepEqual(crossFileConflicts([b, c].map((x) => ({ path: x.path, values: x.facts.values }))), [], 'DWORD 2 and REG_SZ "2" agree');
  });

  it('the values read under shared keys are the policy table\'s values for those keys', () => {
    for (const [key, names] of readOnSharedKeys()) {
      const inTable = registryValues().filter((v) => v.keys.some((k) => normalizeKey(k) === key)).map((v) => v.valueName.toLowerCase());
      assert.deepEqual([...names].sort(), inTable.sort(), key);
    }
  });

  it('GPO013 compares only the values the rules read under keys Windows shares with other settings (NTLM, Kerberos, TCP/IP)', () => {
    const values = (restrict: number, minSec: number, types: number, tryIp: number, keepAlive: number, other: number) =>
      [
        '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0]',
        `"RestrictSendingNTLMTraffic"=dword:0000000${restrict}`,
        `"NTLMMinClientSec"=dword:${minSec.toString(16).padStart(8, '0')}`,
        '[HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\Kerberos\\Parameters]',
        `"SupportedEncryptionTypes"=dword:${types.toString(16).padStart(8, '0')}`,
        `"TryIPSPN"=dword:0000000${tryIp}`,
        '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters]',
        `"KeepAliveTime"=dword:${keepAlive.toString(16).padStart(8, '0')}`,
        `"TcpMaxDataRetransmissions"=dword:0000000${other}`,
        '',
      ].join('\r\n');
    const conflicts = (a: string, b: string) => crossFileConflicts([reg(a, 'a.reg'), reg(b, 'b.reg')].map((x) => ({ path: x.path, values: x.facts.values }))).map((f) => f.subject.split('\\').pop());
    // NTLMMinClientSec, SupportedEncryptionTypes and TcpMaxDataRetransmissions differ: no rule reads them (67 warnings in a review's baselines).
    assert.deepEqual(conflicts(values(1, 536870912, 24, 0, 300000, 3), values(1, 537395200, 2147483640, 0, 300000, 5)), []);
    // What XRF005 and GPO008 read still conflicts.
    assert.deepEqual(conflicts(values(2, 0, 0, 1, 300000, 3), values(1, 0, 0, 0, 7200000, 3)).sort(), ['KeepAliveTime', 'KeepAliveTime', 'RestrictSendingNTLMTraffic', 'RestrictSendingNTLMTraffic', 'TryIPSPN', 'TryIPSPN']);
  });

  it('GPO013 shows the numbers of switches that name a password (fPromptForPassword 0 against 1 was unreadable)', () => {
    const a = reg(`[HKEY_LOCAL_MACHINE\\${TS}]\r\n"fPromptForPassword"=dword:00000000\r\n"DisablePasswordSaving"=dword:00000001\r\n`, 'a.reg');
    const b = reg(`[HKEY_LOCAL_MACHINE\\${TS}]\r\n"fPromptForPassword"=dword:00000001\r\n"DisablePasswordSaving"=dword:00000000\r\n`, 'b.reg');
    const found = crossFileConflicts([a, b].map((x) => ({ path: x.path, values: x.facts.values })));
    assert.deepEqual(found.map((f) => f.message).sort(), [
      '"DisablePasswordSaving" is 0 here but 1 in a.reg; the two exports disagree.',
      '"DisablePasswordSaving" is 1 here but 0 in b.reg; the two exports disagree.',
      '"fPromptForPassword" is 0 here but 1 in b.reg; the two exports disagree.',
      '"fPromptForPassword" is 1 here but 0 in a.reg; the two exports disagree.',
    ]);
  });

  it('GPO013 never shows the data of a value that names a password or secret (it printed both exports\' passwords)', () => {
    const a = reg(`[HKEY_LOCAL_MACHINE\\${LISTENER}]\r\n"Password"="Hunter6a"\r\n`, 'a.reg');
    const b = reg(`[HKEY_LOCAL_MACHINE\\${LISTENER}]\r\n"Password"="Hunter6b"\r\n`, 'b.reg');
    const found = crossFileConflicts([a, b].map((x) => ({ path: x.path, values: x.facts.values })));
    assert.equal(found.length, 2, 'the conflict is still reported');
    for (const f of found) for (const text of [f.message, ...f.related.map((r) => r.message)]) {
      assert.doesNotMatch(text, /Hunter6/);
      assert.match(text, /a password or secret, not shown/);
    }
  });

  it('GPO013 never shows the data of a token, a PIN or a private key either (two exports\' GatewayAccessToken were printed)', () => {
    const values = (suffix: string): string => ['GatewayAccessToken', 'SmartcardPin', 'PrivateKey'].map((n) => `"${n}"="T0ken${n}${suffix}"\r\n`).join('');
    const a = reg(`[HKEY_LOCAL_MACHINE\\${TS}]\r\n${values('a')}`, 'a.reg');
    const b = reg(`[HKEY_LOCAL_MACHINE\\${TS}]\r\n${values('b')}`, 'b.reg');
    const found = crossFileConflicts([a, b].map((x) => ({ path: x.path, values: x.facts.values })));
    assert.equal(found.length, 6, 'each conflict is still reported');
    for (const f of found) for (const text of [f.message, ...f.related.map((r) => r.message)]) {
      assert.doesNotMatch(text, /T0ken/);
      assert.match(text, /a password or secret, not shown/);
    }
  });
});
