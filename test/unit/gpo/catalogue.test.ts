import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { admxPolicies, findAdmxPolicy } from '../../../src/core/gpo/policy-map';
import { registryValues } from '../../../src/core/gpo/policy-values/index';
import { settingMarkdown } from '../../../src/core/gpo/setting-docs';
import { SOURCES } from '../../../src/core/knowledge/sources';
import { readReg } from '../../../src/core/gpo/read-reg';
import { readRegistryPol } from '../../../src/core/gpo/read-registry-pol';
import { GPO_RULES } from '../../../src/core/rules/gpo/index';
import { XRF_RULES } from '../../../src/core/rules/xrf/index';
import { fixture, ROOT } from './helpers';

/** SPEC §2's GPO and XRF rules: IDs, names and default severities are fixed, so they are repeated here on purpose. */
const SPEC_RULES = {
  GPO001: ['rdp-connections-denied', 'error'], GPO002: ['security-layer-rdp', 'warning'], GPO003: ['nla-not-required', 'warning'],
  GPO004: ['encryption-level', 'warning'], GPO005: ['credssp-oracle', 'error'], GPO006: ['udp-transport', 'info'],
  GPO007: ['session-limits', 'info'], GPO008: ['keepalive', 'info'], GPO009: ['schannel-tls-disabled', 'error'],
  GPO010: ['rpc-not-encrypted', 'info'], GPO011: ['password-prompt', 'info'], GPO012: ['listener-port', 'info'],
  GPO013: ['conflicting-policy', 'warning'], XRF001: ['client-nla-vs-server', 'error'], XRF002: ['port-vs-listener', 'error'],
  XRF003: ['strict-auth-vs-rdp-layer', 'error'], XRF004: ['thumbprint-mismatch', 'error'], XRF005: ['ntlm-restricted-vs-target', 'error'],
} as const;

describe('GPO and XRF catalogue', () => {
  it('every SPEC GPO and XRF rule exists with its ID, name and default severity', () => {
    assert.deepEqual(Object.fromEntries([...GPO_RULES, ...XRF_RULES].map((r) => [r.id, [r.name, r.defaultSeverity]])), SPEC_RULES);
  });

  it('SPEC.md, when it is beside the repo, still lists the same rules', { skip: !existsSync(join(ROOT, '../shared/SPEC.md')) && 'no ../shared' }, () => {
    const spec = readFileSync(join(ROOT, '../shared/SPEC.md'), 'utf8');
    const rows = [...spec.matchAll(/^\| ((?:GPO|XRF)\d{3}) \| ([a-z-]+) \| (error|warning|info) \|/gm)].map((m) => [m[1], [m[2], m[3]]]);
    assert.deepEqual(Object.fromEntries(rows), SPEC_RULES);
  });

  it('the policy map and value table cite known sources, and display names are unique', () => {
    for (const p of admxPolicies()) assert.ok(p.sources.length > 0 && p.sources.every((s) => s in SOURCES), p.id);
    for (const v of registryValues()) assert.ok(v.sources.length > 0 && v.sources.every((s) => s in SOURCES), v.valueName);
    assert.equal(new Set(admxPolicies().map((p) => p.displayName.toLowerCase())).size, admxPolicies().length);
    assert.equal(findAdmxPolicy('  Require user authentication for remote connections by using  Network Level Authentication ')?.id, 'TS_USER_AUTHENTICATION_POLICY');
  });

  it('matches display names with blanks collapsed and case ignored, as trim, /\\s+/ and toLowerCase would', () => {
    const reference = (name: string) => admxPolicies().find((p) => p.displayName.toLowerCase() === name.trim().replace(/\s+/g, ' ').toLowerCase());
    const blank = fc.constantFrom(' ', '  ', '\t', '\r\n', '\u00A0', '\u3000', '\uFEFF', '\u0001', '');
    fc.assert(
      fc.property(fc.constantFrom(...admxPolicies().map((p) => p.displayName)), blank, blank, fc.array(fc.tuple(fc.nat(200), blank)), fc.boolean(), (name, before, after, blanks, upper) => {
        let mangled = name;
        for (const [at, b] of blanks) {
          const spaces = [...mangled.matchAll(/ /g)].map((m) => m.index!);
          if (spaces.length > 0) mangled = mangled.slice(0, spaces[at % spaces.length]) + b + mangled.slice(spaces[at % spaces.length]! + 1);
        }
        mangled = before + (upper ? mangled.toUpperCase() : mangled) + after;
        assert.equal(findAdmxPolicy(mangled), reference(mangled), JSON.stringify(mangled));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('setting hovers', () => {
  it('say what the policy does, its registry value, what each value means (the current one marked), and the sources', () => {
    const [first] = readRegistryPol(fixture('samples', 'rdp-min.pol')).doc.settings;
    const md = settingMarkdown(first!);
    assert.match(md, /^\*\*Require use of specific security layer for remote \(RDP\) connections\*\* — Group Policy value/);
    assert.match(md, /`HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\SecurityLayer` = `0` \(REG_DWORD\)/);
    assert.match(md, /\| \*\*0\*\* \| RDP: Standard RDP Security/);
    assert.match(md, /\| 2 \| SSL: TLS is required/);
    assert.match(md, /Sources: \[TerminalServer\.admx/);
  });

  it('explain "Allow .rdp files from unknown publishers" (AllowUnsignedFiles), which RDP043 reads: it had no notes', () => {
    const md = settingMarkdown({ hive: 'HKCU', key: 'Software\\Policies\\Microsoft\\Windows NT\\Terminal Services', valueName: 'AllowUnsignedFiles', type: 'REG_DWORD', data: 0, action: 'set', deleted: false, source: { span: { start: 0, end: 0 } } });
    assert.match(md, /^\*\*Allow \.rdp files from unknown publishers\*\* — Group Policy value/);
    assert.match(md, /whether Remote Desktop Connection opens unsigned \.rdp files/);
    assert.match(md, /\| \*\*0\*\* \| Blocked: the user receives a message that the publisher has been blocked\. \|/);
    assert.match(md, /\| 1 \| Users may open them after a warning\. \|/);
    assert.doesNotMatch(md, /no notes/);
  });

  it('explain "Allow .rdp files from valid publishers and user\'s default .rdp settings" (AllowSignedFiles), which RDP043 reads: it had no notes', () => {
    const md = settingMarkdown({ hive: 'HKLM', key: 'SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services', valueName: 'AllowSignedFiles', type: 'REG_DWORD', data: 0, action: 'set', deleted: false, source: { span: { start: 0, end: 0 } } });
    assert.match(md, /^\*\*Allow \.rdp files from valid publishers and user's default \.rdp settings\*\* — Group Policy value/);
    assert.match(md, /whether Remote Desktop Connection opens \.rdp files signed with a valid certificate/);
    assert.match(md, /Disabled still lets through files from a publisher trusted by policy/);
    assert.match(md, /\| \*\*0\*\* \| Blocked: the user receives a message that the publisher has been blocked\. \|/);
    assert.match(md, /\| 1 \| Users may open them after confirming the connection\. \|/);
    assert.match(md, /Sources: .*RDP file security settings in Group Policy/);
    assert.doesNotMatch(md, /no notes/);
  });

  it('never show the text of a value whose name or key names a secret, as GPO013 does not; numbers still show', () => {
    // A security review: a hover showed `Winlogon\\DefaultPassword = "Hunter2Secret!"`.
    const winlogon = readReg('Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon]\n"DefaultPassword"="Hunter2Secret!"\n"DefaultUserName"="alice"\n"AutoAdminLogon"="1"\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\ClientSecret]\n"Values"=hex(7):48,00,75,00,6e,00,74,00,65,00,72,00,33,00,00,00,00,00\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services]\n"fPromptForPassword"=dword:00000001\n');
    const [password, user, , list, prompt] = winlogon.settings.map(settingMarkdown);
    assert.match(password!, /`HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\DefaultPassword` = `\(a password or secret, not shown\)` \(REG_SZ\)/);
    assert.match(list!, /ClientSecret\\Values` = `\(a password or secret, not shown\)` \(REG_MULTI_SZ\)/);
    for (const md of [password!, list!]) assert.doesNotMatch(md, /Hunter/);
    assert.match(user!, /DefaultUserName` = `"alice"`/);
    assert.match(prompt!, /fPromptForPassword` = `1` \(REG_DWORD\)/);
  });

  it('write the GPO name, the policy name, the key, the value name and the data from an export as text, never as markup', () => {
    const [first] = readRegistryPol(fixture('samples', 'rdp-min.pol')).doc.settings;
    const hostile = {
      ...first!,
      gpo: '[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>',
      policy: '**Bold** `code` | pipe # https://evil.example',
      valueName: 'x`](command:evil)',
      type: 'REG_SZ' as const,
      data: '``[y](command:evil)`` <b>',
    };
    const md = settingMarkdown(hostile);
    const [title, , value] = md.split('\n');
    assert.equal(title, '**\\*\\*Bold\\*\\* \\`code\\` \\| pipe \\# https:/\\/evil\\.example** — Group Policy value in GPO "\\[click\\](command:workbench\\.action\\.terminal\\.new) \\<img src=x onerror=alert(1)\\>"');
    // Inside a code span nothing is a link: the fence is longer than any backtick run in the value.
    assert.equal(value, '``HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\x`](command:evil)`` = ```"``[y](command:evil)`` <b>"``` (REG_SZ)');
  });
});
